"""System leaders: ego networks, warm-introduction paths, relationship maps (sigma.js shape)."""

from __future__ import annotations

import neo4j
import networkx as nx
import pytest

from tests.api.conftest import GraphQL
from tests.api.fixtures_graph import FixtureGraph

pytestmark = pytest.mark.neo4j

EGO = """query E($id: ID!, $hops: Int!, $limit: Int!) { egoNetwork(id: $id, hops: $hops,
  limit: $limit) { truncated nodes { id label kind tribe hop }
  edges { source target type weight } } }"""
PATH = """query P($a: ID!, $b: ID!) { connection(fromId: $a, toId: $b, maxPaths: 25) {
  through nodes { id kind } steps { source target type } } }"""
MAP = """query M($f: MapFilter, $limit: Int!) { relationshipMap(filter: $f, limit: $limit) {
  truncated matched nodes { id label tribe sector organisationId }
  edges { source target type } } }"""


def _people_graph(g: FixtureGraph) -> nx.Graph:
    """People, organisations and teams with the ties egoNetwork/connection traverse."""
    graph = nx.Graph()
    for a, b, _t, _ in g.ties:
        graph.add_edge(a, b)
    for p in g.people.values():
        graph.add_edge(p.id, p.organisation_id)
        graph.add_edge(p.id, p.team_id)
    for s in g.services.values():
        graph.add_edge(s.organisation_id, s.id)
    return graph


def test_ego_network_matches_breadth_first_search(
    small_graph: FixtureGraph, gql: GraphQL, keys: dict[str, str]
) -> None:
    graph = _people_graph(small_graph)
    centre = next(iter(small_graph.people))
    for hops in (1, 2):
        want = nx.single_source_shortest_path_length(graph, centre, cutoff=hops)
        got = gql(EGO, {"id": centre, "hops": hops, "limit": 2000}, key=keys["leader"])
        view = got["data"]["egoNetwork"]
        assert view["truncated"] is False
        assert {n["id"]: n["hop"] for n in view["nodes"]} == want
        ids = set(want)
        assert all(e["source"] in ids and e["target"] in ids for e in view["edges"])


def test_ego_network_caps_nodes_and_says_so(
    small_graph: FixtureGraph, gql: GraphQL, keys: dict[str, str]
) -> None:
    centre = next(iter(small_graph.people))
    view = gql(EGO, {"id": centre, "hops": 3, "limit": 25}, key=keys["leader"])["data"][
        "egoNetwork"
    ]
    assert view["truncated"] is True and len(view["nodes"]) == 25
    assert view["nodes"][0]["id"] == centre and view["nodes"][0]["hop"] == 0
    hops = [n["hop"] for n in view["nodes"]]
    assert hops == sorted(hops)  # nearest kept first


def test_ego_network_rejects_more_than_three_hops(
    small_graph: FixtureGraph, gql: GraphQL, keys: dict[str, str]
) -> None:
    body = gql(
        EGO, {"id": next(iter(small_graph.people)), "hops": 4, "limit": 10}, key=keys["leader"]
    )
    assert body["errors"][0]["extensions"]["code"] == "VALIDATION"
    assert "hops" in body["errors"][0]["message"]


def _tiers(g: FixtureGraph) -> list[tuple[str, nx.Graph]]:
    """The warm-introduction tiers: people who know or work with each other, then also
    colleagues and team members (network/connection.cypher)."""
    people = nx.Graph()
    people.add_nodes_from(list(g.people) + list(g.organisations) + list(g.teams))
    for a, b, kind, _ in g.ties:
        if kind in ("KNOWS", "WORKS_WITH"):
            people.add_edge(a, b)
    organisations = people.copy()
    for a, b, kind, _ in g.ties:
        if kind in ("WORKS_FOR", "MEMBER_OF"):
            organisations.add_edge(a, b)
    for p in g.people.values():
        organisations.add_edge(p.id, p.organisation_id)
        organisations.add_edge(p.id, p.team_id)
    return [("people", people), ("organisations", organisations)]


def test_connection_goes_through_people_who_know_each_other_first(
    small_graph: FixtureGraph, gql: GraphQL, keys: dict[str, str]
) -> None:
    tiers = _tiers(small_graph)
    people = list(small_graph.people)
    checked = {"people": 0, "organisations": 0}
    for a, b in zip(people[:20], people[-20:], strict=True):
        through, graph = next(
            ((name, g) for name, g in tiers if nx.has_path(g, a, b)), (None, tiers[-1][1])
        )
        paths = gql(PATH, {"a": a, "b": b}, key=keys["connector"])["data"]["connection"]
        if through is None or nx.shortest_path_length(graph, a, b) > 6:
            assert paths == []
            continue
        want = nx.shortest_path_length(graph, a, b)
        assert paths and all(len(p["steps"]) == want and p["through"] == through for p in paths)
        expected = {tuple(p) for p in nx.all_shortest_paths(graph, a, b)}
        if len(expected) <= 25:
            assert {tuple(n["id"] for n in p["nodes"]) for p in paths} == expected
        allowed = {"KNOWS", "WORKS_WITH"} | (
            {"WORKS_FOR", "MEMBER_OF"} if through != "people" else set()
        )
        assert all(s["type"] in allowed for p in paths for s in p["steps"])
        checked[through] += 1
    assert checked["people"] >= 5


def test_relationship_map_filters_by_tribe_and_area_and_flags_truncation(
    small_graph: FixtureGraph, gql: GraphQL, keys: dict[str, str]
) -> None:
    gps = {p.id for p in small_graph.people.values() if p.tribe == "gp"}
    view = gql(MAP, {"f": {"tribe": "gp"}, "limit": 2000}, key=keys["leader"])["data"][
        "relationshipMap"
    ]
    assert {n["id"] for n in view["nodes"]} == gps and view["truncated"] is False
    assert all(e["source"] in gps and e["target"] in gps for e in view["edges"])
    la = "tW06000001"
    in_la = {
        p.id
        for p in small_graph.people.values()
        if la in small_graph.ancestors(small_graph.teams[p.team_id])
    }
    area = gql(MAP, {"f": {"areaId": la}, "limit": 2000}, key=keys["leader"])["data"][
        "relationshipMap"
    ]
    assert {n["id"] for n in area["nodes"]} == in_la
    capped = gql(MAP, {"f": None, "limit": 10}, key=keys["leader"])["data"]["relationshipMap"]
    assert capped["truncated"] is True and len(capped["nodes"]) == 10
    assert capped["matched"] == len(small_graph.people)


def test_public_callers_get_no_relationship_views(small_graph: FixtureGraph, gql: GraphQL) -> None:
    centre = next(iter(small_graph.people))
    for query, variables in (
        (EGO, {"id": centre, "hops": 1, "limit": 5}),
        (MAP, {"f": None, "limit": 5}),
        (PATH, {"a": centre, "b": list(small_graph.people)[1]}),
    ):
        body = gql(query, variables)
        assert body["data"] is None and body["errors"][0]["extensions"]["code"] == "FORBIDDEN"
        assert "Person" not in str(body)


def test_people_the_generator_made_up_are_marked_generated(
    small_graph: FixtureGraph, gql: GraphQL, keys: dict[str, str], driver: neo4j.Driver
) -> None:
    centre = next(iter(small_graph.people))
    driver.execute_query("MATCH (p:Person {id: $id}) SET p.source = 'demo:generator'", id=centre)
    query = """query E($id: ID!) { egoNetwork(id: $id, hops: 1) { nodes { id generated } } }"""
    nodes = gql(query, {"id": centre}, key=keys["leader"])["data"]["egoNetwork"]["nodes"]
    marked = {n["id"]: n["generated"] for n in nodes}
    assert marked[centre] is True
    assert not any(v for k, v in marked.items() if k != centre)
