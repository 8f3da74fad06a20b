"""A listing found through ``/oruk`` is acted on by the id ``/oruk`` gives it.

The open data keeps its publishers' ids in the graph (``gp:W97018``) and ``/oruk`` publishes
the same records under stable UUIDs. Every mutation that names a listing or an organisation
takes either: a moderator who found two listings in ``/oruk`` merges them by those ids, a
group registers under its organisation's published UUID, a connector refers to it.
"""

from __future__ import annotations

import random
from typing import Any

import neo4j
import pytest
from fastapi.testclient import TestClient

from graph.settings import Neo4jSettings
from loaders.oruk import load_service_records
from tests.api.conftest import GraphQL
from tests.support.bulk import service_record
from tests.support.keys import make_key
from tests.support.wipe import wipe_graph

pytestmark = pytest.mark.neo4j

PAYLOAD = "__typename ... on Failure { message }"


@pytest.fixture(scope="module")
def published(driver: neo4j.Driver, neo4j_settings: Neo4jSettings) -> list[dict[str, Any]]:
    """Three approved services with open-data ids, loaded through the ORUK loader."""
    wipe_graph(driver, neo4j_settings.database)
    rng = random.Random(5)
    records = []
    for i in range(3):
        record = service_record(i, rng)
        record["id"] = f"gp:W9{i:04d}"
        record["organization"]["id"] = f"org:ods:W9{i:04d}"
        records.append(record)
    assert load_service_records(driver, records, "ods:test").created == 3
    driver.execute_query("MATCH (s:Service) SET s.moderation_status = 'approved'")
    return records


def _uuids(client: TestClient) -> list[dict[str, Any]]:
    page = client.get("/oruk/services", params={"per_page": 10}).json()
    services = sorted(page["contents"], key=lambda s: s["name"])
    assert len(services) == 3 and not any(s["id"].startswith("gp:") for s in services)
    return services


def _ok(body: dict[str, Any], field: str, typename: str) -> dict[str, Any]:
    assert "errors" not in body, body
    result: dict[str, Any] = body["data"][field]
    assert result["__typename"] == typename, result
    return result


def test_moderators_act_on_listings_by_their_published_uuids(
    published: list[dict[str, Any]], client: TestClient, gql: GraphQL, driver: neo4j.Driver
) -> None:
    moderator = make_key(driver, "moderator")
    keep, dup, other = (s["id"] for s in _uuids(client))
    merged = gql(
        f"mutation($k: ID!, $d: [ID!]!) {{ mergeListings(keepId: $k, duplicateIds: $d) "
        f"{{ {PAYLOAD} }} }}",
        {"k": keep, "d": [dup]},
        key=moderator,
    )
    _ok(merged, "mergeListings", "OfferingPayload")
    shown = {s["id"] for s in client.get("/oruk/services").json()["contents"]}
    assert shown == {keep, other}
    undone = gql(
        f"mutation($s: ID!) {{ unmergeListing(serviceId: $s) {{ {PAYLOAD} }} }}",
        {"s": dup},
        key=moderator,
    )
    _ok(undone, "unmergeListing", "OfferingPayload")
    for op, extra in (("rejectOffering", ', reason: "closed"'), ("approveOffering", "")):
        body = gql(
            f"mutation($s: ID!) {{ {op}(serviceId: $s{extra}) {{ {PAYLOAD} }} }}",
            {"s": other},
            key=moderator,
        )
        _ok(body, op, "OfferingPayload")
    trail = gql(
        "query($t: ID!) { auditTrail(targetId: $t) { operation } }", {"t": other}, key=moderator
    )
    assert [e["operation"] for e in trail["data"]["auditTrail"]][:2] == [
        "approveOffering",
        "rejectOffering",
    ]


def test_groups_and_connectors_name_listings_and_organisations_by_published_uuids(
    published: list[dict[str, Any]], client: TestClient, gql: GraphQL, driver: neo4j.Driver
) -> None:
    service = _uuids(client)[0]
    org_uuid = service["organization"]["id"]
    org_id = driver.execute_query(
        "MATCH (o:Organization {oruk_id: $u}) RETURN o.id AS id", u=org_uuid
    ).records[0]["id"]
    assert org_id.startswith("org:ods:")  # the key holds the graph id, as `keys create` stores it
    editor = make_key(driver, "group_editor", org_id)
    registered = gql(
        f"mutation($i: RegisterOfferingInput!) {{ registerOffering(input: $i) {{ {PAYLOAD} }} }}",
        {"i": {"name": "Tuesday knit and natter", "latitude": 51.5, "longitude": -3.2,
               "organisationId": org_uuid}},
        key=editor,
    )  # fmt: skip
    _ok(registered, "registerOffering", "OfferingPayload")
    confirmed = gql(
        f"mutation($s: ID!) {{ confirmStillCorrect(serviceId: $s) {{ {PAYLOAD} }} }}",
        {"s": service["id"]},
        key=editor,
    )
    _ok(confirmed, "confirmStillCorrect", "OfferingPayload")
    connector = make_key(driver, "connector")
    referred = gql(
        f"mutation($s: ID!) {{ createReferral(serviceId: $s) {{ {PAYLOAD} }} }}",
        {"s": service["id"]},
        key=connector,
    )
    _ok(referred, "createReferral", "ReferralPayload")
    reported = gql(
        f'mutation($s: ID!) {{ reportProblem(serviceId: $s, message: "closed") {{ {PAYLOAD} }} }}',
        {"s": service["id"]},
    )
    _ok(reported, "reportProblem", "ProblemReported")


def test_an_unknown_uuid_is_named_as_sent(
    published: list[dict[str, Any]], gql: GraphQL, driver: neo4j.Driver
) -> None:
    moderator = make_key(driver, "moderator")
    ghost = "00000000-0000-4000-8000-000000000000"
    body = gql(
        f"mutation($s: ID!) {{ approveOffering(serviceId: $s) {{ {PAYLOAD} }} }}",
        {"s": ghost},
        key=moderator,
    )
    assert ghost in _ok(body, "approveOffering", "NotFound")["message"]


def test_a_feeds_phone_on_the_service_is_the_listings_phone_and_an_edit_replaces_it(
    published: list[dict[str, Any]], client: TestClient, gql: GraphQL, driver: neo4j.Driver
) -> None:
    """Open-data feeds put the phone on the service itself: the edit form showed none, and an
    approved new number stood beside the old one."""
    record = published[2]
    sid, old = record["id"], record["phones"][0]["number"]
    driver.execute_query(  # as a feed: the phone on the service, no contact
        "MATCH (:Service {id: $id})-[:HAS_CONTACT]->(c:Contact) DETACH DELETE c", id=sid
    )
    editor = make_key(driver, "group_editor", record["organization"]["id"])
    moderator = make_key(driver, "moderator")
    read = """query($id: ID!) { node(id: $id) { ... on Service {
      version editable phones { number } } } }"""
    before = gql(read, {"id": sid}, key=editor)["data"]["node"]
    assert before["editable"]["phone"] == old
    change = {"id": sid, "version": before["version"], "phone": "029 2000 0001"}
    update = "mutation($i: UpdateOfferingInput!) { updateOffering(input: $i) { __typename } }"
    assert gql(update, {"i": change}, key=editor)["data"]["updateOffering"]["__typename"] == (
        "OfferingPayload"
    )
    approve = f"mutation($s: ID!) {{ approveOffering(serviceId: $s) {{ {PAYLOAD} }} }}"
    _ok(gql(approve, {"s": sid}, key=moderator), "approveOffering", "OfferingPayload")
    after = gql(read, {"id": sid})["data"]["node"]
    assert after["phones"] == [{"number": "029 2000 0001"}]
