"""``commongraph erase person ID``: erase a person and their relationships, audited."""

from __future__ import annotations

import asyncio
import getpass

import click

from api.cli.errors import fail_cleanly
from graph.database import Database
from graph.repositories.audit import Actor
from graph.repositories.erasure import Erasure, erase_person
from graph.settings import Neo4jSettings

__all__ = ["erase_group"]


def _operator() -> str:
    """Who ran the command, as the audit event names the actor (``cli:<login>``)."""
    try:
        return f"cli:{getpass.getuser()}"
    except (KeyError, OSError):
        return "cli"


async def _erase(person_id: str) -> Erasure:
    db = Database(Neo4jSettings.from_env())
    try:
        return await erase_person(db, Actor(key_id=_operator(), role="admin"), person_id)
    finally:
        await db.close()


@click.group("erase")
def erase_group() -> None:
    """Erase personal data (right to erasure); an audit event records that it happened."""


@erase_group.command("person")
@click.argument("person_id", metavar="ID")
@fail_cleanly
def erase_person_command(person_id: str) -> None:
    """Delete the Person ID and all their relationships.

    The audit event keeps who erased, when, and a keyed hash of the id (HMAC under the
    server's secret) — none of the person's data.
    Exit codes: 0 erased; 1 no such person or Neo4j unreachable (nothing changed).
    """
    done = asyncio.run(_erase(person_id))
    click.echo(
        f"erased person {done.erased_id_hash} and {done.relationships_removed} "
        f"relationships (audit event {done.audit_event_id})"
    )
