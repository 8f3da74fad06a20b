"""The three combined reports: exact keys, JSON-safe, deterministic, capped, reproducible."""

from __future__ import annotations

import json

import networkx as nx
import pytest

from queries.analytics.coverage import DemandPoint, SupplyPoint
from queries.analytics.report import (
    bottlenecks_report,
    duplicates_report,
    gaps_report,
    subgraph_by_prefix,
)
from queries.analytics.synthetic import clustered_network
from queries.analytics.synthetic_listings import generate_listings


@pytest.fixture(scope="module")
def graph() -> nx.Graph:
    G = clustered_network(400, 1_200, seed=3)
    G.add_node("t1", kind="team", area_id="a0000", name="Team 1")
    G.add_node("a0000", kind="area", needs=["dementia"])
    G.add_edge("p000001", "t1", type="MEMBER_OF")
    return G


def test_bottlenecks_report_has_exactly_the_contract_keys(graph: nx.Graph) -> None:
    out = bottlenecks_report(graph, top=5)
    assert set(out) == {
        "brokers",
        "other_brokers",
        "articulation_points",
        "bridges",
        "bridges_between_groups",
        "names",
        "totals",
        "group_cuts",
        "brokerage",
        "constraint",
        "assumptions",
    }
    assert [set(b) for b in out["brokers"]] == [
        {"id", "name", "kind", "tribe", "betweenness", "roles"}
    ] * 5
    assert {b["kind"] for b in out["brokers"]} == {"person"}
    scores = [b["betweenness"] for b in out["brokers"]]
    assert scores == sorted(scores, reverse=True)
    assert all(set(c) == {"groups", "cut"} for c in out["group_cuts"])
    assert all(len(b) == 2 for b in out["bridges"])
    assert out["assumptions"]["betweenness"]["exact"] is True
    json.dumps(out, allow_nan=False)


def test_bottlenecks_report_is_deterministic_and_says_how_it_sampled(graph: nx.Graph) -> None:
    a = bottlenecks_report(graph, top=10, k=50, seed=7, n_jobs=1)
    b = bottlenecks_report(graph, top=10, k=50, seed=7, n_jobs=1)
    assert a == b
    assumed = a["assumptions"]["betweenness"]
    assert assumed["k"] == 50 and assumed["seed"] == 7 and assumed["exact"] is False
    assert assumed["stratify"] == ["area_id", "organisation_id"]


def test_top_none_lists_everything(graph: nx.Graph) -> None:
    out = bottlenecks_report(graph, top=None)
    assert len(out["brokers"]) == len(graph) - 2  # the team and the area are not people
    assert out["other_brokers"] == []  # the team hangs off one person: it brokers nothing
    assert len(out["articulation_points"]) == out["assumptions"]["articulation_points_total"]


def test_gaps_report_lists_coverage_worst_first_and_group_gaps(graph: nx.Graph) -> None:
    demand = [
        DemandPoint("A", "dementia", 52.0, -3.0, 100),
        DemandPoint("B", "dementia", 52.2, -3.0, 100),  # 22 km from the service
        DemandPoint("C", "dementia", 53.0, -3.0, 100),  # 111 km: no service mapped near
    ]
    supply = [SupplyPoint("s", 52.0, -3.0, ("dementia",))]
    out = gaps_report(graph, demand, supply, radius_km=5, top=3)
    assert set(out) >= {"coverage", "group_gaps", "ei_index", "team_gaps", "assumptions"}
    assert out["coverage"] == [
        {"area": "B", "need": "dementia", "score": 0.0},
        {"area": "A", "need": "dementia", "score": 10.0},
    ]
    assert out["unreached"] == [{"area": "B", "need": "dementia"}]
    assert out["totals"]["area_needs_without_mapped_supply"] == 1  # C: no data, not a gap
    assert all(set(g) == {"groups", "ties", "expected"} for g in out["group_gaps"])
    assert out["team_gaps"][0]["team"] == "t1"
    assert out["assumptions"]["radius_km"] == 5
    json.dumps(out, allow_nan=False)


def test_duplicates_report_finds_groups_and_overlaps() -> None:
    data = generate_listings(300, seed=2)
    services = [
        {"id": "x", "provider": "P1", "needs": ["n"], "areas": ["A"]},
        {"id": "y", "provider": "P2", "needs": ["n"], "areas": ["A"]},
    ]
    out = duplicates_report(data.listings, services, top=5)
    assert set(out) == {"listings", "overlaps", "names", "totals", "assumptions"}
    assert out["totals"]["overlaps"] == 1 and out["totals"]["listings"] >= len(out["listings"])
    assert all(str(i) in out["names"] for g in out["listings"] for i in g["ids"])
    assert len(out["listings"]) == 5
    assert all(0 <= g["confidence"] <= 1 and len(g["ids"]) >= 2 for g in out["listings"])
    assert out["overlaps"] == [{"need": "n", "area": "A", "service_ids": ["x", "y"]}]
    json.dumps(out, allow_nan=False)


def test_subgraph_by_prefix_keeps_only_matching_ids() -> None:
    G = nx.Graph([("wales:1", "wales:2"), ("wales:2", "trafford:1")])
    H = subgraph_by_prefix(G, "wales:")
    assert sorted(H) == ["wales:1", "wales:2"] and H.number_of_edges() == 1
    assert subgraph_by_prefix(G, None) is G


def test_brokers_are_people_and_teams_are_reported_apart() -> None:
    G = nx.path_graph(["p1", "team", "p2", "p3"])
    nx.set_node_attributes(G, {"team": "team"}, "kind")
    nx.set_node_attributes(G, {"p1": "person", "p2": "person", "p3": "person"}, "kind")
    out = bottlenecks_report(G, top=None)
    assert [b["id"] for b in out["brokers"]] == ["p2", "p1", "p3"]
    assert [(b["id"], b["betweenness"]) for b in out["other_brokers"]] == [
        ("team", pytest.approx(2 / 3))
    ]


def test_a_graph_without_people_ranks_every_node() -> None:
    G = nx.path_graph(["o1", "o2", "o3"])
    nx.set_node_attributes(G, "organisation", "kind")
    out = bottlenecks_report(G, top=None)
    assert [b["id"] for b in out["brokers"]] == ["o2", "o1", "o3"]
    assert out["assumptions"]["brokers_are"] == "all"


def test_bridges_to_a_single_tie_are_told_apart_from_bridges_between_groups() -> None:
    G = nx.barbell_graph(4, 0)  # two cliques joined by one bridge (3, 4)
    G.add_edge(0, "leaf")
    out = bottlenecks_report(G, top=None)
    assert sorted(map(sorted, map(lambda b: map(str, b), out["bridges"]))) == [
        ["0", "leaf"],
        ["3", "4"],
    ]
    assert out["bridges_between_groups"] == [[3, 4]]
    assert out["totals"]["bridges_to_single_tie"] == 1
    assert out["totals"]["bridges"] == 2
    assert out["names"]["leaf"] == "leaf"
