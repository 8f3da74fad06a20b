"""Two editors change one offering at the same moment: one wins, the other is told so.

Both read version v and send ``updateOffering`` concurrently through the real app (one
process, one async driver, so the two statements really overlap in Neo4j). Exactly one must
succeed and the other get ``Conflict`` with the current version; the stored offering holds
the winner's value at version v + 1 and one audit event per successful edit — no lost update.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

import httpx
import neo4j
import pytest

from api.app import create_app
from graph.settings import Neo4jSettings
from tests.support.figures import record
from tests.support.keys import make_key
from tests.support.loop import run_in_own_loop

pytestmark = pytest.mark.neo4j

ROUNDS = 25
ORG = "org-concurrency"
REGISTER = """mutation($i: RegisterOfferingInput!) { registerOffering(input: $i) {
  __typename ... on OfferingPayload { service { id version } } } }"""
UPDATE = """mutation($i: UpdateOfferingInput!) { updateOffering(input: $i) {
  __typename ... on OfferingPayload { service { name version } }
  ... on Conflict { message currentVersion } } }"""


@asynccontextmanager
async def _http(settings: Neo4jSettings) -> AsyncIterator[httpx.AsyncClient]:
    app = create_app(settings)
    async with app.router.lifespan_context(app):
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://test") as client:
            yield client


async def _gql(http: httpx.AsyncClient, key: str, query: str, variables: dict[str, Any]
               ) -> dict[str, Any]:  # fmt: skip
    response = await http.post("/graphql", json={"query": query, "variables": variables},
                               headers={"Authorization": f"Bearer {key}"})  # fmt: skip
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    assert "errors" not in body, body
    data: dict[str, Any] = body["data"]
    return data


def test_concurrent_updates_of_one_offering_lose_no_edit(
    driver: neo4j.Driver, neo4j_settings: Neo4jSettings
) -> None:
    run_in_own_loop(_rounds(driver, neo4j_settings))


async def _rounds(driver: neo4j.Driver, settings: Neo4jSettings) -> None:
    async with _http(settings) as http:
        await _race(driver, http)


async def _race(driver: neo4j.Driver, http: httpx.AsyncClient) -> None:
    driver.execute_query("MERGE (o:Organization:Entity {id: $id}) SET o.name = 'Concurrency'",
                         id=ORG)  # fmt: skip
    editors = [make_key(driver, "group_editor", ORG), make_key(driver, "group_editor", ORG)]
    offering = {"name": "Race Hall Lunch Club", "latitude": 52.4, "longitude": -4.0,
                "confirmNotDuplicate": True}  # fmt: skip
    created = (await _gql(http, editors[0], REGISTER, {"i": offering}))["registerOffering"]
    service_id, version = created["service"]["id"], created["service"]["version"]

    for round_no in range(ROUNDS):
        edits = [
            {"i": {"id": service_id, "version": version, "name": f"Edit {round_no} by {who}"}}
            for who in ("A", "B")
        ]
        results = await asyncio.gather(
            *(_gql(http, key, UPDATE, edit) for key, edit in zip(editors, edits, strict=True))
        )
        outcomes = [r["updateOffering"] for r in results]
        record("concurrent_edit_rounds")
        kinds = sorted(o["__typename"] for o in outcomes)
        assert kinds == ["Conflict", "OfferingPayload"], (round_no, outcomes)
        winner = next(o for o in outcomes if o["__typename"] == "OfferingPayload")
        loser = next(o for o in outcomes if o["__typename"] == "Conflict")
        assert winner["service"]["version"] == version + 1
        assert loser["currentVersion"] == version + 1
        assert "reload" in loser["message"]
        stored, _, _ = driver.execute_query(
            "MATCH (s:Service {id: $id}) RETURN s.name AS name, s.version AS version",
            id=service_id,
        )
        assert (stored[0]["name"], stored[0]["version"]) == (winner["service"]["name"], version + 1)
        version += 1

    events, _, _ = driver.execute_query(
        "MATCH (e:AuditEvent {operation: 'updateOffering', target_id: $id}) RETURN count(e) AS n",
        id=service_id,
    )
    assert events[0]["n"] == ROUNDS
