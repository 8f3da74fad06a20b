"""Third-sector groups manage their own offerings; moderators decide what the public sees.

Every writing statement also creates the ``:AuditEvent`` describing it, so a change and its
audit record commit or fail together. Permission rules (a group editor touches only its own
organisation's listings) are enforced inside the statements through ``$org_scope``, so no
check-then-write race can let one group edit another's offering.
"""

from __future__ import annotations

import re
import uuid
from typing import Any, Literal

from pydantic import BaseModel, Field

from graph import messages as say
from graph.database import Database
from graph.geography import Latitude, Longitude
from graph.repositories.assets import ServiceProps
from graph.repositories.audit import Actor, Change, audit_params, audited_change
from graph.repositories.edits import (
    SOURCE,
    accept_change,
    decline_change,
    listing_content,
    write_params,
)
from graph.repositories.listing import ListingContent, ScheduleInput
from graph.repositories.outcomes import (
    Candidate,
    InvalidField,
    LikelyDuplicates,
    Missing,
    NotAllowed,
    VersionConflict,
    first_row,
)
from graph.repositories.search import lucene_query
from graph.repositories.values import now_iso
from graph.text import stored_text
from queries.analytics.duplicates import DEFAULT_THRESHOLD, pair_confidence

__all__ = [
    "ClaimRecord",
    "Lookalike",
    "NewOffering",
    "ScheduleInput",
    "claim_listing",
    "claims_of_organisation",
    "confirm_still_correct",
    "decide_claim",
    "likely_duplicates",
    "merge_listings",
    "moderate_offering",
    "offerings_of_organisation",
    "pending_offerings",
    "register_offering",
    "same_as",
    "unmerge_listing",
]

NEAR_KM = 2.0  # listings with a similar name this near are judged by pair_confidence


class NewOffering(ListingContent):
    """A validated ``registerOffering`` input: the listing's content, who provides it, and
    whether the group has seen the likely duplicates and says theirs is different."""

    organisation_id: str = Field(min_length=1, max_length=200)
    confirm_not_duplicate: bool = False


def _url_variants(url: str | None) -> list[str]:
    if not url:
        return []
    bare = re.sub(r"^https?://", "", url.strip().lower())
    bare = bare.removeprefix("www.").rstrip("/")
    return [
        f"{scheme}{www}{bare}{slash}"
        for scheme in ("http://", "https://", "")
        for www in ("", "www.")
        for slash in ("", "/")
    ]


async def _duplicates(
    db: Database, offering: NewOffering
) -> tuple[list[Candidate], bool, list[str]]:
    try:
        lucene: str | None = lucene_query(offering.name)
    except InvalidField:
        lucene = None
    phone_digits = re.sub(r"\D", "", offering.phone) if offering.phone else None
    rows = await db.read(
        "offerings/precheck_registration",
        organisation_id=offering.organisation_id,
        need_ids=offering.needs,
        lucene=lucene,
        latitude=offering.latitude,
        longitude=offering.longitude,
        near_km=NEAR_KM,
        email=offering.email.strip().lower() if offering.email else None,
        url_variants=_url_variants(offering.url),
        phone_digits=phone_digits or None,
    )
    row = rows[0]
    found: dict[str, Candidate] = {}
    for hit in row["named"]:
        # One rule for what looks like a duplicate, shared with the duplication analysis.
        mine = {"id": "", "name": offering.name, "latitude": offering.latitude,
                "longitude": offering.longitude}  # fmt: skip
        if pair_confidence(mine, hit) >= DEFAULT_THRESHOLD:
            found[hit["id"]] = Candidate(
                id=hit["id"],
                name=hit["name"],
                distance_km=hit["distance_km"],
                reasons=[say.REASON_SIMILAR_NAME()],
            )
    for hit in row["contacted"]:
        reasons = [
            r
            for r, hit_it in (
                (say.REASON_SAME_EMAIL(), hit["email_match"]),
                (say.REASON_SAME_WEBSITE(), hit["url_match"]),
                (say.REASON_SAME_PHONE(), hit["phone_match"]),
            )
            if hit_it
        ]
        if not reasons:
            reasons = [say.REASON_SAME_EMAIL()]  # matched through a contact's email
        if hit["id"] in found:
            found[hit["id"]].reasons.extend(reasons)
        else:
            found[hit["id"]] = Candidate(id=hit["id"], name=hit["name"], reasons=reasons)
    return list(found.values()), bool(row["organisation_exists"]), list(row["unknown_needs"])


class Lookalike(BaseModel):
    """What a group has typed so far of a new listing: enough to look for its duplicates."""

    name: str = Field(min_length=1, max_length=200)
    latitude: Latitude
    longitude: Longitude
    phone: str | None = Field(default=None, max_length=50)
    email: str | None = Field(default=None, max_length=200)
    url: str | None = Field(default=None, max_length=500)


async def likely_duplicates(db: Database, typed: Lookalike) -> list[Candidate]:
    """The public listings that registration would report as likely duplicates of ``typed``:
    the same rule, asked before submitting, so the form and the server never disagree."""
    probe = NewOffering.model_construct(
        **typed.model_dump(), organisation_id="", needs=[], confirm_not_duplicate=False
    )
    candidates, _, _ = await _duplicates(db, probe)
    return candidates


async def register_offering(db: Database, actor: Actor, offering: NewOffering) -> ServiceProps:
    """Create a pending offering, or raise LikelyDuplicates / Missing / InvalidField."""
    candidates, org_exists, unknown_needs = await _duplicates(db, offering)
    if not org_exists:
        raise Missing("Organization", offering.organisation_id)
    if unknown_needs:
        raise InvalidField("needs", say.UNKNOWN_NEEDS(ids=", ".join(unknown_needs)))
    if candidates and not offering.confirm_not_duplicate:
        raise LikelyDuplicates(candidates)
    now = now_iso()
    sid = str(uuid.uuid4())
    base = {"source": SOURCE, "created_at": now, "updated_at": now}
    nested = write_params(offering, now)  # the same records an edit writes
    service = {
        "id": sid,
        **nested["fields"],
        "status": "active",
        "moderation_status": "pending",
        "version": 1,
        "last_verified": now,
        "source_id": sid,
        **base,
    }
    location = {"id": str(uuid.uuid4()), **nested["location"], **base}
    rows = await db.write(
        "offerings/register_offering",
        organisation_id=offering.organisation_id,
        service={k: v for k, v in service.items() if v is not None},
        location=location,
        sal_id=str(uuid.uuid4()),
        **{
            key: nested[key]
            for key in (
                "address",
                "contact",
                "phone",
                "need_ids",
                "accessibility",
                "catchment",
                "languages",
                "cost_options",
                "schedules",
            )
        },
        audit=audit_params(
            actor,
            "registerOffering",
            sid,
            sorted(
                k
                for k, v in offering.model_dump().items()
                if v not in (None, [], False) and k != "confirm_not_duplicate"
            ),
        ),
    )
    row = first_row(rows, Missing("Organization", offering.organisation_id))
    return ServiceProps.from_props(row["props"])


async def claim_listing(
    db: Database, actor: Actor, service_id: str, organisation_id: str
) -> tuple[ServiceProps, Literal["claimed", "waiting_for_moderator"]]:
    """Attach an orphan listing to the caller's organisation at once; a listing another
    organisation provides becomes a claim that waits for a moderator (a transfer)."""
    change = Change(actor, "claimListing", "Service", service_id, ["organization"])
    row = await audited_change(
        db, "offerings/claim_listing", change, organisation_id=organisation_id, key_id=actor.key_id
    )
    if not row["organisation_exists"]:
        raise Missing("Organization", organisation_id)
    if organisation_id in row["orgs"]:
        raise VersionConflict(say.ALREADY_YOURS(), None)
    if row["claimable"]:
        return ServiceProps.from_props(row["props"]), "claimed"
    change = Change(actor, "claimListing", "Service", service_id, ["transfer_request"])
    asked = await audited_change(
        db,
        "offerings/request_transfer",
        change,
        organisation_id=organisation_id,
        claim_id=str(uuid.uuid4()),
        key_id=actor.key_id,
    )
    return ServiceProps.from_props(asked["props"]), "waiting_for_moderator"


async def decide_claim(
    db: Database, actor: Actor, claim_id: str, approve: bool, reason: str | None
) -> ServiceProps:
    """Move a claimed listing to the claiming organisation, or turn the claim down."""
    clean = stored_text(reason).strip() if reason else None
    if clean is not None and len(clean) > 1000:
        raise InvalidField("reason", say.AT_MOST_CHARS(n=1000))
    operation = "approveClaim" if approve else "rejectClaim"
    change = Change(actor, operation, "Claim", claim_id, ["organization"])
    no_claim = InvalidField("claimId", say.NO_OPEN_CLAIM(id=repr(claim_id)))
    row = await audited_change(
        db,
        "offerings/decide_claim",
        change,
        missing=no_claim,
        approve=approve,
        reason=clean,
        key_id=actor.key_id,
    )
    return ServiceProps.from_props(row["props"])


async def confirm_still_correct(
    db: Database, actor: Actor, org_scope: str | None, service_id: str
) -> ServiceProps:
    """Record who confirmed the listing and when (``VERIFIED`` + ``last_verified``)."""
    change = Change(actor, "confirmStillCorrect", "Service", service_id, ["last_verified"])
    row = await audited_change(
        db, "offerings/confirm_still_correct", change, org_scope=org_scope, key_id=actor.key_id
    )
    if not row["allowed"]:
        raise NotAllowed(say.OTHER_ORGANISATION())
    return ServiceProps.from_props(row["props"])


_DECISIONS = {"approved": ["pending", "rejected"], "rejected": ["pending", "approved"]}


async def moderate_offering(
    db: Database, actor: Actor, service_id: str, status: str, reason: str | None
) -> ServiceProps:
    """Approve or reject; approving a rejected or rejecting an approved one is allowed."""
    if status not in _DECISIONS:
        raise InvalidField("status", say.MODERATION_STATUS())
    if reason is not None:
        reason = stored_text(reason)
    if reason is not None and len(reason) > 1000:
        raise InvalidField("reason", say.AT_MOST_CHARS(n=1000))
    stored = await listing_content(db, service_id)
    if stored.pending is not None:  # a change to a public listing waits: decide on it
        if status == "approved":
            return await accept_change(db, actor, stored)
        declined = await decline_change(db, actor, service_id, reason)
        if declined is not None:
            return declined
    operation = "approveOffering" if status == "approved" else "rejectOffering"
    change = Change(actor, operation, "Service", service_id, ["moderation_status"])
    row = await audited_change(
        db,
        "offerings/moderate_offering",
        change,
        status=status,
        from_states=_DECISIONS[status],
        reason=reason,
    )
    if not row["allowed"]:
        raise VersionConflict(say.ALREADY_STATE(state=row["before"]), None)
    return ServiceProps.from_props(row["props"])


async def ask_for_changes(
    db: Database, actor: Actor, service_id: str, request: str
) -> ServiceProps:
    """Send a new listing, or the change waiting on a public one, back to its group with
    what should change; it leaves the queue until the group's next edit."""
    text = stored_text(request) or ""
    if not text.strip():
        raise InvalidField("message", say.SAY_WHAT_TO_CHANGE())
    if len(text) > 1000:
        raise InvalidField("message", say.AT_MOST_CHARS(n=1000))
    change = Change(actor, "askForChanges", "Service", service_id, ["changes_requested"])
    row = await audited_change(db, "offerings/ask_for_changes", change, request=text)
    if not row["waiting"]:
        raise VersionConflict(say.NOTHING_WAITING(), None)
    return ServiceProps.from_props(row["props"])


class ClaimRecord(BaseModel):
    """A group's claim to a listing another organisation provided, and how it was decided."""

    id: str
    status: Literal["open", "approved", "rejected"]
    reason: str | None = None
    asked_at: str
    decided_at: str | None = None
    service_id: str
    service_name: str | None = None


async def claims_of_organisation(
    db: Database, organisation_id: str, limit: int = 100
) -> list[ClaimRecord]:
    """The organisation's claims, newest first: waiting, approved, or turned down and why."""
    rows = await db.read(
        "offerings/claims_of_organisation", organisation_id=organisation_id, limit=limit
    )
    return [ClaimRecord.model_validate(r) for r in rows]


async def offerings_of_organisation(
    db: Database, organisation_id: str, limit: int = 500
) -> list[ServiceProps]:
    """Every listing the organisation provides, any moderation status, by name."""
    rows = await db.read(
        "offerings/offerings_of_organisation", organisation_id=organisation_id, limit=limit
    )
    return [ServiceProps.from_props(r["props"]) for r in rows]


async def pending_offerings(
    db: Database, first: int, offset: int
) -> tuple[list[ServiceProps], bool]:
    """Offerings awaiting moderation, oldest first, and whether more follow."""
    if not 1 <= first <= 100:
        raise InvalidField("first", say.PAGE_SIZE())
    rows = await db.read("offerings/pending_offerings", offset=max(offset, 0), limit=first + 1)
    return [ServiceProps.from_props(r["props"]) for r in rows[:first]], len(rows) > first


async def merge_listings(
    db: Database, actor: Actor, keep_id: str, duplicate_ids: list[str]
) -> ServiceProps:
    """Merge listings of one asset into ``keep_id`` without deleting anything (SAME_AS)."""
    duplicates = list(dict.fromkeys(d for d in duplicate_ids if d != keep_id))
    if not duplicates or len(duplicates) > 50:
        raise InvalidField("duplicateIds", say.MERGE_NEEDS_ANOTHER())
    change = Change(actor, "mergeListings", "Service", keep_id, ["same_as"])
    row = await audited_change(
        db, "offerings/merge_listings", change, duplicate_ids=duplicates, key_id=actor.key_id
    )
    if row["missing"]:
        raise InvalidField("duplicateIds", say.NOT_MERGEABLE(ids=", ".join(row["missing"])))
    if row["keep_status"] != "approved":
        raise InvalidField("keepId", say.KEEP_NOT_PUBLIC())
    return ServiceProps.from_props(row["props"])


async def unmerge_listing(db: Database, actor: Actor, service_id: str) -> ServiceProps:
    """Undo a merge: the listing stands on its own again, with its earlier status."""
    change = Change(actor, "unmergeListing", "Service", service_id, ["same_as"])
    row = await audited_change(
        db, "offerings/unmerge_listing", change, missing=InvalidField("serviceId", say.NOT_MERGED())
    )
    return ServiceProps.from_props(row["props"])


async def same_as(db: Database, service_id: str) -> list[dict[str, Any]]:
    """The listings merged into this one (its other sources)."""
    rows = await db.read("offerings/same_as", ids=[service_id])
    return list(rows[0]["sources"]) if rows else []
