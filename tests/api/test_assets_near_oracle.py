"""assetsNear agrees exactly with a brute-force haversine over the same generated data.

Thousands of services; many random centres and radii; every page concatenated must equal the
oracle's list (same ids in the same order, distances within 1e-9 km), for every filter.
"""

from __future__ import annotations

import random
import zlib
from typing import Any

import pytest

from tests.api.conftest import GraphQL
from tests.api.fixtures_graph import TOWNS, FixtureGraph
from tests.api.oracle import Filters, Hit, assets_near

pytestmark = pytest.mark.neo4j

QUERY = """
query Near($lat: Float!, $lon: Float!, $r: Float!, $need: String, $first: Int, $after: String,
           $age: Int, $free: Boolean!, $lang: String, $access: String, $openAt: OpenAt,
           $area: String, $unknown: Boolean! = false) {
  assetsNear(latitude: $lat, longitude: $lon, radiusKm: $r, need: $need, first: $first,
             after: $after, age: $age, freeOnly: $free, language: $lang,
             accessibility: $access, openAt: $openAt, areaId: $area,
             includeUnknown: $unknown) {
    totalCount
    edges { cursor distanceKm unknown node { id name stale } }
    pageInfo { hasNextPage endCursor }
  }
}
"""


def all_pages(gql: GraphQL, variables: dict[str, Any], first: int) -> tuple[list[Hit], int, int]:
    """Follow endCursor to the end; return the edges, totalCount and the number of pages."""
    out: list[Hit] = []
    after = None
    pages = 0
    total = -1
    while True:
        body = gql(QUERY, {**variables, "first": first, "after": after})
        assert "errors" not in body, body
        conn = body["data"]["assetsNear"]
        pages += 1
        total = conn["totalCount"]
        out.extend(
            (e["node"]["id"], e["distanceKm"], tuple(u.lower() for u in e["unknown"]))
            for e in conn["edges"]
        )
        if not conn["pageInfo"]["hasNextPage"]:
            return out, total, pages
        after = conn["pageInfo"]["endCursor"]
        assert pages < 500


def _compare(got: list[Hit], want: list[Hit]) -> None:
    assert [i for i, _, _ in got] == [i for i, _, _ in want]
    assert [u for _, _, u in got] == [u for _, _, u in want]
    for (_, d1, _), (_, d2, _) in zip(got, want, strict=True):
        assert abs(d1 - d2) <= 1e-9


def _centre(rng: random.Random) -> tuple[float, float]:
    _, lat, lon = rng.choice(TOWNS)
    return lat + rng.gauss(0, 0.1), lon + rng.gauss(0, 0.1)


COMPARED: dict[str, int] = {"queries": 0, "ids": 0}


def test_assets_near_pages_concatenated_equal_brute_force_haversine(
    fixture_graph: FixtureGraph, gql: GraphQL
) -> None:
    rng = random.Random(11)
    for _ in range(40):
        lat, lon = _centre(rng)
        radius = rng.choice([0.5, 2.0, 5.0, 12.0, 30.0])
        first = rng.choice([1, 7, 25, 100] if radius <= 2 else [25, 100])
        want = assets_near(fixture_graph, lat, lon, radius)
        got, total, _ = all_pages(gql, {"lat": lat, "lon": lon, "r": radius, "free": False}, first)
        _compare(got, want)
        assert total == len(want)
        COMPARED["queries"] += 1
        COMPARED["ids"] += len(want)
    assert COMPARED["ids"] > 1000  # the comparison covered real volume


FILTERS = [
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


@pytest.mark.parametrize(
    "filters",
    FILTERS,
    ids=lambda f: ",".join(f"{k}={v}" for k, v in vars(f).items() if v not in (None, False)),
)
def test_assets_near_filters_equal_brute_force(
    fixture_graph: FixtureGraph, gql: GraphQL, filters: Filters
) -> None:
    rng = random.Random(zlib.crc32(repr(filters).encode()))
    matched = 0
    unknowns = 0
    for _ in range(6):
        lat, lon = _centre(rng)
        radius = rng.choice([5.0, 20.0, 60.0])
        want = assets_near(fixture_graph, lat, lon, radius, filters)
        variables = {
            "lat": lat,
            "lon": lon,
            "r": radius,
            "need": filters.need,
            "age": filters.age,
            "free": filters.free_only,
            "lang": filters.language,
            "access": filters.accessibility,
            "area": filters.area_id,
            "unknown": filters.include_unknown,
            "openAt": {"day": filters.open_day, "time": filters.open_time}
            if filters.open_day
            else None,
        }
        got, total, _ = all_pages(gql, variables, 50)
        _compare(got, want)
        assert total == len(want)
        matched += len(want)
        unknowns += sum(1 for _, _, unknown in want if unknown)
        COMPARED["queries"] += 1
        COMPARED["ids"] += len(want)
    assert matched > 0, "the filter matched nothing: the comparison proves little"
    if filters.include_unknown:
        assert unknowns > 0, "no service with an unknown fact: includeUnknown went untested"
