""" "My connections": professionals record whom they work with, as relationship-mapping
surveys do (PARTNER, https://partnertool.net; Kumu's participatory mapping).

A key linked to a :class:`Person` (``keys create --person``, or an invitation link a leader
sends to a team) lets that person record their own ties: whom they know or work with (a
person, an organisation or a team), how often, in which ways and since when. Each tie is
stored as a real ``KNOWS`` / ``WORKS_WITH`` relationship with ``source: 'survey'`` and who
recorded it, so every view and analysis uses it at once, and only its author can change or
erase it. A leader reads, per team and per authority, how many people have answered, and
invites a team: one single-use link per member, of which only the hash is stored.
"""

from __future__ import annotations

import hashlib
import re
import secrets
import uuid
from datetime import UTC, date, datetime, timedelta
from typing import Any

from pydantic import BaseModel, Field, field_validator

from graph import messages as say
from graph.database import Database
from graph.errors import ConflictError, NotFoundError
from graph.repositories.audit import Actor, audit_params
from graph.repositories.outcomes import InvalidField, Missing, NotAllowed, first_row
from graph.repositories.values import now_iso
from queries.vocabulary import CONNECTION_KINDS, FREQUENCIES, FREQUENCY_STRENGTH, WORKING_WAYS

__all__ = [
    "INVITATION_DAYS",
    "INVITE_PREFIX",
    "Completeness",
    "ConnectionChange",
    "GroupCompleteness",
    "Invitation",
    "MyConnections",
    "Tie",
    "accept_invitation",
    "completeness",
    "confirm_connections",
    "erase_connection",
    "invite_team",
    "my_connections",
    "record_connection",
    "update_connection",
]

#: an invitation link works this many days
INVITATION_DAYS = 30
#: invitation codes start with this, so a pasted code is recognised
INVITE_PREFIX = "cginv_"
#: the role an accepted invitation's key has: professionals see people and the network
INVITED_ROLE = "connector"
SOURCE = "survey"

_SINCE = re.compile(r"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$")


class Tie(BaseModel):
    """One tie of the person, as "my connections" lists it."""

    id: str | None = None
    type: str
    outgoing: bool
    other_id: str
    other_name: str | None = None
    other_kind: str | None = None
    how: list[str] = []
    frequency: str | None = None
    since: str | None = None
    source: str | None = None
    recorded_at: str | None = None
    updated_at: str | None = None
    mine: bool = False


class MyConnections(BaseModel):
    """The caller's person and ties; ``person_id`` None when the key stands for nobody."""

    person_id: str | None = None
    name: str | None = None
    tribe: str | None = None
    generated: bool = False
    confirmed_at: str | None = None
    ties: list[Tie] = []


class ConnectionChange(BaseModel):
    """How a person describes a tie: checked against the vocabularies."""

    how: list[str] = Field(default_factory=list, max_length=len(WORKING_WAYS.terms))
    frequency: str | None = None
    since: str | None = Field(default=None, max_length=10)

    @field_validator("how")
    @classmethod
    def _ways(cls, value: list[str]) -> list[str]:
        unknown = [w for w in value if WORKING_WAYS.get(w) is None]
        if unknown:
            raise InvalidField(
                "how", say.STATUS_ONE_OF(values=", ".join(t.id for t in WORKING_WAYS.terms))
            )
        return sorted(set(value))

    @field_validator("frequency")
    @classmethod
    def _frequency(cls, value: str | None) -> str | None:
        if value is not None and FREQUENCIES.get(value) is None:
            raise InvalidField(
                "frequency",
                say.STATUS_ONE_OF(values=", ".join(t.id for t in FREQUENCIES.terms)),
            )
        return value

    @field_validator("since")
    @classmethod
    def _since(cls, value: str | None) -> str | None:
        if value is None or not value.strip():
            return None
        text = value.strip()
        if not _SINCE.match(text) or text[:4] > str(date.today().year) or text[:4] < "1900":
            raise InvalidField("since", say.SINCE_FORM())
        if len(text) == 10:
            try:
                if date.fromisoformat(text) > date.today():
                    raise InvalidField("since", say.SINCE_FORM())
            except ValueError as exc:
                raise InvalidField("since", say.SINCE_FORM()) from exc
        return text

    def properties(self) -> dict[str, Any]:
        """The tie's stored description, with the strength analytics weigh."""
        strength = FREQUENCY_STRENGTH.get(self.frequency or "", 0.5)
        return {
            "how": self.how,
            "frequency": self.frequency,
            "since": self.since,
            "strength": strength,
            "weight": strength,
        }


class GroupCompleteness(BaseModel):
    """One team or authority: people in it, how many answered, hold a key, are invited."""

    id: str
    name: str | None = None
    area: str | None = None
    people: int
    answered: int
    with_key: int
    invited: int

    @property
    def share(self) -> float:
        return self.answered / self.people if self.people else 0.0


class Completeness(BaseModel):
    teams: list[GroupCompleteness]
    areas: list[GroupCompleteness]


class Invitation(BaseModel):
    """One member's invitation; ``code`` is shown once (only its hash is stored)."""

    person_id: str
    name: str | None = None
    code: str | None = None
    already_has_key: bool = False


class InvitedTeam(BaseModel):
    team_id: str
    team_name: str | None = None
    expires_at: str
    invitations: list[Invitation]


class AcceptedInvitation(BaseModel):
    key_id: str
    person_id: str
    name: str | None = None


def _hash(code: str) -> str:
    return hashlib.sha256(code.encode("utf-8")).hexdigest()


def _require_person(actor_person: str | None) -> str:
    """The caller's person; a key linked to nobody is told how to get linked (NotFound: the
    role may record connections, this key just stands for no one yet)."""
    if not actor_person:
        raise NotFoundError(say.NO_PERSON_FOR_KEY())
    return actor_person


async def my_connections(
    db: Database, person_id: str | None, *, people: bool = True
) -> MyConnections:
    """The person the caller's key stands for and every tie touching them (without
    ``people``, the names of other people are left out)."""
    if not person_id:
        return MyConnections()
    rows = await db.read("connections/my_connections", person_id=person_id)
    if not rows:
        return MyConnections()
    row = rows[0]
    ties = sorted(
        (
            Tie.model_validate(
                {
                    **t,
                    "how": t.get("how") or [],
                    "other_name": t["other_name"]
                    if people or t["other_kind"] != "Person"
                    else None,
                }
            )
            for t in row["ties"]
        ),
        key=lambda t: (not t.mine, t.type, (t.other_name or "").casefold(), t.other_id),
    )
    return MyConnections(
        person_id=row["id"],
        name=row["name"],
        tribe=row["tribe"],
        generated=str(row.get("source") or "").startswith("demo:"),
        confirmed_at=row["confirmed_at"],
        ties=ties,
    )


async def record_connection(
    db: Database,
    actor: Actor,
    person_id: str | None,
    *,
    target: str,
    kind: str,
    change: ConnectionChange,
    people: bool = True,
) -> str:
    """Record (me)-[kind]->(target); the new tie's id. Refuses a tie already recorded.

    Without ``people`` (a role that may not see people) the other end cannot be a person: a
    person's id then reads as no node at all, so trying ids reveals nobody."""
    me = _require_person(person_id)
    if kind not in CONNECTION_KINDS:
        raise InvalidField("kind", say.STATUS_ONE_OF(values=", ".join(CONNECTION_KINDS)))
    if not target.strip() or len(target) > 200:
        raise InvalidField("targetId", say.BLANK())
    if target == me:
        raise InvalidField("targetId", say.NOT_YOURSELF())
    labels = sorted(CONNECTION_KINDS[kind] - (set() if people else {"Person"}))
    if not labels:
        raise NotAllowed(say.VIEWS_NAME_PEOPLE())
    tie_id = str(uuid.uuid4())
    now = now_iso()
    rows = await db.write(
        "connections/record_connection",
        person_id=me,
        target=target,
        kind=kind,
        labels=labels,
        tie={
            "id": tie_id,
            **change.properties(),
            "source": SOURCE,
            "recorded_by_key": actor.key_id,
            "recorded_by_person": me,
            "recorded_at": now,
            "updated_at": now,
        },
        audit=audit_params(actor, "recordConnection", me, ["connections"]),
    )
    if not rows:
        if kind == "KNOWS" and await _is_not_a_person(db, target):
            raise InvalidField("kind", say.KNOWS_ONLY_PEOPLE())
        raise Missing("node", target)
    if not rows[0]["created"]:
        raise ConflictError(say.ALREADY_RECORDED())
    return str(rows[0]["id"])


async def _is_not_a_person(db: Database, target: str) -> bool:
    """Whether ``target`` names an organisation or team (so 'knows' was the wrong word)."""
    rows = await db.read(
        "connections/record_target_kind", target=target, labels=["Organization", "Team"]
    )
    return bool(rows and rows[0]["found"])


async def update_connection(
    db: Database, actor: Actor, person_id: str | None, tie_id: str, change: ConnectionChange
) -> str:
    """Change how the person describes a tie they recorded."""
    me = _require_person(person_id)
    rows = await db.write(
        "connections/update_connection",
        person_id=me,
        id=tie_id,
        changes={**change.properties(), "updated_at": now_iso()},
        audit=audit_params(actor, "updateConnection", me, ["connections"]),
    )
    row = first_row(rows, InvalidField("id", say.NO_CONNECTION_OF_YOURS(id=tie_id)))
    return str(row["id"])


async def erase_connection(db: Database, actor: Actor, person_id: str | None, tie_id: str) -> None:
    """Erase a tie the person recorded (the audit keeps that it happened, not the tie)."""
    me = _require_person(person_id)
    rows = await db.write(
        "connections/erase_connection",
        person_id=me,
        id=tie_id,
        audit=audit_params(actor, "eraseConnection", me, ["connections"]),
    )
    if not rows:
        raise InvalidField("id", say.NO_CONNECTION_OF_YOURS(id=tie_id))


async def confirm_connections(db: Database, person_id: str | None) -> str:
    """The person says their list is complete; when."""
    me = _require_person(person_id)
    rows = await db.write("connections/confirm_connections", person_id=me, now=now_iso())
    row = first_row(rows, Missing("person", me))
    return str(row["confirmed_at"])


async def completeness(db: Database) -> Completeness:
    """Per team and per local authority: people, answered, with a key, invited."""
    rows = await db.read("connections/completeness", now=now_iso())
    row = rows[0] if rows else {}
    return Completeness(
        teams=[GroupCompleteness.model_validate(g) for g in row.get("teams") or []],
        areas=[GroupCompleteness.model_validate(g) for g in row.get("areas") or []],
    )


async def invite_team(db: Database, actor: Actor, team: str) -> InvitedTeam:
    """One single-use link code per member without a key (shown once; hashes stored)."""
    if not team.strip() or len(team) > 200:
        raise InvalidField("teamId", say.BLANK())
    rows = await db.read("connections/team_to_invite", team=team)
    found = first_row(rows, Missing("team", team))
    now = datetime.now(UTC)
    expires = (now + timedelta(days=INVITATION_DAYS)).isoformat()
    invitations: list[Invitation] = []
    stored: list[dict[str, str]] = []
    for member in found["members"]:
        if member["has_key"]:
            invitations.append(
                Invitation(person_id=member["id"], name=member["name"], already_has_key=True)
            )
            continue
        code = INVITE_PREFIX + secrets.token_urlsafe(24)
        invitations.append(Invitation(person_id=member["id"], name=member["name"], code=code))
        stored.append(
            {"id": str(uuid.uuid4()), "person_id": member["id"], "code_hash": _hash(code)}
        )
    await db.write(
        "connections/create_invitations",
        rows=stored,
        team=found["id"],
        by=actor.key_id,
        now=now.isoformat(),
        expires_at=expires,
        audit=audit_params(actor, "inviteTeam", found["id"], ["invitations"]),
    )
    return InvitedTeam(
        team_id=found["id"], team_name=found["name"], expires_at=expires, invitations=invitations
    )


async def accept_invitation(
    db: Database, code: str, *, key_id: str, key_hash: str
) -> AcceptedInvitation:
    """Use up an invitation and store the key the API minted for its person (role
    :data:`INVITED_ROLE`); the caller shows that key once."""
    text = code.strip()
    if not text.startswith(INVITE_PREFIX) or len(text) > 100:
        raise InvalidField("code", say.INVITATION_INVALID())
    now = now_iso()
    rows = await db.write(
        "connections/accept_invitation",
        code_hash=_hash(text),
        now=now,
        key={
            "id": key_id,
            "key_hash": key_hash,
            "role": INVITED_ROLE,
            "organisation_id": None,
            "name": None,
            "created_at": now,
            "revoked": False,
        },
    )
    row = first_row(rows, InvalidField("code", say.INVITATION_INVALID()))
    return AcceptedInvitation(key_id=key_id, person_id=row["person_id"], name=row["name"])
