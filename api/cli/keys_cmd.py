"""``commongraph keys create``: issue an API key for a role (printed once, stored hashed)."""

from __future__ import annotations

import asyncio

import click

from api.auth.keys import issue_key
from api.auth.roles import Role
from api.cli.errors import fail_cleanly
from graph.database import Database
from graph.repositories.users import ApiKeyRecord
from graph.settings import Neo4jSettings

__all__ = ["keys_group"]

_ROLES = [r.value for r in Role if r is not Role.PUBLIC]


@click.group("keys")
def keys_group() -> None:
    """API keys for the GraphQL API (send them as `Authorization: Bearer <key>`)."""


async def _issue(role: str, organisation: str | None, name: str | None) -> tuple[str, ApiKeyRecord]:
    db = Database(Neo4jSettings.from_env())
    try:
        return await issue_key(db, role=role, organisation_id=organisation, name=name)
    finally:
        await db.close()


@keys_group.command("create")
@click.option("--role", required=True, type=click.Choice(_ROLES), help="What the key may do.")
@click.option("--organisation", default=None, help="Organisation id (required for group_editor).")
@click.option("--name", default=None, help="Who or what the key is for (shown in audit events).")
@fail_cleanly
def create_command(role: str, organisation: str | None, name: str | None) -> None:
    """Create a key and print it once on stdout; only its sha256 hash is stored."""
    key, record = asyncio.run(_issue(role, organisation, name))
    click.echo(key)
    scope = f" for organisation {record.organisation_id}" if record.organisation_id else ""
    click.echo(
        f"key {record.id}: role {record.role}{scope}. Store it now: it is not shown again.",
        err=True,
    )
