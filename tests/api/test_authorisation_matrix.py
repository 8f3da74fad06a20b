"""Every operation × every role behaves exactly as the table in docs/security.md says."""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable
from typing import Any

import neo4j
import pytest

from graph.server.config import PROJECT_ROOT
from tests.api.conftest import GraphQL
from tests.api.fixtures_graph import FixtureGraph

pytestmark = pytest.mark.neo4j

ROLES = [
    "public",
    "connector",
    "editor own org",
    "editor other org",
    "moderator",
    "leader",
    "admin",
]
KEY_OF = {
    "public": None,
    "connector": "connector",
    "editor own org": "editor_a",
    "editor other org": "editor_b",
    "moderator": "moderator",
    "leader": "leader",
    "admin": "admin",
}
CHECKED: list[int] = [0]


def documented_matrix() -> dict[str, dict[str, bool]]:
    text = (PROJECT_ROOT / "docs" / "security.md").read_text(encoding="utf-8")
    table = text.split("<!-- matrix:start -->")[1].split("<!-- matrix:end -->")[0]
    rows = [r for r in table.strip().splitlines()[2:] if r.startswith("|")]
    out: dict[str, dict[str, bool]] = {}
    for row in rows:
        cells = [c.strip() for c in row.strip("|").split("|")]
        out[cells[0]] = {role: cell == "yes" for role, cell in zip(ROLES, cells[1:], strict=True)}
    return out


Op = Callable[[FixtureGraph, neo4j.Driver, "itertools.count[int]"], tuple[str, dict[str, Any]]]


def _pending_referral(g: FixtureGraph, d: neo4j.Driver, n: itertools.count[int]) -> str:
    """A fresh 'requested' referral, by another connector, to a service of organisation A."""
    referral_id = f"matrix-referral-{next(n)}"
    d.execute_query(
        "MATCH (s:Service {id: $s}) "
        "CREATE (r:Referral {id: $id, status: 'requested', service_id: $s, "
        "referrer_key_id: 'another-connector', created_at: '2024-01-01T00:00:00Z'}) "
        "CREATE (r)-[:TO_SERVICE]->(s)",
        s=_svc_of_a(g),
        id=referral_id,
    )
    return referral_id


def _svc_of_a(g: FixtureGraph) -> str:
    org_a = next(iter(g.organisations))
    return next(
        s.id
        for s in g.services.values()
        if s.organisation_id == org_a and (s.moderation_status or "approved") == "approved"
    )


def _orphan(g: FixtureGraph, d: neo4j.Driver, n: itertools.count[int]) -> str:
    sid = list(g.services)[-1 - next(n)]
    d.execute_query("MATCH (:Organization)-[p:PROVIDES]->(:Service {id: $id}) DELETE p", id=sid)
    return sid


def _r(field: str, body: str) -> str:
    return f"{{ {field} {body} }}"


UNION = "{ __typename ... on Forbidden { message } ... on NotFound { message } }"
OPS: dict[str, Op] = {
    "assetsNear": lambda g, d, n: (
        "{ assetsNear(latitude: 51.48, longitude: -3.18, radiusKm: 5) { totalCount } }",
        {},
    ),
    "searchAssets": lambda g, d, n: ('{ searchAssets(text: "cafe") { totalCount } }', {}),
    "lookup": lambda g, d, n: ('{ lookup(text: "cafe") { id kind } }', {}),
    "likelyDuplicates": lambda g, d, n: (
        '{ likelyDuplicates(name: "cafe", latitude: 51.48, longitude: -3.18) { id } }',
        {},
    ),
    "node (service)": lambda g, d, n: (
        "query($id: ID!) { node(id: $id) " + UNION + " }",
        {"id": _svc_of_a(g)},
    ),
    "node (person)": lambda g, d, n: (
        "query($id: ID!) { node(id: $id) " + UNION + " }",
        {"id": next(iter(g.people))},
    ),
    "shortlist (token)": lambda g, d, n: ('{ shortlist(token: "nope") { id } }', {}),
    "myShortlists": lambda g, d, n: ("{ myShortlists { id } }", {}),
    "createShortlist": lambda g, d, n: (
        'mutation { createShortlist(name: "x") ' + UNION + " }",
        {},
    ),
    "referrals": lambda g, d, n: ("{ referrals { id } }", {}),
    "createReferral": lambda g, d, n: (
        "mutation($s: ID!) { createReferral(serviceId: $s) " + UNION + " }",
        {"s": _svc_of_a(g)},
    ),
    "egoNetwork": lambda g, d, n: (
        "query($id: ID!) { egoNetwork(id: $id) { truncated } }",
        {"id": next(iter(g.people))},
    ),
    "connection": lambda g, d, n: (
        "query($a: ID!, $b: ID!) { connection(fromId: $a, toId: $b) { steps { type } } }",
        {"a": next(iter(g.people)), "b": list(g.people)[1]},
    ),
    "relationshipMap": lambda g, d, n: ("{ relationshipMap(limit: 5) { truncated } }", {}),
    "registerOffering": lambda g, d, n: (
        "mutation($i: RegisterOfferingInput!) { registerOffering(input: $i) " + UNION + " }",
        {
            "i": {
                "name": f"Matrix group {next(n)}",
                "latitude": 52.0,
                "longitude": -3.0,
                "organisationId": next(iter(g.organisations)),
                "confirmNotDuplicate": True,
            }
        },
    ),
    "updateOffering": lambda g, d, n: (
        "mutation($i: UpdateOfferingInput!) { updateOffering(input: $i) " + UNION + " }",
        {"i": {"id": _svc_of_a(g), "version": 999, "name": "x"}},
    ),
    "confirmStillCorrect": lambda g, d, n: (
        "mutation($s: ID!) { confirmStillCorrect(serviceId: $s) " + UNION + " }",
        {"s": _svc_of_a(g)},
    ),
    "claimListing (orphan)": lambda g, d, n: (
        "mutation($s: ID!, $o: ID) { claimListing(serviceId: $s, organisationId: $o) "
        + UNION
        + " }",
        {"s": _orphan(g, d, n), "o": None},
    ),
    "approveOffering": lambda g, d, n: (
        "mutation($s: ID!) { approveOffering(serviceId: $s) " + UNION + " }",
        {"s": _svc_of_a(g)},
    ),
    "rejectOffering": lambda g, d, n: (
        "mutation($s: ID!) { rejectOffering(serviceId: $s) " + UNION + " }",
        {"s": "no-such"},
    ),
    "bottlenecks": lambda g, d, n: ('{ bottlenecks(prefix: "none-", top: 3) }', {}),
    "gaps": lambda g, d, n: ('{ gaps(prefix: "none-", top: 3) }', {}),
    "duplicates": lambda g, d, n: ('{ duplicates(prefix: "none-", top: 3) }', {}),
    "pendingOfferings": lambda g, d, n: ("{ pendingOfferings { id } }", {}),
    "moderationQueue": lambda g, d, n: ("{ moderationQueue { kind } }", {}),
    "mergeListings": lambda g, d, n: (
        'mutation { mergeListings(keepId: "no-such", duplicateIds: ["none"]) ' + UNION + " }",
        {},
    ),
    "reportProblem": lambda g, d, n: (
        'mutation { reportProblem(serviceId: "no-such", message: "closed") '
        "{ __typename ... on NotFound { message } } }",
        {},
    ),
    "acknowledgeReferral": lambda g, d, n: (
        'mutation { acknowledgeReferral(referralId: "no-such") ' + UNION + " }",
        {},
    ),
    "decideClaim": lambda g, d, n: (
        'mutation { decideClaim(claimId: "no-such", approve: true) ' + UNION + " }",
        {},
    ),
    "resolveReport": lambda g, d, n: (
        'mutation { resolveReport(reportId: "no-such") ' + UNION + " }",
        {},
    ),
    "unmergeListing": lambda g, d, n: (
        'mutation { unmergeListing(serviceId: "no-such") ' + UNION + " }",
        {},
    ),
    "auditTrail": lambda g, d, n: ("{ auditTrail { id } }", {}),
    "auditTrail (own listing)": lambda g, d, n: (
        "query($t: ID!) { auditTrail(targetId: $t) { id } }",
        {"t": _svc_of_a(g)},
    ),
    "askForChanges": lambda g, d, n: (
        'mutation { askForChanges(serviceId: "no-such", message: "x") ' + UNION + " }",
        {},
    ),
    "myOfferings": lambda g, d, n: ("{ myOfferings { id } }", {}),
    "myClaims": lambda g, d, n: ("{ myClaims { id } }", {}),
    # rows added by the reliability/security work (issue 8)
    "me": lambda g, d, n: ("{ me { role } }", {}),
    "addToShortlist": lambda g, d, n: (
        'mutation { addToShortlist(shortlistId: "no-such", serviceId: "x") ' + UNION + " }",
        {},
    ),
    "withdrawShortlist": lambda g, d, n: (
        'mutation { withdrawShortlist(shortlistId: "no-such") ' + UNION + " }",
        {},
    ),
    "removeFromShortlist": lambda g, d, n: (
        'mutation { removeFromShortlist(shortlistId: "no-such", serviceId: "x") ' + UNION + " }",
        {},
    ),
    "updateReferralStatus (accept)": lambda g, d, n: (
        "mutation($id: ID!) { updateReferralStatus(id: $id, status: ACCEPTED) " + UNION + " }",
        {"id": _pending_referral(g, d, n)},
    ),
    "erasePerson": lambda g, d, n: (
        "mutation($id: ID!) { erasePerson(id: $id) " + UNION + " }",
        {"id": list(g.people)[-1 - next(n) % 100]},  # a different person per role
    ),
    # "my connections" and its survey (issue 15)
    "myConnections": lambda g, d, n: ("{ myConnections { personId } }", {}),
    "recordConnection": lambda g, d, n: (
        'mutation { recordConnection(targetId: "no-such", kind: WORKS_WITH) ' + UNION + " }",
        {},
    ),
    "updateConnection": lambda g, d, n: (
        'mutation { updateConnection(id: "no-such", input: {how: []}) ' + UNION + " }",
        {},
    ),
    "eraseConnection": lambda g, d, n: (
        'mutation { eraseConnection(id: "no-such") ' + UNION + " }",
        {},
    ),
    "confirmMyConnections": lambda g, d, n: ("mutation { confirmMyConnections " + UNION + " }", {}),
    "connectionCompleteness": lambda g, d, n: ("{ connectionCompleteness { teams { id } } }", {}),
    "inviteTeam": lambda g, d, n: ('mutation { inviteTeam(teamId: "no-such") ' + UNION + " }", {}),
    "acceptInvitation": lambda g, d, n: (
        'mutation { acceptInvitation(code: "cginv_nope") { __typename } }',
        {},
    ),
}


def _allowed(body: dict[str, Any], hidden_means_refused: bool = False) -> bool:
    """Allowed unless refused; for ``node`` of a record that exists, ``NotFound`` is the
    refusal too (callers who may not see it get the answer of an id that exists nowhere)."""
    errors = body.get("errors") or []
    if any((e.get("extensions") or {}).get("code") == "FORBIDDEN" for e in errors):
        return False
    assert not errors, body
    names = re.findall(r"'__typename': '(\w+)'", str(body["data"]))
    return "Forbidden" not in names and not (hidden_means_refused and "NotFound" in names)


def test_the_documented_matrix_covers_every_root_field() -> None:
    assert set(documented_matrix()) == set(OPS)


@pytest.mark.parametrize("operation", sorted(OPS))
def test_role_matrix_matches_docs_security(
    operation: str,
    small_graph: FixtureGraph,
    gql: GraphQL,
    keys: dict[str, str],
    driver: neo4j.Driver,
) -> None:
    expected = documented_matrix()[operation]
    counter = itertools.count(1 + 10 * sorted(OPS).index(operation))
    observed: dict[str, bool] = {}
    for role in ROLES:
        query, variables = OPS[operation](small_graph, driver, counter)
        if operation == "claimListing (orphan)" and role in ("moderator", "admin"):
            variables["o"] = list(small_graph.organisations)[2]
        key_name = KEY_OF[role]
        body = gql(query, variables, key=keys[key_name] if key_name else None)
        observed[role] = _allowed(body, hidden_means_refused=operation.startswith("node"))
        CHECKED[0] += 1
    assert observed == expected
