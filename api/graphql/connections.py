""" "My connections" (a professional records whom they work with) and, for leaders, how
complete that picture is and invitations for a team. Rules in :mod:`graph.repositories.connections`.
"""
# strawberry.field(description=...) is typed as returning Any, so mypy calls these
# decorators untyped; the resolvers themselves are fully annotated.
# mypy: disable-error-code="untyped-decorator"

from __future__ import annotations

from enum import Enum
from typing import Annotated

import strawberry
from strawberry.types import Info

from api.auth.keys import mint_key
from api.auth.roles import Role
from api.graphql.context import Context
from api.graphql.results import (
    ChangeFailure,
    Forbidden,
    NotFound,
    ValidationError,
    failures_returned,
    validated,
)
from api.graphql.views import view_of
from graph import messages as say
from graph.repositories import connections as repo
from graph.repositories.outcomes import NotAllowed

__all__ = ["ConnectionMutations", "ConnectionQueries"]

_LEADS = frozenset({Role.LEADER, Role.ADMIN})


@strawberry.enum(description="A tie a person records: knowing someone, or working with them.")
class ConnectionKind(Enum):
    KNOWS = "KNOWS"
    WORKS_WITH = "WORKS_WITH"


@strawberry.type(description="One of your ties: with whom, how, how often, since when.")
class MyTie:
    id: strawberry.ID | None = strawberry.field(
        description="Set on ties you recorded (only those you can change or erase)."
    )
    type: str = strawberry.field(description="KNOWS, WORKS_WITH, MEMBER_OF or WORKS_FOR.")
    other_id: strawberry.ID
    other_name: str | None
    other_kind: str | None = strawberry.field(description="Person, Organization, Team, Service.")
    how: list[str] = strawberry.field(description="Working-way ids (/api/vocabulary).")
    frequency: str | None = strawberry.field(description="A frequency id (/api/vocabulary).")
    since: str | None
    source: str | None = strawberry.field(
        description="'survey' (someone said so), 'demo:generator' (a made-up example) or the "
        "register it was loaded from."
    )
    recorded_at: str | None
    mine: bool = strawberry.field(description="You recorded it: you can change or erase it.")

    @classmethod
    def of(cls, t: repo.Tie) -> MyTie:
        return view_of(
            cls,
            t,
            id=strawberry.ID(t.id) if t.id else None,
            other_id=strawberry.ID(t.other_id),
        )


@strawberry.type(description="The person your key stands for, and their ties.")
class MyConnections:
    person_id: strawberry.ID | None = strawberry.field(
        description="Null: this key is not linked to a person (open your invitation link)."
    )
    name: str | None
    profession: str | None = strawberry.field(description="A profession id (/api/vocabulary).")
    generated: bool = strawberry.field(description="A made-up example person of the demo data.")
    confirmed_at: str | None = strawberry.field(
        description="When you last said your list is complete."
    )
    ties: list[MyTie]


@strawberry.input(description="How you describe a tie (PARTNER-style survey questions).")
class ConnectionInput:
    how: list[str] = strawberry.field(
        default_factory=list, description="Working-way ids (/api/vocabulary workingWays)."
    )
    frequency: str | None = strawberry.field(
        default=None, description="A frequency id (/api/vocabulary frequencies)."
    )
    since: str | None = strawberry.field(
        default=None, description="Year (2019), month (2019-05) or date (2019-05-14)."
    )


@strawberry.type
class ConnectionPayload:
    id: strawberry.ID
    connections: MyConnections


ConnectionResult = Annotated[
    ConnectionPayload | ChangeFailure, strawberry.union("ConnectionResult")
]


@strawberry.type(description="One team or local authority: how many have answered the survey.")
class GroupCompleteness:
    id: strawberry.ID
    name: str | None
    area: str | None
    people: int
    answered: int
    with_key: int = strawberry.field(description="People holding a key linked to them.")
    invited: int = strawberry.field(description="People with an open invitation.")
    share: float = strawberry.field(description="answered ÷ people (0 when nobody is in it).")

    @classmethod
    def of(cls, g: repo.GroupCompleteness) -> GroupCompleteness:
        return view_of(cls, g, id=strawberry.ID(g.id))


@strawberry.type(description="How complete the relationship picture is, least complete first.")
class ConnectionCompleteness:
    teams: list[GroupCompleteness]
    areas: list[GroupCompleteness]


@strawberry.type(description="A member's invitation; `code` is shown once, never again.")
class TeamInvitation:
    person_id: strawberry.ID
    name: str | None
    code: str | None = strawberry.field(
        description="Null when the person already holds a key linked to them."
    )
    link: str | None = strawberry.field(description="The path to send: /#/connections?invite=…")


@strawberry.type
class TeamInvited:
    team_id: strawberry.ID
    team_name: str | None
    expires_at: str
    invitations: list[TeamInvitation]


InviteTeamResult = Annotated[
    TeamInvited | ValidationError | NotFound | Forbidden,
    strawberry.union("InviteTeamResult"),
]


@strawberry.type(description="Your key (shown once: keep it) and who it stands for.")
class InvitationAccepted:
    key: str
    person_id: strawberry.ID
    name: str | None


AcceptInvitationResult = Annotated[
    InvitationAccepted | ValidationError,
    strawberry.union("AcceptInvitationResult"),
]


def _view(found: repo.MyConnections) -> MyConnections:
    return MyConnections(
        person_id=strawberry.ID(found.person_id) if found.person_id else None,
        name=found.name,
        profession=found.tribe,
        generated=found.generated,
        confirmed_at=found.confirmed_at,
        ties=[MyTie.of(t) for t in found.ties],
    )


def _change(value: ConnectionInput) -> repo.ConnectionChange:
    return validated(
        repo.ConnectionChange, how=value.how, frequency=value.frequency, since=value.since
    )


def _signed_in(info: Info[Context, None]) -> str | None:
    caller = info.context.caller
    if caller.role is Role.PUBLIC:
        raise NotAllowed(say.CONNECTIONS_NEED_KEY())
    return caller.person_id


async def _payload(info: Info[Context, None], tie_id: str) -> ConnectionPayload:
    caller = info.context.caller
    found = await repo.my_connections(info.context.db, caller.person_id, people=caller.sees_people)
    return ConnectionPayload(id=strawberry.ID(tie_id), connections=_view(found))


@strawberry.type
class ConnectionQueries:
    @strawberry.field(description="Your own ties, as the person your key stands for.")
    async def my_connections(self, info: Info[Context, None]) -> MyConnections:
        person = _signed_in(info)
        people = info.context.caller.sees_people
        return _view(await repo.my_connections(info.context.db, person, people=people))

    @strawberry.field(
        description="Per team and local authority, how many people have answered the "
        "connections survey (leaders)."
    )
    async def connection_completeness(self, info: Info[Context, None]) -> ConnectionCompleteness:
        if info.context.caller.role not in _LEADS:
            raise NotAllowed(say.LEADERS_INVITE())
        found = await repo.completeness(info.context.db)
        return ConnectionCompleteness(
            teams=[GroupCompleteness.of(g) for g in found.teams],
            areas=[GroupCompleteness.of(g) for g in found.areas],
        )


@strawberry.type
class ConnectionMutations:
    @strawberry.mutation(description="Record whom you know or work with.")
    @failures_returned
    async def record_connection(
        self,
        info: Info[Context, None],
        target_id: strawberry.ID,
        kind: ConnectionKind,
        input: ConnectionInput | None = None,
    ) -> ConnectionResult:
        person = _signed_in(info)
        tie_id = await repo.record_connection(
            info.context.db,
            info.context.actor,
            person,
            target=str(target_id),
            kind=kind.value,
            change=_change(input or ConnectionInput()),
            people=info.context.caller.sees_people,
        )
        return await _payload(info, tie_id)

    @strawberry.mutation(description="Change how you describe a tie you recorded.")
    @failures_returned
    async def update_connection(
        self, info: Info[Context, None], id: strawberry.ID, input: ConnectionInput
    ) -> ConnectionResult:
        person = _signed_in(info)
        tie_id = await repo.update_connection(
            info.context.db, info.context.actor, person, str(id), _change(input)
        )
        return await _payload(info, tie_id)

    @strawberry.mutation(description="Erase a tie you recorded.")
    @failures_returned
    async def erase_connection(
        self, info: Info[Context, None], id: strawberry.ID
    ) -> ConnectionResult:
        person = _signed_in(info)
        await repo.erase_connection(info.context.db, info.context.actor, person, str(id))
        return await _payload(info, str(id))

    @strawberry.mutation(description="Say your list of connections is complete for now.")
    @failures_returned
    async def confirm_my_connections(self, info: Info[Context, None]) -> ConnectionResult:
        person = _signed_in(info)
        await repo.confirm_connections(info.context.db, person)
        return await _payload(info, person or "")

    @strawberry.mutation(
        description="Invite a team's members to record their connections: one single-use "
        "link each, valid 30 days (leaders)."
    )
    @failures_returned
    async def invite_team(
        self, info: Info[Context, None], team_id: strawberry.ID
    ) -> InviteTeamResult:
        if info.context.caller.role not in _LEADS:
            raise NotAllowed(say.LEADERS_INVITE())
        invited = await repo.invite_team(info.context.db, info.context.actor, str(team_id))
        return TeamInvited(
            team_id=strawberry.ID(invited.team_id),
            team_name=invited.team_name,
            expires_at=invited.expires_at,
            invitations=[
                TeamInvitation(
                    person_id=strawberry.ID(i.person_id),
                    name=i.name,
                    code=i.code,
                    link=f"/#/connections?invite={i.code}" if i.code else None,
                )
                for i in invited.invitations
            ],
        )

    @strawberry.mutation(
        description="Open an invitation: a key linked to you (shown once) is the answer."
    )
    @failures_returned
    async def accept_invitation(
        self, info: Info[Context, None], code: str
    ) -> AcceptInvitationResult:
        key, key_id, key_hash = mint_key()
        accepted = await repo.accept_invitation(
            info.context.db, code, key_id=key_id, key_hash=key_hash
        )
        return InvitationAccepted(
            key=key, person_id=strawberry.ID(accepted.person_id), name=accepted.name
        )
