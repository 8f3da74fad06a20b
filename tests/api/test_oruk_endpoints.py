"""GET /oruk/...: ORUK 3.0 schema-valid pages and records, parameters, 404s, CORS, moderation."""

from __future__ import annotations

import copy
import uuid
from pathlib import Path
from typing import Any

import neo4j
import pytest
from fastapi.testclient import TestClient

from loaders.oruk import load_oruk_path
from tests.support.oruk_schema import (
    assert_page,
    assert_valid,
    example,
    with_valid_coordinates,
    write_json,
)

pytestmark = pytest.mark.neo4j

HSDS_SERVICE = "ac148810-d857-441c-9679-408f346de14b"
PENDING = "5e0c1b8a-0000-4000-8000-000000000001"
TERM = "3f7b145d-84af-42d7-8fae-eaca714b02b2"
ORG = "d9d5e0f5-d3ce-4f73-9a2f-4dd0ecc6c610"
SAL = "e94c9f38-1e8f-4564-91d4-d53501ab1765"
N_EXTRA = 30


def _extra_services() -> list[dict[str, Any]]:
    """Small services at locations spread west of Cardiff, each with its own ids."""
    template = with_valid_coordinates(example("oruk-3.0/examples/service_full.json"))
    records = []
    for i in range(N_EXTRA):
        record: dict[str, Any] = {
            key: copy.deepcopy(template[key]) for key in ("status", "organization")
        }
        record["description"] = "A friendly walk around the park"
        record["id"] = str(uuid.UUID(int=i + 1))
        record["name"] = f"Walking group {i:02d}"
        record["last_modified"] = f"2024-01-{i % 28 + 1:02d}T10:00:00Z"
        record["service_at_locations"] = [
            {
                "id": str(uuid.UUID(int=1000 + i)),
                "location": {
                    "id": str(uuid.UUID(int=2000 + i)),
                    "location_type": "physical",
                    "latitude": 51.48,
                    "longitude": -3.18 - i * 0.01,
                    "addresses": [
                        {
                            "id": str(uuid.UUID(int=3000 + i)),
                            "address_1": f"{i} High St",
                            "city": "Cardiff",
                            "state_province": "Wales",
                            "postal_code": "CF10 1AA" if i < 5 else "CF5 2BB",
                            "country": "GB",
                            "address_type": "physical",
                        }
                    ],
                },
            }
        ]
        records.append(record)
    return records


@pytest.fixture(scope="module")
def loaded(driver: neo4j.Driver, tmp_path_factory: pytest.TempPathFactory) -> neo4j.Driver:
    folder: Path = tmp_path_factory.mktemp("oruk")
    full = with_valid_coordinates(example("hsds-3.0/examples/service_full.json"))
    pending = copy.deepcopy(_extra_services()[0])
    pending.update(id=PENDING, name="Pending offering")
    pending["service_at_locations"] = []
    records = [full, *_extra_services(), pending]
    summary = load_oruk_path(driver, write_json(folder / "feed.json", records))
    assert summary.rejected == 0, summary.problems
    driver.execute_query(
        "MATCH (s:Service {id: $id}) SET s.moderation_status = 'pending'", id=PENDING
    )
    return driver


def test_root_describes_the_api_as_the_validator_expects(
    client: TestClient, loaded: neo4j.Driver
) -> None:
    response = client.get("/oruk/")
    assert response.status_code == 200
    body = response.json()
    assert body["version"] == "HSDS-UK-3.0"
    assert_valid(body, "api_details")
    assert response.headers["access-control-allow-origin"] == "*"


def test_services_are_paged_with_all_eight_envelope_keys(
    client: TestClient, loaded: neo4j.Driver
) -> None:
    first = client.get("/oruk/services", params={"per_page": 10}).json()
    assert_page(first, "service")
    assert (first["total_items"], first["total_pages"], first["page_number"]) == (31, 4, 1)
    assert (first["first_page"], first["last_page"], first["size"]) == (True, False, 10)
    last = client.get("/oruk/services", params={"per_page": 10, "page": 4}).json()
    assert (last["size"], last["last_page"]) == (1, True)
    seen = set()
    for page in range(1, 5):
        body = client.get("/oruk/services", params={"per_page": 10, "page": page}).json()
        seen |= {item["id"] for item in body["contents"]}
    assert len(seen) == 31 and PENDING not in seen


def test_a_service_is_served_fully_nested_and_equal_to_what_was_loaded(
    client: TestClient, loaded: neo4j.Driver
) -> None:
    response = client.get(f"/oruk/services/{HSDS_SERVICE}")
    assert response.status_code == 200
    body = response.json()
    assert body == with_valid_coordinates(example("hsds-3.0/examples/service_full.json"))
    assert_valid(body, "service")


def test_an_absent_or_pending_service_is_a_404_with_a_json_body(
    client: TestClient, loaded: neo4j.Driver
) -> None:
    for missing in ("00000000-0000-4000-8000-00000000dead", PENDING):
        response = client.get(f"/oruk/services/{missing}")
        assert response.status_code == 404
        assert "no service" in response.json()["error"]
        assert response.headers["access-control-allow-origin"] == "*"


def test_filters_search_taxonomy_organisation_and_modified_after(
    client: TestClient, loaded: neo4j.Driver
) -> None:
    def ids(**params: Any) -> set[str]:
        body = client.get("/oruk/services", params={"per_page": 100, **params}).json()
        assert_page(body, "service")
        return {item["id"] for item in body["contents"]}

    assert ids(search="counselling") == {HSDS_SERVICE}
    assert len(ids(search="walking GROUP")) == N_EXTRA
    assert ids(taxonomy_term_id=TERM) == {HSDS_SERVICE}
    assert len(ids(organization_id=ORG)) == N_EXTRA + 1
    assert len(ids(modified_after="2024-01-20T00:00:00Z")) == 9  # days 20..28 of January


def test_bad_parameters_get_a_clear_422_or_400(client: TestClient, loaded: neo4j.Driver) -> None:
    too_many = client.get("/oruk/services", params={"per_page": 101})
    assert too_many.status_code == 422
    assert too_many.json()["detail"][0]["parameter"] == "per_page"
    assert client.get("/oruk/services", params={"page": 0}).status_code == 422
    bad_date = client.get("/oruk/services", params={"modified_after": "last tuesday"})
    assert bad_date.status_code == 422 and "RFC 3339" in bad_date.json()["error"]
    assert client.get("/oruk/service_at_locations", params={"proximity": 500}).status_code == 400
    assert client.get("/oruk/service_at_locations", params={"latitude": 51}).status_code == 400


def test_organisations_are_served_with_their_services(
    client: TestClient, loaded: neo4j.Driver
) -> None:
    page = client.get("/oruk/organizations").json()
    assert_page(page, "organization")
    assert [item["id"] for item in page["contents"]] == [ORG]
    detail = client.get(f"/oruk/organizations/{ORG}").json()
    assert_valid(detail, "organization")
    assert len(detail["services"]) == N_EXTRA + 1  # the pending offering is not served
    assert client.get("/oruk/organizations/nope").status_code == 404


def test_service_at_locations_filter_by_postcode_and_proximity(
    client: TestClient, loaded: neo4j.Driver
) -> None:
    by_postcode = client.get("/oruk/service_at_locations", params={"postcode": "cf10 1aa"}).json()
    assert_page(by_postcode, "service_at_location")
    assert by_postcode["total_items"] == 5
    near = client.get(
        "/oruk/service_at_locations",
        params={"latitude": 51.48, "longitude": -3.18, "proximity": 2500, "per_page": 100},
    ).json()
    assert_page(near, "service_at_location")
    # the full example's civic centre is at -3.1791; walking groups every 0.01° (~690 m) west
    assert near["total_items"] == 1 + 4
    assert near["contents"][0]["location"]["longitude"] in (-3.18, -3.1791)
    detail = client.get(f"/oruk/service_at_locations/{SAL}").json()
    assert_valid(detail, "service_at_location")
    assert detail["service"]["id"] == HSDS_SERVICE


def test_proximity_to_a_postcode_is_measured_from_the_postcode_itself(
    client: TestClient, loaded: neo4j.Driver
) -> None:
    # No listed location has CF10 1EP; the shipped postcode tables place it 370 m from the
    # civic centre, so "within 2.5 km of CF10 1EP" finds what 2.5 km of its point finds.
    point = client.get("/api/postcodes/CF10 1EP").json()
    by_point = client.get(
        "/oruk/service_at_locations",
        params={"latitude": point["latitude"], "longitude": point["longitude"],
                "proximity": 2500, "per_page": 100},
    ).json()  # fmt: skip
    by_postcode = client.get(
        "/oruk/service_at_locations",
        params={"postcode": "cf10 1ep", "proximity": 2500, "per_page": 100},
    ).json()
    assert by_point["total_items"] >= 1
    assert [c["id"] for c in by_postcode["contents"]] == [c["id"] for c in by_point["contents"]]


def test_taxonomies_and_terms_are_served(client: TestClient, loaded: neo4j.Driver) -> None:
    terms = client.get("/oruk/taxonomy_terms").json()
    assert_page(terms, "taxonomy_term")
    assert [t["id"] for t in terms["contents"]] == [TERM]
    assert_valid(client.get(f"/oruk/taxonomy_terms/{TERM}").json(), "taxonomy_term")
    taxonomies = client.get("/oruk/taxonomies").json()
    assert_page(taxonomies, "taxonomy")
    (taxonomy,) = taxonomies["contents"]
    assert_valid(client.get(f"/oruk/taxonomies/{taxonomy['id']}").json(), "taxonomy")


def test_each_endpoint_runs_one_statement(client: TestClient, loaded: neo4j.Driver) -> None:
    db = client.app.state.db  # type: ignore[attr-defined]
    for path in (
        "/oruk/services?per_page=50",
        f"/oruk/services/{HSDS_SERVICE}",
        "/oruk/organizations",
        "/oruk/service_at_locations?per_page=50",
        "/oruk/taxonomy_terms",
    ):
        before = db.statements_run
        assert client.get(path).status_code == 200
        assert db.statements_run - before == 1, path
