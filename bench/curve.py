"""The scale curve's results (``bench/results/uk.json``) and their section of the page.

Written by :mod:`bench.uk`, rendered by :mod:`bench.report` into docs/performance.md under
"Past one machine", so the page is regenerated whole by any benchmark run and the curve's
figures are never typed by hand.
"""

from __future__ import annotations

import json
from pathlib import Path

from pydantic import BaseModel, Field

from bench.machine import Machine
from bench.results import RESULTS_DIR
from bench.stats import fmt

__all__ = ["CURVE_FILE", "Curve", "Step", "curve_section", "latest_curve"]

CURVE_FILE = RESULTS_DIR / "uk.json"


class Step(BaseModel):
    """What one size of the curve measured; None where the step did not get that far."""

    fraction: float
    services: int = 0
    people: int = 0
    nodes: int = 0
    relationships: int = 0
    load_s: float | None = None
    store_mib: float | None = None
    neo4j_rss_mib: float | None = None
    near_p50_ms: float | None = None
    near_p95_ms: float | None = None
    driver_p50_ms: float | None = None
    near_samples: int = 0
    projection_s: float | None = None
    projection_rss_mib: float | None = None
    graph_nodes: int | None = None
    graph_edges: int | None = None
    bottlenecks_s: float | None = None
    analysis_rss_mib: float | None = None
    scoped_s: float | None = None
    scoped_nodes: int | None = None
    scoped_edges: int | None = None
    scoped_rss_mib: float | None = None
    stopped: str | None = None

    @property
    def load_rate(self) -> float | None:
        """Nodes and relationships written per second."""
        if not self.load_s:
            return None
        return (self.nodes + self.relationships) / self.load_s


class Curve(BaseModel):
    """One ``bench.uk`` run: the machine, the limits it ran under, and every step."""

    machine: Machine
    seed: int
    heap: str
    pagecache: str
    analysis_memory_gib: float
    analysis_budget_s: float
    seconds: float = 0.0
    steps: list[Step] = Field(default_factory=list)

    def save(self, path: Path = CURVE_FILE) -> Path:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(self.model_dump(mode="json"), indent=2) + "\n")
        return path


def latest_curve(path: Path = CURVE_FILE) -> Curve | None:
    """The last curve written, if any."""
    if not path.is_file():
        return None
    return Curve.model_validate_json(path.read_text())


def _mib(value: float | None) -> str:
    if value is None:
        return "—"
    return f"{value / 1024:.1f} GiB" if value >= 1024 else f"{value:.0f} MiB"


def curve_section(curve: Curve) -> list[str]:
    """The markdown lines of the "Past one machine" section."""
    m = curve.machine
    lines = [
        f"Generated data sets towards UK size (`make bench-uk`, {m.date}, {curve.seconds:.0f} s "
        f"in all; not run in CI): each step is a fresh Neo4j ({curve.heap} heap, "
        f"{curve.pagecache} page cache) loaded through the product's own loader, then "
        "`assetsNear` timed over HTTP against the same Cypher through the driver (100 "
        "centres, 2 rounds), then the bottlenecks report run as a leader runs it (projection "
        "into networkx, then the report with its defaults), first scoped to one local "
        "authority (Cardiff's code; its projection reads only the scope's members), then for "
        "the whole graph, in a child process limited to "
        f"{curve.analysis_memory_gib:g} GiB of address space and {curve.analysis_budget_s:.0f} s.",
        "",
        "| share of UK size | services | people | nodes | relationships | load (s) | "
        "writes/s | store | Neo4j peak RSS | assetsNear p50 / p95, API (driver p50) | "
        "one authority's report: nodes, ties, s, peak RSS | "
        "projection (s) | projection peak RSS | bottlenecks report (s) | stopped |",
        "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | --- | ---: "
        "| ---: | ---: | --- |",
    ]
    for s in curve.steps:
        near = (
            f"{fmt(s.near_p50_ms)} / {fmt(s.near_p95_ms)} ms ({fmt(s.driver_p50_ms)} ms)"
            if s.near_p50_ms is not None
            else "—"
        )
        scoped = (
            f"{s.scoped_nodes:,} / {s.scoped_edges:,} / {fmt(s.scoped_s)} s / "
            f"{_mib(s.scoped_rss_mib)}"
            if s.scoped_nodes is not None and s.scoped_edges is not None
            else "—"
        )
        cells = [
            f"{s.fraction:g}",
            f"{s.services:,}",
            f"{s.people:,}",
            f"{s.nodes:,}",
            f"{s.relationships:,}",
            fmt(s.load_s),
            fmt(s.load_rate),
            _mib(s.store_mib),
            _mib(s.neo4j_rss_mib),
            near,
            scoped,
            fmt(s.projection_s),
            _mib(s.projection_rss_mib),
            fmt(s.bottlenecks_s),
            s.stopped or "—",
        ]
        lines.append("| " + " | ".join(c.replace("|", "\\|") for c in cells) + " |")
    return lines
