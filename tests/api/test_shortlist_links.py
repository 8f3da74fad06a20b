"""A shortlist's share link expires (90 days) and its owner can withdraw it sooner."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import neo4j
import pytest

from tests.api.conftest import GraphQL
from tests.api.fixtures_graph import FixtureGraph
from tests.support.keys import make_key

pytestmark = pytest.mark.neo4j

CREATE = """mutation { createShortlist(name: "3 December") { __typename
  ... on ShortlistPayload { shortlist { id token expiresAt withdrawn createdAt } } } }"""
SHARED = "query($t: String!) { shortlist(token: $t) { id name } }"
WITHDRAW = """mutation($id: ID!) { withdrawShortlist(shortlistId: $id) { __typename
  ... on ShortlistPayload { shortlist { withdrawn } } ... on Forbidden { message } } }"""


def _create(gql: GraphQL, key: str) -> dict[str, str]:
    payload = gql(CREATE, key=key)["data"]["createShortlist"]
    assert payload["__typename"] == "ShortlistPayload", payload
    return dict(payload["shortlist"])


def test_a_share_link_works_for_90_days_then_opens_nothing(
    small_graph: FixtureGraph, gql: GraphQL, keys: dict[str, str], driver: neo4j.Driver
) -> None:
    made = _create(gql, keys["connector"])
    created = datetime.fromisoformat(made["createdAt"])
    assert datetime.fromisoformat(made["expiresAt"]) - created == timedelta(days=90)
    assert gql(SHARED, {"t": made["token"]})["data"]["shortlist"]["id"] == made["id"]
    past = (datetime.now(UTC) - timedelta(seconds=1)).isoformat()
    driver.execute_query(
        "MATCH (s:Shortlist {id: $id}) SET s.expires_at = $p", id=made["id"], p=past
    )
    assert gql(SHARED, {"t": made["token"]})["data"]["shortlist"] is None
    # A list made before links expired (no expires_at) expires 90 days after it was made.
    old = (datetime.now(UTC) - timedelta(days=91)).isoformat()
    driver.execute_query(
        "MATCH (s:Shortlist {id: $id}) REMOVE s.expires_at SET s.created_at = $old",
        id=made["id"],
        old=old,
    )
    assert gql(SHARED, {"t": made["token"]})["data"]["shortlist"] is None


def test_only_the_owner_may_withdraw_a_link_and_then_it_opens_nothing(
    small_graph: FixtureGraph, gql: GraphQL, keys: dict[str, str], driver: neo4j.Driver
) -> None:
    made = _create(gql, keys["connector"])
    other = gql(WITHDRAW, {"id": made["id"]}, key=make_key(driver, "connector"))
    assert other["data"]["withdrawShortlist"]["__typename"] == "Forbidden"
    assert gql(SHARED, {"t": made["token"]})["data"]["shortlist"] is not None
    done = gql(WITHDRAW, {"id": made["id"]}, key=keys["connector"])["data"]["withdrawShortlist"]
    assert done == {"__typename": "ShortlistPayload", "shortlist": {"withdrawn": True}}
    assert gql(SHARED, {"t": made["token"]})["data"]["shortlist"] is None
