"""Burt's constraint and effective size against published and hand-computed values."""

from __future__ import annotations

import math

import networkx as nx
import pytest

from queries.analytics.holes import constraint, effective_size, structural_holes


def borgatti_example() -> nx.Graph:
    # Borgatti (1997), "Structural holes: unpacking Burt's redundancy measures", figure 1
    return nx.Graph(
        [
            ("A", "B"),
            ("A", "F"),
            ("A", "G"),
            ("A", "E"),
            ("E", "G"),
            ("F", "G"),
            ("B", "G"),
            ("B", "D"),
            ("D", "G"),
            ("G", "C"),
        ]
    )


def test_borgatti_example_matches_published_ucinet_values() -> None:
    G = borgatti_example()
    size = effective_size(G)
    cons = constraint(G)
    assert size["G"] == pytest.approx(4.67, abs=1e-2)
    assert size["A"] == pytest.approx(2.50, abs=1e-2)
    assert size["C"] == pytest.approx(1.0, abs=1e-2)
    assert cons["G"] == pytest.approx(0.400, abs=1e-3)
    assert cons["A"] == pytest.approx(0.595, abs=1e-3)
    assert cons["C"] == pytest.approx(1.0, abs=1e-3)


def test_florentine_guadagni_constraint_is_a_quarter_by_hand() -> None:
    # four contacts, none tied to another: 4 x (1/4)^2
    cons = constraint(nx.florentine_families_graph())
    assert cons["Guadagni"] == pytest.approx(0.25)
    assert cons["Medici"] == pytest.approx(0.2099, abs=1e-4)
    assert cons["Pazzi"] == pytest.approx(1.0)


def test_structural_holes_lists_people_and_organisations_least_constrained_first() -> None:
    G = nx.florentine_families_graph()
    nx.set_node_attributes(G, "person", "kind")
    G.nodes["Strozzi"]["kind"] = "service"
    G.add_node("Pucci", kind="person")  # isolated: undefined, left out
    rows = structural_holes(G, top=None)
    ids = [r["id"] for r in rows]
    assert ids[0] == "Medici" and "Strozzi" not in ids and "Pucci" not in ids
    assert [r["constraint"] for r in rows] == sorted(r["constraint"] for r in rows)
    assert all(not math.isnan(r["effective_size"]) for r in rows)
    assert len(structural_holes(G, top=3)) == 3


@pytest.mark.parametrize("directed", [False, True])
def test_sparse_effective_size_equals_networkx_node_by_node(directed: bool) -> None:
    G = nx.gnm_random_graph(150, 500, seed=3, directed=directed)
    for i, (u, v) in enumerate(G.edges()):
        G[u][v]["weight"] = 1 + i % 3
    G.add_node("isolated")
    for weight in (None, "weight"):
        ours = effective_size(G, weight=weight)
        reference = nx.effective_size(G, nodes=list(G), weight=weight)
        assert math.isnan(ours["isolated"]) and math.isnan(reference["isolated"])
        for v in G:
            if v == "isolated":
                continue
            if math.isnan(reference[v]):
                # networkx's node-by-node path reads G[v] (successors only) for isolation,
                # so it gives NaN to a node with only incoming ties; ours counts them
                assert directed and not G.succ[v] and G.pred[v] and ours[v] > 0
            else:
                assert ours[v] == pytest.approx(reference[v], rel=1e-9), v
