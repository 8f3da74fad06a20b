"""API keys: the principals of the GraphQL API (who is calling, with which role).

A key is shown once when it is created; only its sha256 hash is stored, on an ``:ApiKey``
node with the role and, for group editors, the organisation it is scoped to. ``:ApiKey`` is
deliberately not an ``:Entity``, so ``node(id:)`` can never return one.
"""

from __future__ import annotations

from datetime import UTC, datetime

from pydantic import BaseModel

from graph.database import Database

__all__ = ["ApiKeyRecord", "create_api_key", "find_api_key", "organisation_exists"]


class ApiKeyRecord(BaseModel):
    """The public side of a stored key (never the key or its hash)."""

    id: str
    role: str
    organisation_id: str | None = None
    name: str | None = None
    created_at: str


async def create_api_key(
    db: Database,
    *,
    key_id: str,
    key_hash: str,
    role: str,
    organisation_id: str | None,
    name: str | None,
) -> ApiKeyRecord:
    """Store a key's hash with its role; the caller has validated role and organisation."""
    rows = await db.write(
        "users/create_api_key",
        id=key_id,
        key_hash=key_hash,
        role=role,
        organisation_id=organisation_id,
        key_name=name,
        now=datetime.now(UTC).isoformat(),
    )
    return ApiKeyRecord.model_validate(rows[0])


async def find_api_key(db: Database, key_hash: str) -> ApiKeyRecord | None:
    """The unrevoked key with this hash, or None."""
    rows = await db.read("users/find_api_key", key_hash=key_hash)
    return ApiKeyRecord.model_validate(rows[0]) if rows else None


async def organisation_exists(db: Database, organisation_id: str) -> bool:
    """Whether an ``:Organization`` with this id is in the graph."""
    rows = await db.read("users/organisation_exists", id=organisation_id)
    return bool(rows[0]["exists"])
