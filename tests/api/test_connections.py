""" "My connections": a person records, changes and erases their own ties; a leader sees how
complete the picture is and invites a team; every rule holds against the real Neo4j."""

from __future__ import annotations

from typing import Any

import neo4j
import pytest

from tests.api.conftest import GraphQL
from tests.api.fixtures_graph import FixtureGraph
from tests.support.keys import make_key

pytestmark = pytest.mark.neo4j

FAILED = (
    "__typename ... on Failure { message } ... on ValidationError { field } "
    "... on ConnectionPayload { id connections { personId ties { id type otherId otherName "
    "how frequency since source mine } } }"
)
RECORD = (
    "mutation($t: ID!, $k: ConnectionKind!, $i: ConnectionInput) "
    "{ recordConnection(targetId: $t, kind: $k, input: $i) { " + FAILED + " } }"
)
UPDATE = (
    "mutation($id: ID!, $i: ConnectionInput!) { updateConnection(id: $id, input: $i) { "
    + FAILED
    + " } }"
)
ERASE = "mutation($id: ID!) { eraseConnection(id: $id) { " + FAILED + " } }"


def _people(graph: FixtureGraph, start: int, n: int) -> list[str]:
    return list(graph.people)[start : start + n]


def _survey_ties(driver: neo4j.Driver, person: str) -> list[dict[str, Any]]:
    records = driver.execute_query(
        "MATCH (:Person {id: $p})-[r {source: 'survey'}]->(o) "
        "RETURN type(r) AS type, o.id AS other, r.frequency AS frequency, r.strength AS strength, "
        "r.how AS how, r.since AS since ORDER BY other",
        p=person,
    ).records
    return [r.data() for r in records]


def test_a_key_not_linked_to_a_person_is_told_to_open_its_invitation(
    gql: GraphQL, keys: dict[str, str], small_graph: FixtureGraph
) -> None:
    mine = gql("{ myConnections { personId ties { id } } }", key=keys["connector"])
    assert mine["data"]["myConnections"] == {"personId": None, "ties": []}
    body = gql(
        RECORD, {"t": _people(small_graph, 0, 1)[0], "k": "WORKS_WITH"}, key=keys["connector"]
    )
    result = body["data"]["recordConnection"]
    assert result["__typename"] == "NotFound" and "invitation" in result["message"]
    welsh = gql("{ myConnections { personId } }")  # public: refused outright
    assert welsh["errors"][0]["extensions"]["code"] == "FORBIDDEN"


def test_a_person_records_changes_and_erases_their_own_tie(
    gql: GraphQL, driver: neo4j.Driver, small_graph: FixtureGraph
) -> None:
    me, other = _people(small_graph, 10, 2)
    key = make_key(driver, "connector", person_id=me)
    before = driver.execute_query("MATCH (e:AuditEvent) RETURN count(e) AS n").records[0]["n"]

    body = gql(
        RECORD,
        {
            "t": other,
            "k": "WORKS_WITH",
            "i": {
                "how": ["refer_people", "share_information"],
                "frequency": "weekly",
                "since": "2019-05",
            },
        },
        key=key,
    )
    payload = body["data"]["recordConnection"]
    assert payload["__typename"] == "ConnectionPayload", payload
    tie = next(t for t in payload["connections"]["ties"] if t["id"] == payload["id"])
    assert tie["mine"] and tie["otherId"] == other and tie["source"] == "survey"
    assert tie["how"] == ["refer_people", "share_information"]
    stored = _survey_ties(driver, me)
    assert stored == [
        {"type": "WORKS_WITH", "other": other, "frequency": "weekly", "strength": 0.8,
         "how": ["refer_people", "share_information"], "since": "2019-05"}
    ]  # fmt: skip

    changed = gql(UPDATE, {"id": payload["id"], "i": {"frequency": "daily"}}, key=key)
    assert changed["data"]["updateConnection"]["__typename"] == "ConnectionPayload"
    assert _survey_ties(driver, me)[0]["strength"] == 1.0

    erased = gql(ERASE, {"id": payload["id"]}, key=key)
    assert erased["data"]["eraseConnection"]["__typename"] == "ConnectionPayload"
    assert _survey_ties(driver, me) == []
    after = driver.execute_query("MATCH (e:AuditEvent) RETURN count(e) AS n").records[0]["n"]
    assert after - before == 3  # recorded, changed, erased: each audited


def test_the_same_tie_recorded_twice_is_refused_not_doubled(
    gql: GraphQL, driver: neo4j.Driver, small_graph: FixtureGraph
) -> None:
    me, other = _people(small_graph, 20, 2)
    key = make_key(driver, "leader", person_id=me)
    first = gql(RECORD, {"t": other, "k": "KNOWS"}, key=key)["data"]["recordConnection"]
    again = gql(RECORD, {"t": other, "k": "KNOWS"}, key=key)["data"]["recordConnection"]
    assert first["__typename"] == "ConnectionPayload"
    assert again["__typename"] == "Conflict" and "already recorded" in again["message"]
    assert len(_survey_ties(driver, me)) == 1


def test_bad_answers_name_their_field_and_store_nothing(
    gql: GraphQL, driver: neo4j.Driver, small_graph: FixtureGraph
) -> None:
    me, other = _people(small_graph, 30, 2)
    org = next(iter(small_graph.organisations))
    key = make_key(driver, "connector", person_id=me)
    cases = [
        ({"t": other, "k": "WORKS_WITH", "i": {"frequency": "often"}}, "frequency"),
        ({"t": other, "k": "WORKS_WITH", "i": {"since": "2999"}}, "since"),
        ({"t": other, "k": "WORKS_WITH", "i": {"since": "2019-13"}}, "since"),
        ({"t": other, "k": "WORKS_WITH", "i": {"how": ["gossip"]}}, "how"),
        ({"t": org, "k": "KNOWS"}, "kind"),
        ({"t": me, "k": "WORKS_WITH"}, "targetId"),
    ]
    for variables, field in cases:
        result = gql(RECORD, variables, key=key)["data"]["recordConnection"]
        assert (result["__typename"], result.get("field")) == ("ValidationError", field), result
    missing = gql(RECORD, {"t": "no-such-node", "k": "WORKS_WITH"}, key=key)
    assert missing["data"]["recordConnection"]["__typename"] == "NotFound"
    assert _survey_ties(driver, me) == []
    welsh = gql(RECORD, cases[0][0], key=key, language="cy")
    assert "yw un o" in welsh["data"]["recordConnection"]["message"]


def test_nobody_changes_or_erases_a_tie_someone_else_recorded(
    gql: GraphQL, driver: neo4j.Driver, small_graph: FixtureGraph
) -> None:
    author, other, stranger = _people(small_graph, 40, 3)
    mine = make_key(driver, "connector", person_id=author)
    theirs = make_key(driver, "connector", person_id=stranger)
    tie = gql(RECORD, {"t": other, "k": "WORKS_WITH"}, key=mine)["data"]["recordConnection"]["id"]
    for query, variables in ((ERASE, {"id": tie}), (UPDATE, {"id": tie, "i": {"how": []}})):
        result = next(iter(gql(query, variables, key=theirs)["data"].values()))
        assert (result["__typename"], result["field"]) == ("ValidationError", "id")
    # ties loaded from elsewhere (no id) are read-only in the list
    listed = gql("{ myConnections { ties { id mine source } } }", key=mine)
    rows = listed["data"]["myConnections"]["ties"]
    assert [t for t in rows if t["mine"]] and all(t["id"] is None for t in rows if not t["mine"])
    assert len(_survey_ties(driver, author)) == 1


def test_a_group_editor_records_organisations_but_never_reaches_people(
    gql: GraphQL, driver: neo4j.Driver, small_graph: FixtureGraph
) -> None:
    me, person = _people(small_graph, 50, 2)
    org = list(small_graph.organisations)[3]
    key = make_key(driver, "group_editor", next(iter(small_graph.organisations)), person_id=me)
    to_person = gql(RECORD, {"t": person, "k": "WORKS_WITH"}, key=key)["data"]
    assert to_person["recordConnection"]["__typename"] == "NotFound"
    to_org = gql(RECORD, {"t": org, "k": "WORKS_WITH"}, key=key)["data"]["recordConnection"]
    assert to_org["__typename"] == "ConnectionPayload"
    names = [
        t["otherName"] for t in to_org["connections"]["ties"] if t["otherId"] in small_graph.people
    ]
    assert names and all(n is None for n in names)  # colleagues' names are left out


def test_a_recorded_tie_is_a_warm_introduction_at_once(
    gql: GraphQL, driver: neo4j.Driver, small_graph: FixtureGraph, keys: dict[str, str]
) -> None:
    me, other = _people(small_graph, 60, 1)[0], list(small_graph.people)[-1]
    query = (
        "query($a: ID!, $b: ID!) { connection(fromId: $a, toId: $b) "
        "{ through nodes { id } steps { type } } }"
    )
    key = make_key(driver, "connector", person_id=me)
    gql(RECORD, {"t": other, "k": "WORKS_WITH", "i": {"frequency": "monthly"}}, key=key)
    paths = gql(query, {"a": me, "b": other}, key=keys["leader"])["data"]["connection"]
    assert paths and paths[0]["through"] == "people"
    assert [p["steps"] for p in paths] == [[{"type": "WORKS_WITH"}]]


def test_an_oruk_uuid_opens_the_same_node_as_its_graph_id(
    gql: GraphQL, driver: neo4j.Driver, small_graph: FixtureGraph, keys: dict[str, str]
) -> None:
    org = list(small_graph.organisations)[5]
    uuid = "0b6f1f9e-5d7e-4c55-9a35-4f1d7d3c2a11"
    driver.execute_query("MATCH (o:Organization {id: $id}) SET o.oruk_id = $u", id=org, u=uuid)
    node = "query($id: ID!) { node(id: $id) { __typename ... on Organization { id } } }"
    assert gql(node, {"id": uuid})["data"]["node"] == {"__typename": "Organization", "id": org}
    ego = gql(
        "query($id: ID!) { egoNetwork(id: $id, hops: 1) { nodes { id } } }",
        {"id": uuid},
        key=keys["leader"],
    )
    assert org in {n["id"] for n in ego["data"]["egoNetwork"]["nodes"]}
    someone = _people(small_graph, 70, 1)[0]
    key = make_key(driver, "connector", person_id=someone)
    by_uuid = gql(RECORD, {"t": uuid, "k": "WORKS_WITH"}, key=key)["data"]["recordConnection"]
    assert by_uuid["__typename"] == "ConnectionPayload"
    assert _survey_ties(driver, someone)[0]["other"] == org


def test_a_leader_invites_a_team_and_each_member_answers_through_their_link(
    gql: GraphQL, driver: neo4j.Driver, small_graph: FixtureGraph, keys: dict[str, str]
) -> None:
    team = driver.execute_query(
        "MATCH (t:Team) WHERE t.id IN $teams "
        "RETURN t.id AS id ORDER BY COUNT { (t)<-[:MEMBER_OF]-(:Person) } DESC, id LIMIT 1",
        teams=list(small_graph.teams),
    ).records[0]["id"]
    members = [
        r["id"]
        for r in driver.execute_query(
            "MATCH (p:Person)-[:MEMBER_OF]->(:Team {id: $t}) RETURN p.id AS id", t=team
        ).records
    ]
    assert len(members) >= 2
    invite = (
        "mutation($t: ID!) { inviteTeam(teamId: $t) { __typename ... on Failure { message } "
        "... on TeamInvited { teamName expiresAt invitations { personId name code link } } } }"
    )
    refused = gql(invite, {"t": team}, key=keys["connector"])["data"]["inviteTeam"]
    assert refused["__typename"] == "Forbidden"
    invited = gql(invite, {"t": team}, key=keys["leader"])["data"]["inviteTeam"]
    codes = {i["personId"]: i["code"] for i in invited["invitations"]}
    assert set(codes) == set(members) and all(c and c.startswith("cginv_") for c in codes.values())
    stored = driver.execute_query(
        "MATCH (i:Invitation) WHERE i.person_id IN $m RETURN collect(i.code_hash) AS h", m=members
    ).records[0]["h"]
    assert len(stored) == len(members) and not set(stored) & set(codes.values())  # hashes only

    completeness = "{ connectionCompleteness { teams { id people answered withKey invited } } }"

    def row() -> dict[str, Any]:
        teams = gql(completeness, key=keys["leader"])["data"]["connectionCompleteness"]["teams"]
        return next(t for t in teams if t["id"] == team)

    assert row() == {
        "id": team, "people": len(members), "answered": 0, "withKey": 0, "invited": len(members)
    }  # fmt: skip

    member = members[0]
    accept = (
        "mutation($c: String!) { acceptInvitation(code: $c) { __typename "
        "... on InvitationAccepted { key personId } ... on ValidationError { field message } } }"
    )
    accepted = gql(accept, {"c": codes[member]})["data"]["acceptInvitation"]
    assert accepted["personId"] == member
    me = gql("{ me { role personId } }", key=accepted["key"])["data"]["me"]
    assert me == {"role": "connector", "personId": member}
    reused = gql(accept, {"c": codes[member]})["data"]["acceptInvitation"]
    assert (reused["__typename"], reused["field"]) == ("ValidationError", "code")

    gql("mutation { confirmMyConnections { __typename } }", key=accepted["key"])
    assert row() == {
        "id": team, "people": len(members), "answered": 1, "withKey": 1,
        "invited": len(members) - 1,
    }  # fmt: skip
    again = gql(invite, {"t": team}, key=keys["leader"])["data"]["inviteTeam"]["invitations"]
    assert next(i for i in again if i["personId"] == member)["code"] is None  # has a key


def test_erasing_a_person_revokes_their_keys_and_drops_their_invitations(
    gql: GraphQL, driver: neo4j.Driver, small_graph: FixtureGraph, keys: dict[str, str]
) -> None:
    person = _people(small_graph, 80, 1)[0]
    key = make_key(driver, "connector", person_id=person)
    driver.execute_query(
        "CREATE (:Invitation {id: 'inv-erase', person_id: $p, code_hash: 'x', "
        "expires_at: '2999-01-01'})",
        p=person,
    )
    done = gql(
        "mutation($id: ID!) { erasePerson(id: $id) { __typename } }", {"id": person},
        key=keys["admin"],
    )  # fmt: skip
    assert done["data"]["erasePerson"]["__typename"] == "PersonErased"
    left = driver.execute_query(
        "OPTIONAL MATCH (i:Invitation {person_id: $p}) "
        "RETURN count(i) AS invitations, "
        "COUNT { MATCH (k:ApiKey {person_id: $p}) } AS linked",
        p=person,
    ).records[0]
    assert (left["invitations"], left["linked"]) == (0, 0)
    gql("{ me { role } }", key=key, status=401)
