"""One step of the scale curve's analytics, in a child process with a memory ceiling.

Run by :mod:`bench.uk` as ``python -m bench.scale_analysis --json OUT --memory-gib N``,
pointed at the benchmark's Neo4j through ``NEO4J_*``. It does what the bottlenecks report
does for a leader. First for one local authority's scope (``--scope``, Cardiff's code in
tile 0) through the product's own :func:`graph.repositories.analytics.bottlenecks`, as a
local team's leader asks; then for the whole graph in two timed stages: the projection into
networkx (:func:`queries.projection.relationship_graph`) and
:func:`queries.analytics.report.bottlenecks_report` with the product's defaults (betweenness
sampled from 256 sources above 5,000 nodes). After each stage it rewrites the JSON file, so
a parent that stops it for running out of time still knows how far it came.

The address-space ceiling (``RLIMIT_AS``) stands for the memory one machine can give the
analysis beside Neo4j: a stage that needs more fails with ``MemoryError``, or a native
extension dies at the ceiling (the parent then reports the signal and the kernel's peak);
either is reported as where this machine stops, not as a crash.
"""

from __future__ import annotations

import argparse
import json
import resource
import time
from pathlib import Path
from typing import Any

import neo4j

from graph.repositories.analytics import bottlenecks
from graph.settings import Neo4jSettings
from queries.analytics.report import bottlenecks_report
from queries.projection import relationship_graph

__all__ = ["main"]


def _peak_rss_mib() -> float:
    """This process's peak resident set so far (``ru_maxrss`` is in KiB on Linux)."""
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


def _save(path: Path, found: dict[str, Any]) -> None:
    path.write_text(json.dumps(found, indent=2) + "\n")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.scale_analysis")
    parser.add_argument("--json", type=Path, required=True, help="write the stages here")
    parser.add_argument("--memory-gib", type=float, default=8.0, help="address-space ceiling")
    parser.add_argument("--scope", default="W06000015", help="the scoped report's area id")
    args = parser.parse_args(argv)
    ceiling = int(args.memory_gib * 2**30)
    resource.setrlimit(resource.RLIMIT_AS, (ceiling, ceiling))
    settings = Neo4jSettings.from_env()
    found: dict[str, Any] = {"memory_gib": args.memory_gib, "stage": "scoped report"}
    _save(args.json, found)
    try:
        with neo4j.GraphDatabase.driver(settings.uri, auth=settings.auth) as driver:
            began = time.perf_counter()
            scoped = bottlenecks(driver, settings.database, scope=args.scope, top=20)
            found.update(
                scope=args.scope,
                scoped_s=round(time.perf_counter() - began, 1),
                scoped_nodes=scoped["assumptions"]["nodes"],
                scoped_edges=scoped["assumptions"]["edges"],
                scoped_rss_mib=_peak_rss_mib(),
            )
            found["stage"] = "projection"
            _save(args.json, found)
            began = time.perf_counter()
            graph = relationship_graph(driver, settings.database)
            found.update(
                projection_s=round(time.perf_counter() - began, 1),
                projection_rss_mib=_peak_rss_mib(),
                graph_nodes=graph.number_of_nodes(),
                graph_edges=graph.number_of_edges(),
                stage="bottlenecks",
            )
            _save(args.json, found)
        began = time.perf_counter()
        report = bottlenecks_report(graph, top=20)
        found.update(
            bottlenecks_s=round(time.perf_counter() - began, 1),
            analysis_rss_mib=_peak_rss_mib(),
            articulation_points=report["totals"].get("articulation_points"),
            bridges=report["totals"].get("bridges"),
            stage="done",
        )
    except MemoryError:
        found["stopped"] = f"{found['stage']} needed more than the {args.memory_gib:g} GiB ceiling"
    _save(args.json, found)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
