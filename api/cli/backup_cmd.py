"""``commongraph backup OUT``, ``restore IN`` and ``migrate``: nothing lost across backup,
restore and upgrade (graph/backup.py, graph/model_version.py)."""

from __future__ import annotations

from pathlib import Path

import click

from api.cli.errors import fail_cleanly
from graph.backup import backup_graph, restore_graph
from graph.connection import sync_driver
from graph.model_version import MODEL_VERSION, migrate, model_version
from graph.schema import apply_schema
from graph.settings import Neo4jSettings

__all__ = ["backup_command", "migrate_command", "restore_command"]


@click.command("backup")
@click.argument("out", type=click.Path(path_type=Path, dir_okay=False))
@fail_cleanly
def backup_command(out: Path) -> None:
    """Write every node, relationship and property (keys, audit, shortlists, referrals,
    moderation state included) to OUT, a gzip-compressed JSON-lines file. Neo4j keeps
    serving meanwhile."""
    settings = Neo4jSettings.from_env()
    with sync_driver(settings) as driver:
        done = backup_graph(driver, settings.database, out)
    click.echo(
        f"backed up {done.nodes:,} nodes and {done.relationships:,} relationships "
        f"(model {done.model_version}) to {out} ({done.bytes:,} bytes) in {done.seconds:g} s"
    )


@click.command("restore")
@click.argument("source", type=click.Path(path_type=Path, dir_okay=False, exists=True))
@click.option(
    "--replace",
    is_flag=True,
    help="Delete what the database holds first (in the same transaction as the restore).",
)
@fail_cleanly
def restore_command(source: Path, replace: bool) -> None:
    """Restore a backup made by `commongraph backup`, all or nothing: into an empty
    database, or with --replace. Then brings the model up to date (`migrate`)."""
    settings = Neo4jSettings.from_env()
    with sync_driver(settings) as driver:
        apply_schema(driver, settings.database)
        done = restore_graph(driver, settings.database, source, replace=replace)
        applied = migrate(driver, settings.database)
    click.echo(
        f"restored {done.nodes:,} nodes and {done.relationships:,} relationships "
        f"(model {done.model_version}) in {done.seconds:g} s"
        + (f"; migrated to model {applied[-1].to}" if applied else "")
    )


@click.command("migrate")
@fail_cleanly
def migrate_command() -> None:
    """Bring the graph's data model up to this commongraph's version (idempotent)."""
    settings = Neo4jSettings.from_env()
    with sync_driver(settings) as driver:
        apply_schema(driver, settings.database)
        before = model_version(driver, settings.database)
        applied = migrate(driver, settings.database)
    if not applied:
        click.echo(f"the graph is at model {before}, the current one: nothing to do")
        return
    for migration in applied:
        click.echo(f"model {migration.to}: {migration.what}")
    click.echo(f"the graph is now at model {MODEL_VERSION}")
