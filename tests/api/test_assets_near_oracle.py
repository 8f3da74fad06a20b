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
from tests.api.oracle import FILTER_CASES, Filters, Hit, assets_near

pytestmark = pytest.mark.neo4j

QUERY = """
query Near($lat: Float!, $lon: Float!, $r: Float!, $first: Int, $after: String,
           $filter: NearFilter) {
  assetsNear(latitude: $lat, longitude: $lon, radiusKm: $r, first: $first, after: $after,
             filter: $filter) {
    totalCount
    edges { cursor distanceKm unknown node { id name stale } }
    pageInfo { hasNextPage endCursor }
  }
}
"""
SEPARATE = """
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


def _camel(name: str) -> str:
    head, *rest = name.split("_")
    return head + "".join(part.title() for part in rest)


def as_filter(filters: Filters) -> dict[str, Any]:
    """The oracle's filters as the API's `NearFilter` input (every field by its name)."""
    out = {_camel(k): v for k, v in vars(filters).items() if k not in ("open_day", "open_time")}
    if filters.open_day:
        out["openAt"] = {"day": filters.open_day, "time": filters.open_time}
    return out


def all_pages(
    gql: GraphQL, variables: dict[str, Any], first: int, query: str = QUERY
) -> tuple[list[Hit], int, int]:
    """Follow endCursor to the end; return the edges, totalCount and the number of pages."""
    out: list[Hit] = []
    after = None
    pages = 0
    total = -1
    while True:
        body = gql(query, {**variables, "first": first, "after": after})
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
        got, total, _ = all_pages(gql, {"lat": lat, "lon": lon, "r": radius}, first)
        _compare(got, want)
        assert total == len(want)
        COMPARED["queries"] += 1
        COMPARED["ids"] += len(want)
    assert COMPARED["ids"] > 1000  # the comparison covered real volume


@pytest.mark.parametrize(
    "filters",
    FILTER_CASES,
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
        variables = {"lat": lat, "lon": lon, "r": radius, "filter": as_filter(filters)}
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


def test_the_separate_filter_arguments_answer_as_the_filter_input_does(
    fixture_graph: FixtureGraph, gql: GraphQL
) -> None:
    filters = Filters(need="loneliness", language="cy", free_only=True, age=30)
    lat, lon = _centre(random.Random(5))
    grouped = all_pages(gql, {"lat": lat, "lon": lon, "r": 60.0, "filter": as_filter(filters)}, 50)
    separate = {"lat": lat, "lon": lon, "r": 60.0, "need": "loneliness", "lang": "cy",
                "free": True, "age": 30}  # fmt: skip
    assert all_pages(gql, separate, 50, SEPARATE) == grouped
    assert grouped[1] > 0


def test_one_filter_given_two_ways_with_different_values_is_refused(
    fixture_graph: FixtureGraph, gql: GraphQL
) -> None:
    body = gql(
        "{ assetsNear(latitude: 51.5, longitude: -3.2, radiusKm: 5, age: 30, "
        "filter: {age: 40}) { totalCount } }"
    )
    (error,) = body["errors"]
    assert error["extensions"]["code"] == "VALIDATION"
    assert error["extensions"]["field"] == "age" and "twice" in error["message"]


def test_an_unknown_kind_is_refused_naming_it_rather_than_matching_nothing(
    fixture_graph: FixtureGraph, gql: GraphQL
) -> None:
    body = gql(
        '{ assetsNear(latitude: 51.5, longitude: -3.2, radiusKm: 5, filter: {kinds: ["library", '
        '"dementia_cafe"]}) { totalCount } }'
    )
    (error,) = body["errors"]
    assert error["extensions"] == {"code": "VALIDATION", "field": "kinds"}
    assert "dementia_cafe" in error["message"] and "library" not in error["message"]
