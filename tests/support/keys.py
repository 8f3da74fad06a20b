"""API keys for tests, stored the way ``commongraph keys create`` stores them (hash only)."""

from __future__ import annotations

import secrets

import neo4j

from api.auth.keys import hash_key

__all__ = ["make_key"]


def make_key(
    driver: neo4j.Driver,
    role: str,
    organisation_id: str | None = None,
    person_id: str | None = None,
) -> str:
    """Store an API key for ``role`` (and organisation, for group editors; and the person it
    stands for, for "my connections"); return the key."""
    key_id = secrets.token_hex(6)
    key = f"cg_{key_id}_{secrets.token_urlsafe(32)}"
    driver.execute_query(
        "CREATE (:ApiKey {id: $id, key_hash: $hash, role: $role, organisation_id: $org, "
        "name: $role, created_at: '2024-01-01T00:00:00Z', revoked: false, person_id: $person})",
        id=key_id,
        hash=hash_key(key),
        role=role,
        org=organisation_id,
        person=person_id,
    )
    return key
