"""Whole answers to network reads are reused only while the graph is unchanged, per caller
and language, and never for anything else (:mod:`api.graphql.answer_cache`)."""

from __future__ import annotations

import neo4j
import pytest
from fastapi.testclient import TestClient

from api.graphql.answer_cache import AnswerCache
from tests.api.conftest import GraphQL
from tests.api.fixtures_graph import FixtureGraph

pytestmark = pytest.mark.neo4j

MAP = """query M($limit: Int!) { relationshipMap(limit: $limit) {
  truncated nodes { id label } edges { source target } } }"""


def _cache(client: TestClient) -> AnswerCache:
    cache: AnswerCache = client.app.state.answers  # type: ignore[attr-defined]
    return cache


def test_the_same_map_is_answered_once_until_anyone_writes_anything(
    small_graph: FixtureGraph,
    gql: GraphQL,
    client: TestClient,
    keys: dict[str, str],
    driver: neo4j.Driver,
) -> None:
    cache = _cache(client)
    runs = cache.runs
    first = gql(MAP, {"limit": 40}, key=keys["leader"])
    again = gql(MAP, {"limit": 40}, key=keys["leader"])
    assert again == first and cache.runs == runs + 1
    # A write outside the API (a database client renaming a person on the map) moves
    # Neo4j's bookmark: the next answer is computed again and shows the new name.
    person = first["data"]["relationshipMap"]["nodes"][0]["id"]
    driver.execute_query(
        "MATCH (p:Person {id: $id}) SET p.name = 'Renamed For The Test'", id=person
    )
    after = gql(MAP, {"limit": 40}, key=keys["leader"])
    assert cache.runs == runs + 2
    labels = {n["id"]: n["label"] for n in after["data"]["relationshipMap"]["nodes"]}
    assert labels[person] == "Renamed For The Test"


def test_answers_are_kept_apart_by_caller_and_language(
    small_graph: FixtureGraph, gql: GraphQL, client: TestClient, keys: dict[str, str]
) -> None:
    cache = _cache(client)
    leader = gql(MAP, {"limit": 7}, key=keys["leader"])
    refused = gql(MAP, {"limit": 7})  # anonymous: the people on a map are not public
    assert leader["data"]["relationshipMap"]["nodes"]
    assert refused.get("data") is None or refused["data"].get("relationshipMap") is None
    runs = cache.runs
    gql(MAP, {"limit": 7}, key=keys["leader"], language="cy")
    assert cache.runs == runs + 1  # Welsh is a different answer (messages, labels)


def test_only_queries_of_network_reads_take_part() -> None:
    cache = AnswerCache()
    assert cache.takes_part(b'{"query": "{ relationshipMap(limit: 5) { truncated } }"}')
    assert cache.takes_part(
        b'{"query": "query A { me { role } } query B { gaps { totals { areas } } }",'
        b' "operationName": "B"}'
    )
    for body in (
        b'{"query": "{ relationshipMap(limit: 5) { truncated } me { role } }"}',
        b'{"query": "{ myShortlists { id expiresAt } }"}',
        b'{"query": "mutation { createShortlist(name: \\"x\\") { __typename } }"}',
        b'{"query": "query A { me { role } } query B { gaps { totals { areas } } }"}',
        b'{"query": "{ relationshipMap(limit: "}',
        b"not json",
    ):
        assert not cache.takes_part(body), body
