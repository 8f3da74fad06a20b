"""The whole life of a listing through GraphQL, a key per role: register, wait in the
moderation queue, be rejected with a reason the group reads, be fixed, approved and found; then
a change to the public listing waits beside it until a moderator accepts it."""

from __future__ import annotations

from typing import Any

import pytest

from tests.api.conftest import GraphQL
from tests.api.fixtures_graph import FixtureGraph

pytestmark = pytest.mark.neo4j

PLACE = {"latitude": 51.6100, "longitude": -3.9500}  # an empty corner of the fixture map
REGISTER = """mutation R($input: RegisterOfferingInput!) { registerOffering(input: $input) {
  __typename ... on OfferingPayload { service { id version } }
  ... on ValidationError { field message } } }"""
QUEUE = "{ moderationQueue(first: 100) { kind organisationName service { id name } } }"
REJECT = """mutation J($id: ID!, $why: String) { rejectOffering(serviceId: $id, reason: $why) {
  __typename ... on OfferingPayload { service { moderationStatus moderationReason } } } }"""
APPROVE = """mutation A($id: ID!) { approveOffering(serviceId: $id) {
  __typename ... on OfferingPayload { service { moderationStatus version name } } } }"""
MINE = """{ myOfferings { id name version moderationStatus moderationReason
  pendingChange { submittedAt changes { field before after } } } }"""
UPDATE = """mutation U($input: UpdateOfferingInput!) { updateOffering(input: $input) {
  __typename ... on OfferingPayload { outcome service { version name } }
  ... on ValidationError { field message } ... on Conflict { message } } }"""
NEAR = """query N($lat: Float!, $lon: Float!) { assetsNear(latitude: $lat, longitude: $lon,
  radiusKm: 0.3, first: 10) { edges { node { id name phones { number }
  schedules { byday opensAt } } } } }"""
DETAIL = """query D($id: ID!) { node(id: $id) { ... on Service { name pendingChange {
  changes { field } } } } }"""


def _data(body: dict[str, Any]) -> dict[str, Any]:
    assert "errors" not in body, body
    data: dict[str, Any] = body["data"]
    return data


def _mine(gql: GraphQL, key: str, service_id: str) -> dict[str, Any]:
    rows = _data(gql(MINE, key=key))["myOfferings"]
    return next(r for r in rows if r["id"] == service_id)


def test_the_life_of_a_listing_from_registration_to_a_moderated_change(
    small_graph: FixtureGraph, gql: GraphQL, keys: dict[str, str]
) -> None:
    editor, moderator = keys["editor_a"], keys["moderator"]
    offering = {"name": "Swansea Tuesday Walkers", **PLACE, "needs": ["loneliness"]}
    made = _data(gql(REGISTER, {"input": offering}, key=editor))["registerOffering"]
    assert made["__typename"] == "OfferingPayload", made
    sid = made["service"]["id"]

    queue = _data(gql(QUEUE, key=moderator))["moderationQueue"]
    entry = next(e for e in queue if e["service"]["id"] == sid)
    assert entry["kind"] == "new_listing" and entry["organisationName"]

    why = "Please add the meeting point and a phone number."
    rejected = _data(gql(REJECT, {"id": sid, "why": why}, key=moderator))["rejectOffering"]
    assert rejected["service"] == {"moderationStatus": "rejected", "moderationReason": why}
    mine = _mine(gql, editor, sid)
    assert mine["moderationStatus"] == "rejected" and mine["moderationReason"] == why

    fix = {
        "id": sid,
        "version": mine["version"],
        "locationName": "Clyne Gardens gate",
        "phone": "01792 000 111",
        "schedules": [{"byday": "TU", "opensAt": "10:00", "closesAt": "12:00"}],
    }
    fixed = _data(gql(UPDATE, {"input": fix}, key=editor))["updateOffering"]
    assert fixed["outcome"] == "saved", fixed  # not public yet: stored, back in the queue
    after_fix = _mine(gql, editor, sid)  # the reason was answered: it no longer shows
    assert after_fix["moderationStatus"] == "pending" and after_fix["moderationReason"] is None
    assert sid in {e["service"]["id"] for e in _data(gql(QUEUE, key=moderator))["moderationQueue"]}
    assert (
        _data(gql(APPROVE, {"id": sid}, key=moderator))["approveOffering"]["service"][
            "moderationStatus"
        ]
        == "approved"
    )
    near = _data(gql(NEAR, {"lat": PLACE["latitude"], "lon": PLACE["longitude"]}))["assetsNear"]
    found = next(e["node"] for e in near["edges"] if e["node"]["id"] == sid)
    assert found["phones"] == [{"number": "01792 000 111"}]
    assert found["schedules"][0]["byday"] == "TU"

    # A change to the public listing waits; the approved version stays public meanwhile.
    version = _mine(gql, editor, sid)["version"]
    change = {
        "id": sid,
        "version": version,
        "name": "Swansea Tuesday and Thursday Walkers",
        "schedules": [{"byday": "TU,TH", "opensAt": "10:00", "closesAt": "12:00"}],
    }
    waiting = _data(gql(UPDATE, {"input": change}, key=editor))["updateOffering"]
    assert waiting["outcome"] == "waiting_for_moderator"
    assert waiting["service"]["name"] == "Swansea Tuesday Walkers"
    public = _data(gql(NEAR, {"lat": PLACE["latitude"], "lon": PLACE["longitude"]}))
    assert any(
        e["node"]["name"] == "Swansea Tuesday Walkers" for e in public["assetsNear"]["edges"]
    )
    seen = _mine(gql, editor, sid)["pendingChange"]
    assert {c["field"] for c in seen["changes"]} == {"name", "schedules"} and seen["submittedAt"]
    name_change = next(c for c in seen["changes"] if c["field"] == "name")
    assert name_change["before"] == "Swansea Tuesday Walkers"
    assert name_change["after"] == "Swansea Tuesday and Thursday Walkers"
    queued = next(
        e for e in _data(gql(QUEUE, key=moderator))["moderationQueue"] if e["service"]["id"] == sid
    )
    assert queued["kind"] == "change"
    # The public never sees an unmoderated change.
    assert _data(gql(DETAIL, {"id": sid}, key=keys["connector"]))["node"]["pendingChange"] is None
    assert _data(gql(DETAIL, {"id": sid}, key=moderator))["node"]["pendingChange"]["changes"]

    accepted = _data(gql(APPROVE, {"id": sid}, key=moderator))["approveOffering"]["service"]
    assert accepted["name"] == "Swansea Tuesday and Thursday Walkers"
    after = _data(gql(NEAR, {"lat": PLACE["latitude"], "lon": PLACE["longitude"]}))
    node = next(e["node"] for e in after["assetsNear"]["edges"] if e["node"]["id"] == sid)
    assert node["schedules"][0]["byday"] == "TU,TH"
    assert _mine(gql, editor, sid)["pendingChange"] is None


def test_a_declined_change_leaves_the_public_listing_as_it_was_and_says_why(
    small_graph: FixtureGraph, gql: GraphQL, keys: dict[str, str]
) -> None:
    org_a = next(iter(small_graph.organisations))
    svc = next(s for s in small_graph.services.values() if s.organisation_id == org_a)
    editor, moderator = keys["editor_a"], keys["moderator"]
    version = _mine(gql, editor, svc.id)["version"]
    proposed = {"id": svc.id, "version": version, "name": "Nothing like the real name"}
    assert _data(gql(UPDATE, {"input": proposed}, key=editor))["updateOffering"]["outcome"] == (
        "waiting_for_moderator"
    )
    declined = _data(gql(REJECT, {"id": svc.id, "why": "Keep the registered name."}, key=moderator))
    assert declined["rejectOffering"]["service"] == {
        "moderationStatus": "approved",
        "moderationReason": "Keep the registered name.",
    }
    mine = _mine(gql, editor, svc.id)
    assert mine["name"] == svc.name and mine["pendingChange"] is None


def test_an_edit_names_a_bad_field_and_stores_nothing(
    small_graph: FixtureGraph, gql: GraphQL, keys: dict[str, str]
) -> None:
    org_a = next(iter(small_graph.organisations))
    svc = next(s for s in small_graph.services.values() if s.organisation_id == org_a)
    before = _mine(gql, keys["editor_a"], svc.id)
    for bad, field in (
        ({"postalCode": "NOT A CODE"}, "postalCode"),
        ({"accessibility": ["teleporter"]}, "accessibility"),
        ({"needs": ["walking"]}, "needs"),
        (
            {"schedules": [{"byday": "XX", "opensAt": "10:00", "closesAt": "11:00"}]},
            "schedules.0.byday",
        ),
        ({"latitude": 123.0}, "latitude"),
    ):
        done = _data(
            gql(
                UPDATE,
                {"input": {"id": svc.id, "version": before["version"], **bad}},
                key=keys["editor_a"],
            )
        )["updateOffering"]
        assert done["__typename"] == "ValidationError" and done["field"] == field, done
    assert _mine(gql, keys["editor_a"], svc.id) == before


def test_a_near_duplicate_spelled_as_a_compound_is_flagged_before_anything_is_created(
    small_graph: FixtureGraph, gql: GraphQL, keys: dict[str, str]
) -> None:
    """The Stretford pair: "Stretford Food Bank" 12 m from "STRETFORD FOODBANK"."""
    editor = keys["editor_a"]
    first = {"name": "STRETFORD FOODBANK", "latitude": 53.44600, "longitude": -2.30800}
    made = _data(gql(REGISTER, {"input": first}, key=editor))["registerOffering"]
    assert made["__typename"] == "OfferingPayload"
    _data(gql(APPROVE, {"id": made["service"]["id"]}, key=keys["moderator"]))
    second = {"name": "Stretford Food Bank", "latitude": 53.44610, "longitude": -2.30805}
    query = REGISTER.replace(
        "... on ValidationError",
        "... on PossibleDuplicates { candidates { id reasons } } ... on ValidationError",
    )
    again = _data(gql(query, {"input": second}, key=editor))["registerOffering"]
    assert again["__typename"] == "PossibleDuplicates"
    assert [c["id"] for c in again["candidates"]] == [made["service"]["id"]]


SEARCH = """query S($t: String!) { searchAssets(text: $t, latitude: 51.48, longitude: -3.70,
  radiusKm: 1, first: 10) { edges { node { id name sameAs { id name } } } } }"""
MERGE = """mutation M($keep: ID!, $dups: [ID!]!) {
  mergeListings(keepId: $keep, duplicateIds: $dups) { __typename
  ... on OfferingPayload { service { id } } ... on ValidationError { field message } } }"""
UNMERGE = """mutation U($id: ID!) { unmergeListing(serviceId: $id) { __typename
  ... on OfferingPayload { service { moderationStatus } } } }"""


def test_a_merge_shows_one_listing_that_names_its_sources_and_can_be_undone(
    small_graph: FixtureGraph, gql: GraphQL, keys: dict[str, str]
) -> None:
    editor, moderator = keys["editor_a"], keys["moderator"]
    ids = []
    for name, lat in (("Bridgend Memory Cafe", 51.4800), ("Bridgend Memory Café", 51.4801)):
        offering = {
            "name": name,
            "latitude": lat,
            "longitude": -3.7000,
            "confirmNotDuplicate": True,
        }
        made = _data(gql(REGISTER, {"input": offering}, key=editor))["registerOffering"]
        ids.append(made["service"]["id"])
        _data(gql(APPROVE, {"id": ids[-1]}, key=moderator))
    found = _data(gql(SEARCH, {"t": "Bridgend Memory"}))["searchAssets"]["edges"]
    assert {e["node"]["id"] for e in found} >= set(ids)

    assert (
        _data(gql(MERGE, {"keep": ids[0], "dups": [ids[1]]}, key=editor))["mergeListings"][
            "__typename"
        ]
        == "Forbidden"
    )
    merged = _data(gql(MERGE, {"keep": ids[0], "dups": [ids[1]]}, key=moderator))["mergeListings"]
    assert merged == {"__typename": "OfferingPayload", "service": {"id": ids[0]}}
    found = _data(gql(SEARCH, {"t": "Bridgend Memory"}))["searchAssets"]["edges"]
    shown = [e["node"] for e in found if e["node"]["id"] in ids]
    assert [n["id"] for n in shown] == [ids[0]]
    assert shown[0]["sameAs"] == [{"id": ids[1], "name": "Bridgend Memory Café"}]
    again = _data(gql(MERGE, {"keep": ids[0], "dups": [ids[1]]}, key=moderator))["mergeListings"]
    assert again["__typename"] == "ValidationError" and again["field"] == "duplicateIds"

    undone = _data(gql(UNMERGE, {"id": ids[1]}, key=moderator))["unmergeListing"]
    assert undone["service"]["moderationStatus"] == "approved"
    found = _data(gql(SEARCH, {"t": "Bridgend Memory"}))["searchAssets"]["edges"]
    assert {e["node"]["id"] for e in found} >= set(ids)


REPORT = """mutation R($id: ID!, $m: String!) { reportProblem(serviceId: $id, message: $m) {
  __typename ... on ProblemReported { reportId } ... on ValidationError { field message }
  ... on NotFound { message } } }"""
REPORTS = "{ moderationQueue(first: 100) { kind reportId message service { id } } }"
RESOLVE = """mutation S($id: ID!) { resolveReport(reportId: $id, note: "Phone corrected") {
  __typename ... on OfferingPayload { service { id } } ... on ValidationError { field } } }"""


def test_anyone_reports_a_problem_and_it_reaches_the_moderation_queue(
    small_graph: FixtureGraph, gql: GraphQL, keys: dict[str, str]
) -> None:
    public = next(
        s for s in small_graph.services.values() if s.moderation_status in (None, "approved")
    )
    said = "The phone number rings a fish shop."
    made = _data(gql(REPORT, {"id": public.id, "m": said}))["reportProblem"]  # no key at all
    assert made["__typename"] == "ProblemReported"
    entry = next(
        e
        for e in _data(gql(REPORTS, key=keys["moderator"]))["moderationQueue"]
        if e["reportId"] == made["reportId"]
    )
    assert entry == {"kind": "report", "reportId": made["reportId"], "message": said,
                     "service": {"id": public.id}}  # fmt: skip
    blank = _data(gql(REPORT, {"id": public.id, "m": "  "}))["reportProblem"]
    assert blank["__typename"] == "ValidationError" and blank["field"] == "message"
    missing = _data(gql(REPORT, {"id": "no-such-listing", "m": said}))["reportProblem"]
    assert missing["__typename"] == "NotFound"
    done = _data(gql(RESOLVE, {"id": made["reportId"]}, key=keys["moderator"]))["resolveReport"]
    assert done == {"__typename": "OfferingPayload", "service": {"id": public.id}}
    again = _data(gql(RESOLVE, {"id": made["reportId"]}, key=keys["moderator"]))["resolveReport"]
    assert again == {"__typename": "ValidationError", "field": "reportId"}
    left = _data(gql(REPORTS, key=keys["moderator"]))["moderationQueue"]
    assert made["reportId"] not in {e["reportId"] for e in left}


ASK = """mutation K($id: ID!, $m: String!) { askForChanges(serviceId: $id, message: $m) {
  __typename ... on Failure { message } ... on ValidationError { field }
  ... on OfferingPayload { service { changesRequested } } } }"""
TRAIL = "query T($t: ID!) { auditTrail(targetId: $t) { operation actorRole changedFields } }"


def test_a_moderator_asks_for_changes_and_the_group_answers_with_an_edit(
    small_graph: FixtureGraph, gql: GraphQL, keys: dict[str, str]
) -> None:
    editor, other, moderator = keys["editor_a"], keys["editor_b"], keys["moderator"]
    offering = {"name": "Gower Knit and Natter", "latitude": 51.6050, "longitude": -3.9550}
    sid = _data(gql(REGISTER, {"input": offering}, key=editor))["registerOffering"]["service"]["id"]
    blank = _data(gql(ASK, {"id": sid, "m": "  "}, key=moderator))["askForChanges"]
    assert (blank["__typename"], blank["field"]) == ("ValidationError", "message")
    request = "Which room, and is there step-free access?"
    asked = _data(gql(ASK, {"id": sid, "m": request}, key=moderator))["askForChanges"]
    assert asked["service"] == {"changesRequested": request}
    # Waiting for the group now, not for a moderator; the group reads the request.
    queue = {e["service"]["id"] for e in _data(gql(QUEUE, key=moderator))["moderationQueue"]}
    assert sid not in queue
    mine = _data(gql("{ myOfferings { id version changesRequested } }", key=editor))
    row = next(r for r in mine["myOfferings"] if r["id"] == sid)
    assert row["changesRequested"] == request
    answer = {"id": sid, "version": row["version"], "locationName": "Room 2, step-free"}
    assert _data(gql(UPDATE, {"input": answer}, key=editor))["updateOffering"]["outcome"] == "saved"
    queue = {e["service"]["id"] for e in _data(gql(QUEUE, key=moderator))["moderationQueue"]}
    assert sid in queue
    mine = _data(gql("{ myOfferings { id changesRequested } }", key=editor))
    assert next(r for r in mine["myOfferings"] if r["id"] == sid)["changesRequested"] is None
    # Nothing waits any more once it is decided: asking again is a conflict.
    _data(gql(APPROVE, {"id": sid}, key=moderator))
    late = _data(gql(ASK, {"id": sid, "m": request}, key=moderator))["askForChanges"]
    assert late["__typename"] == "Conflict"

    # The listing's history: its group and moderators read it; another group may not.
    trail = _data(gql(TRAIL, {"t": sid}, key=editor))["auditTrail"]
    assert [e["operation"] for e in trail][::-1] == [
        "registerOffering", "askForChanges", "updateOffering", "approveOffering"
    ]  # fmt: skip
    assert trail == _data(gql(TRAIL, {"t": sid}, key=moderator))["auditTrail"]
    refused = gql(TRAIL, {"t": sid}, key=other)
    assert refused["errors"][0]["extensions"]["code"] == "FORBIDDEN"
