"""Leaders get the analytics reports in GraphQL; the public role does not."""

from __future__ import annotations

import neo4j
import networkx as nx
import pytest

from loaders.relationships import load_relationship_rows
from tests.api.conftest import GraphQL
from tests.support.keys import make_key

QUERY = """query B($prefix: String, $top: Int!) {
  bottlenecks(prefix: $prefix, top: $top)
}"""


@pytest.fixture(scope="module")
def karate(driver: neo4j.Driver) -> nx.Graph:
    graph = nx.karate_club_graph()
    nodes = [{"id": f"kc-{v}", "kind": "person", "name": f"member {v}"} for v in graph]
    edges = [{"source": f"kc-{a}", "target": f"kc-{b}", "type": "KNOWS"} for a, b in graph.edges]
    summary = load_relationship_rows(driver, nodes, edges, "test:karate")
    assert summary.rejected == 0
    return graph


def test_leader_bottlenecks_equal_networkx_betweenness(
    driver: neo4j.Driver, karate: nx.Graph, gql: GraphQL
) -> None:
    body = gql(QUERY, {"prefix": "kc-", "top": 34}, key=make_key(driver, "leader"))
    assert "errors" not in body, body
    brokers = body["data"]["bottlenecks"]["brokers"]
    expected = nx.betweenness_centrality(karate)
    assert {b["id"]: pytest.approx(b["betweenness"]) for b in brokers} == {
        f"kc-{v}": pytest.approx(value) for v, value in expected.items()
    }


def test_the_public_role_is_refused_analytics_with_a_clear_message(
    karate: nx.Graph, gql: GraphQL
) -> None:
    body = gql(QUERY, {"prefix": "kc-", "top": 5})
    assert body["data"] is None
    assert "leader" in body["errors"][0]["message"]


def test_top_above_1000_is_a_validation_error(
    driver: neo4j.Driver, karate: nx.Graph, gql: GraphQL
) -> None:
    body = gql(QUERY, {"prefix": "kc-", "top": 1001}, key=make_key(driver, "leader"))
    assert "top" in body["errors"][0]["message"]
