"""Groups register and maintain offerings; moderators decide; every change is audited."""

from __future__ import annotations

from typing import Any

import neo4j
import pytest

from tests.api.conftest import GraphQL
from tests.api.fixtures_graph import FixtureGraph

pytestmark = pytest.mark.neo4j

REGISTER = """mutation R($input: RegisterOfferingInput!) { registerOffering(input: $input) {
  __typename
  ... on OfferingPayload { service { id name moderationStatus version stale
                                     organisation { id } languages { code } } }
  ... on PossibleDuplicates { message candidates { id name reasons distanceKm } }
  ... on ValidationError { field message } ... on Forbidden { message }
  ... on NotFound { message } } }"""
UPDATE = """mutation U($input: UpdateOfferingInput!) { updateOffering(input: $input) {
  __typename ... on OfferingPayload { outcome service { name version email } }
  ... on Conflict { message currentVersion } ... on Forbidden { message }
  ... on ValidationError { field message } ... on NotFound { message } } }"""
APPROVE = """mutation A($id: ID!) { approveOffering(serviceId: $id) {
  __typename ... on OfferingPayload { service { moderationStatus } }
  ... on Forbidden { message } ... on Conflict { message } } }"""
CONFIRM = """mutation C($id: ID!) { confirmStillCorrect(serviceId: $id) {
  __typename ... on OfferingPayload { service { lastVerified stale } }
  ... on Forbidden { message } } }"""
NEAR = """query N($lat: Float!, $lon: Float!) { assetsNear(latitude: $lat, longitude: $lon,
  radiusKm: 0.5, first: 100) { edges { node { id } } } }"""
TRAIL = """query T($id: ID) { auditTrail(targetId: $id) { operation actorRole
  actorOrganisationId changedFields at } }"""


def _input(org: str | None = None, **extra: Any) -> dict[str, object]:
    base: dict[str, object] = {
        "name": "Llandrindod Knit and Natter",
        "latitude": 52.2420,
        "longitude": -3.3790,
        "languages": ["cy", "en"],
        "needs": ["loneliness"],
        "free": True,
        "phone": "01597 000 111",
        "email": "knit@example.cymru",
        "schedules": [{"byday": "TU,TH", "opensAt": "10:00", "closesAt": "12:00"}],
    }
    if org:
        base["organisationId"] = org
    return {**base, **extra}


def test_registered_offering_is_pending_hidden_then_public_once_approved(
    small_graph: FixtureGraph, gql: GraphQL, keys: dict[str, str]
) -> None:
    made = gql(REGISTER, {"input": _input()}, key=keys["editor_a"])["data"]["registerOffering"]
    assert made["__typename"] == "OfferingPayload", made
    service = made["service"]
    assert service["moderationStatus"] == "pending" and service["stale"] is False
    assert service["organisation"]["id"] == next(iter(small_graph.organisations))
    near = {"lat": 52.2420, "lon": -3.3790}
    assert gql(NEAR, near)["data"]["assetsNear"]["edges"] == []
    assert (
        gql(APPROVE, {"id": service["id"]}, key=keys["editor_a"])["data"]["approveOffering"][
            "__typename"
        ]
        == "Forbidden"
    )
    approved = gql(APPROVE, {"id": service["id"]}, key=keys["moderator"])["data"]["approveOffering"]
    assert approved["service"]["moderationStatus"] == "approved"
    assert [e["node"]["id"] for e in gql(NEAR, near)["data"]["assetsNear"]["edges"]] == [
        service["id"]
    ]
    again = gql(APPROVE, {"id": service["id"]}, key=keys["moderator"])["data"]["approveOffering"]
    assert again["__typename"] == "Conflict"
    trail = gql(TRAIL, {"id": service["id"]}, key=keys["moderator"])["data"]["auditTrail"]
    assert [e["operation"] for e in trail] == ["approveOffering", "registerOffering"]
    assert trail[1]["actorRole"] == "group_editor" and "name" in trail[1]["changedFields"]


def test_registration_reports_likely_duplicates_before_creating(
    small_graph: FixtureGraph, gql: GraphQL, keys: dict[str, str], driver: neo4j.Driver
) -> None:
    gql(
        REGISTER,
        {
            "input": _input(
                name="Builth Wells Walking Group",
                latitude=52.1500,
                longitude=-3.4000,
                phone="01982 555 000",
                email="a@b.cymru",
            )
        },
        key=keys["editor_a"],
    )
    before = driver.execute_query("MATCH (s:Service) RETURN count(s) AS n").records[0]["n"]
    similar = gql(
        REGISTER,
        {
            "input": _input(
                name="Builth Wells Walkng Group",
                latitude=52.1510,
                longitude=-3.4010,
                phone="07000 000000",
                email="other@x.org",
            )
        },
        key=keys["editor_b"],
    )["data"]["registerOffering"]
    assert similar["__typename"] == "PossibleDuplicates"
    assert similar["candidates"][0]["reasons"] == ["similar name nearby"]
    same_phone = gql(
        REGISTER,
        {
            "input": _input(
                name="Totally different",
                latitude=51.5,
                longitude=-3.2,
                phone="(01982) 555-000",
                email="z@z.org",
            )
        },
        key=keys["editor_b"],
    )["data"]["registerOffering"]
    assert same_phone["__typename"] == "PossibleDuplicates"
    assert "same phone" in same_phone["candidates"][0]["reasons"]
    after = driver.execute_query("MATCH (s:Service) RETURN count(s) AS n").records[0]["n"]
    assert after == before  # nothing created
    confirmed = gql(
        REGISTER,
        {
            "input": _input(
                name="Builth Wells Walkng Group",
                latitude=52.1510,
                longitude=-3.4010,
                phone="07000 000000",
                email="other@x.org",
                confirmNotDuplicate=True,
            )
        },
        key=keys["editor_b"],
    )["data"]["registerOffering"]
    assert confirmed["__typename"] == "OfferingPayload"


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"name": "   "}, "name"),
        ({"latitude": 95.0}, "latitude"),
        ({"languages": ["Welsh!"]}, "languages"),
        ({"minimumAge": 60, "maximumAge": 18}, "input"),
        ({"needs": ["no-such-need"]}, "needs"),
        ({"email": "not-an-email"}, "email"),
    ],
)
def test_registration_rejects_bad_input_with_the_field_and_writes_nothing(
    small_graph: FixtureGraph,
    gql: GraphQL,
    keys: dict[str, str],
    driver: neo4j.Driver,
    change: dict[str, Any],
    field: str,
) -> None:
    before = driver.execute_query("MATCH (n) RETURN count(n) AS n").records[0]["n"]
    result = gql(
        REGISTER, {"input": _input(**change, confirmNotDuplicate=True)}, key=keys["editor_a"]
    )["data"]["registerOffering"]
    assert result["__typename"] == "ValidationError" and result["field"] == field
    assert driver.execute_query("MATCH (n) RETURN count(n) AS n").records[0]["n"] == before


def test_a_group_cannot_register_or_edit_for_another_organisation(
    small_graph: FixtureGraph, gql: GraphQL, keys: dict[str, str]
) -> None:
    org_b = list(small_graph.organisations)[1]
    other = gql(
        REGISTER, {"input": _input(org=org_b, confirmNotDuplicate=True)}, key=keys["editor_a"]
    )["data"]["registerOffering"]
    assert other["__typename"] == "Forbidden"
    svc_b = next(s for s in small_graph.services.values() if s.organisation_id == org_b)
    edit = gql(
        UPDATE, {"input": {"id": svc_b.id, "version": 1, "name": "Hijacked"}}, key=keys["editor_a"]
    )["data"]["updateOffering"]
    assert edit["__typename"] == "Forbidden"
    assert (
        gql(CONFIRM, {"id": svc_b.id}, key=keys["editor_a"])["data"]["confirmStillCorrect"][
            "__typename"
        ]
        == "Forbidden"
    )


def test_concurrent_edits_lose_nothing_the_second_gets_a_conflict(
    small_graph: FixtureGraph, gql: GraphQL, keys: dict[str, str]
) -> None:
    org_a = next(iter(small_graph.organisations))
    svc = next(s for s in small_graph.services.values() if s.organisation_id == org_a)
    first = gql(
        UPDATE, {"input": {"id": svc.id, "version": 1, "name": "Edit one"}}, key=keys["editor_a"]
    )["data"]["updateOffering"]
    # The listing is public: the edit waits for a moderator, the approved name stays.
    assert first.get("service") == {"name": svc.name, "version": 2, "email": svc.email}, first
    assert first["outcome"] == "waiting_for_moderator"
    second = gql(
        UPDATE,
        {"input": {"id": svc.id, "version": 1, "email": "two@example.org"}},
        key=keys["editor_a"],
    )["data"]["updateOffering"]
    assert second["__typename"] == "Conflict" and second["currentVersion"] == 2
    cleared = gql(
        UPDATE, {"input": {"id": svc.id, "version": 2, "email": None}}, key=keys["admin"]
    )["data"]["updateOffering"]
    assert cleared["service"]["version"] == 3 and cleared["outcome"] == "waiting_for_moderator"
    approved = gql(APPROVE, {"id": svc.id}, key=keys["moderator"])["data"]["approveOffering"]
    assert approved["service"]["moderationStatus"] == "approved"
    read = gql(
        UPDATE, {"input": {"id": svc.id, "version": 4, "description": "x"}}, key=keys["editor_a"]
    )["data"]["updateOffering"]
    assert read["service"]["name"] == "Edit one"  # both edits, in order, once accepted
    assert read["service"]["email"] is None


def test_confirm_still_correct_records_who_and_when(
    small_graph: FixtureGraph, gql: GraphQL, keys: dict[str, str], driver: neo4j.Driver
) -> None:
    org_a = next(iter(small_graph.organisations))
    svc = next(s for s in small_graph.services.values() if s.organisation_id == org_a)
    done = gql(CONFIRM, {"id": svc.id}, key=keys["editor_a"])["data"]["confirmStillCorrect"]
    assert done["service"]["stale"] is False and done["service"]["lastVerified"]
    rows = driver.execute_query(
        "MATCH (k:ApiKey)-[v:VERIFIED]->(:Service {id: $id}) RETURN k.role AS role, v.at AS at",
        id=svc.id,
    ).records
    assert rows[0]["role"] == "group_editor" and rows[0]["at"] == done["service"]["lastVerified"]


def test_claiming_an_orphan_is_immediate_and_another_groups_listing_needs_a_moderator(
    small_graph: FixtureGraph, gql: GraphQL, keys: dict[str, str], driver: neo4j.Driver
) -> None:
    claim = """mutation C($id: ID!) { claimListing(serviceId: $id) { __typename
      ... on OfferingPayload { outcome service { organisation { id } } }
      ... on Forbidden { message } } }"""
    queue = "{ moderationQueue(first: 100) { kind claimId claimant service { id } } }"
    decide = """mutation D($id: ID!, $ok: Boolean!) { decideClaim(claimId: $id, approve: $ok,
      reason: "Checked with both groups") { __typename
      ... on OfferingPayload { service { organisation { id } } } } }"""
    org_a, org_b = list(small_graph.organisations)[:2]
    orphan = list(small_graph.services)[-1]
    driver.execute_query(
        "MATCH (:Organization)-[p:PROVIDES]->(:Service {id: $id}) DELETE p", id=orphan
    )
    got = gql(claim, {"id": orphan}, key=keys["editor_b"])["data"]["claimListing"]
    assert got["outcome"] == "claimed" and got["service"]["organisation"]["id"] == org_b
    # B's listing, claimed by A: a transfer request, nothing moves yet.
    asked = gql(claim, {"id": orphan}, key=keys["editor_a"])["data"]["claimListing"]
    assert asked["outcome"] == "waiting_for_moderator"
    assert asked["service"]["organisation"]["id"] == org_b
    entries = gql(queue, key=keys["moderator"])["data"]["moderationQueue"]
    entry = next(e for e in entries if e["kind"] == "claim" and e["service"]["id"] == orphan)
    assert entry["claimant"] == small_graph.organisations[org_a][0]
    refused = gql(decide, {"id": entry["claimId"], "ok": True}, key=keys["editor_a"])
    assert refused["data"]["decideClaim"]["__typename"] == "Forbidden"
    moved = gql(decide, {"id": entry["claimId"], "ok": True}, key=keys["moderator"])
    assert moved["data"]["decideClaim"]["service"]["organisation"]["id"] == org_a
    providers = driver.execute_query(
        "MATCH (o:Organization)-[:PROVIDES]->(:Service {id: $id}) RETURN collect(o.id) AS ids",
        id=orphan,
    ).records[0]["ids"]
    assert providers == [org_a]
    trail = driver.execute_query(
        "MATCH (e:AuditEvent {operation: 'approveClaim'}) RETURN count(e) AS n"
    ).records[0]["n"]
    assert trail == 1


def test_the_older_organization_spelling_keeps_working_and_a_disagreement_is_refused(
    small_graph: FixtureGraph, gql: GraphQL, keys: dict[str, str], driver: neo4j.Driver
) -> None:
    org_a, org_b = list(small_graph.organisations)[:2]
    old = dict(_input(), organizationId=org_a, confirmNotDuplicate=True)
    made = gql(REGISTER, {"input": old}, key=keys["admin"])["data"]["registerOffering"]
    assert made["service"]["organisation"]["id"] == org_a
    both = gql(
        "query S($id: ID!) { node(id: $id) { ... on Service { organisation { id } "
        "organization { id } } } }",
        {"id": made["service"]["id"]},
        key=keys["admin"],
    )["data"]["node"]
    assert both["organisation"] == both["organization"] == {"id": org_a}

    before = driver.execute_query("MATCH (n) RETURN count(n) AS n").records[0]["n"]
    clash = dict(_input(org=org_a), organizationId=org_b, confirmNotDuplicate=True)
    refused = gql(REGISTER, {"input": clash}, key=keys["admin"])["data"]["registerOffering"]
    assert refused["__typename"] == "ValidationError"
    assert refused["field"] == "organisationId" and org_b in refused["message"]
    assert driver.execute_query("MATCH (n) RETURN count(n) AS n").records[0]["n"] == before


def test_a_group_sees_its_claims_and_why_one_was_turned_down(
    small_graph: FixtureGraph, gql: GraphQL, keys: dict[str, str]
) -> None:
    claim = """mutation C($id: ID!) { claimListing(serviceId: $id) { __typename
      ... on OfferingPayload { outcome } } }"""
    mine = "{ myClaims { id status reason askedAt decidedAt serviceId serviceName } }"
    decide = """mutation D($id: ID!) { decideClaim(claimId: $id, approve: false,
      reason: "The charity still runs it") { __typename } }"""
    org_b = list(small_graph.organisations)[1]
    listing = next(s for s in small_graph.services.values() if s.organisation_id == org_b)
    asked = gql(claim, {"id": listing.id}, key=keys["editor_a"])["data"]["claimListing"]
    assert asked["outcome"] == "waiting_for_moderator"

    waiting = gql(mine, key=keys["editor_a"])["data"]["myClaims"]
    ours = [c for c in waiting if c["serviceId"] == listing.id]
    assert [(c["status"], c["serviceName"], c["decidedAt"]) for c in ours] == [
        ("OPEN", listing.name, None)
    ]
    # The organisation that provides the listing did not claim it: it is not in its claims.
    theirs = gql(mine, key=keys["editor_b"])["data"]["myClaims"]
    assert all(c["serviceId"] != listing.id for c in theirs)

    assert gql(decide, {"id": ours[0]["id"]}, key=keys["moderator"])["data"]["decideClaim"] == {
        "__typename": "OfferingPayload"
    }
    decided = gql(mine, key=keys["editor_a"])["data"]["myClaims"]
    (turned_down,) = [c for c in decided if c["serviceId"] == listing.id]
    assert turned_down["status"] == "REJECTED"
    assert turned_down["reason"] == "The charity still runs it"
    assert turned_down["decidedAt"] >= turned_down["askedAt"]


WELSH_NEAR = """query N($lat: Float!, $lon: Float!) { assetsNear(latitude: $lat, longitude: $lon,
  radiusKm: 0.5, first: 100) { edges { node { id name nameCy } } } }"""
PENDING = """query P($id: ID!) { node(id: $id) { ... on Service { nameCy descriptionCy
  pendingChange { changes { field before after } } } } }"""


def test_a_group_names_its_listing_in_welsh_and_the_name_travels_everywhere(
    small_graph: FixtureGraph, gql: GraphQL, keys: dict[str, str], client: Any
) -> None:
    welsh = "Gweu a Sgwrsio Llandrindod"
    lat, lon = 52.2601, -3.3702
    given = _input(name="Knit Llandrindod", nameCy=welsh, latitude=lat, longitude=lon)
    given["descriptionCy"] = "Gweu, paned a sgwrs bob dydd Mawrth."
    given["confirmNotDuplicate"] = True
    made = gql(REGISTER, {"input": given}, key=keys["editor_a"])["data"]["registerOffering"]
    assert made["__typename"] == "OfferingPayload", made
    sid = made["service"]["id"]
    gql(APPROVE, {"id": sid}, key=keys["moderator"])
    near = gql(WELSH_NEAR, {"lat": lat, "lon": lon})["data"]
    assert {"id": sid, "name": "Knit Llandrindod", "nameCy": welsh} in [
        e["node"] for e in near["assetsNear"]["edges"]
    ]
    # ORUK has one name per record: the Welsh one is the service's alternate_name.
    assert client.get(f"/oruk/services/{sid}").json()["alternate_name"] == welsh
    # A change to the Welsh name of the public listing waits for a moderator, named as such.
    edited = gql(
        UPDATE, {"input": {"id": sid, "version": 2, "nameCy": "Gweu Llandrindod"}},
        key=keys["editor_a"],
    )["data"]["updateOffering"]  # fmt: skip
    assert edited["__typename"] == "OfferingPayload", edited
    seen = gql(PENDING, {"id": sid}, key=keys["moderator"])["data"]["node"]
    assert seen["nameCy"] == welsh  # the public listing keeps its name until approved
    assert seen["descriptionCy"] == "Gweu, paned a sgwrs bob dydd Mawrth."
    assert seen["pendingChange"]["changes"] == [
        {"field": "nameCy", "before": welsh, "after": "Gweu Llandrindod"}
    ]
