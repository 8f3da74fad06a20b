"""A receiving organisation declines a referral saying why; the connector who sent it reads
the reason; a reason too long is refused by name and nothing changes."""

from __future__ import annotations

import pytest

from tests.api.conftest import GraphQL
from tests.api.fixtures_graph import FixtureGraph

pytestmark = pytest.mark.neo4j

CREATE = """mutation($s: ID!) { createReferral(serviceId: $s, note: "Wheelchair user") {
  __typename ... on ReferralPayload { referral { id } } } }"""
DECIDE = """mutation($id: ID!, $why: String) {
  updateReferralStatus(id: $id, status: DECLINED, reason: $why) {
  __typename ... on Failure { message } ... on ValidationError { field }
  ... on ReferralPayload { referral { status reason } } } }"""


def _approved_service_of_org_a(small_graph: FixtureGraph) -> str:
    """A public service of the organisation the ``editor_a`` key belongs to."""
    org_a = next(iter(small_graph.organisations))
    return next(
        s.id
        for s in sorted(small_graph.services.values(), key=lambda s: s.id)
        if s.organisation_id == org_a and (s.moderation_status or "approved") == "approved"
    )


def test_a_declined_referral_tells_the_connector_why(
    small_graph: FixtureGraph, gql: GraphQL, keys: dict[str, str]
) -> None:
    service = _approved_service_of_org_a(small_graph)
    made = gql(CREATE, {"s": service}, key=keys["connector"])["data"]["createReferral"]
    rid = made["referral"]["id"]

    too_long = gql(DECIDE, {"id": rid, "why": "x" * 1001}, key=keys["editor_a"])
    refused = too_long["data"]["updateReferralStatus"]
    assert (refused["__typename"], refused["field"]) == ("ValidationError", "reason")

    why = "Our hall has no step-free entrance until March; try the Tuesday group at the library."
    declined = gql(DECIDE, {"id": rid, "why": why}, key=keys["editor_a"])
    assert declined["data"]["updateReferralStatus"]["referral"] == {
        "status": "DECLINED",
        "reason": why,
    }
    sent = gql("{ referrals { id status reason } }", key=keys["connector"])["data"]["referrals"]
    assert {"id": rid, "status": "DECLINED", "reason": why} in sent


def test_the_receiving_organisation_reads_who_referred(
    small_graph: FixtureGraph, gql: GraphQL, keys: dict[str, str]
) -> None:
    service = _approved_service_of_org_a(small_graph)
    rid = gql(CREATE, {"s": service}, key=keys["connector"])["data"]["createReferral"]["referral"]
    inbox = gql("{ referrals { id referredBy } }", key=keys["editor_a"])["data"]["referrals"]
    # The test keys are named after their role, as `keys create --name` names a real one.
    assert {"id": rid["id"], "referredBy": "connector"} in inbox
