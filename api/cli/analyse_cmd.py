"""``commongraph analyse gaps|duplicates|bottlenecks``: what system leaders ask of the graph.

With ``--json`` each command prints exactly one JSON object on stdout (shapes in docs/contract.md),
including an ``assumptions`` entry that says how to reproduce it.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import click

from api.cli.errors import fail_cleanly
from graph.connection import sync_driver
from graph.repositories import analytics
from graph.settings import Neo4jSettings

__all__ = ["analyse_group"]

_common = [
    click.option("--json", "as_json", is_flag=True, help="Print one JSON object on stdout."),
    click.option("--prefix", default=None, help="Analyse only nodes whose id starts with this."),
    click.option("--top", default=None, type=click.IntRange(min=1), help="Cap list lengths."),
]


def _options(func: Callable[..., Any]) -> Callable[..., Any]:
    for option in reversed(_common):
        func = option(func)
    return func


#: which node attribute makes the groups of group cuts (bottlenecks) and group gaps (gaps)
_group_by = click.option(
    "--group-by",
    "group_attr",
    default="tribe",
    show_default=True,
    type=click.Choice(["tribe", "sector", "kind"]),
)


def _run(report: Callable[..., dict[str, Any]], as_json: bool, title: str, **options: Any) -> None:
    """Run one report of :mod:`graph.repositories.analytics` on the configured database and
    print it. Each command's options are named as the report's keyword arguments, so a
    command passes them on as ``options`` (bottlenecks and gaps cap ``--top`` at 20 unset)."""
    settings = Neo4jSettings.from_env()
    with sync_driver(settings) as driver:
        found = report(driver, settings.database, **options)
    _emit(found, as_json, title)


def _emit(report: dict[str, Any], as_json: bool, title: str) -> None:
    if as_json:
        click.echo(json.dumps(report, ensure_ascii=False))
        return
    click.echo(title)
    for key, value in report.items():
        if key == "assumptions":
            continue
        items = value if isinstance(value, list) else [value]
        click.echo(f"\n{key} ({len(items) if isinstance(value, list) else 1}):")
        for item in items[:20]:
            click.echo(f"  {json.dumps(item, ensure_ascii=False)}")
    click.echo(f"\nassumptions: {json.dumps(report.get('assumptions', {}), ensure_ascii=False)}")


@click.group("analyse")
def analyse_group() -> None:
    """Gaps, duplications and bottlenecks in the stored graph."""


@analyse_group.command("bottlenecks")
@_options
@click.option(
    "--k",
    "k",
    default=None,
    type=click.IntRange(min=1),
    help="Betweenness source sample (default: exact up to 5,000 nodes, else 256).",
)
@click.option("--seed", default=42, show_default=True, help="Seed of the betweenness sample.")
@_group_by
@click.option("--include-areas", is_flag=True, help="Count SERVES_AREA/PART_OF as ties too.")
@fail_cleanly
def bottlenecks_command(as_json: bool, top: int | None, **options: Any) -> None:
    """Brokers (betweenness, normalised as networkx does), articulation points, bridges,
    and the people whose loss would cut two groups apart."""
    _run(analytics.bottlenecks, as_json, "Bottlenecks", top=top or 20, **options)


@analyse_group.command("gaps")
@_options
@click.option(
    "--radius-km",
    default=5.0,
    show_default=True,
    type=click.FloatRange(min=0.1),
    help="Catchment radius of the coverage score.",
)
@_group_by
@fail_cleanly
def gaps_command(as_json: bool, top: int | None, **options: Any) -> None:
    """Coverage against need (E2SFCA, worst first) and missing ties between groups."""
    _run(analytics.gaps, as_json, "Gaps", top=top or 20, **options)


@analyse_group.command("duplicates")
@_options
@click.option(
    "--threshold",
    default=None,
    type=click.FloatRange(0, 1),
    help="Minimum confidence of a duplicate pair.",
)
@fail_cleanly
def duplicates_command(as_json: bool, **options: Any) -> None:
    """Listings entered twice (scored, grouped) and services that overlap."""
    _run(analytics.duplicates, as_json, "Duplicates", **options)
