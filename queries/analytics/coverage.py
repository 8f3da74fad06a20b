"""Spatial access to services per area and need: enhanced two-step floating catchment area."""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
from numpy.typing import NDArray

from ._common import cap, plain_float
from .geo import pairs_within_km

__all__ = [
    "LUO_QI_STEPS",
    "DemandPoint",
    "SupplyPoint",
    "decay_weights",
    "e2sfca",
]

#: Luo & Qi (2009) stepped weights: three equal sub-zones of the catchment radius weighted
#: 1.00, 0.68 and 0.22 (their Gaussian with beta = 100, for 0-10, 10-20 and 20-30 minutes).
LUO_QI_STEPS: tuple[tuple[float, float], ...] = ((1 / 3, 1.0), (2 / 3, 0.68), (1.0, 0.22))


@dataclass(frozen=True)
class DemandPoint:
    """Demand for one need in one area, at a representative point (e.g. population centroid).

    ``demand`` is the population times the area's indicator for that need.
    """

    area: str
    need: str
    latitude: float
    longitude: float
    demand: float


@dataclass(frozen=True)
class SupplyPoint:
    """A service at a location, the needs it addresses and its capacity (default 1)."""

    service: str
    latitude: float
    longitude: float
    needs: tuple[str, ...] = field(default_factory=tuple)
    capacity: float = 1.0


def _demand(p: DemandPoint | Mapping[str, Any]) -> DemandPoint:
    if isinstance(p, DemandPoint):
        return p
    return DemandPoint(
        area=str(p["area"]),
        need=str(p["need"]),
        latitude=float(p["latitude"]),
        longitude=float(p["longitude"]),
        demand=float(p["demand"]),
    )


def _supply(p: SupplyPoint | Mapping[str, Any]) -> SupplyPoint:
    if isinstance(p, SupplyPoint):
        return p
    return SupplyPoint(
        service=str(p["service"]),
        latitude=float(p["latitude"]),
        longitude=float(p["longitude"]),
        needs=tuple(str(n) for n in p.get("needs", ())),
        capacity=float(p.get("capacity", 1.0) if p.get("capacity") is not None else 1.0),
    )


def decay_weights(
    d: NDArray[np.float64], radius_km: float, decay: str | Sequence[tuple[float, float]]
) -> NDArray[np.float64]:
    """Distance-decay weight of each distance (all distances are within the radius).

    Parameters
    ----------
    d : numpy.ndarray
        Distances in km, each ``<= radius_km``.
    radius_km : float
    decay : str or sequence of (fraction, weight)
        ``"stepped"``: :data:`LUO_QI_STEPS`. ``"gaussian"``: Dai's continuous Gaussian
        ``(exp(-(d/r)²/2) - exp(-1/2)) / (1 - exp(-1/2))``, 1 at the centre and 0 at the
        edge. ``"none"``: 1 everywhere (the original 2SFCA). A sequence of
        ``(upper bound as a fraction of the radius, weight)`` bands, ascending, gives custom
        steps.

    Returns
    -------
    numpy.ndarray
    """
    if isinstance(decay, str):
        if decay == "none":
            return np.ones_like(d)
        if decay == "gaussian":
            edge = math.exp(-0.5)
            return np.asarray((np.exp(-0.5 * (d / radius_km) ** 2) - edge) / (1 - edge))
        if decay != "stepped":
            raise ValueError(f"unknown decay {decay!r}")
        decay = LUO_QI_STEPS
    bounds = np.array([b for b, _ in decay], dtype=np.float64) * radius_km
    weights = np.array([w for _, w in decay] + [0.0], dtype=np.float64)
    # a distance on a band's upper bound belongs to that band
    return np.asarray(weights[np.searchsorted(bounds, d, side="left")])


def e2sfca(
    demand: Iterable[DemandPoint | Mapping[str, Any]],
    supply: Iterable[SupplyPoint | Mapping[str, Any]],
    *,
    radius_km: float = 5.0,
    decay: str | Sequence[tuple[float, float]] = "stepped",
    per: float = 1000.0,
    top: int | None = None,
) -> list[dict[str, Any]]:
    """Accessibility score per area and need, worst first.

    Parameters
    ----------
    demand : iterable of DemandPoint (or mappings with its fields)
        Several points of one (area, need) are combined, weighted by demand.
    supply : iterable of SupplyPoint (or mappings with its fields)
    radius_km : float, default 5
        Catchment radius (great-circle distance).
    decay : str or bands, default "stepped"
        See :func:`decay_weights`.
    per : float, default 1000
        Scores are capacity per ``per`` units of demand.
    top : int or None

    Returns
    -------
    list of dict
        ``{"area", "need", "score", "demand", "services_in_reach"}`` for every (area, need)
        with positive demand, by score ascending (then larger demand first, then ids). An
        area with demand but no service in reach scores 0 and says so
        (``services_in_reach == 0``).

    Notes
    -----
    Step 1, per service ``j``: ``R_j = S_j / sum_k P_k W(d_kj)`` over demand points ``k``
    within the radius. Step 2, per demand point ``i``: ``A_i = sum_j R_j W(d_ij)`` over
    services within the radius. Distances are haversine; the radius join uses a KD-tree
    (:func:`queries.analytics.geo.pairs_within_km`), so the cost is O((D + S) log(D + S)
    + P) per need for D demand points, S services and P pairs in reach, never D x S.

    References
    ----------
    .. [1] W. Luo and F. Wang, "Measures of spatial accessibility to health care in a GIS
       environment", Environ. Plann. B 30(6):865-884, 2003.
    .. [2] W. Luo and Y. Qi, "An enhanced two-step floating catchment area (E2SFCA) method
       for measuring spatial accessibility to primary care physicians", Health Place
       15(4):1100-1107, 2009.
    .. [3] D. Dai, "Black residential segregation, disparities in spatial access to health
       care facilities, and late-stage breast cancer diagnosis in metropolitan Detroit",
       Health Place 16(5):1038-1052, 2010.
    """
    if radius_km <= 0:
        raise ValueError("radius_km must be positive")
    by_need: dict[str, list[DemandPoint]] = defaultdict(list)
    for p in map(_demand, demand):
        if p.demand > 0:
            by_need[p.need].append(p)
    providers: dict[str, list[SupplyPoint]] = defaultdict(list)
    for s in map(_supply, supply):
        for need in dict.fromkeys(s.needs):
            providers[need].append(s)

    rows: list[dict[str, Any]] = []
    for need in sorted(by_need):
        points, services = by_need[need], providers.get(need, [])
        pop = np.array([p.demand for p in points], dtype=np.float64)
        score: NDArray[np.float64] = np.zeros(len(points))
        reach = np.zeros(len(points), dtype=np.int64)
        if services:
            i, j, d = pairs_within_km(
                [p.latitude for p in points],
                [p.longitude for p in points],
                [s.latitude for s in services],
                [s.longitude for s in services],
                radius_km,
            )
            w = decay_weights(d, radius_km, decay)
            weighted = np.bincount(j, weights=pop[i] * w, minlength=len(services))
            capacity = np.array([s.capacity for s in services], dtype=np.float64)
            ratio = np.divide(capacity, weighted, out=np.zeros_like(capacity), where=weighted > 0)
            score = np.asarray(
                np.bincount(i, weights=ratio[j] * w, minlength=len(points)) * per,
                dtype=np.float64,
            )
            reach = np.bincount(i[w > 0], minlength=len(points))
        combined: dict[str, list[float]] = {}
        for idx, p in enumerate(points):
            acc = combined.setdefault(p.area, [0.0, 0.0, 0.0])
            acc[0] += float(score[idx]) * p.demand
            acc[1] += p.demand
            acc[2] = max(acc[2], float(reach[idx]))
        for area, (weighted_score, total, in_reach) in combined.items():
            rows.append(
                {
                    "area": area,
                    "need": need,
                    "score": plain_float(weighted_score / total),
                    "demand": plain_float(total),
                    "services_in_reach": int(in_reach),
                }
            )
    rows.sort(key=lambda r: (round(r["score"], 12), -r["demand"], r["area"], r["need"]))
    return cap(rows, top)
