"""The walking skeleton (issue 2): load one ORUK record with the CLI, find it with assetsNear,
read it back from /oruk/services/{id} — the thinnest slice through every layer."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import neo4j
import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from graph.settings import Neo4jSettings
from tests.support.oruk_schema import (
    VALID_LATITUDE,
    VALID_LONGITUDE,
    assert_valid,
    example,
    with_valid_coordinates,
    write_json,
)

pytestmark = pytest.mark.neo4j

NEAR = """
query Near($lat: Float!, $lon: Float!) {
  assetsNear(latitude: $lat, longitude: $lon, radiusKm: 2) {
    edges { distanceKm node { id name } }
  }
}
"""


def test_a_loaded_service_is_found_nearby_and_served_as_oruk(
    driver: neo4j.Driver, neo4j_settings: Neo4jSettings, tmp_path: Path
) -> None:
    record = with_valid_coordinates(example("oruk-3.0/examples/service_full.json"))
    path = write_json(tmp_path / "one_service.json", [record])
    commongraph = str(Path(sys.executable).parent / "commongraph")
    load = subprocess.run(
        [commongraph, "load", "oruk", str(path)],
        capture_output=True,
        text=True,
        env=dict(os.environ),
        timeout=180,
        check=False,
    )
    assert load.returncode == 0, load.stdout + load.stderr

    with TestClient(create_app(neo4j_settings, static_dir=tmp_path / "no-ui")) as client:
        near = client.post(
            "/graphql",
            json={
                "query": NEAR,
                "variables": {"lat": VALID_LATITUDE + 0.005, "lon": VALID_LONGITUDE},
            },
        ).json()
        edges = near["data"]["assetsNear"]["edges"]
        assert [edge["node"]["id"] for edge in edges] == [record["id"]]
        assert edges[0]["node"]["name"] == "Community Counselling"
        assert 0.5 < edges[0]["distanceKm"] < 0.6

        served = client.get(f"/oruk/services/{record['id']}")
        assert served.status_code == 200
        assert served.json() == record
        assert_valid(served.json(), "service")
