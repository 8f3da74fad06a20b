"""The Neo4j query timeout trips: an app whose ``query_timeout_s`` is tiny stops a statement
that runs too long and says so (``TIMEOUT`` in GraphQL) instead of hanging or crashing.

The statement is made to run long deterministically: another transaction holds the write
lock on the offering being edited, so the API's ``updateOffering`` waits for it, and only
Neo4j's transaction timeout can end the wait (an expensive read raced Neo4j's timeout check
when the cache was warm, so it was not used). The generated neo4j.conf checks timeouts every
200 ms. (Depth, alias, token and page-size limits are tripped in
tests/api/test_errors_and_limits.py.)
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator

import neo4j
import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from graph.settings import Neo4jSettings
from tests.security.leaks import assert_no_leak
from tests.support.figures import measure
from tests.support.keys import make_key

pytestmark = pytest.mark.neo4j

ORG = "org-timeout"
REGISTER = """mutation($i: RegisterOfferingInput!) { registerOffering(input: $i) {
  __typename ... on OfferingPayload { service { id version } } } }"""
UPDATE = """mutation($i: UpdateOfferingInput!) { updateOffering(input: $i) {
  __typename ... on OfferingPayload { service { version } } } }"""
TIMEOUT_S = 0.5
HOLD_S = 15.0


@pytest.fixture(scope="module")
def clients(neo4j_settings: Neo4jSettings, tmp_path_factory: pytest.TempPathFactory
            ) -> Iterator[tuple[TestClient, TestClient]]:  # fmt: skip
    """An app with the default timeout, and one whose every statement may take 0.5 s."""
    ui = tmp_path_factory.mktemp("ui") / "absent"
    impatient = neo4j_settings.model_copy(update={"query_timeout_s": TIMEOUT_S})
    with (
        TestClient(create_app(neo4j_settings, static_dir=ui)) as patient_client,
        TestClient(create_app(impatient, static_dir=ui)) as impatient_client,
    ):
        yield patient_client, impatient_client


def _hold_write_lock(driver: neo4j.Driver, service_id: str, locked: threading.Event,
                     release: threading.Event) -> None:  # fmt: skip
    """Lock the service in an open transaction until ``release`` (or HOLD_S); roll back."""
    with driver.session() as session, session.begin_transaction() as tx:
        tx.run("MATCH (s:Service {id: $id}) SET s.held_by_test = true", id=service_id).consume()
        locked.set()
        release.wait(HOLD_S)
        tx.rollback()


def test_a_statement_running_past_the_timeout_is_stopped_with_a_clear_error(
    driver: neo4j.Driver, clients: tuple[TestClient, TestClient]
) -> None:
    patient, impatient = clients
    driver.execute_query("MERGE (o:Organization:Entity {id: $id}) SET o.name = 'Timeout'", id=ORG)
    key = make_key(driver, "group_editor", ORG)
    auth = {"Authorization": f"Bearer {key}"}
    offering = {"name": "Slow Lane Lunch Club", "latitude": 52.4, "longitude": -4.0,
                "confirmNotDuplicate": True}  # fmt: skip
    created = patient.post("/graphql", json={"query": REGISTER, "variables": {"i": offering}},
                             headers=auth).json()["data"]["registerOffering"]  # fmt: skip
    service_id, version = created["service"]["id"], created["service"]["version"]

    locked, release = threading.Event(), threading.Event()
    holder = threading.Thread(target=_hold_write_lock,
                              args=(driver, service_id, locked, release))  # fmt: skip
    holder.start()
    try:
        assert locked.wait(10), "the test could not take the lock"
        began = time.monotonic()
        edit = {"i": {"id": service_id, "version": version, "name": "Renamed while locked"}}
        response = impatient.post("/graphql", json={"query": UPDATE, "variables": edit},
                                  headers=auth)  # fmt: skip
        seconds = time.monotonic() - began
    finally:
        release.set()
        holder.join()

    assert_no_leak(response, UPDATE)
    body = response.json()
    error = body["errors"][0]
    assert error["extensions"]["code"] == "TIMEOUT", (body, seconds)
    assert "longer than" in error["message"]
    assert seconds < HOLD_S / 2, f"the timeout did not stop the statement promptly ({seconds} s)"
    measure("query_timeout_0.5s_answered_after_s", round(seconds, 2))
    # A failed write leaves the graph as it was: the edit was not applied.
    stored, _, _ = driver.execute_query(
        "MATCH (s:Service {id: $id}) RETURN s.name AS name, s.version AS version, "
        "s.held_by_test AS held",
        id=service_id,
    )
    assert (stored[0]["name"], stored[0]["version"], stored[0]["held"]) == (
        offering["name"],
        version,
        None,
    )
