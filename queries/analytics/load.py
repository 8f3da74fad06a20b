"""Referral load: how concentrated referrals are, and which services take more than capacity."""

from __future__ import annotations

import math
from collections.abc import Hashable, Sequence
from typing import Any

import networkx as nx

from ._common import cap, json_id, node_name, node_sort_key, plain_float

__all__ = ["gini", "referral_load"]


def gini(values: Sequence[float]) -> float:
    """Gini coefficient of non-negative values (0: all equal; near 1: one takes all).

    Notes
    -----
    ``G = sum_i (2i - n - 1) x_(i) / (n · sum x)`` over the values sorted ascending,
    O(n log n). 0.0 for an empty or all-zero sequence.

    References
    ----------
    .. [1] P. M. Dixon et al., "Bootstrapping the Gini coefficient of inequality", Ecology
       68(5):1548-1551, 1987.

    Examples
    --------
    >>> gini([1, 1, 1, 1])
    0.0
    >>> gini([0, 0, 0, 4])
    0.75
    """
    xs = sorted(float(v) for v in values)
    if any(v < 0 for v in xs):
        raise ValueError("gini needs non-negative values")
    total = sum(xs)
    n = len(xs)
    if n == 0 or total == 0:
        return 0.0
    return sum((2 * i - n - 1) * x for i, x in enumerate(xs, start=1)) / (n * total)


def referral_load(
    G: nx.DiGraph,
    *,
    edge_type: str = "REFERS_TO",
    weight: str = "weight",
    capacity_attr: str = "capacity",
    top_share: float = 0.1,
    top: int | None = 20,
) -> dict[str, Any]:
    """Referral volume per receiving service against its capacity, and its concentration.

    Parameters
    ----------
    G : networkx.DiGraph
        Edges whose ``type`` is ``edge_type`` are referrals (weight = number of referrals,
        default 1). Undirected graphs are not meaningful here and are rejected.
    edge_type : str, default "REFERS_TO"
    weight : str, default "weight"
    capacity_attr : str, default "capacity"
        Node attribute with the service's capacity in the same unit as the volume.
    top_share : float, default 0.1
        Share of services (the busiest ones, at least one) whose share of volume is reported.
    top : int or None
        Cap on the listed services.

    Returns
    -------
    dict
        ``{"services": [{"id", "name", "volume", "capacity", "load"}], "gini": float,
        "top_share": {"services": int, "volume_share": float}, "total_volume": float}``.
        Receivers are every ``kind == "service"`` node plus every referral target. ``load``
        is volume / capacity (None without a positive capacity). Listed by load descending
        (unknown last), then volume descending, then id.

    Notes
    -----
    O(n + m + s log s) for s services. Deterministic.
    """
    if not G.is_directed():
        raise ValueError("referral_load needs a directed graph")
    volume: dict[Hashable, float] = {
        v: 0.0 for v, kind in G.nodes(data="kind") if kind == "service"
    }
    for _, v, data in G.edges(data=True):
        if data.get("type") == edge_type:
            volume[v] = volume.get(v, 0.0) + float(data.get(weight, 1.0) or 0.0)
    rows = []
    for v, vol in volume.items():
        raw = G.nodes[v].get(capacity_attr)
        capacity = float(raw) if raw is not None else None
        load = vol / capacity if capacity and capacity > 0 else None
        rows.append((v, vol, capacity, load))
    rows.sort(key=lambda r: (r[3] is None, -(r[3] or 0.0), -r[1], node_sort_key(r[0])))
    total = sum(volume.values())
    busiest = sorted(volume.values(), reverse=True)
    n_top = max(1, math.ceil(top_share * len(busiest))) if busiest else 0
    share = sum(busiest[:n_top]) / total if total > 0 else 0.0
    return {
        "services": [
            {
                "id": json_id(v),
                "name": node_name(G.nodes[v], v),
                "volume": plain_float(vol),
                "capacity": capacity,
                "load": None if load is None else plain_float(load),
            }
            for v, vol, capacity, load in cap(rows, top)
        ],
        "gini": plain_float(gini(list(volume.values()))),
        "top_share": {"services": n_top, "volume_share": plain_float(share)},
        "total_volume": plain_float(total),
    }
