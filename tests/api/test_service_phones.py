"""``Service.phones``: the numbers a person would call, most specific first.

Records are stored through the Open Referral loader, as real feeds are, with phones on the
service, its contacts, its location and its organisation in different combinations.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import neo4j
import pytest

from loaders.oruk import load_service_records
from tests.api.conftest import GraphQL

pytestmark = pytest.mark.neo4j

CARDIFF = (51.4816, -3.1791)

QUERY = """query P($lat: Float!, $lon: Float!) {
  assetsNear(latitude: $lat, longitude: $lon, radiusKm: 5, first: 20) {
    edges { node { id name phones { number source } } }
  }
}"""


def _service(
    sid: str,
    *,
    own: Sequence[str] = (),
    contact: Sequence[str] = (),
    location: Sequence[str] = (),
    organisation: Sequence[str] = (),
) -> dict[str, Any]:
    def phones(prefix: str, numbers: Sequence[str]) -> list[dict[str, Any]]:
        return [{"id": f"{sid}-{prefix}-{i}", "number": n} for i, n in enumerate(numbers)]

    return {
        "id": sid,
        "name": f"Service {sid}",
        "status": "active",
        "phones": phones("own", own),
        "contacts": (
            [{"id": f"{sid}-contact", "name": "Desk", "phones": phones("contact", contact)}]
            if contact
            else []
        ),
        "organization": {
            "id": f"{sid}-org",
            "name": f"Organisation {sid}",
            "description": "A test organisation",
            "phones": phones("org", organisation),
        },
        "service_at_locations": [
            {
                "id": f"{sid}-sal",
                "location": {
                    "id": f"{sid}-loc",
                    "location_type": "physical",
                    "name": f"Place {sid}",
                    "latitude": CARDIFF[0],
                    "longitude": CARDIFF[1],
                    "phones": phones("loc", location),
                },
            }
        ],
    }


@pytest.fixture(scope="module")
def phones_by_service(driver: neo4j.Driver, gql: GraphQL) -> dict[str, list[dict[str, str]]]:
    records = [
        _service("own", own=["029 2037 9510"], location=["01111 111111"], organisation=["0800"]),
        _service("contact-only", contact=["07564387209"], organisation=["0300 123 4567"]),
        _service("location-only", location=["01222 222222"], organisation=["0300 999 0000"]),
        _service("org-only", organisation=["0300 123 4567"]),
        _service("none"),
        _service("repeated", own=["029 2037 9510", "02920379510", "029 2000 0000"]),
    ]
    summary = load_service_records(driver, records, "test:phones")
    assert not summary.rejects, summary.rejects
    edges = gql(QUERY, {"lat": CARDIFF[0], "lon": CARDIFF[1]})["data"]["assetsNear"]["edges"]
    return {e["node"]["id"]: e["node"]["phones"] for e in edges}


def test_service_phones_prefer_the_services_own_numbers(
    phones_by_service: dict[str, list[dict[str, str]]],
) -> None:
    assert phones_by_service["own"] == [{"number": "029 2037 9510", "source": "service"}]
    assert phones_by_service["contact-only"] == [{"number": "07564387209", "source": "service"}]


def test_service_phones_fall_back_to_the_location_then_the_organisation(
    phones_by_service: dict[str, list[dict[str, str]]],
) -> None:
    assert phones_by_service["location-only"] == [{"number": "01222 222222", "source": "location"}]
    assert phones_by_service["org-only"] == [{"number": "0300 123 4567", "source": "organization"}]
    assert phones_by_service["none"] == []


def test_service_phones_list_a_number_once_whatever_its_spacing(
    phones_by_service: dict[str, list[dict[str, str]]],
) -> None:
    assert [p["number"] for p in phones_by_service["repeated"]] == [
        "029 2037 9510",
        "029 2000 0000",
    ]
