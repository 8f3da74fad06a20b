"""A connector types what the person said: a postcode in any spelling, part of one, or a
place in English or Welsh, and gets one point to search around (or close names)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from pydantic import SecretStr

from api.app import create_app
from api.guard import GuardSettings
from graph.places import PlaceIndex
from graph.settings import Neo4jSettings
from tests.api.oracle import haversine_km
from tests.support.ports import free_port

NOWHERE = Neo4jSettings(uri=f"bolt://127.0.0.1:{free_port()}", password=SecretStr("x"))


@pytest.fixture(scope="module")
def client() -> Iterator[TestClient]:
    app = create_app(NOWHERE, static_dir=Path("/nonexistent"), guard=GuardSettings.unlimited())
    with TestClient(app) as test_client:
        yield test_client


@pytest.mark.parametrize(
    ("typed", "label", "kind", "near", "within_km"),
    [
        ("cf101aa", "CF10 1AA", "postcode", (51.4791, -3.1781), 0.01),
        ("  CF10   1AA ", "CF10 1AA", "postcode", (51.4791, -3.1781), 0.01),
        ("M33", "M33", "district", (53.423, -2.325), 3.0),
        ("cf10 1", "CF10 1", "sector", (51.478, -3.181), 2.0),
        ("Sale", "Sale", "name", (53.424, -2.316), 3.0),
        ("Caerdydd", "Caerdydd", "authority", (51.49, -3.18), 8.0),
        ("cardiff", "Cardiff", "authority", (51.49, -3.18), 8.0),
        ("Old Trafford", "Old Trafford", "community", (53.459, -2.264), 2.0),
        ("Barry", "Barry", "town", (51.409, -3.27), 3.0),
        ("ynys mon", "Ynys Mon", "authority", (53.28, -4.40), 25.0),
    ],
)
def test_postcodes_districts_and_places_in_english_or_welsh_give_one_point(
    client: TestClient,
    typed: str,
    label: str,
    kind: str,
    near: tuple[float, float],
    within_km: float,
) -> None:
    response = client.get(f"/api/places/{typed}")
    assert response.status_code == 200, response.text
    body = response.json()
    assert (body["label"], body["kind"]) == (label, kind)
    assert haversine_km(body["latitude"], body["longitude"], *near) <= within_km


def test_a_district_is_the_mean_of_its_postcodes() -> None:
    index = PlaceIndex()
    index.add_postcode("M33 7AA", (53.40, -2.30))
    index.add_postcode("M33 2BB", (53.44, -2.34))
    district = index.find("m33")
    assert district is not None
    assert (district.latitude, district.longitude) == pytest.approx((53.42, -2.32))


def test_a_typo_is_answered_with_close_names_never_a_silent_guess(client: TestClient) -> None:
    response = client.get("/api/places/Swansee")
    assert response.status_code == 404
    assert response.json()["suggestions"][0] == "Swansea"
    nothing = client.get("/api/places/Qwxzzy")
    assert nothing.status_code == 404 and nothing.json()["suggestions"] == []
