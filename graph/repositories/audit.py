"""The audit trail: who changed what, when. Events are written by the same statement (and so
the same transaction) as the change they describe; this module builds their parameters and
reads them back."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel, Field

from graph.database import Database
from graph.repositories.outcomes import Missing, first_row, validated
from graph.repositories.values import now_iso

__all__ = ["Actor", "AuditEvent", "Change", "audit_params", "audit_trail", "audited_change"]


class Actor(BaseModel):
    """Who makes a change: the API key's id, role and organisation (no personal data)."""

    key_id: str | None = None
    role: str
    organisation_id: str | None = None


class AuditEvent(BaseModel):
    id: str
    at: str
    operation: str
    target_id: str | None = None
    actor_key_id: str | None = None
    actor_role: str
    actor_organisation_id: str | None = None
    changed_fields: list[str] = []


def audit_params(
    actor: Actor, operation: str, target_id: str | None, changed_fields: list[str]
) -> dict[str, Any]:
    """The ``$audit`` map every writing statement stores as an ``:AuditEvent``."""
    return {
        "id": str(uuid.uuid4()),
        "at": now_iso(),
        "operation": operation,
        "target_id": target_id,
        "actor_key_id": actor.key_id,
        "actor_role": actor.role,
        "actor_organisation_id": actor.organisation_id,
        "changed_fields": sorted(changed_fields),
    }


@dataclass(frozen=True)
class Change:
    """One audited change to one record: who asks for it, by which API operation, the
    record's label and id, and the fields it changes."""

    actor: Actor
    operation: str
    label: str
    target_id: str
    fields: Sequence[str]


async def audited_change(
    db: Database,
    statement: str,
    change: Change,
    /,
    *,
    missing: Exception | None = None,
    **params: Any,
) -> dict[str, Any]:
    """Run a writing ``statement`` that changes the record ``$id`` at ``$now`` and stores the
    ``$audit`` event describing ``change`` in the same transaction; return the row it
    answers, or raise ``missing`` (by default: no such record) when it answers none (no such
    record, or none the caller may change).

    Every moderation, claim, merge, referral and shortlist change is written this way, so the
    steps live here once. ``$now`` is the event's own time: the trail says exactly when the
    record changed, and an event never disagrees with the ``updated_at`` it describes.
    """
    audit = audit_params(change.actor, change.operation, change.target_id, list(change.fields))
    rows = await db.write(statement, now=audit["at"], audit=audit, id=change.target_id, **params)
    return first_row(rows, missing or Missing(change.label, change.target_id))


class TrailQuery(BaseModel):
    target_id: str | None = Field(default=None, max_length=200)
    first: int = Field(default=50, ge=1, le=100)


async def audit_trail(db: Database, target_id: str | None, first: int) -> list[AuditEvent]:
    """The newest events first, for one target or for everything."""
    # A typed error, not a masked crash (found by fuzzing).
    query = validated(TrailQuery, target_id=target_id, first=first)
    rows = await db.read("audit/audit_trail", target_id=query.target_id, limit=query.first)
    return [AuditEvent.model_validate(r) for r in rows]
