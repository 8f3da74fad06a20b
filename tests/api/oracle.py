"""Brute-force answers over a :class:`FixtureGraph`, independent of Neo4j and of our Cypher.

Each function restates a filter of ``assetsNear`` from ``docs/api.md`` in plain Python, so a
difference between the API and the oracle is a bug in one of them.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from queries.vocabulary import SERVICE_TYPES, fold
from tests.api.fixtures_graph import NEEDS, TERMS, FixtureGraph, Schedule, Service

R_KM = 6371.0088  # IUGG mean Earth radius (docs/decisions.md 1)
_NEED_NAMES = dict(NEEDS)
_TERMS = {i: (c, n) for i, c, n in TERMS}
_LANG_NAMES = {"en": "English", "cy": "Welsh", "pl": "Polish"}


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance on R = 6371.0088 km (the same formula the Cypher uses)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = (
        math.sin(math.radians(lat2 - lat1) / 2) ** 2
        + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    )
    return 2 * R_KM * math.asin(math.sqrt(a))


@dataclass(frozen=True)
class Filters:
    kinds: tuple[str, ...] | None = None
    need: str | None = None
    age: int | None = None
    free_only: bool = False
    language: str | None = None
    accessibility: str | None = None
    open_day: str | None = None
    open_time: str | None = None
    area_id: str | None = None
    include_unknown: bool = False


#: The filter combinations the API is compared with the oracle on (each with several
#: centres and radii): every filter alone, some together, and each with includeUnknown.
FILTER_CASES = [
    Filters(kinds=("food_bank",)),
    Filters(kinds=("food_bank", "charity"), free_only=True),
    Filters(need="dementia"),
    Filters(need="Memory cafes"),
    Filters(need="BD-1800"),
    Filters(age=17),
    Filters(age=70),
    Filters(free_only=True),
    Filters(language="cy"),
    Filters(language="Welsh"),
    Filters(accessibility="wheelchair"),
    Filters(open_day="TU", open_time="10:30"),
    Filters(open_day="SA", open_time="23:00"),
    Filters(open_day="MO", open_time="01:00"),
    Filters(area_id="tW06000002"),
    Filters(area_id="tW01001003"),
    Filters(area_id="tW11000001"),
    Filters(need="loneliness", language="cy", free_only=True, age=30),
    Filters(accessibility="hearing", open_day="WE", open_time="14:00", area_id="tW01002001"),
    Filters(free_only=True, include_unknown=True),
    Filters(language="cy", include_unknown=True),
    Filters(accessibility="wheelchair", include_unknown=True),
    Filters(open_day="TU", open_time="10:30", include_unknown=True),
    Filters(free_only=True, open_day="SA", open_time="11:00", include_unknown=True),
]


def _kind_ok(s: Service, kinds: tuple[str, ...]) -> bool:
    """A term of the service has one of the kinds' ids as its code, or one of their names
    (label or synonym, either language, lower case or folded) as its name."""
    names: set[str] = set()
    for kind in kinds:
        term = SERVICE_TYPES.get(kind)
        assert term is not None, kind
        names.update(x.lower() for x in (term.en, term.cy, *term.synonyms))
        names.update(fold(x) for x in (term.id, term.en, term.cy, *term.synonyms))
    return any(_TERMS[t][0] in kinds or _TERMS[t][1].lower() in names for t in s.terms)


def _need_ok(s: Service, need: str) -> bool:
    low = need.lower()
    for n in s.needs:
        if n == need or _NEED_NAMES[n].lower() == low:
            return True
    for t in s.terms:
        code, name = _TERMS[t]
        if t == need or code == need or name.lower() == low:
            return True
    return False


def _open(sc: Schedule, day: str, time: str) -> bool:
    if sc.freq is not None and sc.freq.upper() != "WEEKLY":
        return False
    if sc.opens_at is None or sc.closes_at is None:
        return False
    if not any(d.strip()[-2:] == day for d in sc.byday.split(",")):
        return False
    o, c = sc.opens_at[:5], sc.closes_at[:5]
    return o <= time < c if o <= c else (time >= o or time < c)


def _service_ok(g: FixtureGraph, s: Service, f: Filters) -> bool:
    if (s.moderation_status or "approved") != "approved":
        return False
    if f.kinds is not None and not _kind_ok(s, f.kinds):
        return False
    if f.need is not None and not _need_ok(s, f.need):
        return False
    if f.age is not None:
        if s.minimum_age is not None and s.minimum_age > f.age:
            return False
        if s.maximum_age is not None and s.maximum_age < f.age:
            return False
    if (
        f.free_only
        and not (f.include_unknown and not s.cost_options)
        and not any(a == 0 or (o or "").strip().lower() == "free" for a, o in s.cost_options)
    ):
        return False
    if (
        f.language is not None
        and not (f.include_unknown and not s.languages)
        and not any(
            c.lower() == f.language.lower() or _LANG_NAMES[c].lower() == f.language.lower()
            for c in s.languages
        )
    ):
        return False
    if f.area_id is not None and s.catchment and f.area_id in g.areas:
        if not set(s.catchment) & g.ancestors(f.area_id):
            return False
    elif f.area_id is not None and s.catchment:
        return False
    return True


def _weekly(sc: Schedule) -> bool:
    freq_ok = sc.freq is None or sc.freq.upper() == "WEEKLY"
    return freq_ok and bool(sc.byday) and sc.opens_at is not None and sc.closes_at is not None


Hit = tuple[str, float, tuple[str, ...]]


def assets_near(
    g: FixtureGraph, lat: float, lon: float, radius_km: float, f: Filters = Filters()
) -> list[Hit]:
    """Every matching service id with its nearest qualifying location, by distance then id,
    and the filtered facts it does not state (from its location with the fewest such)."""
    out: list[Hit] = []
    for s in g.services.values():
        if not _service_ok(g, s, f):
            continue
        best: float | None = None
        fewest: tuple[int, float, tuple[str, ...]] | None = None
        for sal in s.sals:
            loc = g.locations[sal.location_id]
            access_known = bool(loc.accessibility)
            if (
                f.accessibility is not None
                and not (f.include_unknown and not access_known)
                and not any(f.accessibility.lower() in a.lower() for a in loc.accessibility)
            ):
                continue
            weekly = [sc for sc in s.schedules + sal.schedules if _weekly(sc)]
            if (
                f.open_day is not None
                and f.open_time is not None
                and not (f.include_unknown and not weekly)
                and not any(_open(sc, f.open_day, f.open_time) for sc in weekly)
            ):
                continue
            d = haversine_km(lat, lon, loc.latitude, loc.longitude)
            if d > radius_km:
                continue
            unknown = tuple(
                fact
                for fact, missing in (
                    ("cost", f.free_only and not s.cost_options),
                    ("language", f.language is not None and not s.languages),
                    ("hours", f.open_day is not None and not weekly),
                    ("accessibility", f.accessibility is not None and not access_known),
                )
                if missing
            )
            if best is None or d < best:
                best = d
            if fewest is None or (len(unknown), d) < fewest[:2]:
                fewest = (len(unknown), d, unknown)
        if best is not None and fewest is not None:
            out.append((s.id, best, fewest[2]))
    out.sort(key=lambda x: (x[1], x[0]))
    return out
