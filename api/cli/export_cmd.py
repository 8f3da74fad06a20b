"""``commongraph export oruk|graphml|gexf OUT``."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

import click

from api.cli.errors import fail_cleanly
from graph.connection import sync_driver
from graph.settings import Neo4jSettings
from loaders.export.graph import export_graph
from loaders.export.oruk import ENTITIES, export_oruk

__all__ = ["export_group"]


@click.group("export")
def export_group() -> None:
    """Write the graph out: Open Referral UK 3.0 JSON, or the relationship graph for Gephi."""


@export_group.command("oruk")
@click.argument("out", type=click.Path(path_type=Path))
@click.option(
    "--entity",
    type=click.Choice(tuple(ENTITIES)),
    default="service",
    show_default=True,
    help="Which records (each fully nested, as the /oruk/ endpoints serve them).",
)
@click.option("--include-unapproved", is_flag=True, help="Also pending and rejected offerings.")
@click.option("--validate", is_flag=True, help="Check every record against the ORUK schemas.")
@fail_cleanly
def export_oruk_command(out: Path, entity: str, include_unapproved: bool, validate: bool) -> None:
    """Write ORUK 3.0 JSON to OUT: one array of full records (OUT/<entity>s.json for a folder)."""
    settings = Neo4jSettings.from_env()
    with sync_driver(settings) as driver:
        summary = export_oruk(
            driver,
            out,
            entity=entity,
            database=settings.database,
            include_unapproved=include_unapproved,
            validate=validate,
        )
    click.echo(f"{summary.records} {entity} records written to {summary.path}")


def _graph_command(fmt: Literal["graphml", "gexf"]) -> click.Command:
    @click.command(fmt)
    @click.argument("out", type=click.Path(dir_okay=False, path_type=Path))
    @click.option(
        "--all",
        "everything",
        is_flag=True,
        help="Every node (phones, schedules...), not only people, organisations, services, "
        "teams, areas and needs.",
    )
    @fail_cleanly
    def command(out: Path, everything: bool) -> None:
        settings = Neo4jSettings.from_env()
        with sync_driver(settings) as driver:
            done = export_graph(driver, out, fmt, database=settings.database, everything=everything)
        click.echo(f"{done.nodes} nodes and {done.edges} relationships written to {done.path}")

    command.help = f"Write the relationship graph to OUT as {fmt.upper()} (opens in Gephi)."
    return command


export_group.add_command(_graph_command("graphml"))
export_group.add_command(_graph_command("gexf"))
