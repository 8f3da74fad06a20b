"""API keys: the principals of the GraphQL API (who is calling, with which role).

A key is shown once when it is created; only its sha256 hash is stored, on an ``:ApiKey``
node with the role and, for group editors, the organisation it is scoped to. ``:ApiKey`` is
deliberately not an ``:Entity``, so ``node(id:)`` can never return one.
"""

from __future__ import annotations

from datetime import UTC, datetime

from pydantic import BaseModel

from graph.database import Database

__all__ = [
    "ApiKeyListing",
    "ApiKeyRecord",
    "create_api_key",
    "entity_id_of",
    "find_api_key",
    "list_api_keys",
    "revoke_api_key",
]


class ApiKeyRecord(BaseModel):
    """The public side of a stored key (never the key or its hash)."""

    id: str
    role: str
    organisation_id: str | None = None
    name: str | None = None
    created_at: str
    #: the Person the key stands for (invited to the connections survey), if any
    person_id: str | None = None


class ApiKeyListing(ApiKeyRecord):
    """A key as ``keys list`` shows it: whether (and when) it was revoked."""

    revoked: bool = False
    revoked_at: str | None = None


async def create_api_key(
    db: Database,
    *,
    key_id: str,
    key_hash: str,
    role: str,
    organisation_id: str | None,
    name: str | None,
    person_id: str | None = None,
) -> ApiKeyRecord:
    """Store a key's hash with its role; the caller has validated role and organisation."""
    rows = await db.write(
        "users/create_api_key",
        id=key_id,
        key_hash=key_hash,
        role=role,
        organisation_id=organisation_id,
        key_name=name,
        person_id=person_id,
        now=datetime.now(UTC).isoformat(),
    )
    return ApiKeyRecord.model_validate(rows[0])


async def find_api_key(db: Database, key_hash: str) -> ApiKeyRecord | None:
    """The unrevoked key with this hash, or None."""
    rows = await db.read("users/find_api_key", key_hash=key_hash)
    return ApiKeyRecord.model_validate(rows[0]) if rows else None


async def entity_id_of(db: Database, id_or_uuid: str, label: str) -> str | None:
    """The graph id of the ``label`` node with this id or ORUK UUID, or None."""
    rows = await db.read("users/entity_id_of", id=id_or_uuid, label=label)
    return str(rows[0]["id"]) if rows else None


async def list_api_keys(db: Database) -> list[ApiKeyListing]:
    """Every key's public side, newest first."""
    return [ApiKeyListing.model_validate(r) for r in await db.read("users/list_api_keys")]


async def revoke_api_key(db: Database, key_id: str) -> bool | None:
    """Revoke the key with this public id: None when there is none, True when it was
    revoked already, False when this call revoked it."""
    rows = await db.write("users/revoke_api_key", id=key_id, now=datetime.now(UTC).isoformat())
    return bool(rows[0]["was_revoked"]) if rows else None
