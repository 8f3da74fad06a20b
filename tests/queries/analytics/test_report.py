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
        "articulation_points",
        "bridges",
        "group_cuts",
        "brokerage",
        "constraint",
        "assumptions",
    }
    assert [set(b) for b in out["brokers"]] == [{"id", "name", "betweenness"}] * 5
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
    assert len(out["brokers"]) == len(graph)
    assert len(out["articulation_points"]) == out["assumptions"]["articulation_points_total"]


def test_gaps_report_lists_coverage_worst_first_and_group_gaps(graph: nx.Graph) -> None:
    demand = [
        DemandPoint("A", "dementia", 52.0, -3.0, 100),
        DemandPoint("B", "dementia", 53.0, -3.0, 100),
    ]
    supply = [SupplyPoint("s", 52.0, -3.0, ("dementia",))]
    out = gaps_report(graph, demand, supply, radius_km=5, top=3)
    assert set(out) >= {"coverage", "group_gaps", "ei_index", "team_gaps", "assumptions"}
    assert out["coverage"] == [
        {"area": "B", "need": "dementia", "score": 0.0},
        {"area": "A", "need": "dementia", "score": 10.0},
    ]
    assert out["unreached"] == [{"area": "B", "need": "dementia"}]
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
    assert set(out) == {"listings", "overlaps", "assumptions"}
    assert len(out["listings"]) == 5
    assert all(0 <= g["confidence"] <= 1 and len(g["ids"]) >= 2 for g in out["listings"])
    assert out["overlaps"] == [{"need": "n", "area": "A", "service_ids": ["x", "y"]}]
    json.dumps(out, allow_nan=False)


def test_subgraph_by_prefix_keeps_only_matching_ids() -> None:
    G = nx.Graph([("wales:1", "wales:2"), ("wales:2", "trafford:1")])
    H = subgraph_by_prefix(G, "wales:")
    assert sorted(H) == ["wales:1", "wales:2"] and H.number_of_edges() == 1
    assert subgraph_by_prefix(G, None) is G
