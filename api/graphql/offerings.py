"""Third-sector groups' journey: register and keep their own offerings up to date.

New offerings are ``pending`` until a moderator approves them; a group editor acts only for
its own organisation; every change writes an audit event in the same transaction.
"""
# strawberry.field(description=...) is typed as returning Any, so mypy calls these
# decorators untyped; the resolvers themselves are fully annotated.
# mypy: disable-error-code="untyped-decorator"

from __future__ import annotations

from enum import Enum
from typing import TYPE_CHECKING, Annotated, Any

import strawberry
from strawberry.types import Info

from api.graphql.context import Context, refuse_unless
from api.graphql.entities import ServiceNode
from api.graphql.generated_inputs import input_from_model
from api.graphql.results import (
    ChangeFailure,
    DuplicateCandidate,
    PossibleDuplicates,
    failures_returned,
    validated,
)
from api.graphql.views import view_of
from api.i18n import current_language
from graph import messages as say
from graph.repositories import edits, listing
from graph.repositories import offerings as repo
from graph.repositories.outcomes import InvalidField, NotAllowed

__all__ = ["ListingClaim", "OfferingMutations", "OfferingPayload", "OfferingResult"]

#: The public API spells "organisation" one way; the older "organization" stays accepted.
OLD_SPELLING = "Use organisationId (the same value; this older spelling keeps working)."


@strawberry.enum(description="Where a claim to a listing stands.")
class ClaimStatus(Enum):
    OPEN = "open"
    APPROVED = "approved"
    REJECTED = "rejected"


@strawberry.type(
    description="Your organisation's claim to a listing another organisation provided: open "
    "until a moderator decides; approved, the listing is yours; rejected, with the reason."
)
class ListingClaim:
    id: strawberry.ID
    status: ClaimStatus
    reason: str | None
    asked_at: str = strawberry.field(description="When the claim was made (ISO 8601).")
    decided_at: str | None = strawberry.field(description="When a moderator decided it.")
    service_id: strawberry.ID
    service_name: str | None

    @classmethod
    def of(cls, claim: repo.ClaimRecord) -> ListingClaim:
        return view_of(
            cls,
            claim,
            id=strawberry.ID(claim.id),
            status=ClaimStatus(claim.status),
            service_id=strawberry.ID(claim.service_id),
        )


def _own_organisation(info: Info[Context, None]) -> str:
    """The group editor's organisation; refused to anyone else."""
    caller = info.context.caller
    if not caller.edits_offerings or not caller.organisation_id:
        raise NotAllowed(say.MY_OFFERINGS_EDITOR())
    return caller.organisation_id


@strawberry.type
class OfferingQueries:
    @strawberry.field(
        description="Every listing of your organisation, any moderation status, with a "
        "rejection's reason (group editors)."
    )
    async def my_offerings(self, info: Info[Context, None]) -> list[ServiceNode]:
        found = await repo.offerings_of_organisation(info.context.db, _own_organisation(info))
        return [ServiceNode.of(p) for p in found]

    @strawberry.field(
        description="Your organisation's claims to listings other organisations provided, "
        "newest first, with how each was decided (group editors)."
    )
    async def my_claims(self, info: Info[Context, None]) -> list[ListingClaim]:
        found = await repo.claims_of_organisation(info.context.db, _own_organisation(info))
        return [ListingClaim.of(c) for c in found]

    @strawberry.field(
        description="Public listings that registering this one would report as likely "
        "duplicates (the same rule registerOffering applies), to show while a group types."
    )
    async def likely_duplicates(
        self,
        info: Info[Context, None],
        name: str,
        latitude: float,
        longitude: float,
        phone: str | None = None,
        email: str | None = None,
        url: str | None = None,
    ) -> list[DuplicateCandidate]:
        typed = validated(
            repo.Lookalike,
            name=name, latitude=latitude, longitude=longitude, phone=phone, email=email, url=url,
        )  # fmt: skip
        found = await repo.likely_duplicates(info.context.db, typed)
        return [DuplicateCandidate.of(c, current_language()) for c in found]


class _RegistrationOnly:
    """The fields a registration has besides the listing's content."""

    organisation_id: strawberry.ID | None = strawberry.field(
        default=None, description="Defaults to a group editor's own organisation."
    )
    organization_id: strawberry.ID | None = strawberry.field(
        default=None, deprecation_reason=OLD_SPELLING
    )
    confirm_not_duplicate: bool = strawberry.field(
        default=False, description="Create even though likely duplicates were reported."
    )


class _UpdateOnly:
    """The fields an update has besides the listing's content."""

    id: strawberry.ID
    version: int = strawberry.field(description="The version you read (optimistic lock).")


# The listing's fields are declared once, in the validation model (ListingContent); the
# inputs are generated from it, so the API cannot accept a field the server does not check.
if TYPE_CHECKING:
    ScheduleInput = Any
    RegisterOfferingInput = Any
    UpdateOfferingInput = Any
else:
    ScheduleInput = input_from_model(
        listing.ScheduleInput,
        name="ScheduleInput",
        description="A weekly opening: days such as 'MO,WE' and times 'HH:MM'.",
        nested={},
    )
    _CONTENT = {
        "model": listing.ListingContent,
        "nested": {listing.ScheduleInput: ScheduleInput},
        "ids": {"catchment"},
    }
    RegisterOfferingInput = input_from_model(
        **_CONTENT,
        name="RegisterOfferingInput",
        description="A new listing: it waits for a moderator before the public sees it.",
        extra=_RegistrationOnly,
    )
    UpdateOfferingInput = input_from_model(
        **_CONTENT,
        name="UpdateOfferingInput",
        description="Only the fields given change; null clears a field; a list replaces the "
        "list. A public listing keeps its approved content until a moderator accepts the change.",
        partial=True,
        extra=_UpdateOnly,
    )


@strawberry.type
class OfferingPayload:
    service: ServiceNode
    outcome: str | None = strawberry.field(
        default=None,
        description="For updateOffering: `saved` (the listing was not public yet and waits "
        "for a moderator as a whole) or `waiting_for_moderator` (a change to a public "
        "listing: the approved content stays public until a moderator accepts it). For "
        "claimListing: `claimed`, or `waiting_for_moderator` (a transfer request).",
    )


OfferingResult = Annotated[OfferingPayload | ChangeFailure, strawberry.union("OfferingResult")]
RegisterOfferingResult = Annotated[
    OfferingPayload | ChangeFailure | PossibleDuplicates, strawberry.union("RegisterOfferingResult")
]


def _one_spelling(organisation_id: object, organization_id: object) -> str | None:
    """The organisation asked for, under either spelling (``organizationId`` is the older,
    kept for clients written against it); refused when the two disagree."""
    new = str(organisation_id) if organisation_id else None
    old = str(organization_id) if organization_id else None
    if new and old and new != old:
        raise InvalidField("organisationId", say.TWO_ORGANISATIONS(a=new, b=old))
    return new or old


async def _editor_org(info: Info[Context, None], requested: str | None) -> str:
    caller = info.context.caller
    refuse_unless(caller.edits_offerings, say.NEEDS_GROUP_EDITOR(action="registerOffering"))
    if requested:
        requested = await info.context.graph_id(requested)
    scope = caller.org_scope
    if scope is not None:
        if requested and requested != scope:
            raise NotAllowed(say.OWN_ORGANISATION_ONLY())
        return scope
    if not requested:
        raise InvalidField("organisationId", say.SAY_ORGANISATION())
    return requested


def _set_fields(data: Any) -> dict[str, Any]:
    return {k: v for k, v in vars(data).items() if v is not strawberry.UNSET}


@strawberry.type
class OfferingMutations:
    @strawberry.mutation(
        description="Register your group's offering (pending until a moderator approves it)."
    )
    @failures_returned
    async def register_offering(
        self, info: Info[Context, None], input: RegisterOfferingInput
    ) -> RegisterOfferingResult:
        org = await _editor_org(info, _one_spelling(input.organisation_id, input.organization_id))
        fields = _set_fields(input)
        fields.pop("organisation_id", None)
        fields.pop("organization_id", None)
        fields["schedules"] = [vars(s) for s in input.schedules]
        fields["catchment"] = [str(a) for a in input.catchment]
        offering = validated(repo.NewOffering, organisation_id=org, **fields)
        props = await repo.register_offering(info.context.db, info.context.actor, offering)
        return OfferingPayload(service=ServiceNode.of(props))

    @strawberry.mutation(
        description="Change your offering; fails with Conflict if it changed "
        "since you read `version`."
    )
    @failures_returned
    async def update_offering(
        self, info: Info[Context, None], input: UpdateOfferingInput
    ) -> OfferingResult:
        caller = info.context.caller
        refuse_unless(caller.edits_offerings, say.NEEDS_GROUP_EDITOR(action="updateOffering"))
        fields = _set_fields(input)
        fields.pop("id")
        version = fields.pop("version")
        if fields.get("schedules") is not None:
            fields["schedules"] = [vars(x) for x in fields["schedules"]]
        if fields.get("catchment") is not None:
            fields["catchment"] = [str(a) for a in fields["catchment"]]
        for listed in ("needs", "languages", "accessibility", "schedules", "catchment"):
            if listed in fields and fields[listed] is None:
                fields[listed] = []  # null clears a list
        if "free" in fields and fields["free"] is None:
            fields["free"] = False
        props, outcome = await edits.edit_listing(
            info.context.db,
            info.context.actor,
            caller.org_scope,
            await info.context.graph_id(input.id),
            version,
            fields,
        )
        return OfferingPayload(service=ServiceNode.of(props), outcome=outcome)

    @strawberry.mutation(
        description="Claim a listing for your organisation: one nobody provides is yours at "
        "once (`outcome: claimed`); one another organisation provides becomes a transfer "
        "request a moderator decides (`outcome: waiting_for_moderator`)."
    )
    @failures_returned
    async def claim_listing(
        self,
        info: Info[Context, None],
        service_id: strawberry.ID,
        organisation_id: strawberry.ID | None = None,
        organization_id: Annotated[
            strawberry.ID | None, strawberry.argument(deprecation_reason=OLD_SPELLING)
        ] = None,
    ) -> OfferingResult:
        org = await _editor_org(info, _one_spelling(organisation_id, organization_id))
        props, outcome = await repo.claim_listing(
            info.context.db, info.context.actor, await info.context.graph_id(service_id), org
        )
        return OfferingPayload(service=ServiceNode.of(props), outcome=outcome)

    @strawberry.mutation(
        description="Confirm your listing is still correct (records who and when)."
    )
    @failures_returned
    async def confirm_still_correct(
        self, info: Info[Context, None], service_id: strawberry.ID
    ) -> OfferingResult:
        caller = info.context.caller
        refuse_unless(caller.edits_offerings, say.NEEDS_GROUP_EDITOR(action="confirmStillCorrect"))
        props = await repo.confirm_still_correct(
            info.context.db,
            info.context.actor,
            caller.org_scope,
            await info.context.graph_id(service_id),
        )
        return OfferingPayload(service=ServiceNode.of(props))
