"""A group's listings come from the server, in any browser: every listing of its
organisation, pending, approved or rejected, with the moderator's reason."""

from __future__ import annotations

import pytest

from tests.api.conftest import GraphQL
from tests.api.fixtures_graph import FixtureGraph

pytestmark = pytest.mark.neo4j

REGISTER = """mutation($i: RegisterOfferingInput!) { registerOffering(input: $i) {
  __typename ... on OfferingPayload { service { id moderationStatus } } } }"""
REJECT = """mutation($id: ID!, $r: String) { rejectOffering(serviceId: $id, reason: $r) {
  __typename } }"""
MINE = "{ myOfferings { id name moderationStatus moderationReason } }"


def test_a_group_sees_all_its_listings_with_the_rejection_reason_and_no_one_elses(
    small_graph: FixtureGraph, gql: GraphQL, keys: dict[str, str]
) -> None:
    org_a = next(iter(small_graph.organisations))
    offering = {"name": "Knit and Natter Canton", "latitude": 51.48, "longitude": -3.2,
                "confirmNotDuplicate": True}  # fmt: skip
    made = gql(REGISTER, {"i": offering}, key=keys["editor_a"])["data"]["registerOffering"]
    assert made["__typename"] == "OfferingPayload", made
    sid = made["service"]["id"]
    mine = {o["id"]: o for o in gql(MINE, key=keys["editor_a"])["data"]["myOfferings"]}
    assert mine[sid]["moderationStatus"] == "pending"
    provided = {s.id for s in small_graph.services.values() if s.organisation_id == org_a}
    assert provided <= set(mine), "every listing the organisation provides is listed"

    reason = "Please add the hall's address so people can find it."
    rejected = gql(REJECT, {"id": sid, "r": reason}, key=keys["moderator"])
    assert rejected["data"]["rejectOffering"]["__typename"] == "OfferingPayload"
    mine = {o["id"]: o for o in gql(MINE, key=keys["editor_a"])["data"]["myOfferings"]}
    assert (mine[sid]["moderationStatus"], mine[sid]["moderationReason"]) == ("rejected", reason)

    other = {o["id"] for o in gql(MINE, key=keys["editor_b"])["data"]["myOfferings"]}
    assert sid not in other and not (provided & other)
    refused = gql(MINE, key=keys["connector"])
    assert refused["errors"][0]["extensions"]["code"] == "FORBIDDEN"
