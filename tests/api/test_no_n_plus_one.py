"""Nested fields cost one statement per field kind, whatever the page size (no N+1)."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from tests.api.conftest import GraphQL
from tests.api.fixtures_graph import FixtureGraph

pytestmark = pytest.mark.neo4j

DEEP = """query($first: Int!) { assetsNear(latitude: 51.48, longitude: -3.18, radiusKm: 30,
  first: $first) { edges { node { id name organisation { name } locations { id accessibility }
  schedules { byday opensAt } contacts { phones } costOptions { amount } languages { code }
  needs { id } } } } }"""


def _statements(client: TestClient, gql: GraphQL, first: int) -> tuple[int, int]:
    db = client.app.state.db  # type: ignore[attr-defined]
    before = db.statements_run
    body = gql(DEEP, {"first": first})
    assert "errors" not in body
    return db.statements_run - before, len(body["data"]["assetsNear"]["edges"])


def test_assets_near_with_every_nested_field_runs_a_constant_number_of_statements(
    small_graph: FixtureGraph, client: TestClient, gql: GraphQL
) -> None:
    small, n_small = _statements(client, gql, 2)
    large, n_large = _statements(client, gql, 100)
    assert n_large == 100 and n_small == 2
    # 1 root statement + 5 loaders (organisation, locations, schedules, contacts, details)
    assert small == large == 6


def test_search_and_shared_shortlist_use_the_same_loaders(
    small_graph: FixtureGraph, client: TestClient, gql: GraphQL
) -> None:
    db = client.app.state.db  # type: ignore[attr-defined]
    before = db.statements_run
    body = gql(
        '{ searchAssets(text: "club", first: 100) { edges { node { organisation { id } '
        "schedules { byday } } } } }"
    )
    assert len(body["data"]["searchAssets"]["edges"]) > 10
    assert db.statements_run - before == 3
