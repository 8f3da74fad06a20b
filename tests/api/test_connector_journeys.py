"""Connectors: text search, node detail, shortlists with share links, referrals."""

from __future__ import annotations

import neo4j
import pytest

from tests.api.conftest import GraphQL
from tests.api.fixtures_graph import FixtureGraph

pytestmark = pytest.mark.neo4j

SEARCH = """query S($text: String!, $lat: Float, $lon: Float, $r: Float, $first: Int,
                   $after: String) {
  searchAssets(text: $text, latitude: $lat, longitude: $lon, radiusKm: $r, first: $first,
               after: $after) {
    totalCount edges { cursor score distanceKm node { id name stale } }
    pageInfo { hasNextPage endCursor }
  }
}"""


def _approved(g: FixtureGraph, sid: str) -> bool:
    return (g.services[sid].moderation_status or "approved") == "approved"


def test_search_assets_forgives_typos(small_graph: FixtureGraph, gql: GraphQL) -> None:
    body = gql(SEARCH, {"text": "Demntia frendship", "first": 50})
    names = [e["node"]["name"] for e in body["data"]["searchAssets"]["edges"]]
    assert names and all("Dementia" in n or "Friendship" in n for n in names[:10])


def test_search_ranks_fresh_listings_before_stale_ones(
    small_graph: FixtureGraph, gql: GraphQL
) -> None:
    body = gql(SEARCH, {"text": "cafe", "first": 100})
    stale = [e["node"]["stale"] for e in body["data"]["searchAssets"]["edges"]]
    assert True in stale and False in stale
    assert stale == sorted(stale)  # all False (fresh) before any True (stale)


def test_search_never_returns_pending_or_rejected_listings(
    small_graph: FixtureGraph, gql: GraphQL
) -> None:
    seen: list[str] = []
    after = None
    while True:
        conn = gql(SEARCH, {"text": "group club hub", "first": 100, "after": after})["data"][
            "searchAssets"
        ]
        seen += [e["node"]["id"] for e in conn["edges"]]
        if not conn["pageInfo"]["hasNextPage"]:
            break
        after = conn["pageInfo"]["endCursor"]
    assert seen and len(seen) == len(set(seen))
    assert all(_approved(small_graph, s) for s in seen)
    assert len(seen) == conn["totalCount"]


def test_search_with_a_radius_keeps_only_services_within_it(
    small_graph: FixtureGraph, gql: GraphQL
) -> None:
    body = gql(SEARCH, {"text": "support", "lat": 51.48, "lon": -3.18, "r": 10.0, "first": 100})
    edges = body["data"]["searchAssets"]["edges"]
    assert edges and all(e["distanceKm"] is not None and e["distanceKm"] <= 10.0 for e in edges)


@pytest.mark.parametrize(
    "text",
    [
        '"',
        "\\",
        "a:b",
        "((",
        "NOT",
        "*",
        "~~",
        "name:x) OR (1=1",
        "'}) MATCH (n) DETACH DELETE n //",
        "[a TO z]",
        "&& || !",
    ],
)
def test_search_treats_lucene_and_cypher_syntax_in_user_text_as_plain_words(
    small_graph: FixtureGraph, gql: GraphQL, driver: neo4j.Driver, text: str
) -> None:
    count = "MATCH (n) RETURN count(n) AS n"
    before = driver.execute_query(count).records[0]["n"]
    body = gql(SEARCH, {"text": text})
    if "errors" in body:  # only "type at least one letter" is acceptable
        assert "at least one letter" in body["errors"][0]["message"]
    else:
        found = body["data"]["searchAssets"]
        # Plain words: "NOT", "a:b", "name:x) OR (1=1" never match everything.
        assert found["totalCount"] < len(small_graph.services)
    assert driver.execute_query(count).records[0]["n"] == before  # nothing was deleted


NODE = """query N($id: ID!) { node(id: $id) {
  __typename
  ... on Node { id stale lastVerified }
  ... on Service { name moderationStatus organisation { id name }
                   schedules { byday opensAt closesAt } contacts { email phones }
                   locations { id latitude accessibility } languages { code } }
  ... on Person { personName: name email tribe }
  ... on NotFound { message }
  ... on Forbidden { message }
} }"""


def test_node_returns_service_detail_with_contact_schedule_and_staleness(
    small_graph: FixtureGraph, gql: GraphQL
) -> None:
    svc = next(
        s
        for s in small_graph.services.values()
        if _approved(small_graph, s.id) and s.schedules and s.last_verified is None
    )
    node = gql(NODE, {"id": svc.id})["data"]["node"]
    assert node["__typename"] == "Service" and node["stale"] is True
    assert node["organisation"]["id"] == svc.organisation_id
    assert node["contacts"][0]["phones"] == [svc.phone]
    assert {s["byday"] for s in node["schedules"]} >= {s.byday for s in svc.schedules}
    assert {loc["id"] for loc in node["locations"]} == {x.location_id for x in svc.sals}


def test_node_marks_recently_verified_listings_fresh(
    small_graph: FixtureGraph, gql: GraphQL
) -> None:
    svc = next(
        s
        for s in small_graph.services.values()
        if _approved(small_graph, s.id)
        and s.last_verified is not None
        and s.last_verified > "2000"
        and s.id.endswith(("1", "2", "3"))
    )
    node = gql(NODE, {"id": svc.id})["data"]["node"]
    assert node["lastVerified"] == svc.last_verified


def test_node_hides_people_from_the_public_but_shows_them_to_connectors(
    small_graph: FixtureGraph, gql: GraphQL, keys: dict[str, str]
) -> None:
    pid = next(iter(small_graph.people))
    hidden = gql(NODE, {"id": pid})["data"]["node"]
    nowhere = gql(NODE, {"id": "no-such-id"})["data"]["node"]
    # The same answer as an id that exists nowhere: asking cannot tell that the person exists.
    assert hidden["__typename"] == nowhere["__typename"] == "NotFound"
    assert hidden["message"].replace(pid, "X") == nowhere["message"].replace("no-such-id", "X")
    node = gql(NODE, {"id": pid}, key=keys["connector"])["data"]["node"]
    assert node["personName"] == small_graph.people[pid].name


def test_node_of_unknown_or_pending_id_is_not_found_for_the_public(
    small_graph: FixtureGraph, gql: GraphQL
) -> None:
    assert gql(NODE, {"id": "no-such"})["data"]["node"]["__typename"] == "NotFound"
    pending = next(s for s in small_graph.services.values() if s.moderation_status == "pending")
    assert gql(NODE, {"id": pending.id})["data"]["node"]["__typename"] == "NotFound"


CREATE = """mutation C($name: String!) { createShortlist(name: $name) {
  __typename ... on ShortlistPayload { shortlist { id token sharePath size } }
  ... on Forbidden { message } ... on ValidationError { field message } } }"""
ADD = """mutation A($l: ID!, $s: ID!) { addToShortlist(shortlistId: $l, serviceId: $s) {
  __typename ... on ShortlistPayload { shortlist { size items { service { id } } } }
  ... on Forbidden { message } ... on NotFound { message } } }"""
REMOVE = """mutation R($l: ID!, $s: ID!) { removeFromShortlist(shortlistId: $l, serviceId: $s) {
  __typename ... on ShortlistPayload { shortlist { size } } } }"""
SHARED = """query T($t: String!) { shortlist(token: $t) { name size items { service {
  id name contacts { phones } schedules { byday opensAt closesAt } locations { address } } } } }"""


def test_shortlist_is_built_by_a_connector_and_readable_by_anyone_with_its_token(
    small_graph: FixtureGraph, gql: GraphQL, keys: dict[str, str]
) -> None:
    made = gql(CREATE, {"name": "For the Tuesday clinic"}, key=keys["connector"])
    shortlist = made["data"]["createShortlist"]["shortlist"]
    assert shortlist["sharePath"].endswith(shortlist["token"]) and shortlist["size"] == 0
    ids = [s.id for s in small_graph.services.values() if _approved(small_graph, s.id)][:3]
    for sid in ids:
        added = gql(ADD, {"l": shortlist["id"], "s": sid}, key=keys["connector"])
        assert added["data"]["addToShortlist"]["__typename"] == "ShortlistPayload"
    gql(ADD, {"l": shortlist["id"], "s": ids[0]}, key=keys["connector"])  # twice: no duplicate
    gql(REMOVE, {"l": shortlist["id"], "s": ids[1]}, key=keys["connector"])
    shared = gql(SHARED, {"t": shortlist["token"]})["data"]["shortlist"]  # no key
    assert [i["service"]["id"] for i in shared["items"]] == [ids[0], ids[2]]
    assert shared["items"][0]["service"]["contacts"][0]["phones"]


def test_shortlists_cannot_be_changed_by_someone_else_or_read_with_a_wrong_token(
    small_graph: FixtureGraph, gql: GraphQL, keys: dict[str, str], driver: object
) -> None:
    from tests.support.keys import make_key

    mine = gql(CREATE, {"name": "mine"}, key=keys["connector"])["data"]["createShortlist"]
    other = make_key(driver, "connector")  # type: ignore[arg-type]
    sid = next(iter(small_graph.services))
    changed = gql(ADD, {"l": mine["shortlist"]["id"], "s": sid}, key=other)
    assert changed["data"]["addToShortlist"]["__typename"] == "Forbidden"
    assert gql(CREATE, {"name": "x"})["data"]["createShortlist"]["__typename"] == "Forbidden"
    assert gql(SHARED, {"t": "not-a-token"})["data"]["shortlist"] is None


REFER = """mutation R($s: ID!) { createReferral(serviceId: $s, note: "needs a lift") {
  __typename ... on ReferralPayload { referral { id status receivingOrganisationIds } }
  ... on Forbidden { message } ... on NotFound { message } } }"""
MOVE = """mutation M($id: ID!, $st: ReferralStatus!) { updateReferralStatus(id: $id, status: $st) {
  __typename ... on ReferralPayload { referral { status } }
  ... on ValidationError { field message } ... on Forbidden { message } } }"""
LIST = "{ referrals { id status serviceId } }"


def test_referral_moves_requested_accepted_done_and_both_sides_see_it(
    small_graph: FixtureGraph, gql: GraphQL, keys: dict[str, str]
) -> None:
    org_a = next(iter(small_graph.organisations))
    svc = next(
        s
        for s in small_graph.services.values()
        if s.organisation_id == org_a and _approved(small_graph, s.id)
    )
    made = gql(REFER, {"s": svc.id}, key=keys["connector"])["data"]["createReferral"]
    rid = made["referral"]["id"]
    assert made["referral"]["status"] == "REQUESTED"
    assert rid in [r["id"] for r in gql(LIST, key=keys["editor_a"])["data"]["referrals"]]
    assert rid in [r["id"] for r in gql(LIST, key=keys["connector"])["data"]["referrals"]]
    assert rid not in [r["id"] for r in gql(LIST, key=keys["editor_b"])["data"]["referrals"]]
    # the referrer cannot accept on the service's behalf; another group cannot touch it
    assert (
        gql(MOVE, {"id": rid, "st": "ACCEPTED"}, key=keys["connector"])["data"][
            "updateReferralStatus"
        ]["__typename"]
        == "Forbidden"
    )
    assert (
        gql(MOVE, {"id": rid, "st": "ACCEPTED"}, key=keys["editor_b"])["data"][
            "updateReferralStatus"
        ]["__typename"]
        == "Forbidden"
    )
    bad = gql(MOVE, {"id": rid, "st": "DONE"}, key=keys["editor_a"])["data"]["updateReferralStatus"]
    assert bad["__typename"] == "ValidationError" and bad["field"] == "status"
    ok = gql(MOVE, {"id": rid, "st": "ACCEPTED"}, key=keys["editor_a"])["data"][
        "updateReferralStatus"
    ]
    assert ok["referral"]["status"] == "ACCEPTED"
    done = gql(MOVE, {"id": rid, "st": "DONE"}, key=keys["connector"])["data"][
        "updateReferralStatus"
    ]
    assert done["referral"]["status"] == "DONE"
    again = gql(MOVE, {"id": rid, "st": "DECLINED"}, key=keys["editor_a"])["data"][
        "updateReferralStatus"
    ]
    assert again["__typename"] == "ValidationError"


RECEIVABLE = """mutation R($s: ID!) { createReferral(serviceId: $s) {
  __typename ... on ReferralPayload { referral { id receivable } } } }"""


def test_a_referral_nobody_can_receive_is_flagged_at_once(
    small_graph: FixtureGraph, gql: GraphQL, keys: dict[str, str]
) -> None:
    """Group editor keys exist for organisations A and B only: a referral to a service of
    any other organisation would stay "requested" for ever, so it says so straight away."""
    org_a, org_b = list(small_graph.organisations)[:2]
    held = next(
        s for s in small_graph.services.values()
        if s.organisation_id == org_a and _approved(small_graph, s.id)
    )  # fmt: skip
    unheld = next(
        s for s in small_graph.services.values()
        if s.organisation_id not in (org_a, org_b) and _approved(small_graph, s.id)
    )  # fmt: skip
    to_a = gql(RECEIVABLE, {"s": held.id}, key=keys["connector"])["data"]["createReferral"]
    assert to_a["referral"]["receivable"] is True
    nowhere = gql(RECEIVABLE, {"s": unheld.id}, key=keys["connector"])["data"]["createReferral"]
    assert nowhere["referral"]["receivable"] is False
    listed = gql("{ referrals { id receivable } }", key=keys["connector"])["data"]["referrals"]
    assert {r["id"]: r["receivable"] for r in listed}[nowhere["referral"]["id"]] is False


def test_moderators_see_referrals_nobody_can_receive_until_dealt_with(
    small_graph: FixtureGraph, gql: GraphQL, keys: dict[str, str]
) -> None:
    org_a, org_b = list(small_graph.organisations)[:2]
    unheld = [
        s for s in small_graph.services.values()
        if s.organisation_id not in (org_a, org_b) and _approved(small_graph, s.id)
    ][-1]  # fmt: skip
    made = gql(RECEIVABLE, {"s": unheld.id}, key=keys["connector"])["data"]["createReferral"]
    rid = made["referral"]["id"]
    queue = "{ moderationQueue(first: 100) { kind reportId service { id } } }"
    entries = gql(queue, key=keys["moderator"])["data"]["moderationQueue"]
    assert {"kind": "referral", "reportId": rid, "service": {"id": unheld.id}} in entries
    ack = """mutation A($id: ID!) { acknowledgeReferral(referralId: $id) { __typename } }"""
    done = gql(ack, {"id": rid}, key=keys["moderator"])["data"]["acknowledgeReferral"]
    assert done["__typename"] == "OfferingPayload"
    entries = gql(queue, key=keys["moderator"])["data"]["moderationQueue"]
    assert rid not in {e["reportId"] for e in entries}
