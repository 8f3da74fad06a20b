"""Referrals from connectors to services, visible to both sides, with validated transitions.

Status machine: ``requested → accepted | declined``, ``accepted → done``. The receiving side
(editors of the organisation providing the service) accepts or declines; either side marks
an accepted referral done. The status write is a compare-and-set on the status the caller
saw, so two people deciding at once cannot both win.
"""

from __future__ import annotations

import uuid
from typing import Any

from pydantic import BaseModel, Field

from graph import messages as say
from graph.database import Database
from graph.repositories.assets import ServiceProps
from graph.repositories.audit import Actor, Change, audit_params, audited_change
from graph.repositories.outcomes import (
    InvalidField,
    Missing,
    NotAllowed,
    VersionConflict,
    first_row,
    validated,
)
from graph.repositories.values import now_iso
from graph.text import cleans_input_text, stored_text

__all__ = [
    "TRANSITIONS",
    "ReferralRecord",
    "create_referral",
    "referrals_visible",
    "set_referral_status",
]

TRANSITIONS: dict[str, frozenset[str]] = {
    "requested": frozenset({"accepted", "declined"}),
    "accepted": frozenset({"done"}),
    "declined": frozenset(),
    "done": frozenset(),
}
STATUSES = tuple(TRANSITIONS)


class ReferralRecord(BaseModel):
    id: str
    status: str
    note: str | None = None
    #: why the receiving organisation declined (shown to the referrer)
    reason: str | None = None
    service_id: str
    service_name: str | None = None
    organisation_ids: list[str] = []
    referrer_key_id: str | None = None
    referrer_organisation_id: str | None = None
    created_at: str
    updated_at: str | None = None
    #: someone holds a group editor key for a receiving organisation (else phone them)
    receivable: bool = True
    #: who referred: the referring organisation's name, else its key's name
    referred_by: str | None = None

    def is_referrer(self, key_id: str | None, organisation_id: str | None) -> bool:
        return (key_id is not None and key_id == self.referrer_key_id) or (
            organisation_id is not None and organisation_id == self.referrer_organisation_id
        )

    def is_receiver(self, organisation_id: str | None) -> bool:
        return organisation_id is not None and organisation_id in self.organisation_ids


def _record(row: dict[str, Any]) -> ReferralRecord:
    return ReferralRecord.model_validate(
        {
            **row["props"],
            "service_name": row["service_name"],
            "organisation_ids": row["organisation_ids"],
            "receivable": bool(row.get("receivable", True)),
            "referred_by": row.get("referred_by"),
        }
    )


class _NewReferral(BaseModel):
    _text = cleans_input_text()

    service_id: str = Field(min_length=1, max_length=200)
    note: str | None = Field(default=None, max_length=2000)


async def create_referral(
    db: Database, actor: Actor, service_id: str, note: str | None
) -> ReferralRecord:
    """A new referral in status ``requested``."""
    # A typed error, not a masked crash (found by fuzzing).
    valid = validated(_NewReferral, service_id=service_id, note=note)
    now = now_iso()
    rid = str(uuid.uuid4())
    rows = await db.write(
        "referrals/create_referral",
        service_id=valid.service_id,
        referral={
            "id": rid,
            "status": "requested",
            "note": valid.note,
            "referrer_key_id": actor.key_id,
            "referrer_organisation_id": actor.organisation_id,
            "created_at": now,
            "updated_at": now,
        },
        audit=audit_params(actor, "createReferral", rid, ["status"]),
    )
    row = first_row(rows, Missing("Service", service_id))
    return _record(row)


async def referral(db: Database, referral_id: str) -> ReferralRecord | None:
    rows = await db.read("referrals/referral_by_id", id=referral_id)
    return _record(rows[0]) if rows else None


async def set_referral_status(
    db: Database,
    actor: Actor,
    referral_id: str,
    status: str,
    *,
    admin: bool,
    reason: str | None = None,
) -> ReferralRecord:
    """Move a referral along the status machine if the caller's side may; a decline may say
    why (``reason``, at most 1000 characters), which the referrer reads."""
    reason = stored_text(reason) if reason is not None else None
    if reason is not None and len(reason) > 1000:
        raise InvalidField("reason", say.AT_MOST_CHARS(n=1000))
    if status not in TRANSITIONS:
        raise InvalidField("status", say.STATUS_ONE_OF(values=", ".join(STATUSES)))
    current = await referral(db, referral_id)
    if current is None:
        raise Missing("Referral", referral_id)
    referrer = current.is_referrer(actor.key_id, actor.organisation_id)
    receiver = actor.role == "group_editor" and current.is_receiver(actor.organisation_id)
    if not (admin or referrer or receiver):
        raise NotAllowed(say.ONLY_PARTIES())
    if status not in TRANSITIONS[current.status]:
        raise InvalidField("status", say.REFERRAL_CANNOT(current=current.status, status=status))
    if status in ("accepted", "declined") and not (admin or receiver):
        raise NotAllowed(say.ONLY_PROVIDER_DECIDES())
    change = Change(actor, "updateReferralStatus", "Referral", referral_id, ["status"])
    row = await audited_change(
        db,
        "referrals/set_referral_status",
        change,
        missing=VersionConflict(say.REFERRAL_CHANGED(), None),
        from_status=current.status,
        to_status=status,
        reason=reason or None,
    )
    return _record(row)


async def referrals_visible(
    db: Database,
    *,
    admin: bool,
    key_id: str | None,
    organisation_id: str | None,
    status: str | None,
    limit: int,
) -> list[ReferralRecord]:
    """Referrals the caller sent or received, newest first."""
    if status is not None and status not in TRANSITIONS:
        raise InvalidField("status", say.STATUS_ONE_OF(values=", ".join(STATUSES)))
    if not 1 <= limit <= 100:
        raise InvalidField("first", say.PAGE_SIZE())
    rows = await db.read(
        "referrals/referrals_visible",
        all=admin,
        key_id=key_id,
        organisation_id=organisation_id,
        status=status,
        limit=limit,
    )
    return [_record(r) for r in rows]


async def acknowledge_unheld(db: Database, actor: Actor, referral_id: str) -> ServiceProps:
    """A moderator has dealt with a referral nobody could receive; it leaves the queue."""
    change = Change(actor, "acknowledgeReferral", "Referral", referral_id, ["unheld_seen_at"])
    row = await audited_change(db, "referrals/acknowledge_unheld", change)
    return ServiceProps.from_props(row["props"])
