"""E2SFCA on a tiny example computed by hand, and the haversine distance."""

from __future__ import annotations

import math

import pytest

from queries.analytics.coverage import DemandPoint, SupplyPoint, decay_weights, e2sfca
from queries.analytics.geo import EARTH_RADIUS_KM, haversine_km, pairs_within_km

B_LON = 0.05  # B lies 5.5597 km east of A, on the equator


def demand() -> list[DemandPoint]:
    return [
        DemandPoint("A", "loneliness", 0.0, 0.0, 100.0),
        DemandPoint("B", "loneliness", 0.0, B_LON, 50.0),
        DemandPoint("C", "loneliness", 1.0, 0.0, 10.0),  # 111 km away: nothing in reach
        DemandPoint("B", "dementia", 0.0, B_LON, 20.0),
        DemandPoint("D", "dementia", 0.0, 0.0, 0.0),  # no demand: not listed
    ]


def supply() -> list[SupplyPoint]:
    return [
        SupplyPoint("s1", 0.0, 0.0, ("loneliness",)),
        SupplyPoint("s2", 0.0, B_LON, ("dementia",)),
    ]


def test_one_degree_of_latitude_is_111_2_km() -> None:
    assert haversine_km(0, 0, 1, 0) == pytest.approx(EARTH_RADIUS_KM * math.pi / 180)
    assert haversine_km(0, 0, 0, B_LON) == pytest.approx(5.5597, abs=1e-4)


def test_radius_join_finds_exactly_the_pairs_within_reach() -> None:
    i, j, d = pairs_within_km([0, 0, 1], [0, B_LON, 0], [0], [0], 6.0)
    assert i.tolist() == [0, 1] and j.tolist() == [0, 0]
    assert d.tolist() == pytest.approx([0.0, 5.5597], abs=1e-4)


def test_e2sfca_stepped_decay_by_hand() -> None:
    # radius 9 km: bands 0-3 km x1.00, 3-6 km x0.68, 6-9 km x0.22 (Luo & Qi)
    # s1: R = 1 / (100*1 + 50*0.68) = 1/134; A = 1000/134; B = 680/134
    # s2 (dementia): R = 1/20; B dementia = 1000/20 = 50; C has nothing in reach
    rows = e2sfca(demand(), supply(), radius_km=9.0)
    assert [(r["area"], r["need"]) for r in rows] == [
        ("C", "loneliness"),
        ("B", "loneliness"),
        ("A", "loneliness"),
        ("B", "dementia"),
    ]
    assert [r["score"] for r in rows] == pytest.approx([0.0, 680 / 134, 1000 / 134, 50.0])
    assert [r["services_in_reach"] for r in rows] == [0, 1, 1, 1]


def test_e2sfca_without_decay_is_plain_2sfca() -> None:
    rows = e2sfca(demand(), supply(), radius_km=9.0, decay="none")
    scores = {(r["area"], r["need"]): r["score"] for r in rows}
    assert scores[("A", "loneliness")] == pytest.approx(1000 / 150)
    assert scores[("B", "loneliness")] == pytest.approx(1000 / 150)


def test_capacity_and_mappings_are_accepted() -> None:
    rows = e2sfca(
        [{"area": "A", "need": "n", "latitude": 0, "longitude": 0, "demand": 10}],
        [{"service": "s", "latitude": 0, "longitude": 0, "needs": ["n"], "capacity": 5}],
        radius_km=1.0,
    )
    assert rows == [
        {"area": "A", "need": "n", "score": 500.0, "demand": 10.0, "services_in_reach": 1}
    ]


def test_gaussian_decay_is_one_at_the_centre_and_zero_at_the_edge() -> None:
    import numpy as np

    w = decay_weights(np.array([0.0, 5.0, 10.0]), 10.0, "gaussian")
    assert w[0] == pytest.approx(1.0) and w[2] == pytest.approx(0.0) and 0 < w[1] < 1
    bands = decay_weights(np.array([1.0, 3.0, 3.01, 9.0]), 9.0, "stepped")
    assert bands.tolist() == [1.0, 1.0, 0.68, 0.22]
