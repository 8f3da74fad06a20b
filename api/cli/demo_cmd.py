"""``commongraph load demo`` and ``commongraph generate``: the demo and benchmark data sets."""

from __future__ import annotations

import csv
import json
import sys
import time
from pathlib import Path
from typing import Literal

import click
from rich.console import Console
from rich.table import Table

from api.cli.console import make_console
from api.cli.errors import EXIT_OK, EXIT_PARTIAL, fail_cleanly
from api.cli.load_cmd import load_group
from graph.connection import sync_driver
from graph.schema import apply_schema
from graph.settings import Neo4jSettings
from loaders.demo import DemoReport, default_data_dir, load_demo
from loaders.generator.scale import ScaleSpec, wales_scale

__all__ = ["demo_command", "generate_command", "render_report"]

_MODE_LINE = {
    "real": "Loaded the real open data in {data_dir} plus generated people and relationships.",
    "synthetic": (
        "No open data at {data_dir}: loaded a SYNTHETIC Wales-shaped data set made by the "
        "project's seeded generator (seed {seed}) instead."
    ),
    "wales-scale": "Loaded the SYNTHETIC Wales-scale benchmark data set (seed {seed}).",
}


def render_report(report: DemoReport, console: Console) -> None:
    """The end-of-load summary: mode, per-source counts, rejected rows by name, time."""
    console.print(_MODE_LINE[report.mode].format(**report.model_dump()), highlight=False)
    table = Table(title="load demo: per source")
    for column in ("source", "file", "records", "rejected", "skipped", "warnings",
                   "created", "updated", "unchanged"):  # fmt: skip
        table.add_column(column, justify="left" if column in {"source", "file"} else "right")
    for s in report.sources:
        table.add_row(
            s.source, s.file, str(s.records), str(s.rejected), str(s.skipped), str(s.warnings),
            str(s.created), str(s.updated), str(s.unchanged),
        )  # fmt: skip
    console.print(table)
    nodes = sum(v for k, v in report.graph.items() if k.startswith("node:Entity"))
    rels = sum(v for k, v in report.graph.items() if k.startswith("relationship:"))
    console.print(f"Graph: {nodes} nodes, {rels} relationships.", highlight=False)
    if report.rejections:
        console.print(f"Rejected rows ({len(report.rejections)}):", highlight=False)
        for rejection in report.rejections[:50]:
            console.print(f"  {rejection}", highlight=False, markup=False)
        if len(report.rejections) > 50:
            console.print(f"  … and {len(report.rejections) - 50} more", highlight=False)
    console.print(f"Done in {report.seconds:.1f} s.", highlight=False)


@load_group.command("demo")
@click.option(
    "--data-dir",
    type=click.Path(path_type=Path, file_okay=False),
    default=None,
    help="The open data folder (default: $COMMONGRAPH_DATA_DIR, else the data the project ships).",
)
@click.option(
    "--synthetic",
    is_flag=True,
    help="Generate a Wales-shaped data set instead of loading the real open data.",
)
@click.option("--seed", type=int, default=0, show_default=True, help="Generator seed.")
@click.option(
    "--scale",
    type=click.Choice(["small", "wales"]),
    default="small",
    show_default=True,
    help="small: the open data + generated ties; wales: the ~1M-relationship benchmark set.",
)
@click.option("--json", "as_json", is_flag=True, help="Print the report as one JSON object.")
@fail_cleanly
def demo_command(
    data_dir: Path | None,
    seed: int,
    scale: Literal["small", "wales"],
    as_json: bool,
    synthetic: bool,
) -> None:
    """Load the real Wales/Trafford open data the project ships, plus generated relationships.

    ``--synthetic`` loads a seeded, Wales-shaped generated data set instead (for trying the
    product without real data); it is never used silently. Re-running changes nothing.
    Exit 0 when everything loaded, 2 when some rows were rejected (each named with file, row,
    field and reason).
    """
    console = make_console(stderr=as_json)
    settings = Neo4jSettings.from_env()
    folder = data_dir or default_data_dir()
    with sync_driver(settings) as driver:
        apply_schema(driver, settings.database)
        report = load_demo(
            driver,
            folder,
            seed=seed,
            scale=scale,
            database=settings.database,
            progress=lambda msg: console.print(f"… {msg}", highlight=False, markup=False),
            synthetic=synthetic,
        )
    if as_json:
        click.echo(report.model_dump_json())
    else:
        render_report(report, console)
    sys.exit(EXIT_PARTIAL if report.exit_code else EXIT_OK)


@click.command("generate")
@click.argument("out", type=click.Path(path_type=Path, file_okay=False))
@click.option("--seed", type=int, default=0, show_default=True)
@click.option("--assets", type=int, default=ScaleSpec().assets, show_default=True)
@click.option("--people", type=int, default=ScaleSpec().people, show_default=True)
@fail_cleanly
def generate_command(out: Path, seed: int, assets: int, people: int) -> None:
    """Write the synthetic Wales-scale data set to OUT, without touching Neo4j.

    OUT gets nodes.csv and edges.csv (for `load relationships`) and services/*.json (HSDS
    service records for `load oruk`). Same seed, same files.
    """
    began = time.monotonic()
    data = wales_scale(seed, ScaleSpec(assets=assets, people=people))
    (out / "services").mkdir(parents=True, exist_ok=True)
    n_assets = 0
    for i, batch in enumerate(data.asset_batches(), start=1):
        (out / "services" / f"services-{i:04d}.json").write_text(json.dumps(batch))
        n_assets += len(batch)
    node_fields = ["id", "kind", "name", "tribe", "organisation_id", "area_id", "latitude",
                   "longitude", "source"]  # fmt: skip
    edge_fields = ["source", "target", "type", "weight", "since", "resident", "count"]
    counts = {"nodes": 0, "edges": 0}
    for name, fields, batches in (
        ("nodes", node_fields, data.node_batches()),
        ("edges", edge_fields, data.edge_batches()),
    ):
        with (out / f"{name}.csv").open("w", newline="", encoding="utf-8") as handle:
            writer = csv.DictWriter(handle, fieldnames=fields, extrasaction="ignore")
            writer.writeheader()
            for batch in batches:
                writer.writerows(batch)
                counts[name] += len(batch)
    click.echo(
        f"wrote {n_assets} services, {counts['nodes']} nodes and {counts['edges']} edges to "
        f"{out} in {time.monotonic() - began:.1f} s (seed {seed})"
    )
