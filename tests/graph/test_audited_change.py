"""An audited change writes the record and its audit event as one (graph/repositories/audit.py).

Confirming a listing is still correct goes through ``audited_change``: the listing's
``last_verified`` and the audit event carry the same instant, and a listing that does not
exist raises a typed error naming it, with no event left behind.
"""

from __future__ import annotations

import neo4j
import pytest

from graph.database import Database
from graph.repositories.audit import Actor, AuditEvent, audit_trail
from graph.repositories.offerings import confirm_still_correct
from graph.repositories.outcomes import Missing
from graph.settings import Neo4jSettings
from tests.support.loop import run_in_own_loop

pytestmark = pytest.mark.neo4j

MODERATOR = Actor(key_id="key-moderator", role="moderator")


async def _confirm(
    settings: Neo4jSettings, service_id: str
) -> tuple[str | None, list[AuditEvent], Exception | None]:
    """Confirm ``service_id``; its ``last_verified``, its audit trail and any error raised."""
    db = Database(settings)
    try:
        try:
            props = await confirm_still_correct(db, MODERATOR, None, service_id)
        except Missing as error:
            return None, await audit_trail(db, service_id, 10), error
        return props.last_verified, await audit_trail(db, service_id, 10), None
    finally:
        await db.close()


def test_the_change_and_its_audit_event_carry_the_same_time(
    driver: neo4j.Driver, neo4j_settings: Neo4jSettings
) -> None:
    driver.execute_query("CREATE (:Service:Entity {id: 'ac-1', name: 'Tuesday Walkers'})")

    verified, trail, error = run_in_own_loop(_confirm(neo4j_settings, "ac-1"))

    assert error is None
    assert [(e.operation, e.changed_fields) for e in trail] == [
        ("confirmStillCorrect", ["last_verified"])
    ]
    assert verified is not None and trail[0].at == verified
    assert trail[0].actor_key_id == "key-moderator" and trail[0].actor_role == "moderator"


def test_a_change_to_no_record_names_it_and_leaves_no_audit_event(
    driver: neo4j.Driver, neo4j_settings: Neo4jSettings
) -> None:
    verified, trail, error = run_in_own_loop(_confirm(neo4j_settings, "ac-nowhere"))

    assert isinstance(error, Missing) and "ac-nowhere" in str(error)
    assert verified is None and trail == []
