"""People's names and contacts never reach the public role, on any path.

Every public GraphQL root field and REST endpoint is asked in the way most likely to reach a
person (their id, their name as search text, their organisation, a wide radius), and no
answer may contain any person's name, e-mail or phone. Then erasure: ``commongraph erase
person ID`` and ``erasePerson`` remove the person and all their relationships and leave an
``:AuditEvent`` saying who erased whom (by the id's hash) and when — none of their data.
"""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import neo4j
import pytest
from fastapi.testclient import TestClient

from graph.repositories.erasure import erased_id_hash
from tests.api.conftest import GraphQL
from tests.api.fixtures_graph import FixtureGraph, Person
from tests.support.figures import record

pytestmark = pytest.mark.neo4j

COMMONGRAPH = str(Path(sys.executable).parent / "commongraph")
PUBLIC_QUERIES = (
    ("query($id: ID!) { node(id: $id) { __typename ... on Person { name email phone } } }",
     "id"),
    ("query($t: String!) { searchAssets(text: $t) { edges { node { id name } } } }", "text"),
    ("{ assetsNear(latitude: 51.5, longitude: -3.2, radiusKm: 500, first: 100) "
     "{ edges { node { id name } } } }", None),
    ("query($id: ID!) { egoNetwork(id: $id) { nodes { id name } } }", "id"),
    ("{ relationshipMap(limit: 50) { nodes { id name } } }", None),
    ("query($id: ID!) { connection(fromId: $id, toId: $id) { steps { type } } }", "id"),
)  # fmt: skip


def _people_text(people: list[Person]) -> set[str]:
    return {v for p in people for v in (p.name, p.email, p.phone) if v}


def test_the_public_role_never_sees_a_persons_name_or_contact(
    small_graph: FixtureGraph, gql: GraphQL, client: TestClient
) -> None:
    people = list(small_graph.people.values())[:25]
    secrets = _people_text(people)
    answers: list[str] = []
    for person in people:
        for query, argument in PUBLIC_QUERIES:
            variables = {"id": person.id, "t": person.name}
            wanted = {} if argument is None else {k: v for k, v in variables.items()
                                                  if k in query}  # fmt: skip
            answers.append(json.dumps(gql(query, wanted)))
        for path, params in (
            ("/oruk/services", {"search": person.name}),
            ("/oruk/services", {"organization_id": person.organisation_id}),
            ("/oruk/organizations", {"search": person.name}),
            (f"/oruk/organizations/{person.organisation_id}", {}),
            (f"/oruk/services/{person.id}", {}),
            ("/api/analyse/bottlenecks", {}),
        ):
            answers.append(client.get(path, params=params).text)
        record("person_data_requests", len(PUBLIC_QUERIES) + 6)
    leaked = {secret for secret in secrets for answer in answers if secret in answer}
    assert leaked == set()


def _person_with_ties(driver: neo4j.Driver, g: FixtureGraph, skip: int) -> tuple[str, int]:
    rows = driver.execute_query(
        "MATCH (p:Person) WHERE p.id IN $ids RETURN p.id AS id, COUNT { (p)--() } AS ties "
        "ORDER BY ties DESC, id",
        ids=list(g.people)[50:150],
    ).records
    return str(rows[skip]["id"]), int(rows[skip]["ties"])


def _totals(driver: neo4j.Driver) -> tuple[int, int]:
    row = driver.execute_query(
        "MATCH (n) WHERE NOT n:AuditEvent RETURN count(n) AS nodes, "
        "COUNT { MATCH ()-[r]->() RETURN r } AS rels"
    ).records[0]
    return int(row["nodes"]), int(row["rels"])


def _erasure_event(driver: neo4j.Driver, person_id: str) -> dict[str, Any]:
    rows = driver.execute_query(
        "MATCH (e:AuditEvent {operation: 'erasePerson', target_id: $h}) RETURN properties(e) AS e",
        h=erased_id_hash(person_id),
    ).records
    assert len(rows) == 1
    event: dict[str, Any] = rows[0]["e"]
    return event


def _assert_erased(driver: neo4j.Driver, person: Person, before: tuple[int, int], ties: int,
                   event: dict[str, Any]) -> None:  # fmt: skip
    assert driver.execute_query("MATCH (n {id: $id}) RETURN n", id=person.id).records == []
    assert _totals(driver) == (before[0] - 1, before[1] - ties)
    assert event["at"] and event["actor_role"] == "admin" and event["actor_key_id"]
    assert event["relationships_removed"] == ties
    # A keyed hash: hashing the (sequential) id without the server's secret does not find it.
    plain = hashlib.sha256(person.id.encode("utf-8")).hexdigest()
    assert event["target_id"].startswith("hmac-sha256:") and plain not in event["target_id"]
    flat = json.dumps(event, default=str)
    for secret in (person.id, person.name, person.email, person.phone):
        assert secret not in flat, secret


def test_erase_person_command_removes_them_and_their_ties_and_audits_it(
    small_graph: FixtureGraph, driver: neo4j.Driver
) -> None:
    person_id, ties = _person_with_ties(driver, small_graph, 0)
    assert ties > 0
    before = _totals(driver)
    env = dict(os.environ)
    done = subprocess.run([COMMONGRAPH, "erase", "person", person_id], env=env,
                          capture_output=True, text=True, timeout=120, check=False)  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert person_id not in done.stdout and erased_id_hash(person_id) in done.stdout
    event = _erasure_event(driver, person_id)
    _assert_erased(driver, small_graph.people[person_id], before, ties, event)
    assert event["actor_key_id"].startswith("cli")

    again = subprocess.run([COMMONGRAPH, "erase", "person", person_id], env=env,
                           capture_output=True, text=True, timeout=120, check=False)  # fmt: skip
    assert again.returncode == 1
    assert again.stderr.strip().count("\n") == 0 and "no person" in again.stderr


def test_erase_person_mutation_is_admin_only_and_leaves_an_audit_event(
    small_graph: FixtureGraph, gql: GraphQL, keys: dict[str, str], driver: neo4j.Driver
) -> None:
    person_id, ties = _person_with_ties(driver, small_graph, 1)
    mutation = """mutation($id: ID!) { erasePerson(id: $id) { __typename
      ... on PersonErased { erasedIdHash relationshipsRemoved auditEventId } } }"""
    for role in ("connector", "moderator", "leader", "editor_a"):
        refused = gql(mutation, {"id": person_id}, key=keys[role])["data"]["erasePerson"]
        assert refused["__typename"] == "Forbidden"
    before = _totals(driver)
    assert before[0] > 0
    done = gql(mutation, {"id": person_id}, key=keys["admin"])["data"]["erasePerson"]
    assert done == {"__typename": "PersonErased", "erasedIdHash": erased_id_hash(person_id),
                    "relationshipsRemoved": ties, "auditEventId": done["auditEventId"]}  # fmt: skip
    event = _erasure_event(driver, person_id)
    assert event["id"] == done["auditEventId"]
    _assert_erased(driver, small_graph.people[person_id], before, ties, event)
    gone = gql("query($id: ID!) { node(id: $id) { __typename } }", {"id": person_id},
               key=keys["admin"])  # fmt: skip
    assert gone["data"]["node"]["__typename"] == "NotFound"
    missing = gql(mutation, {"id": person_id}, key=keys["admin"])["data"]["erasePerson"]
    assert missing["__typename"] == "NotFound"
