"""Fixtures for the GraphQL tests: the seeded fixture graph, an app client, keys per role."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import neo4j
import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from api.guard import GuardSettings
from graph.settings import Neo4jSettings
from tests.api.fixtures_graph import FixtureGraph, generate, write_graph
from tests.support.keys import make_key

GraphQL = Callable[..., dict[str, Any]]


@pytest.fixture(scope="module")
def fixture_graph(driver: neo4j.Driver) -> FixtureGraph:
    """A few thousand services at locations, written once per test module."""
    graph = generate(seed=7)
    write_graph(driver, graph)
    return graph


@pytest.fixture(scope="module")
def client(
    neo4j_settings: Neo4jSettings, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[TestClient]:
    empty_ui: Path = tmp_path_factory.mktemp("no-ui") / "absent"
    # One test client plays every caller from one address: per-client limits are tested
    # on their own (tests/security/test_request_guard.py).
    app = create_app(neo4j_settings, static_dir=empty_ui, guard=GuardSettings.unlimited())
    with TestClient(app) as test_client:
        yield test_client


@pytest.fixture(scope="module")
def gql(client: TestClient) -> GraphQL:
    """POST a GraphQL operation; return the JSON body (asserting HTTP 200)."""

    def run(
        query: str,
        variables: dict[str, Any] | None = None,
        key: str | None = None,
        status: int = 200,
        language: str | None = None,
    ) -> dict[str, Any]:
        headers = {"Authorization": f"Bearer {key}"} if key else {}
        if language:
            headers["Accept-Language"] = language
        response = client.post(
            "/graphql", json={"query": query, "variables": variables or {}}, headers=headers
        )
        assert response.status_code == status, response.text
        body: dict[str, Any] = response.json()
        return body

    return run


@pytest.fixture(scope="module")
def small_graph(driver: neo4j.Driver) -> FixtureGraph:
    """A smaller graph (400 services, 200 people) for journey tests."""
    graph = generate(seed=3, services=400, locations=300, people=200)
    write_graph(driver, graph)
    return graph


@pytest.fixture(scope="module")
def keys(driver: neo4j.Driver, small_graph: FixtureGraph) -> dict[str, str]:
    """A key per role; group editors of two organisations (A, B)."""
    org_a, org_b = list(small_graph.organisations)[:2]
    return {
        "connector": make_key(driver, "connector"),
        "editor_a": make_key(driver, "group_editor", org_a),
        "editor_b": make_key(driver, "group_editor", org_b),
        "moderator": make_key(driver, "moderator"),
        "leader": make_key(driver, "leader"),
        "admin": make_key(driver, "admin"),
    }
