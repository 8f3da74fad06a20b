"""Moderators' journey: the queue of pending offerings, decisions, and the audit trail."""
# strawberry.field(description=...) is typed as returning Any, so mypy calls these
# decorators untyped; the resolvers themselves are fully annotated.
# mypy: disable-error-code="untyped-decorator"

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Annotated, Concatenate, ParamSpec

import strawberry
from strawberry.types import Info

from api.graphql.context import Context, refuse_unless
from api.graphql.entities import ServiceNode
from api.graphql.offerings import OfferingPayload, OfferingResult
from api.graphql.results import NotFound, ValidationError, failures_returned
from api.graphql.views import view_of
from graph import messages as say
from graph.database import Database
from graph.repositories import audit, edits, offerings, problem_reports, referrals
from graph.repositories.assets import ServiceProps
from graph.repositories.audit import Actor
from graph.repositories.nodes import fetch_node
from graph.repositories.outcomes import NotAllowed

__all__ = ["MergeMutations", "ModerationMutations", "ModerationQueries", "ReportMutations"]

P = ParamSpec("P")


@strawberry.type
class AuditEvent:
    id: strawberry.ID
    at: str
    operation: str
    target_id: str | None
    actor_key_id: str | None
    actor_role: str
    actor_organisation_id: str | None
    changed_fields: list[str]


@strawberry.type(description="Something waiting for a moderator.")
class QueueEntry:
    kind: str = strawberry.field(
        description="`new_listing` (not public yet) or `change` (an edit to a public listing)."
    )
    since: str | None = strawberry.field(description="When it started waiting (ISO 8601).")
    organisation_name: str | None
    service: ServiceNode
    report_id: strawberry.ID | None = strawberry.field(
        default=None, description="For a `report`: its id (resolveReport)."
    )
    message: str | None = strawberry.field(
        default=None, description="For a `report`: what the person said is wrong."
    )
    claim_id: strawberry.ID | None = strawberry.field(
        default=None, description="For a `claim`: its id (decideClaim)."
    )
    claimant: str | None = strawberry.field(
        default=None, description="For a `claim`: the organisation asking for the listing."
    )


@strawberry.type
class ModerationQueries:
    @strawberry.field(description="Offerings waiting for a decision, oldest first.")
    async def pending_offerings(
        self, info: Info[Context, None], first: int = 50, offset: int = 0
    ) -> list[ServiceNode]:
        refuse_unless(info.context.caller.moderates, say.MODERATORS_ONLY())
        found, _ = await offerings.pending_offerings(info.context.db, first, offset)
        return [ServiceNode.of(p) for p in found]

    @strawberry.field(
        description="New listings, changes to public listings and problem reports from the "
        "public, oldest first; approveOffering and rejectOffering act on listings and "
        "changes, resolveReport on reports."
    )
    async def moderation_queue(
        self, info: Info[Context, None], first: int = 50, offset: int = 0
    ) -> list[QueueEntry]:
        refuse_unless(info.context.caller.moderates, say.MODERATORS_ONLY())
        items, _ = await edits.moderation_queue(info.context.db, first, offset)
        return [
            QueueEntry(
                kind=i.kind,
                since=i.since,
                organisation_name=i.organisation,
                service=ServiceNode.of(i.service),
                report_id=strawberry.ID(i.report_id) if i.report_id else None,
                message=i.message,
                claim_id=strawberry.ID(i.claim_id) if i.claim_id else None,
                claimant=i.claimant,
            )
            for i in items
        ]

    @strawberry.field(
        description="Who changed what and when, newest first: everything for moderators; the "
        "trail of one of its own listings (`targetId`) for a group editor."
    )
    async def audit_trail(
        self, info: Info[Context, None], target_id: strawberry.ID | None = None, first: int = 50
    ) -> list[AuditEvent]:
        caller = info.context.caller
        target = await info.context.graph_id(target_id) if target_id else None
        if not caller.moderates:
            listing = await fetch_node(info.context.db, target) if target else None
            if not (
                caller.edits_offerings
                and listing is not None
                and listing.kind == "Service"
                and caller.may_edit_org(listing.organisation_ids)
            ):
                raise NotAllowed(say.NO_SUCH_LISTING_OF_YOURS())
        events = await audit.audit_trail(info.context.db, target, first)
        return [view_of(AuditEvent, e, id=strawberry.ID(e.id)) for e in events]


@failures_returned
async def _as_moderator(
    info: Info[Context, None],
    act: Callable[Concatenate[Database, Actor, P], Awaitable[ServiceProps]],
    *args: P.args,
    **kwargs: P.kwargs,
) -> OfferingResult:
    """Runs a moderator's decision on a listing: the listing as it now is, or why not.

    Every moderator mutation is ``act(db, actor, ...)`` returning the listing it touched,
    refused (as a typed failure) to anyone who does not moderate.
    """
    refuse_unless(info.context.caller.moderates, say.MODERATORS_ONLY())
    props = await act(info.context.db, info.context.actor, *args, **kwargs)
    return OfferingPayload(service=ServiceNode.of(props))


async def _on_listing(
    info: Info[Context, None],
    act: Callable[Concatenate[Database, Actor, str, P], Awaitable[ServiceProps]],
    listing: strawberry.ID,
    *args: P.args,
    **kwargs: P.kwargs,
) -> OfferingResult:
    """:func:`_as_moderator` for a decision on one listing, named by its graph id or by the
    id ``/oruk`` publishes for it."""
    graph_id = await info.context.graph_id(listing)
    return await _as_moderator(info, act, graph_id, *args, **kwargs)


@strawberry.type
class ModerationMutations:
    @strawberry.mutation(
        description="Publish a pending (or rejected) offering, or accept the change waiting "
        "on a public one."
    )
    async def approve_offering(
        self, info: Info[Context, None], service_id: strawberry.ID
    ) -> OfferingResult:
        return await _on_listing(info, offerings.moderate_offering, service_id, "approved", None)

    @strawberry.mutation(
        description="Refuse a pending offering, turn down the change waiting on a public one "
        "(which stays as it was), or withdraw an approved one; the reason is shown to its group."
    )
    async def reject_offering(
        self, info: Info[Context, None], service_id: strawberry.ID, reason: str | None = None
    ) -> OfferingResult:
        return await _on_listing(info, offerings.moderate_offering, service_id, "rejected", reason)

    @strawberry.mutation(
        description="Ask a listing's group to change a new listing, or the change it proposed "
        "to a public one, before deciding: `message` says what; the group reads it as "
        "`changesRequested` and its next edit puts the listing back in the queue."
    )
    async def ask_for_changes(
        self, info: Info[Context, None], service_id: strawberry.ID, message: str
    ) -> OfferingResult:
        return await _on_listing(info, offerings.ask_for_changes, service_id, message)


@strawberry.type
class MergeMutations:
    @strawberry.mutation(
        description="Moderators: the listings in `duplicateIds` describe the same asset as "
        "`keepId`. Nothing is deleted: each gets SAME_AS the kept one and is hidden from "
        "search, assetsNear and /oruk; the kept listing names them in `sameAs`; "
        "unmergeListing undoes it."
    )
    async def merge_listings(
        self, info: Info[Context, None], keep_id: strawberry.ID, duplicate_ids: list[strawberry.ID]
    ) -> OfferingResult:
        duplicates = await info.context.graph_ids(duplicate_ids)
        return await _on_listing(info, offerings.merge_listings, keep_id, duplicates)

    @strawberry.mutation(description="Moderators: undo a merge; the listing stands on its own.")
    async def unmerge_listing(
        self, info: Info[Context, None], service_id: strawberry.ID
    ) -> OfferingResult:
        return await _on_listing(info, offerings.unmerge_listing, service_id)


@strawberry.type(description="The report was received; a moderator will look at it.")
class ProblemReported:
    report_id: strawberry.ID


ReportResult = Annotated[
    ProblemReported | ValidationError | NotFound, strawberry.union("ReportResult")
]


@strawberry.type
class ReportMutations:
    @strawberry.mutation(
        description="Anyone: say what is wrong with a public listing (closed, wrong phone...). "
        "It waits in the moderation queue; the reporter is not recorded."
    )
    @failures_returned
    async def report_problem(
        self, info: Info[Context, None], service_id: strawberry.ID, message: str
    ) -> ReportResult:
        report_id = await problem_reports.report_problem(
            info.context.db, info.context.actor, await info.context.graph_id(service_id), message
        )
        return ProblemReported(report_id=strawberry.ID(report_id))

    @strawberry.mutation(
        description="Moderators: decide a group's claim to a listing another organisation "
        "provides: approve moves the listing to the claiming organisation (audited); reject "
        "keeps it where it is, with a reason."
    )
    async def decide_claim(
        self,
        info: Info[Context, None],
        claim_id: strawberry.ID,
        approve: bool,
        reason: str | None = None,
    ) -> OfferingResult:
        return await _as_moderator(info, offerings.decide_claim, str(claim_id), approve, reason)

    @strawberry.mutation(
        description="Moderators: a referral nobody could receive (kind `referral` in the "
        "queue, its id in `reportId`) has been dealt with outside commongraph."
    )
    async def acknowledge_referral(
        self, info: Info[Context, None], referral_id: strawberry.ID
    ) -> OfferingResult:
        return await _as_moderator(info, referrals.acknowledge_unheld, str(referral_id))

    @strawberry.mutation(description="Moderators: close a problem report, with a note.")
    async def resolve_report(
        self, info: Info[Context, None], report_id: strawberry.ID, note: str | None = None
    ) -> OfferingResult:
        return await _as_moderator(info, problem_reports.resolve_report, str(report_id), note)
