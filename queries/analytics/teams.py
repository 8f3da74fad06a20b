"""Team composition: the roles an area's needs call for that its team lacks."""

from __future__ import annotations

import statistics
from collections.abc import Hashable, Iterable, Mapping
from typing import Any

import networkx as nx

from ._common import cap, json_id, node_sort_key, sorted_nodes

__all__ = ["NEED_ROLES", "area_needs_from_graph", "predicted_needs", "team_gaps"]

#: Roles (person ``tribe`` values) that each need calls for in a local team. Keys are need
#: ids or names, case-folded, spaces and hyphens as underscores. A working assumption drawn
#: from NICE guidance on integrated community teams, to be tuned locally.
NEED_ROLES: dict[str, tuple[str, ...]] = {
    "dementia": ("cpn", "ot"),
    "mental_health": ("cpn", "social_worker"),
    "diabetes": ("nurse", "gp"),
    "frailty": ("ot", "physiotherapist", "gp"),
    "falls": ("physiotherapist", "ot"),
    "loneliness": ("community_connector", "volunteer"),
    "social_isolation": ("community_connector", "volunteer"),
    "carers": ("social_worker", "community_connector"),
    "child_poverty": ("teacher", "social_worker"),
    "obesity": ("public_health", "nurse"),
    "smoking": ("public_health", "nurse"),
    "substance_misuse": ("cpn", "support_worker"),
    "housing": ("support_worker", "social_worker"),
    "end_of_life": ("nurse", "gp", "social_worker"),
    # The needs the shipped open data measures (queries/vocabulary/needs.py).
    "unpaid_care": ("social_worker", "community_connector"),
    "poor_health": ("gp", "nurse"),
    "food_poverty": ("community_connector", "support_worker"),
    "employment": ("support_worker", "community_connector"),
    "deprivation": ("support_worker", "community_connector"),
    "cancer": ("nurse", "gp"),
    "cardiovascular": ("nurse", "pharmacist"),
    "hypertension": ("pharmacist", "nurse"),
    "respiratory": ("nurse", "pharmacist"),
}

_TIES = ("KNOWS", "WORKS_WITH")


def _key(text: str) -> str:
    return text.strip().casefold().replace(" ", "_").replace("-", "_")


def area_needs_from_graph(G: nx.Graph) -> dict[Hashable, list[str]]:
    """Needs of each area read from the graph.

    An area's needs are its ``needs`` attribute (a list of need ids or names) plus every
    ``kind == "need"`` node tied to it by an edge of any type (the need's ``name``, or its id).
    """
    out: dict[Hashable, list[str]] = {}
    for v, data in G.nodes(data=True):
        if data.get("kind") != "area":
            continue
        names = [str(x) for x in data.get("needs") or ()]
        nbrs = nx.all_neighbors(G, v) if G.is_directed() else G.neighbors(v)
        for u in nbrs:
            if G.nodes[u].get("kind") == "need":
                names.append(str(G.nodes[u].get("name") or u))
        out[v] = sorted(dict.fromkeys(names))
    return out


def predicted_needs(rows: Iterable[Mapping[str, Any]]) -> dict[str, list[str]]:
    """The needs each area has more of than most areas of its level: an area's predicted need.

    ``rows`` are the demand rows of the coverage projection (``area``, ``parent``, ``need``,
    ``level``, ``population``) for the smallest areas. A small area predicts a need when its
    level is above the median level of that need over all small areas; a parent area (a local
    authority, where teams sit) when its population-weighted level is above the median over
    parent areas. Areas without a population weigh as one.

    >>> rows = [{"area": a, "parent": p, "need": "dementia", "level": x, "population": 100}
    ...         for a, p, x in (("l1", "A", .9), ("l2", "A", .8), ("l3", "B", .1), ("l4", "B", .2))]
    >>> predicted_needs(rows)["A"], predicted_needs(rows)["B"]
    (['dementia'], [])
    """
    rows = list(rows)
    small: dict[str, dict[str, float]] = {}
    parent_sum: dict[str, dict[str, list[float]]] = {}
    for r in rows:
        level, weight = float(r["level"]), float(r.get("population") or 1)
        small.setdefault(str(r["area"]), {})[str(r["need"])] = level
        if r.get("parent"):
            acc = parent_sum.setdefault(str(r["parent"]), {}).setdefault(str(r["need"]), [0.0, 0.0])
            acc[0] += level * weight
            acc[1] += weight
    parents = {a: {n: s / w for n, (s, w) in needs.items() if w} for a, needs in parent_sum.items()}
    out: dict[str, list[str]] = {}
    for table in (small, parents):
        by_need: dict[str, list[float]] = {}
        for needs in table.values():
            for need, level in needs.items():
                by_need.setdefault(need, []).append(level)
        median = {need: statistics.median(v) for need, v in by_need.items()}
        for area, needs in table.items():
            out[area] = sorted(n for n, level in needs.items() if level > median[n])
    return out


def _members(G: nx.Graph, team: Hashable, role_attr: str) -> dict[Hashable, str | None]:
    nbrs: Iterable[Hashable] = nx.all_neighbors(G, team) if G.is_directed() else G[team]
    out: dict[Hashable, str | None] = {}
    for u in nbrs:
        edges = (
            [G.get_edge_data(u, team), G.get_edge_data(team, u)]
            if G.is_directed()
            else [G.get_edge_data(u, team)]
        )
        if any(e is not None and e.get("type") == "MEMBER_OF" for e in edges):
            role = G.nodes[u].get(role_attr)
            out[u] = None if role is None else str(role)
    return out


def team_gaps(
    G: nx.Graph,
    *,
    area_needs: Mapping[Any, Iterable[str]] | None = None,
    need_roles: Mapping[str, Iterable[str]] | None = None,
    role_attr: str = "tribe",
    top: int | None = None,
) -> list[dict[str, Any]]:
    """For each team, the roles its area's needs predict that no member has.

    Parameters
    ----------
    G : networkx.Graph or networkx.DiGraph
        Teams are ``kind == "team"`` nodes with an ``area_id``; members are nodes with a
        ``MEMBER_OF`` edge to the team; ``KNOWS``/``WORKS_WITH`` edges are ties.
    area_needs : mapping, optional
        Area id -> need ids or names; default :func:`area_needs_from_graph`.
    need_roles : mapping, optional
        Need -> roles; default :data:`NEED_ROLES`.
    role_attr : str, default "tribe"
    top : int or None

    Returns
    -------
    list of dict
        ``{"team", "area", "needs", "missing_roles", "on_pull"}`` for teams missing at least
        one role: ``on_pull`` maps each missing role to people outside the team who have it
        and a ``KNOWS``/``WORKS_WITH`` tie to a member (sorted ids; empty when nobody).
        Most missing roles first, then team id.

    Notes
    -----
    O(sum over teams of the members' degrees).
    """
    roles_for = {_key(k): tuple(v) for k, v in (need_roles or NEED_ROLES).items()}
    needs_of = area_needs if area_needs is not None else area_needs_from_graph(G)
    needs_by_area = {str(k): [str(n) for n in v] for k, v in needs_of.items()}
    rows: list[tuple[int, tuple[int, Any], dict[str, Any]]] = []
    for team, data in G.nodes(data=True):
        if data.get("kind") != "team":
            continue
        area = data.get("area_id")
        needs = needs_by_area.get(str(area), []) if area is not None else []
        wanted: dict[str, None] = {}
        for need in needs:
            for role in roles_for.get(_key(need), ()):
                wanted[role] = None
        members = _members(G, team, role_attr)
        have = set(members.values())
        missing = sorted(r for r in wanted if r not in have)
        if not missing:
            continue
        on_pull: dict[str, list[Hashable]] = {r: [] for r in missing}
        for m in members:
            nbrs = nx.all_neighbors(G, m) if G.is_directed() else G.neighbors(m)
            for u in nbrs:
                if u in members or u == team:
                    continue
                role = G.nodes[u].get(role_attr)
                if role is None or str(role) not in on_pull:
                    continue
                e1, e2 = G.get_edge_data(m, u), G.get_edge_data(u, m)
                if any(e is not None and e.get("type") in _TIES for e in (e1, e2)):
                    on_pull[str(role)].append(u)
        row = {
            "team": json_id(team),
            "area": None if area is None else str(area),
            "needs": sorted(needs),
            "missing_roles": missing,
            "on_pull": {
                r: [json_id(u) for u in sorted_nodes(set(people))] for r, people in on_pull.items()
            },
        }
        rows.append((-len(missing), node_sort_key(team), row))
    rows.sort(key=lambda r: (r[0], r[1]))
    return cap([r[2] for r in rows], top)
