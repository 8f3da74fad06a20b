"""``commongraph keys create | list | revoke``: API keys for roles (printed once, stored
hashed), what keys exist, and withdrawing one (refused from the next request on)."""

from __future__ import annotations

import asyncio

import click

from api.auth.keys import issue_key
from api.auth.roles import Role
from api.cli.errors import fail_cleanly
from graph.database import Database
from graph.errors import NotFoundError
from graph.repositories.users import (
    ApiKeyListing,
    ApiKeyRecord,
    list_api_keys,
    revoke_api_key,
)
from graph.settings import Neo4jSettings

__all__ = ["keys_group"]

_ROLES = [r.value for r in Role if r is not Role.PUBLIC]


@click.group("keys")
def keys_group() -> None:
    """API keys for the GraphQL API (send them as `Authorization: Bearer <key>`)."""


async def _issue(
    role: str, organisation: str | None, name: str | None, person: str | None
) -> tuple[str, ApiKeyRecord]:
    db = Database(Neo4jSettings.from_env())
    try:
        return await issue_key(
            db, role=role, organisation_id=organisation, name=name, person_id=person
        )
    finally:
        await db.close()


@keys_group.command("create")
@click.option("--role", required=True, type=click.Choice(_ROLES), help="What the key may do.")
@click.option(
    "--organisation",
    default=None,
    help="Organisation id or ORUK UUID (required for group_editor).",
)
@click.option("--name", default=None, help="Who or what the key is for (shown in audit events).")
@click.option(
    "--person",
    default=None,
    help='Person id: the key records that person\'s own connections ("my connections").',
)
@fail_cleanly
def create_command(
    role: str, organisation: str | None, name: str | None, person: str | None
) -> None:
    """Create a key and print it once on stdout; only its sha256 hash is stored."""
    key, record = asyncio.run(_issue(role, organisation, name, person))
    click.echo(key)
    scope = f" for organisation {record.organisation_id}" if record.organisation_id else ""
    if record.person_id:
        scope += f" for person {record.person_id}"
    click.echo(
        f"key {record.id}: role {record.role}{scope}. Store it now: it is not shown again.",
        err=True,
    )


async def _list() -> list[ApiKeyListing]:
    db = Database(Neo4jSettings.from_env())
    try:
        return await list_api_keys(db)
    finally:
        await db.close()


async def _revoke(key_id: str) -> bool | None:
    db = Database(Neo4jSettings.from_env())
    try:
        return await revoke_api_key(db, key_id)
    finally:
        await db.close()


@keys_group.command("list")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per line.")
@fail_cleanly
def list_command(as_json: bool) -> None:
    """Every key: id, role, organisation, name, created, revoked (never the key itself)."""
    keys = asyncio.run(_list())
    if as_json:
        for key in keys:
            click.echo(key.model_dump_json())
        return
    if not keys:
        click.echo("no keys yet: create one with `commongraph keys create --role …`")
        return
    for key in keys:
        state = f"revoked {key.revoked_at}" if key.revoked else "active"
        scope = f" organisation {key.organisation_id}" if key.organisation_id else ""
        name = f" ({key.name})" if key.name else ""
        click.echo(f"{key.id}  {key.role}{scope}{name}  created {key.created_at}  {state}")


@keys_group.command("revoke")
@click.argument("key_id")
@fail_cleanly
def revoke_command(key_id: str) -> None:
    """Revoke the key KEY_ID (the id `keys list` shows, or the part after `cg_`): every
    request with it is refused with 401 from now on, by every running server."""
    key_id = key_id.removeprefix("cg_").split("_")[0]
    outcome = asyncio.run(_revoke(key_id))
    if outcome is None:
        raise NotFoundError(f"key: no key with id {key_id!r} (see `commongraph keys list`)")
    click.echo(f"key {key_id} {'was already revoked' if outcome else 'revoked'}.")
