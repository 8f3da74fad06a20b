"""The REST endpoints the web UI needs: boundaries, postcodes, the area at a point, the
analytics panels and the shared-shortlist page."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from api.rest.data_files import data_dir
from graph.settings import Neo4jSettings
from tests.browser.conftest import SeededData

DATA = data_dir()


@pytest.fixture(scope="module")
def client(neo4j_settings: Neo4jSettings) -> Iterator[TestClient]:
    with TestClient(create_app(neo4j_settings)) as test_client:
        yield test_client


def test_boundaries_are_the_welsh_authorities_and_trafford_simplified(client: TestClient) -> None:
    response = client.get("/api/boundaries")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("application/geo+json")
    features = response.json()["features"]
    codes = {f["properties"]["code"] for f in features}
    assert len([c for c in codes if c.startswith("W06")]) == 22
    assert "E08000009" in codes
    assert all(f["properties"]["name_cy"] for f in features)
    source = (DATA / "wales" / "wales_local_authorities_lad13.geojson").stat().st_size
    assert len(response.content) < source / 3


def test_boundaries_absent_is_a_clear_404(
    client: TestClient, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COMMONGRAPH_DATA_DIR", str(tmp_path))
    response = client.get("/api/boundaries")
    assert response.status_code == 404
    assert "COMMONGRAPH_DATA_DIR" in response.json()["error"]


def test_postcode_is_found_in_any_spelling_with_its_area(client: TestClient) -> None:
    body = client.get("/api/postcodes/cf101aa").json()
    assert body == {
        "postcode": "CF10 1AA",
        "latitude": 51.479102,
        "longitude": -3.178085,
        "area_id": body["area_id"],
    }
    assert body["area_id"].startswith("W01")
    trafford = client.get("/api/postcodes/M15%204AB").json()
    assert trafford["area_id"].startswith("E01")


def test_unknown_and_malformed_postcodes_are_explained(client: TestClient) -> None:
    unknown = client.get("/api/postcodes/ZZ9%209ZZ")
    assert unknown.status_code == 404
    assert "ZZ9 9ZZ is not in the postcode tables" in unknown.json()["error"]
    malformed = client.get("/api/postcodes/hello")
    assert malformed.status_code == 422
    assert "not a UK postcode" in malformed.json()["error"]


def test_area_at_a_point_is_the_lsoa_or_null_at_sea(client: TestClient) -> None:
    assert client.get("/api/areas/at?latitude=53.45&longitude=-2.3").json()["area_id"] == (
        "E01006142"
    )
    assert client.get("/api/areas/at?latitude=51.0&longitude=-6.0").json()["area_id"] is None


@pytest.mark.neo4j
def test_analyse_needs_a_network_role_and_returns_the_cli_shapes(
    client: TestClient, seeded: SeededData
) -> None:
    assert client.get("/api/analyse/gaps").status_code == 403
    refused = client.get("/api/analyse/gaps", headers={"Authorization": "Bearer nope"})
    assert refused.status_code == 401
    auth = {"Authorization": f"Bearer {seeded.keys['leader']}"}
    bottlenecks = client.get("/api/analyse/bottlenecks?prefix=b&top=5", headers=auth).json()
    assert set(bottlenecks) >= {"brokers", "articulation_points", "bridges", "group_cuts"}
    assert len(bottlenecks["brokers"]) == 5
    scores = [b["betweenness"] for b in bottlenecks["brokers"]]
    assert scores == sorted(scores, reverse=True)
    assert set(client.get("/api/analyse/gaps?prefix=b", headers=auth).json()) >= {
        "coverage",
        "group_gaps",
    }
    assert set(client.get("/api/analyse/duplicates?prefix=b", headers=auth).json()) >= {
        "listings",
        "overlaps",
    }
    assert client.get("/api/analyse/other", headers=auth).status_code == 422


def test_shared_shortlist_path_serves_the_ui_page(client: TestClient) -> None:
    response = client.get("/shortlist/some-token")
    assert response.status_code == 200
    assert '<main id="main"' in response.text
