"""Connector journey: referrals (requested → accepted/declined → done), seen by both sides."""
# strawberry.field(description=...) is typed as returning Any, so mypy calls these
# decorators untyped; the resolvers themselves are fully annotated.
# mypy: disable-error-code="untyped-decorator"

from __future__ import annotations

from enum import Enum
from typing import Annotated

import strawberry
from strawberry.types import Info

from api.auth.roles import Role
from api.graphql.context import Context, refuse_unless
from api.graphql.results import (
    ChangeFailure,
    failures_returned,
)
from api.graphql.views import view_of
from graph import messages as say
from graph.repositories import referrals as repo
from graph.repositories.outcomes import NotAllowed

__all__ = ["ReferralMutations", "ReferralQueries"]


@strawberry.enum
class ReferralStatus(Enum):
    REQUESTED = "requested"
    ACCEPTED = "accepted"
    DECLINED = "declined"
    DONE = "done"


@strawberry.type
class Referral:
    id: strawberry.ID
    status: ReferralStatus
    note: str | None
    reason: str | None = strawberry.field(
        description="Why the receiving organisation declined, when it said."
    )
    service_id: strawberry.ID
    service_name: str | None
    referrer_organisation_id: str | None
    receiving_organisation_ids: list[str]
    created_at: str
    updated_at: str | None
    receivable: bool = strawberry.field(
        description="Whether anyone at a receiving organisation can see it in commongraph (a "
        "group editor key exists); false: nobody will, so phone the service."
    )
    referred_by: str | None = strawberry.field(
        default=None,
        description="Who referred: the referring organisation's name, else the name of the "
        "key it was sent with (e.g. a connector team's).",
    )

    @classmethod
    def of(cls, r: repo.ReferralRecord) -> Referral:
        return view_of(
            cls,
            r,
            id=strawberry.ID(r.id),
            status=ReferralStatus(r.status),
            service_id=strawberry.ID(r.service_id),
            receiving_organisation_ids=r.organisation_ids,
        )


@strawberry.type
class ReferralPayload:
    referral: Referral


ReferralResult = Annotated[ReferralPayload | ChangeFailure, strawberry.union("ReferralResult")]

_SEES_REFERRALS = {Role.CONNECTOR, Role.GROUP_EDITOR, Role.ADMIN}


@strawberry.type
class ReferralQueries:
    @strawberry.field(description="Referrals you sent or your organisation received.")
    async def referrals(
        self, info: Info[Context, None], status: ReferralStatus | None = None, first: int = 50
    ) -> list[Referral]:
        caller = info.context.caller
        if caller.role not in _SEES_REFERRALS:
            raise NotAllowed(say.REFERRALS_FOR())
        records = await repo.referrals_visible(
            info.context.db,
            admin=caller.role is Role.ADMIN,
            key_id=caller.key_id,
            organisation_id=caller.organisation_id,
            status=status.value if status else None,
            limit=first,
        )
        return [Referral.of(r) for r in records]


@strawberry.type
class ReferralMutations:
    @strawberry.mutation(description="Refer someone to a service (connectors).")
    @failures_returned
    async def create_referral(
        self, info: Info[Context, None], service_id: strawberry.ID, note: str | None = None
    ) -> ReferralResult:
        refuse_unless(info.context.caller.refers, say.REFERRALS_BY_CONNECTORS())
        record = await repo.create_referral(
            info.context.db, info.context.actor, await info.context.graph_id(service_id), note
        )
        return ReferralPayload(referral=Referral.of(record))

    @strawberry.mutation(
        description="Accept or decline (receiving organisation; a decline may say why, in "
        "`reason`), or mark an accepted referral done (either side)."
    )
    @failures_returned
    async def update_referral_status(
        self,
        info: Info[Context, None],
        id: strawberry.ID,
        status: ReferralStatus,
        reason: str | None = None,
    ) -> ReferralResult:
        caller = info.context.caller
        if caller.role not in _SEES_REFERRALS:
            raise NotAllowed(say.REFERRALS_FOR())
        record = await repo.set_referral_status(
            info.context.db,
            info.context.actor,
            str(id),
            status.value,
            admin=caller.role is Role.ADMIN,
            reason=reason,
        )
        return ReferralPayload(referral=Referral.of(record))
