"""Gould & Fernandez brokerage roles on a directed graph with groups."""

from __future__ import annotations

from collections.abc import Hashable
from typing import Any

import networkx as nx

from ._common import cap, json_id, node_name, node_sort_key

__all__ = ["ROLES", "brokerage_roles", "top_brokerage"]

#: The five roles, in Gould & Fernandez's order. For a two-path ``a -> b -> c`` with no tie
#: ``a -> c``, broker ``b`` is a
#: coordinator (a, b, c in one group), itinerant (a and c in one group, b in another; also
#: called consultant), representative (a and b in one group, c in another), gatekeeper
#: (b and c in one group, a in another) or liaison (three different groups).
ROLES: tuple[str, ...] = ("coordinator", "itinerant", "representative", "gatekeeper", "liaison")


def _role(ga: str, gb: str, gc: str) -> str:
    if ga == gb == gc:
        return "coordinator"
    if ga == gc:
        return "itinerant"
    if ga == gb:
        return "representative"
    if gb == gc:
        return "gatekeeper"
    return "liaison"


def brokerage_roles(G: nx.Graph, group_attr: str) -> dict[Hashable, dict[str, int]]:
    """Count, for every node, the open two-paths it brokers in each of the five roles.

    Parameters
    ----------
    G : networkx.DiGraph or networkx.Graph
        Ties are read in their direction; an undirected tie counts both ways.
    group_attr : str
        Node attribute giving each node's group. Two-paths touching a node without a group
        are not counted.

    Returns
    -------
    dict
        Node -> ``{"coordinator": int, "itinerant": int, "representative": int,
        "gatekeeper": int, "liaison": int, "total": int}`` for every node with a group.

    Notes
    -----
    A two-path ``a -> b -> c`` counts for ``b`` when ``a != c`` and ``a -> c`` is absent
    (a direct tie needs no broker). Roles by group membership: see :data:`ROLES`.
    O(sum over b of indeg(b)·outdeg(b)) time, O(n + m) memory. Unlike statnet's
    ``brokerage``, no z-scores against a random baseline are computed: these are raw counts.

    References
    ----------
    .. [1] R. V. Gould and R. M. Fernandez, "Structures of mediation: a formal approach to
       brokerage in transaction networks", Sociol. Methodol. 19:89-126, 1989.

    Examples
    --------
    >>> D = nx.DiGraph([("a", "b"), ("b", "c")])
    >>> nx.set_node_attributes(D, {"a": "x", "b": "y", "c": "x"}, "group")
    >>> brokerage_roles(D, "group")["b"]["itinerant"]
    1
    """
    D = G if G.is_directed() else G.to_directed(as_view=True)
    group = {v: str(g) for v, g in D.nodes(data=group_attr) if g is not None}
    counts: dict[Hashable, dict[str, int]] = {}
    for b in D.nodes():
        row = dict.fromkeys((*ROLES, "total"), 0)
        gb = group.get(b)
        if gb is not None:
            succ = [c for c in D.successors(b) if c != b and c in group]
            for a in D.predecessors(b):
                if a == b or a not in group:
                    continue
                ga = group[a]
                out_a = D.succ[a]
                for c in succ:
                    if c == a or c in out_a:
                        continue
                    row[_role(ga, gb, group[c])] += 1
            row["total"] = sum(row[r] for r in ROLES)
            counts[b] = row
    return counts


def top_brokerage(
    G: nx.Graph, group_attr: str, *, top: int | None = 20, kinds: tuple[str, ...] | None = None
) -> list[dict[str, Any]]:
    """Nodes brokering the most open two-paths, with their role counts.

    Parameters
    ----------
    G : networkx.DiGraph or networkx.Graph
    group_attr : str
    top : int or None, default 20
    kinds : tuple of str, optional
        Only list nodes of these ``kind`` values.

    Returns
    -------
    list of dict
        ``{"id", "name", "group", "total", <role>: int...}``, total descending then by id;
        nodes brokering nothing are left out.

    Notes
    -----
    Cost of :func:`brokerage_roles` plus a sort.
    """
    roles = brokerage_roles(G, group_attr)
    rows = [
        (v, r)
        for v, r in roles.items()
        if r["total"] > 0 and (kinds is None or G.nodes[v].get("kind") in kinds)
    ]
    rows.sort(key=lambda x: (-x[1]["total"], node_sort_key(x[0])))
    return [
        {
            "id": json_id(v),
            "name": node_name(G.nodes[v], v),
            "group": str(G.nodes[v][group_attr]),
            **r,
        }
        for v, r in cap(rows, top)
    ]
