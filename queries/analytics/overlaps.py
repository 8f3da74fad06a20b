"""Overlapping services: same need, same area, overlapping eligibility and days, other providers."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

import networkx as nx

from ._common import cap

__all__ = ["ServiceOffer", "overlapping_services"]


@dataclass(frozen=True)
class ServiceOffer:
    """What a service offers, where and to whom.

    ``min_age``/``max_age`` of None mean no bound; empty ``days`` means the days are not
    known and the service is taken to run on any day. ``universal_needs`` are needs every
    service of its kind meets by its nature (every GP practice offers GP care): two such
    services overlap on them only when both say on which days they run and the days meet,
    since a universal service duplicates another only if it serves the same people at the
    same place and time.
    """

    id: str
    provider: str | None
    needs: tuple[str, ...] = field(default_factory=tuple)
    areas: tuple[str, ...] = field(default_factory=tuple)
    min_age: float | None = None
    max_age: float | None = None
    days: frozenset[str] = field(default_factory=frozenset)
    universal_needs: tuple[str, ...] = field(default_factory=tuple)


def _offer(x: ServiceOffer | Mapping[str, Any]) -> ServiceOffer:
    if isinstance(x, ServiceOffer):
        return x

    def age(key: str) -> float | None:
        value = x.get(key)
        # ORUK feeds use -1 for "not set"
        return None if value is None or float(value) < 0 else float(value)

    provider = x.get("provider", x.get("organisation_id"))
    return ServiceOffer(
        id=str(x["id"]),
        provider=None if provider is None else str(provider),
        needs=tuple(str(n) for n in x.get("needs", ())),
        universal_needs=tuple(str(n) for n in x.get("universal_needs", ())),
        areas=tuple(str(a) for a in x.get("areas", ())),
        min_age=age("min_age"),
        max_age=age("max_age"),
        days=frozenset(str(d).lower()[:3] for d in x.get("days", ())),
    )


def _overlap(a: ServiceOffer, b: ServiceOffer) -> bool:
    if a.provider is not None and a.provider == b.provider:
        return False
    lo = max(a.min_age or 0.0, b.min_age or 0.0)
    hi = min(
        a.max_age if a.max_age is not None else float("inf"),
        b.max_age if b.max_age is not None else float("inf"),
    )
    if lo > hi:
        return False
    return not a.days or not b.days or bool(a.days & b.days)


def overlapping_services(
    services: Iterable[ServiceOffer | Mapping[str, Any]], *, top: int | None = None
) -> list[dict[str, Any]]:
    """Groups of services from different providers meeting the same need in the same area.

    Parameters
    ----------
    services : iterable of ServiceOffer (or mappings with ``id``, ``provider`` or
        ``organisation_id``, ``needs``, ``areas``, ``min_age``, ``max_age``, ``days``)
        Day names are compared by their first three letters, case-folded; negative ages
        mean "not set".
    top : int or None

    Returns
    -------
    list of dict
        ``{"need", "area", "service_ids": [sorted ids]}``: per (need, area), the connected
        components of the "overlaps" relation (different or unknown providers, intersecting
        age ranges, a common day). Largest groups first, then need, area, ids.

    Notes
    -----
    O(sum over (need, area) of g²) pair tests for groups of g services.
    """
    cells: dict[tuple[str, str], list[ServiceOffer]] = defaultdict(list)
    universal: set[tuple[str, str, str]] = set()  # (need, area, service id) by the kind rule
    for s in map(_offer, services):
        for need in dict.fromkeys(s.needs + s.universal_needs):
            for area in dict.fromkeys(s.areas):
                cells[(need, area)].append(s)
                if need in s.universal_needs and need not in s.needs:
                    universal.add((need, area, s.id))
    out: list[dict[str, Any]] = []
    for (need, area), group in cells.items():
        if len(group) < 2:
            continue
        H: nx.Graph = nx.Graph()
        for i, a in enumerate(group):
            for b in group[i + 1 :]:
                either_universal = (need, area, a.id) in universal or (
                    need,
                    area,
                    b.id,
                ) in universal
                if either_universal and not (a.days and b.days):
                    continue  # a universal service overlaps only at a known, shared time
                if _overlap(a, b):
                    H.add_edge(a.id, b.id)
        for comp in nx.connected_components(H):
            out.append({"need": need, "area": area, "service_ids": sorted(comp)})
    out.sort(key=lambda r: (-len(r["service_ids"]), r["need"], r["area"], r["service_ids"]))
    return cap(out, top)
