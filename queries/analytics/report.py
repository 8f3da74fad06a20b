"""The combined analyses behind ``commongraph analyse bottlenecks|gaps|duplicates``.

Each report is a JSON-serialisable dict whose lists are deterministic and capped by ``top``
(``None``: uncapped), with an ``assumptions`` entry saying everything needed to reproduce it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import networkx as nx

from ._common import cap, json_id, node_name, node_sort_key, plain_float
from .betweenness import Engine, betweenness
from .brokerage import ROLES, brokerage_roles, top_brokerage
from .coverage import DemandPoint, SupplyPoint, e2sfca
from .cuts import articulation_points, bridges, group_cuts
from .duplicates import BLOCK_KM, DEFAULT_THRESHOLD, FAR_KM, NEAR_KM, Listing, duplicate_groups
from .geo import pairs_within_km
from .holes import DEFAULT_KINDS, structural_holes
from .mixing import SEED_PAIRS, ei_index, group_gaps
from .overlaps import ServiceOffer, overlapping_services
from .teams import NEED_ROLES, team_gaps

__all__ = [
    "EXACT_MAX_NODES",
    "SAMPLE_K",
    "STRATIFY",
    "bottlenecks_report",
    "duplicates_report",
    "gaps_report",
    "subgraph_by_prefix",
]

#: With ``k=None`` the bottlenecks report computes exact betweenness up to this many nodes.
EXACT_MAX_NODES = 5_000
#: ...and samples this many source nodes above it.
SAMPLE_K = 256
#: Sampled sources are spread systematically over nodes ordered by these attributes.
STRATIFY: tuple[str, ...] = ("area_id", "organisation_id")


def subgraph_by_prefix(G: nx.Graph, prefix: str | None) -> nx.Graph:
    """A copy of the subgraph induced by nodes whose id (as text) starts with ``prefix``.

    ``None`` or ``""`` returns ``G`` itself (no copy).
    """
    if not prefix:
        return G
    keep = [v for v in G.nodes() if str(v).startswith(prefix)]
    return G.subgraph(keep).copy()


def bottlenecks_report(
    G: nx.Graph,
    *,
    top: int | None = 20,
    k: int | None = None,
    seed: int = 42,
    group_attr: str = "tribe",
    pairs: Sequence[tuple[str, str]] | None = None,
    engine: Engine = "auto",
    n_jobs: int | None = 1,
) -> dict[str, Any]:
    """Brokers, single points of failure, group cuts, brokerage roles and constraint.

    Parameters
    ----------
    G : networkx.Graph or networkx.DiGraph
    top : int or None, default 20
    k : int or None
        Betweenness source sample. ``None``: exact up to :data:`EXACT_MAX_NODES` nodes,
        :data:`SAMPLE_K` sampled sources above. Samples are systematic over nodes ordered
        by :data:`STRATIFY` (unless ``engine="networkx"``, which samples as networkx does).
    seed : int, default 42
    group_attr : str, default "tribe"
    pairs : sequence of (str, str), optional
        Group pairs for ``group_cuts`` (default: the seed pairs present).
    engine : {"auto", "networkx", "igraph"}
    n_jobs : int or None, default 1
        Worker processes for betweenness (``None``: one per CPU; worth it on an idle
        multi-core machine, not on a busy one).

    Returns
    -------
    dict
        ``brokers`` (people by betweenness, or every node when the graph holds no people),
        ``other_brokers`` (organisations, teams and services, reported apart),
        ``articulation_points``, ``bridges`` (all of them, as networkx finds them),
        ``bridges_between_groups`` (leaving out bridges that only attach a node with a single
        tie), ``names`` (id → name for the listed ids), ``totals`` (true counts, never
        capped), ``group_cuts``, ``brokerage``, ``constraint``, ``assumptions``.
    """
    n = len(G)
    k_used = k if k is not None else (None if n <= EXACT_MAX_NODES else min(SAMPLE_K, n))
    if k_used is not None and k_used >= n:
        k_used = None
    stratify = STRATIFY if k_used is not None and engine != "networkx" else None
    scores = betweenness(G, k=k_used, seed=seed, engine=engine, n_jobs=n_jobs, stratify=stratify)
    roles = brokerage_roles(G, group_attr)
    people = {v for v in G if G.nodes[v].get("kind", "person") == "person"}
    broker_kinds = "people" if people else "all"
    who = people or set(G)
    ranked = _rank(G, {v: b for v, b in scores.items() if v in who}, top, roles)
    others = _rank(G, {v: b for v, b in scores.items() if v not in who and b > 0}, top, roles)
    cut_vertices = articulation_points(G)
    bridge_list = bridges(G)
    to_single_tie = [(a, b) for a, b in bridge_list if min(G.degree(a), G.degree(b)) == 1]
    between_groups = [(a, b) for a, b in bridge_list if min(G.degree(a), G.degree(b)) > 1]
    totals = {r: sum(row[r] for row in roles.values()) for r in ROLES}
    shown_cuts = cap(cut_vertices, top)
    shown_bridges = cap(between_groups, top)
    return {
        "brokers": ranked,
        "other_brokers": others,
        "articulation_points": [json_id(v) for v in shown_cuts],
        "bridges": [[json_id(a), json_id(b)] for a, b in cap(bridge_list, top)],
        "bridges_between_groups": [[json_id(a), json_id(b)] for a, b in shown_bridges],
        "names": _names(
            G,
            list(shown_cuts)
            + [v for pair in shown_bridges for v in pair]
            + [v for pair in cap(bridge_list, top) for v in pair],
        ),
        "totals": {
            "articulation_points": len(cut_vertices),
            "bridges": len(bridge_list),
            "bridges_between_groups": len(between_groups),
            "bridges_to_single_tie": len(to_single_tie),
            "people": len(people),
            "nodes": n,
        },
        "group_cuts": cap(group_cuts(G, group_attr, pairs), top),
        "brokerage": {
            "top": top_brokerage(G, group_attr, top=top),
            "totals": totals,
        },
        "constraint": structural_holes(G, top=top),
        "assumptions": {
            "nodes": n,
            "edges": G.number_of_edges(),
            "directed": G.is_directed(),
            "top": top,
            "group_attr": group_attr,
            "betweenness": {
                "exact": k_used is None,
                "k": k_used,
                "seed": seed,
                "stratify": None if stratify is None else list(stratify),
                "normalized": True,
                "weight": None,
                "exact_max_nodes": EXACT_MAX_NODES,
            },
            "articulation_points_total": len(cut_vertices),
            "bridges_total": len(bridge_list),
            "brokers_are": broker_kinds,
            "bridges_between_groups": "bridges whose two ends each have more than one tie",
            "group_cut_pairs": "given" if pairs is not None else "seed pairs present",
            "brokerage": (
                "Gould-Fernandez counts on the directed ties"
                if G.is_directed()
                else "Gould-Fernandez counts, each undirected tie read both ways"
            ),
            "constraint_kinds": list(DEFAULT_KINDS),
            "constraint_order": "ascending (least constrained, most brokerage, first)",
        },
    }


def _rank(
    G: nx.Graph,
    scores: Mapping[Any, float],
    top: int | None,
    roles: Mapping[Any, Mapping[str, int]],
) -> list[dict[str, Any]]:
    """Same ordering as :func:`queries.analytics.betweenness.brokers`; each row also carries
    the node's kind and its Gould-Fernandez brokerage roles."""
    rows = sorted(scores.items(), key=lambda r: (-float(f"{r[1]:.12g}"), node_sort_key(r[0])))
    return [
        {
            "id": json_id(v),
            "name": node_name(G.nodes[v], v),
            "kind": str(G.nodes[v].get("kind", "person")),
            "tribe": G.nodes[v].get("tribe"),
            "betweenness": plain_float(b),
            "roles": dict(roles.get(v, {})),
        }
        for v, b in cap(rows, top)
    ]


def _names(G: nx.Graph, nodes: Iterable[Any]) -> dict[str, str]:
    """Id → name for the nodes a report lists by id (so no reader sees a bare id)."""
    return {str(json_id(v)): node_name(G.nodes[v], v) for v in nodes if v in G}


def gaps_report(
    G: nx.Graph,
    demand: Iterable[DemandPoint | Mapping[str, Any]],
    supply: Iterable[SupplyPoint | Mapping[str, Any]],
    *,
    radius_km: float = 5.0,
    decay: str = "stepped",
    top: int | None = 20,
    group_attr: str = "tribe",
    area_needs: Mapping[Any, Iterable[str]] | None = None,
) -> dict[str, Any]:
    """Coverage gaps (E2SFCA), missing ties between groups, E-I index and team gaps.

    Parameters
    ----------
    G : networkx.Graph or networkx.DiGraph
        Relationship graph (groups, teams).
    demand, supply
        See :func:`queries.analytics.coverage.e2sfca`.
    radius_km : float, default 5
    decay : str, default "stepped"
    top : int or None, default 20
    group_attr : str, default "tribe"
    area_needs : mapping, optional
        Area -> needs for team gaps (default: read from the graph).

    Returns
    -------
    dict
        ``coverage`` (``{"area","need","score"}``, worst first), ``unreached`` (the
        ``{"area","need"}`` with demand but no service in reach, all of them),
        ``group_gaps``, ``ei_index``, ``team_gaps``, ``assumptions``.
    """
    demand = list(demand)
    supply = list(supply)
    supplied = {need for p in supply for need in _needs_of(p)}
    measured = {_field(p, "need") for p in demand}
    no_data = sorted(measured - supplied)
    unmapped = _unmapped(demand, supply)
    rows = [
        r
        for r in e2sfca(
            [p for p in demand if _field(p, "need") in supplied],
            supply,
            radius_km=radius_km,
            decay=decay,
        )
        if (r["area"], r["need"]) not in unmapped
    ]
    unreached = [r for r in rows if r["services_in_reach"] == 0]
    names = {
        str(_field(p, "area")): str(_field(p, "area_name"))
        for p in demand
        if isinstance(p, Mapping) and p.get("area_name")
    }
    shown = cap(rows, top)
    return {
        "coverage": [{"area": r["area"], "need": r["need"], "score": r["score"]} for r in shown],
        "unreached": [{"area": r["area"], "need": r["need"]} for r in unreached],
        "no_supply_data": no_data,
        "names": {a: names[a] for a in {r["area"] for r in shown + unreached} if a in names},
        "totals": {
            "area_needs": len(rows),
            "area_needs_without_mapped_supply": len(unmapped),
            "unreached": len(unreached),
            "needs_without_supply_data": len(no_data),
            "assumed_population": sum(
                1 for p in demand if isinstance(p, Mapping) and p.get("assumed_population")
            ),
        },
        "group_gaps": group_gaps(G, group_attr, top=top),
        "ei_index": ei_index(G, group_attr),
        "team_gaps": team_gaps(G, area_needs=area_needs, top=top),
        "assumptions": {
            "top": top,
            "coverage_method": "E2SFCA (Luo & Qi 2009), haversine distance",
            "radius_km": radius_km,
            "decay": decay,
            "score_unit": "services in reach per 1000 people with the need (population x "
            "indicator), each service counted with capacity 1 unless it states one",
            "demand_points": "each smallest area (LSOA) at its population-weighted centroid; "
            "a need measured only for its authority or health board applies to it",
            "no_supply_data": "needs no mapped service addresses: left out of the scores, "
            "since a gap there means missing data, not missing services",
            "no_data_km": NO_DATA_KM,
            "without_mapped_supply": "an area and need with no service for that need mapped "
            "within no_data_km (the data covers another region) are left out of the scores "
            "and counted apart",
            "group_attr": group_attr,
            "expected_ties": "configuration model: D_a*D_b/(2m) (Newman 2003)",
            "seed_pairs": [list(p) for p in SEED_PAIRS],
            "need_roles": {k: list(v) for k, v in NEED_ROLES.items()},
        },
    }


#: An area with no service for a need mapped within this distance is "no data", not a gap:
#: the loaded data covers another region for that need (Trafford's food banks, say, but none
#: of Wales's).
NO_DATA_KM = 30.0


def _unmapped(demand: Sequence[Any], supply: Sequence[Any]) -> set[tuple[str, str]]:
    """(area, need) pairs with no supply for the need within :data:`NO_DATA_KM`."""
    out: set[tuple[str, str]] = set()
    needs = {str(_field(p, "need")) for p in demand}
    for need in needs:
        points = [p for p in demand if _field(p, "need") == need]
        offers = [s for s in supply if need in _needs_of(s)]
        if not offers:
            continue  # reported as no_supply_data
        i, _, _ = pairs_within_km(
            [float(_field(p, "latitude")) for p in points],
            [float(_field(p, "longitude")) for p in points],
            [float(_field(s, "latitude")) for s in offers],
            [float(_field(s, "longitude")) for s in offers],
            NO_DATA_KM,
        )
        near = set(i.tolist())
        out |= {(str(_field(p, "area")), need) for k, p in enumerate(points) if k not in near}
    return out


def _field(point: Any, name: str) -> Any:
    return point[name] if isinstance(point, Mapping) else getattr(point, name)


def _needs_of(point: Any) -> tuple[str, ...]:
    needs = point.get("needs", ()) if isinstance(point, Mapping) else point.needs
    return tuple(str(n) for n in needs)


def duplicates_report(
    listings: Iterable[Listing | Mapping[str, Any]],
    services: Iterable[ServiceOffer | Mapping[str, Any]],
    *,
    top: int | None = None,
    threshold: float = DEFAULT_THRESHOLD,
) -> dict[str, Any]:
    """Duplicate listings and overlapping services.

    Returns
    -------
    dict
        ``listings`` (``{"ids","confidence"}``), ``overlaps``
        (``{"need","area","service_ids"}``), ``assumptions``.
    """
    listings = list(listings)
    services = list(services)
    groups = duplicate_groups(listings, threshold=threshold, top=None)
    overlaps = overlapping_services(services, top=None)
    shown_groups, shown_overlaps = cap(groups, top), cap(overlaps, top)
    listed = {str(i) for g in shown_groups for i in g["ids"]}
    listed |= {str(i) for o in shown_overlaps for i in o["service_ids"]}
    names = {
        str(_field(row, "id")): str(_field(row, "name"))
        for row in listings
        if str(_field(row, "id")) in listed and _field(row, "name")
    }
    return {
        "listings": shown_groups,
        "overlaps": shown_overlaps,
        "names": names,
        "totals": {"listings": len(groups), "overlaps": len(overlaps)},
        "assumptions": {
            "top": top,
            "threshold": threshold,
            "near_km": NEAR_KM,
            "far_km": FAR_KM,
            "block_km": BLOCK_KM,
            "group_confidence": "weakest link of the maximum spanning tree",
            "overlap": "same need and area, different providers, ages and days intersect",
            "unknown_days": "any day",
        },
    }
