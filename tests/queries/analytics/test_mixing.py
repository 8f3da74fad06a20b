"""Group mixing: tie matrix, configuration-model expectation, E-I index, gaps."""

from __future__ import annotations

import networkx as nx
import pytest

from queries.analytics.mixing import (
    ei_index,
    expected_ties,
    group_gaps,
    mixing_matrix,
    seed_pairs_present,
)


def two_groups() -> nx.Graph:
    G = nx.Graph([("a1", "a2"), ("b1", "b2"), ("a1", "b1")])
    G.add_node("nobody")  # no group: ignored
    for v in G:
        if v != "nobody":
            G.nodes[v]["tribe"] = v[0].upper()
    return G


def test_mixing_matrix_counts_ties_per_unordered_group_pair() -> None:
    assert mixing_matrix(two_groups(), "tribe") == {("A", "A"): 1, ("A", "B"): 1, ("B", "B"): 1}


def test_expected_ties_follow_the_configuration_model_by_hand() -> None:
    # m = 3, D_A = D_B = 3: between 3*3/(2*3) = 1.5, within 3^2/(4*3) = 0.75
    expected = expected_ties(mixing_matrix(two_groups(), "tribe"))
    assert expected == {("A", "A"): 0.75, ("A", "B"): 1.5, ("B", "B"): 0.75}
    assert sum(expected.values()) == pytest.approx(3)


def test_ei_index_by_hand() -> None:
    ei = ei_index(two_groups(), "tribe")
    assert ei["overall"] == pytest.approx(-1 / 3)
    assert ei["groups"] == {"A": 0.0, "B": 0.0}
    lonely = nx.Graph([("a", "b")])
    nx.set_node_attributes(lonely, {"a": "x", "b": "y"}, "tribe")
    assert ei_index(lonely, "tribe")["overall"] == 1.0


def test_group_gaps_report_ties_and_expectation() -> None:
    assert group_gaps(two_groups(), "tribe") == [{"groups": ["A", "B"], "ties": 1, "expected": 1.5}]


def tribes_graph() -> nx.Graph:
    G = nx.Graph()
    people = {"gp": 6, "teacher": 6, "nurse": 6, "public_health": 2}
    for tribe, count in people.items():
        for i in range(count):
            G.add_node(f"{tribe}{i}", tribe=tribe)
        nx.add_path(G, [f"{tribe}{i}" for i in range(count)])
    G.add_edges_from([("gp0", "nurse0"), ("gp1", "nurse1"), ("gp2", "nurse2")])
    G.add_edges_from([("nurse3", "teacher0"), ("public_health0", "gp3")])
    return G


def test_group_gaps_put_the_worst_shortfall_first() -> None:
    rows = group_gaps(tribes_graph(), "tribe", top=None, include_seed_pairs=False)
    ratios = [1 - r["ties"] / r["expected"] for r in rows]
    assert ratios == sorted(ratios, reverse=True)
    assert rows[0]["ties"] == 0


def test_seed_pairs_are_always_listed_whatever_the_cap() -> None:
    rows = group_gaps(tribes_graph(), "tribe", top=1)
    pairs = [tuple(r["groups"]) for r in rows]
    assert ("gp", "teacher") in pairs
    assert ("nurse", "public_health") in pairs and ("gp", "public_health") in pairs
    assert seed_pairs_present(["gp", "teacher", "nurse"]) == [("gp", "teacher")]


def test_group_gaps_only_for_given_pairs() -> None:
    rows = group_gaps(tribes_graph(), "tribe", pairs=[("nurse", "gp")], include_seed_pairs=False)
    assert rows == [{"groups": ["gp", "nurse"], "ties": 3, "expected": rows[0]["expected"]}]
