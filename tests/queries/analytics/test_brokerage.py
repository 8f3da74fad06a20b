"""Gould & Fernandez brokerage roles, counted by hand."""

from __future__ import annotations

import networkx as nx

from queries.analytics.brokerage import ROLES, brokerage_roles, top_brokerage

ZERO = dict.fromkeys((*ROLES, "total"), 0)


def hand_graph() -> nx.DiGraph:
    D = nx.DiGraph(
        [
            ("a0", "a1"),
            ("a1", "b1"),
            ("b1", "a2"),
            ("b1", "b2"),
            ("a2", "a3"),
            ("a2", "c1"),
            ("a3", "c1"),
            ("a3", "a4"),
            ("c1", "b2"),
            ("x", "b1"),
        ]
    )
    for v in D:
        if v != "x":
            D.nodes[v]["tribe"] = v[0]
    return D


def roles(**counts: int) -> dict[str, int]:
    return {**ZERO, **counts, "total": sum(counts.values())}


def test_hand_counted_roles_of_every_broker() -> None:
    # a0>a1>b1 (a0-b1 absent): a1 representative (A,A,B)
    # a1>b1>a2: b1 itinerant (A,B,A); a1>b1>b2: b1 gatekeeper (A,B,B)
    # b1>a2>a3: a2 gatekeeper (B,A,A); b1>a2>c1: a2 liaison (B,A,C)
    # a2>a3>c1 is closed by a2>c1: not counted; a2>a3>a4: a3 coordinator (A,A,A)
    # a3>c1>b2 and a2>c1>b2: c1 liaison twice (A,C,B); x has no group: x>b1>* not counted
    got = brokerage_roles(hand_graph(), "tribe")
    assert got == {
        "a0": ZERO,
        "a1": roles(representative=1),
        "b1": roles(itinerant=1, gatekeeper=1),
        "b2": ZERO,
        "a2": roles(gatekeeper=1, liaison=1),
        "a3": roles(coordinator=1),
        "c1": roles(liaison=2),
        "a4": ZERO,
    }


def test_a_path_back_to_the_start_brokers_nothing() -> None:
    D = nx.DiGraph([("a", "b"), ("b", "a")])
    nx.set_node_attributes(D, "g", "tribe")
    assert brokerage_roles(D, "tribe")["b"]["total"] == 0


def test_undirected_ties_count_both_ways() -> None:
    G = nx.path_graph(["a", "b", "c"])
    nx.set_node_attributes(G, {"a": "x", "b": "y", "c": "x"}, "tribe")
    assert brokerage_roles(G, "tribe")["b"] == roles(itinerant=2)


def test_top_brokerage_orders_by_total_then_id() -> None:
    rows = top_brokerage(hand_graph(), "tribe", top=3)
    assert [(r["id"], r["total"]) for r in rows] == [("a2", 2), ("b1", 2), ("c1", 2)]
    assert rows[2]["liaison"] == 2 and rows[2]["group"] == "c"
