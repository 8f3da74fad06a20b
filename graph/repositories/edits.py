"""Edits to a listing, and the changes a moderator reviews before the public sees them.

A group edits any field it owns (:class:`graph.repositories.listing.ListingContent`). What
happens depends on whether the listing is public:

* not public yet (pending or rejected): the edit is stored at once and the listing waits for
  a moderator (a rejected listing goes back to the queue);
* public (approved): the edit is kept as a *pending change* beside the approved content, which
  stays public until a moderator accepts the change (it is then stored) or turns it down (it is
  dropped and the reason kept for the group).

Every statement also writes its audit event, and the version check (optimistic locking) sits in
the writing statement, under the service's write lock.
"""

from __future__ import annotations

import uuid
from typing import Any, Literal

from pydantic import BaseModel

from graph import messages as say
from graph.database import Database
from graph.repositories.assets import ServiceProps
from graph.repositories.audit import Actor, Change, audit_params, audited_change
from graph.repositories.listing import (
    LANGUAGE_NAMES,
    FieldChange,
    ListingContent,
    ScheduleInput,
    differences,
)
from graph.repositories.outcomes import (
    InvalidField,
    Missing,
    NotAllowed,
    VersionConflict,
    first_row,
    validated,
)
from graph.repositories.values import now_iso
from queries.vocabulary import ACCESSIBILITY

__all__ = [
    "SERVICE_FIELDS",
    "EditOutcome",
    "QueueItem",
    "StoredListing",
    "accept_change",
    "decline_change",
    "edit_listing",
    "listing_content",
    "moderation_queue",
    "pending_differences",
    "write_params",
]

SOURCE = "commongraph:api"
EditOutcome = Literal["saved", "waiting_for_moderator"]
#: Service properties an edit sets (an allow-list: never the client's field names).
SERVICE_FIELDS = (
    "name",
    "name_cy",
    "description",
    "description_cy",
    "email",
    "url",
    "minimum_age",
    "maximum_age",
    "fees_description",
    "eligibility_description",
)


class StoredListing(BaseModel):
    """A listing as stored: its properties, providers and the content its group owns."""

    props: ServiceProps
    orgs: list[str]
    content: ListingContent | None  # None when the listing has no located place yet
    pending: ListingContent | None


def _content(row: dict[str, Any]) -> ListingContent | None:
    location = row["location"] or {}
    if location.get("latitude") is None or location.get("longitude") is None:
        return None
    props, address = row["props"], row["address"] or {}
    access = [t.id for d in row["accessibility"] if (t := ACCESSIBILITY.resolve(str(d)))]
    schedules = [  # HSDS times may carry seconds ("09:00:00"); a group types HH:MM
        ScheduleInput.model_construct(
            byday=str(s["byday"]),
            opens_at=str(s["opens_at"])[:5],
            closes_at=str(s["closes_at"])[:5],
        )
        for s in row["schedules"]
        if s.get("byday") and s.get("opens_at") and s.get("closes_at")
    ]
    values = {
        **{k: props.get(k) for k in SERVICE_FIELDS},
        "latitude": location["latitude"],
        "longitude": location["longitude"],
        "location_name": location.get("name"),
        "address_1": address.get("address_1"),
        "city": address.get("city"),
        "postal_code": address.get("postal_code"),
        "email": props.get("email") or row["contact_email"],
        "phone": row["phone"],
        "needs": sorted(set(row["needs"])),
        "languages": row["languages"],
        "accessibility": access,
        "free": bool(row["free"]),
        "schedules": schedules,
        "catchment": sorted(set(row["catchment"])),
    }
    # Read as stored, unvalidated: an edit validates the whole listing, so a value a source
    # got wrong (an odd phone) is named then, and the group puts it right.
    return ListingContent.model_construct(**values)


async def listing_content(db: Database, service_id: str) -> StoredListing:
    """The listing's stored content and any change waiting for a moderator."""
    rows = await db.read("offerings/read_listing", id=service_id)
    row = first_row(rows, Missing("Service", service_id))
    pending = row["props"].get("pending_change")
    return StoredListing(
        props=ServiceProps.from_props(row["props"]),
        orgs=list(row["orgs"]),
        content=_content(row),
        pending=ListingContent.model_validate_json(pending) if pending else None,
    )


def pending_differences(stored: StoredListing) -> list[FieldChange]:
    """What the waiting change would change, field by field."""
    if stored.pending is None:
        return []
    if stored.content is None:  # nothing located before: every field is new
        after = stored.pending.model_dump(mode="json")
        return [FieldChange(field=k, before=None, after=v) for k, v in after.items()]
    return differences(stored.content, stored.pending)


def write_params(content: ListingContent, now: str) -> dict[str, Any]:
    """The parameters that store ``content``: the service's own fields and its nested records
    (address, contact, phone, schedules, languages, accessibility, cost), each with fresh ids;
    shared by registration (offerings/register_offering) and edits (offerings/write_listing)."""
    base = {"source": SOURCE, "created_at": now, "updated_at": now}
    fields = {k: getattr(content, k) for k in SERVICE_FIELDS}
    address = None
    if content.address_1 or content.city or content.postal_code:
        address = {
            "id": str(uuid.uuid4()),
            "address_1": content.address_1,
            "city": content.city,
            "postal_code": content.postal_code,
            "country": "GB",
            **base,
        }
    contact = phone = None
    if content.email or content.phone:
        contact = {"id": str(uuid.uuid4()), "email": content.email, **base}
        if content.phone:
            phone = {"id": str(uuid.uuid4()), "number": content.phone, **base}
    return {
        "fields": fields,
        "location": {
            "latitude": content.latitude,
            "longitude": content.longitude,
            "name": content.location_name or content.name,
        },
        "address": address,
        "contact": contact,
        "phone": phone,
        "schedules": [
            {"id": str(uuid.uuid4()), "freq": "WEEKLY", **s.model_dump(), **base}
            for s in content.schedules
        ],
        "need_ids": content.needs,
        "languages": [
            {"id": str(uuid.uuid4()), "code": c, "name": LANGUAGE_NAMES.get(c, c), **base}
            for c in content.languages
        ],
        "accessibility": [
            {"id": str(uuid.uuid4()), "description": text, **base}
            for text in content.accessibility_texts()
        ],
        "cost_options": [
            {"id": str(uuid.uuid4()), "amount": 0.0, "option": "Free", "currency": "GBP", **base}
        ]
        if content.free
        else [],
        "catchment": content.catchment,
        "new_ids": {"location": str(uuid.uuid4()), "sal": str(uuid.uuid4())},
        "source": SOURCE,
        "now": now,
    }


async def _check_needs(db: Database, needs: list[str]) -> None:
    if not needs:
        return
    unknown = (await db.read("offerings/unknown_needs", need_ids=needs))[0]["unknown"]
    if unknown:
        raise InvalidField("needs", say.UNKNOWN_NEEDS(ids=", ".join(unknown)))


def _settled(row: dict[str, Any], version: int) -> ServiceProps:
    """The written service, or the refusal the statement's checks imply."""
    if not row["allowed"]:
        raise NotAllowed(say.OTHER_ORGANISATION())
    props = ServiceProps.from_props(row["props"])
    if not row["fresh"]:
        raise VersionConflict(say.VERSION_CHANGED(had=version, now=props.version), props.version)
    return props


async def edit_listing(
    db: Database,
    actor: Actor,
    org_scope: str | None,
    service_id: str,
    version: int,
    given: dict[str, Any],
) -> tuple[ServiceProps, EditOutcome]:
    """Lay ``given`` (field → new value; None clears) over the listing and store or propose it.

    Returns the service as stored and whether the edit is live (``saved``: the listing was not
    public, and now waits for a moderator as a whole) or waits as a change to a public listing.
    """
    if not given:
        raise InvalidField("input", say.NOTHING_TO_CHANGE())
    if "name" in given and (given["name"] is None or not str(given["name"]).strip()):
        raise InvalidField("name", say.BLANK())
    stored = await listing_content(db, service_id)
    if org_scope is not None and org_scope not in stored.orgs:
        raise NotAllowed(say.OTHER_ORGANISATION())
    start = stored.pending or stored.content
    base = start.model_dump() if start is not None else {}
    merged = validated(ListingContent, **{**base, **given})
    await _check_needs(db, merged.needs)
    status = stored.props.moderation_status or "approved"
    if status == "approved":
        changed = [c.field for c in differences(stored.content, merged)] if stored.content else []
        proposal = Change(actor, "updateOffering", "Service", service_id, changed or list(given))
        row = await audited_change(
            db,
            "offerings/propose_change",
            proposal,
            version=version,
            org_scope=org_scope,
            change=merged.model_dump_json(),
            fields=changed or list(given),
            key_id=actor.key_id,
        )
        return _settled(row, version), "waiting_for_moderator"
    rows = await db.write(
        "offerings/write_listing",
        id=service_id,
        version=version,
        org_scope=org_scope,
        status="pending",
        audit=audit_params(actor, "updateOffering", service_id, list(given)),
        **write_params(merged, now_iso()),
    )
    row = first_row(rows, Missing("Service", service_id))
    return _settled(row, version), "saved"


async def accept_change(db: Database, actor: Actor, stored: StoredListing) -> ServiceProps:
    """Store the change waiting on a public listing (a moderator's approval)."""
    assert stored.pending is not None
    fields = [c.field for c in pending_differences(stored)]
    rows = await db.write(
        "offerings/write_listing",
        id=stored.props.id,
        version=None,
        org_scope=None,
        status="approved",
        audit=audit_params(actor, "approveOffering", stored.props.id, fields),
        **write_params(stored.pending, now_iso()),
    )
    return ServiceProps.from_props(rows[0]["props"])


async def decline_change(
    db: Database, actor: Actor, service_id: str, reason: str | None
) -> ServiceProps | None:
    """Drop the change waiting on a public listing, keeping the reason; None if there is none."""
    rows = await db.write(
        "offerings/decline_change",
        id=service_id,
        reason=reason,
        now=now_iso(),
        audit=audit_params(actor, "rejectOffering", service_id, ["pending_change"]),
    )
    return ServiceProps.from_props(rows[0]["props"]) if rows else None


class QueueItem(BaseModel):
    """One thing waiting for a moderator."""

    kind: Literal["new_listing", "change", "report", "claim", "referral"]
    since: str | None
    organisation: str | None
    service: ServiceProps
    report_id: str | None = None
    message: str | None = None
    claim_id: str | None = None
    claimant: str | None = None


async def moderation_queue(db: Database, first: int, offset: int) -> tuple[list[QueueItem], bool]:
    """New listings, changes to public ones and problem reports, oldest first, and whether
    more follow."""
    if not 1 <= first <= 100:
        raise InvalidField("first", say.PAGE_SIZE())
    rows = await db.read("offerings/moderation_queue", offset=max(offset, 0), limit=first + 1)
    items = [
        QueueItem(
            kind=r["kind"],
            since=None if r["since"] is None else str(r["since"]),
            organisation=r["organisation"],
            service=ServiceProps.from_props(r["props"]),
            report_id=r["report_id"],
            message=r["message"],
            claim_id=r["claim_id"],
            claimant=r["claimant"],
        )
        for r in rows[:first]
    ]
    return items, len(rows) > first
