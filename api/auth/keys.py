"""API keys as bearer tokens: generation, hashing, and resolving a request's caller.

A key looks like ``cg_<id>_<secret>``; ``<id>`` is public (it names the key in audit events),
``<secret>`` is 32 random bytes (``secrets.token_urlsafe``). Only ``sha256(key)`` is stored, so
a database dump does not reveal usable keys; a lookup by hash needs no constant-time compare
because the hash of a guess reveals nothing about the stored keys.
"""

from __future__ import annotations

import hashlib
import secrets

from api.auth.roles import Caller, Role
from graph import messages as say
from graph.database import Database
from graph.errors import CommonGraphError, NotFoundError, ValidationFailed
from graph.repositories.users import ApiKeyRecord, create_api_key, entity_id_of, find_api_key

__all__ = ["InvalidKey", "caller_from_header", "hash_key", "issue_key", "mint_key"]

_PREFIX = "cg_"


class InvalidKey(CommonGraphError):
    """The bearer key is unknown, revoked or malformed."""

    http_status = 401


def hash_key(key: str) -> str:
    """Hex sha256 of the whole key, as stored on ``:ApiKey.key_hash``."""
    return hashlib.sha256(key.encode("utf-8")).hexdigest()


def mint_key() -> tuple[str, str, str]:
    """A new key: (key, its public id, its hash); only the id and hash are stored."""
    key_id = secrets.token_hex(6)
    key = f"{_PREFIX}{key_id}_{secrets.token_urlsafe(32)}"
    return key, key_id, hash_key(key)


async def issue_key(
    db: Database,
    *,
    role: str,
    organisation_id: str | None,
    name: str | None,
    person_id: str | None = None,
) -> tuple[str, ApiKeyRecord]:
    """Create a key; return the plaintext (shown once) and the stored record.

    ``organisation_id`` and ``person_id`` may be graph ids or the ORUK UUIDs the nodes are
    published under; the stored record holds the graph id."""
    try:
        parsed = Role(role)
    except ValueError as exc:
        allowed = ", ".join(r.value for r in Role if r is not Role.PUBLIC)
        raise ValidationFailed(f"role: {role!r} is not one of {allowed}") from exc
    if parsed is Role.PUBLIC:
        raise ValidationFailed("role: public needs no key; call the API without one")
    if parsed is Role.GROUP_EDITOR and not organisation_id:
        raise ValidationFailed("organisation: a group_editor key needs --organisation ID")
    if organisation_id:
        found = await entity_id_of(db, organisation_id, "Organization")
        if found is None:
            raise NotFoundError(f"organisation: no Organization with id {organisation_id!r}")
        organisation_id = found
    if person_id:
        found = await entity_id_of(db, person_id, "Person")
        if found is None:
            raise NotFoundError(f"person: no Person with id {person_id!r}")
        person_id = found
    key, key_id, key_hash = mint_key()
    record = await create_api_key(
        db,
        key_id=key_id,
        key_hash=key_hash,
        role=parsed.value,
        organisation_id=organisation_id,
        name=name,
        person_id=person_id,
    )
    return key, record


async def caller_from_header(db: Database, authorization: str | None) -> Caller:
    """The caller named by an ``Authorization: Bearer <key>`` header; public without one."""
    if not authorization or not authorization.strip():
        return Caller()
    scheme, _, key = authorization.strip().partition(" ")
    key = key.strip()
    if scheme.lower() != "bearer" or not key.startswith(_PREFIX):
        raise InvalidKey(say.KEY_MALFORMED())
    record = await find_api_key(db, hash_key(key))
    if record is None:
        raise InvalidKey(say.KEY_UNKNOWN())
    return Caller(
        role=Role(record.role),
        key_id=record.id,
        organisation_id=record.organisation_id,
        name=record.name,
        person_id=record.person_id,
    )
