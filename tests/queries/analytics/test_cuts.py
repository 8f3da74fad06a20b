"""Articulation points, bridges and minimum cuts between groups."""

from __future__ import annotations

import random

import networkx as nx
import pytest

from queries.analytics.cuts import CutEngine, articulation_points, bridges, group_cut, group_cuts


def test_kite_articulation_points_are_heather_and_ike() -> None:
    assert articulation_points(nx.krackhardt_kite_graph()) == [7, 8]


def test_kite_bridges_are_7_8_and_8_9() -> None:
    assert bridges(nx.krackhardt_kite_graph()) == [[7, 8], [8, 9]]


def test_florentine_articulation_points_include_the_medici() -> None:
    G = nx.florentine_families_graph()
    assert articulation_points(G) == ["Albizzi", "Guadagni", "Medici", "Salviati"]
    assert ["Medici", "Salviati"] in bridges(G)


def test_directed_graphs_are_read_as_undirected() -> None:
    D = nx.DiGraph([(1, 2), (3, 2), (3, 4)])
    assert articulation_points(D) == [2, 3]
    assert bridges(D) == [[1, 2], [2, 3], [3, 4]]


def two_groups_via_two_middlemen() -> nx.Graph:
    G = nx.Graph([("a1", "a2"), ("b1", "b2"), ("m1", "m2")])
    G.add_edges_from((x, m) for x in ("a1", "a2", "a3", "b1", "b2", "b3") for m in ("m1", "m2"))
    for v in G:
        G.nodes[v]["tribe"] = {"a": "gp", "b": "teacher", "m": "nurse"}[v[0]]
    return G


@pytest.mark.parametrize("engine", ["networkx", "igraph"])
def test_two_middlemen_must_leave_before_gps_and_teachers_lose_touch(engine: CutEngine) -> None:
    G = two_groups_via_two_middlemen()
    assert group_cut(G, ["a1", "a2", "a3"], ["b1", "b2", "b3"], engine=engine) == ["m1", "m2"]


@pytest.mark.parametrize("engine", ["networkx", "igraph"])
def test_a_direct_tie_puts_a_member_in_the_cut(engine: CutEngine) -> None:
    G = nx.Graph([("a", "b")])
    cut = group_cut(G, ["a"], ["b"], engine=engine)
    assert len(cut) == 1 and cut[0] in ("a", "b")


def test_groups_already_apart_need_no_cut() -> None:
    G = nx.Graph([("a", "x"), ("b", "y")])
    assert group_cut(G, ["a"], ["b"]) == []
    assert group_cut(G, [], ["b"]) == []


@pytest.mark.parametrize("seed", range(4))
def test_igraph_and_networkx_cuts_have_the_same_size(seed: int) -> None:
    rng = random.Random(seed)
    G = nx.gnm_random_graph(80, 200, seed=seed)
    nodes = list(G)
    rng.shuffle(nodes)
    a, b = nodes[:10], nodes[10:20]
    cut_nx = group_cut(G, a, b, engine="networkx")
    cut_ig = group_cut(G, a, b, engine="igraph")
    assert len(cut_nx) == len(cut_ig)
    for cut in (cut_nx, cut_ig):
        H = G.copy()
        H.remove_nodes_from(cut)
        assert not any(nx.has_path(H, x, y) for x in a if x in H for y in b if y in H)


def test_group_cuts_default_to_the_seed_pairs_present() -> None:
    rows = group_cuts(two_groups_via_two_middlemen(), "tribe")
    assert rows == [{"groups": ["gp", "teacher"], "cut": ["m1", "m2"]}]


def test_group_cuts_take_given_pairs_and_sort_by_cut_size() -> None:
    rows = group_cuts(two_groups_via_two_middlemen(), "tribe", [("gp", "teacher"), ("gp", "nurse")])
    assert [r["groups"] for r in rows] == [["gp", "nurse"], ["gp", "teacher"]]
    assert len(rows[0]["cut"]) == 2


@pytest.mark.parametrize("seed", range(4))
def test_igraph_and_networkx_find_the_same_cut_vertices_and_bridges(seed: int) -> None:
    G = nx.gnm_random_graph(300, 330, seed=seed)
    G.add_edge(0, 0)
    assert articulation_points(G, engine="igraph") == articulation_points(G, engine="networkx")
    assert bridges(G, engine="igraph") == bridges(G, engine="networkx")
