"""The server's own messages follow ``Accept-Language``: Welsh for a Welsh UI, English else.

Refused fields come back in the typed results and in GraphQL errors (with the field named in
``extensions.field``), and REST errors carry ``field`` too, so no client parses English.
"""

from __future__ import annotations

from typing import Any

import pytest
from fastapi.testclient import TestClient

from tests.api.fixtures_graph import FixtureGraph

pytestmark = pytest.mark.neo4j

WELSH = {"Accept-Language": "cy-GB,cy;q=0.9,en;q=0.5"}
REGISTER = """mutation R($input: RegisterOfferingInput!) { registerOffering(input: $input) {
  __typename ... on ValidationError { field message } } }"""
NODE = """query N($id: ID!) { node(id: $id) { id } }"""


def _post(client: TestClient, query: str, variables: dict[str, Any], **headers: str) -> Any:
    response = client.post(
        "/graphql", json={"query": query, "variables": variables}, headers=headers
    )
    assert response.status_code == 200, response.text
    return response.json()


def _offering(**extra: object) -> dict[str, object]:
    return {"name": "Grŵp Cerdded", "latitude": 52.24, "longitude": -3.38, **extra}


@pytest.mark.parametrize(
    ("change", "field", "english", "welsh"),
    [
        ({"name": "   "}, "name", "must not be blank", "ni all fod yn wag"),
        ({"name": "x" * 201}, "name", "at most 200 characters", "dim mwy na 200 nod"),
        (
            {"email": "not-an-email"},
            "email",
            "is not an email address",
            "nid yw'n gyfeiriad e-bost",
        ),
        (
            {"postalCode": "ZZZ"},
            "postalCode",
            "'ZZZ' is not a UK postcode",
            "nid yw 'ZZZ' yn god post",
        ),
        (
            {"needs": ["walking"]},
            "needs",
            "unknown need(s): walking",
            "angen(ion) anhysbys: walking",
        ),
    ],
)
def test_a_refused_field_is_explained_in_the_language_asked_for(
    client: TestClient,
    keys: dict[str, str],
    change: dict[str, object],
    field: str,
    english: str,
    welsh: str,
) -> None:
    key = {"Authorization": f"Bearer {keys['editor_a']}"}
    variables = {"input": _offering(**change)}
    in_english = _post(client, REGISTER, variables, **key)["data"]["registerOffering"]
    in_welsh = _post(client, REGISTER, variables, **key, **WELSH)["data"]["registerOffering"]
    assert in_english["__typename"] == in_welsh["__typename"] == "ValidationError"
    assert in_english["field"] == in_welsh["field"] == field
    assert english in in_english["message"]
    assert welsh in in_welsh["message"]


def test_an_error_names_its_field_and_speaks_welsh(
    client: TestClient, small_graph: FixtureGraph, keys: dict[str, str]
) -> None:
    query = """query { connection(fromId: "p1", toId: "p1") { nodes { id } } }"""
    key = {"Authorization": f"Bearer {keys['leader']}"}
    body = _post(client, query, {}, **key, **WELSH)
    error = body["errors"][0]
    assert error["extensions"] == {"code": "VALIDATION", "field": "toId"}
    assert error["message"] == "toId: yw'r un nod â fromId"


def test_forbidden_is_said_in_welsh(client: TestClient, small_graph: FixtureGraph) -> None:
    query = REGISTER.replace("} } }", "} ... on Forbidden { message } } }")
    result = _post(client, query, {"input": _offering()}, **WELSH)["data"]["registerOffering"]
    assert result == {
        "__typename": "Forbidden",
        "message": "mae registerOffering angen allwedd golygydd grŵp",
    }


def test_rest_errors_carry_the_field_and_the_request_language(client: TestClient) -> None:
    english = client.get("/api/postcodes/not-a-postcode")
    welsh = client.get("/api/postcodes/not-a-postcode", headers=WELSH)
    assert english.status_code == welsh.status_code == 422
    assert english.json() == {
        "error": "postcode: 'not-a-postcode' is not a UK postcode (e.g. CF10 1AA)",
        "field": "postcode",
    }
    assert welsh.json()["field"] == "postcode"
    assert welsh.json()["error"].startswith("postcode: nid yw 'not-a-postcode' yn god post")
    assert welsh.headers["content-language"] == "cy"


def test_an_unknown_place_suggests_close_names_in_welsh(client: TestClient) -> None:
    response = client.get("/api/places/Swansee", headers=WELSH)
    assert response.status_code == 404
    body = response.json()
    assert "does dim cod post na lle o'r enw 'Swansee'" in body["error"]
    assert "oeddech chi'n golygu Swansea" in body["error"]


def test_open_referral_errors_speak_welsh_too(client: TestClient) -> None:
    half = client.get("/oruk/service_at_locations", params={"latitude": 51.5}, headers=WELSH)
    assert half.status_code == 400 and "rhowch ledred a hydred" in half.json()["error"]
    bad = client.get("/oruk/services", params={"per_page": 0}, headers=WELSH)
    body = bad.json()
    assert bad.status_code == 422 and body["error"] == "paramedrau annilys"
    assert body["detail"][0]["parameter"] == "per_page"
    assert "rhaid iddo fod yn 1 neu fwy" in body["detail"][0]["reason"]
    english = client.get("/oruk/services", params={"modified_after": "yesterday"})
    assert "is not an RFC 3339 date-time" in english.json()["error"]


def test_a_refused_request_body_is_explained_in_welsh(client: TestClient) -> None:
    batch = client.post(
        "/graphql", content=b"[]", headers={**WELSH, "content-type": "application/json"}
    )
    assert batch.status_code == 400
    assert batch.json()["errors"][0]["message"].startswith("ni dderbynnir sypiau")
    scalar = client.post(
        "/graphql", content=b"5", headers={**WELSH, "content-type": "application/json"}
    )
    assert scalar.json()["errors"][0]["message"].startswith("rhaid i gorff y cais fod yn")
