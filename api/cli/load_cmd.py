"""``commongraph load oruk|relationships`` (``load demo`` is added to the same group elsewhere).

Each load prints a summary (created, updated, unchanged, rejected); every rejected record or
row is named on stderr with its file, record index (or CSV line) or id, field and reason, and
``--errors FILE`` writes all problems as JSON lines. Exit codes: 0 all stored; 2 some
rejected, the rest stored; 1 nothing stored (or Neo4j unreachable).
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import click
import neo4j
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

from api.cli.console import make_console
from api.cli.errors import fail_cleanly
from graph.connection import sync_driver
from graph.errors import ValidationFailed
from graph.schema import apply_schema
from graph.settings import Neo4jSettings
from loaders.oruk.load import load_oruk_path
from loaders.oruk.read import KINDS
from loaders.relationships import load_relationship_files
from loaders.report import LoadSummary

__all__ = ["RichProgress", "finish", "load_group", "open_graph"]

EPILOG = """\b
Exit codes: 0 everything stored; 2 some records rejected (each named on stderr with file,
record index or id, field and reason) and the rest stored; 1 nothing stored.
Re-running the same load changes nothing (created 0, updated 0).
"""


class RichProgress:
    """A rich progress bar on stderr that the loaders advance (hidden when not a terminal)."""

    def __init__(self, progress: Progress, description: str) -> None:
        self.progress = progress
        self.task = progress.add_task(description, total=0)

    def add_total(self, records: int) -> None:
        total = self.progress.tasks[0].total or 0
        self.progress.update(self.task, total=total + records)

    def advance(self, records: int) -> None:
        self.progress.advance(self.task, records)


@contextmanager
def progress_bar(description: str) -> Iterator[RichProgress]:
    """A transient progress bar; drawn only when stderr is a terminal."""
    console = make_console(stderr=True)
    columns = (
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
    )
    with Progress(
        *columns, console=console, transient=True, disable=not console.is_terminal
    ) as bar:
        yield RichProgress(bar, description)


@contextmanager
def open_graph() -> Iterator[tuple[neo4j.Driver, str]]:
    """A verified driver on the configured Neo4j with the schema applied (idempotent)."""
    settings = Neo4jSettings.from_env()
    with sync_driver(settings) as driver:
        apply_schema(driver, settings.database)
        yield driver, settings.database


def finish(summary: LoadSummary, errors_file: Path | None, *, what: str) -> None:
    """Print the summary, write ``--errors``, and exit with the load's exit code."""
    summary.render(make_console(), make_console(stderr=True), what=what)
    if errors_file is not None:
        count = summary.write_errors(errors_file)
        click.echo(f"{count} problems written to {errors_file}", err=True)
    sys.exit(summary.exit_code)


def _must_exist(*paths: Path) -> None:
    """A missing input is a failure with nothing changed (exit 1), not a usage error (2)."""
    for path in paths:
        if not path.exists():
            raise ValidationFailed(f"{path} does not exist; nothing was loaded")


@click.group("load", epilog=EPILOG)
def load_group() -> None:
    """Load data into the graph (Open Referral, relationship tables, demo data)."""


_errors_option = click.option(
    "--errors",
    "errors_file",
    type=click.Path(dir_okay=False, writable=True, path_type=Path),
    help="Write every rejected record and warning to FILE as JSON lines.",
)


@load_group.command("oruk", epilog=EPILOG)
@click.argument("path", type=click.Path(path_type=Path))
@click.option(
    "--source",
    help="Provenance and uuid5 namespace for ids that are not UUIDs [default: oruk:<name>].",
)
@click.option(
    "--kind",
    type=click.Choice(("auto", *KINDS)),
    default="auto",
    show_default=True,
    help="What the top-level records are; auto tells each by its keys.",
)
@_errors_option
@fail_cleanly
def load_oruk(path: Path, source: str | None, kind: str, errors_file: Path | None) -> None:
    """Load ORUK/HSDS 3.0 (or ORUK 1.0) JSON: a file or a folder of files.

    A file holds a list of full service records, one record, or a paged /services response
    ({"contents": [...]}). Organisation, service-at-location and taxonomy records load too.
    """
    _must_exist(path)
    with open_graph() as (driver, database), progress_bar("Loading ORUK records") as bar:
        summary = load_oruk_path(
            driver,
            path,
            source=source,
            kind=None if kind == "auto" else kind,
            database=database,
            progress=bar,
        )
    finish(summary, errors_file, what="records")


@load_group.command("relationships", epilog=EPILOG)
@click.argument("nodes_csv", type=click.Path(dir_okay=False, path_type=Path))
@click.argument("edges_csv", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--source", help="Provenance written on every node [default: csv:<nodes file>].")
@_errors_option
@fail_cleanly
def load_relationships(
    nodes_csv: Path, edges_csv: Path, source: str | None, errors_file: Path | None
) -> None:
    """Load a relationship map: NODES.csv (id,kind,name[,tribe,organisation_id,area_id,
    latitude,longitude]) and EDGES.csv (source,target,type[,weight]).

    kind is one of person, organisation, service, team, area; type one of KNOWS, WORKS_WITH,
    WORKS_FOR, MEMBER_OF, REFERS_TO, SERVES_AREA, ADDRESSES, PART_OF, SAME_AS, PROVIDES.
    """
    _must_exist(nodes_csv, edges_csv)
    with open_graph() as (driver, database):
        summary = load_relationship_files(
            driver, nodes_csv, edges_csv, source=source, database=database
        )
    finish(summary, errors_file, what="rows")
