"""``python -m bench.uk`` (``make bench-uk``; not run in CI): where one machine stops.

The curve of issue 17: generated data sets of the Wales-scale structure at growing shares of
UK size (:func:`loaders.generator.scale.uk_spec`: 0.5 M services, 2 M people, ~10 M
relationships at 1.0). For each step it

1. starts a fresh Neo4j of its own in ``.commongraph/bench-uk`` (4 GiB heap, 8 GiB page
   cache: the UK-size store is several GiB, more than the Wales benchmark's 4 GiB cache),
   applies the schema and loads the set through :func:`loaders.demo.load_scale`, the
   product's loader: seconds, nodes and relationships, the store's size on disk and Neo4j's
   peak resident memory;
2. times ``assetsNear`` over HTTP against the same Cypher through the driver
   (:func:`bench.latency.measure_latency`, 100 centres drawn from the loaded locations);
3. runs the bottlenecks report as a leader's request does, in a child process
   (:mod:`bench.scale_analysis`) held to a memory ceiling and a time budget: projection
   seconds and peak memory, report seconds, or where it stopped and why.

It writes ``bench/results/uk.json`` and regenerates docs/performance.md, whose "Past one
machine" section shows the curve. A step that fails is recorded with its reason; the steps
after it still run.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import neo4j

from bench.curve import Curve, Step, latest_curve
from bench.data import draw_centres
from bench.latency import measure_latency
from bench.machine import describe_machine
from bench.report import render
from bench.results import RESULTS_DIR, latest_results
from bench.run import DOC, say
from bench.stack import PEER_DIR, bench_neo4j, neo4j_env, start_api
from bench.statements import bench_cypher
from bench.stats import vm_hwm_mib
from graph.schema import apply_schema
from graph.server import manager
from graph.server.config import PROJECT_ROOT, ServerLayout, ServerSizing
from graph.settings import Neo4jSettings
from loaders.demo import load_scale
from loaders.generator.scale import uk_spec

__all__ = ["main", "run_curve"]

STATE = PROJECT_ROOT / ".commongraph" / "bench-uk"
#: A bulk load of millions of rows on a 2-core machine that may be shared: each transaction
#: may take up to 15 minutes, not the product's 2 (the load's progress lines name any batch
#: slower than 20 s; none was in the UK-size run).
SIZING = ServerSizing(heap="4g", pagecache="8g", transaction_timeout="900s")
LOG_DIR = RESULTS_DIR / "uk-logs"


def _store_mib(layout: ServerLayout) -> float:
    """Bytes under Neo4j's data folder (stores and transaction logs), in MiB."""
    data = layout.home_dir / "data"
    total = sum(p.stat().st_size for p in data.rglob("*") if p.is_file())
    return round(total / 2**20, 1)


def _load(step: Step, settings: Neo4jSettings, layout: ServerLayout, seed: int) -> None:
    spec = uk_spec(step.fraction)
    with neo4j.GraphDatabase.driver(settings.uri, auth=settings.auth) as driver:
        apply_schema(driver, settings.database)
        report = load_scale(driver, spec, seed=seed, database=settings.database, progress=say)
        records, _, _ = driver.execute_query(
            bench_cypher("graph_size"), database_=settings.database
        )
    step.load_s = report.seconds
    counts = records[0]
    step.services, step.people = int(counts["services"]), int(counts["people"])
    step.nodes, step.relationships = int(counts["nodes"]), int(counts["relationships"])
    step.store_mib = _store_mib(layout)
    say(f"loaded {step.nodes:,} nodes, {step.relationships:,} relationships in {step.load_s} s")


def _latency(step: Step, settings: Neo4jSettings, seed: int) -> None:
    with neo4j.GraphDatabase.driver(settings.uri, auth=settings.auth) as driver:
        centres = draw_centres(driver, 100, seed=seed, database=settings.database)
    api = start_api(settings, LOG_DIR)
    try:
        lat = measure_latency(settings, api.url, centres, rounds=2)
    finally:
        api.stop()
    step.near_p50_ms = round(lat.p("api", 50), 1)
    step.near_p95_ms = round(lat.p("api", 95), 1)
    step.driver_p50_ms = round(lat.p("driver", 50), 1)
    step.near_samples = lat.samples
    say(f"assetsNear p50 {step.near_p50_ms} ms (driver {step.driver_p50_ms} ms)")


def _analysis(step: Step, settings: Neo4jSettings, memory_gib: float, budget_s: float) -> None:
    out = LOG_DIR / f"analysis-{step.fraction:g}.json"
    out.unlink(missing_ok=True)
    argv = [sys.executable, "-m", "bench.scale_analysis", "--json", str(out)]
    child = subprocess.Popen(
        [*argv, "--memory-gib", str(memory_gib)],
        cwd=PROJECT_ROOT,
        env={**os.environ, **neo4j_env(settings)},
    )
    status, peak_mib, timed_out = _reap(child, budget_s)
    found = json.loads(out.read_text()) if out.is_file() else {}
    measured = (
        "scoped_s", "scoped_nodes", "scoped_edges", "scoped_rss_mib", "projection_s",
        "projection_rss_mib", "graph_nodes", "graph_edges", "bottlenecks_s", "analysis_rss_mib",
    )  # fmt: skip
    for key in measured:
        setattr(step, key, found.get(key))
    stage = found.get("stage", "analysis")
    if timed_out:
        step.stopped = f"{stage} not done within {budget_s:.0f} s"
    elif found.get("stopped"):
        step.stopped = str(found["stopped"])
    elif status != 0:
        # Near the address-space ceiling a native extension may fail an allocation by dying
        # rather than raising MemoryError; the kernel's peak says how close it was.
        why = f"signal {-status}" if status < 0 else f"exit status {status}"
        step.stopped = f"{stage}: the process died ({why}) at {peak_mib / 1024:.1f} GiB"
    say(f"analysis: {found}; {step.stopped or 'done'}")


def _reap(child: subprocess.Popen[bytes], budget_s: float) -> tuple[int, float, bool]:
    """Wait for ``child`` (killed after ``budget_s``); its exit status (negative: the
    signal), its peak resident memory in MiB from the kernel (``wait4``), and whether it
    ran out of time."""
    deadline = time.monotonic() + budget_s
    timed_out = False
    while True:
        pid, status, usage = os.wait4(child.pid, os.WNOHANG)
        if pid:
            child.returncode = os.waitstatus_to_exitcode(status)
            return child.returncode, usage.ru_maxrss / 1024, timed_out
        if time.monotonic() > deadline and not timed_out:
            child.kill()
            timed_out = True
        time.sleep(0.5)


def _step(curve: Curve, fraction: float, seed: int, *, reuse: Step | None = None) -> Step:
    """Load, search and analyse at ``fraction``; with ``reuse`` (the step measured last on
    the store still in ``.commongraph/bench-uk``), only analyse again."""
    step = reuse.model_copy() if reuse is not None else Step(fraction=fraction)
    fresh = reuse is None
    say(f"step {fraction:g} of UK size: {'a fresh' if fresh else 'the loaded'} Neo4j")
    with bench_neo4j(fresh=fresh, state=STATE, sizing=SIZING) as (settings, layout):
        stages: tuple[tuple[str, Callable[[], None]], ...] = (
            ("load", lambda: _load(step, settings, layout, seed)),
            ("assetsNear", lambda: _latency(step, settings, seed)),
            (
                "analysis",
                lambda: _analysis(
                    step, settings, curve.analysis_memory_gib, curve.analysis_budget_s
                ),
            ),
        )
        if not fresh:
            step.stopped = None
            stages = stages[2:]
        for name, stage in stages:
            try:
                stage()
            except Exception as exc:  # a failed stage is a finding, not the end of the run
                step.stopped = f"{name}: {type(exc).__name__}: {exc}".splitlines()[0][:300]
                say(step.stopped)
                break
        pid = manager.status(layout).pid
        if fresh:
            step.neo4j_rss_mib = vm_hwm_mib(pid) if pid else None
    return step


def run_curve(
    fractions: list[float],
    *,
    seed: int = 7,
    memory_gib: float = 8.0,
    budget_s: float = 1200.0,
    keep: bool = False,
    analysis_only: bool = False,
    out_doc: Path = DOC,
) -> Curve:
    """Measure every step; save the curve after each one (a long run keeps what it found).
    With ``keep``, the steps of the last saved curve at other sizes stay in it; with
    ``analysis_only`` (one step: the store left by the last run), only its analysis is
    measured again."""
    began = time.monotonic()
    LOG_DIR.mkdir(parents=True, exist_ok=True)
    curve = Curve(
        machine=describe_machine(PEER_DIR),
        seed=seed,
        heap=SIZING.heap,
        pagecache=SIZING.pagecache,
        analysis_memory_gib=memory_gib,
        analysis_budget_s=budget_s,
    )
    kept = latest_curve() if keep or analysis_only else None
    if kept is not None:
        curve.steps = [s for s in kept.steps if s.fraction not in fractions]
        curve.seconds = kept.seconds
    for fraction in fractions:
        again = None
        if analysis_only and kept is not None:
            again = next(s for s in kept.steps if s.fraction == fraction)
        curve.steps.append(_step(curve, fraction, seed, reuse=again))
        curve.steps.sort(key=lambda s: s.fraction)
        curve.seconds = round((kept.seconds if kept else 0) + time.monotonic() - began, 1)
        curve.save()
    if latest_results():
        out_doc.write_text(render(latest_results(), latest_curve()))
    say(f"done in {curve.seconds:.0f} s")
    return curve


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.uk", description=__doc__)
    parser.add_argument(
        "--steps",
        default="0.1,0.25,1",
        help="shares of UK size to measure, comma-separated (default 0.1,0.25,1)",
    )
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--memory-gib", type=float, default=8.0, help="analysis memory ceiling")
    parser.add_argument("--budget-s", type=float, default=1200.0, help="analysis time budget")
    parser.add_argument(
        "--keep", action="store_true", help="keep the last curve's steps at other sizes"
    )
    parser.add_argument(
        "--analysis-only",
        action="store_true",
        help="analyse the store the last run left again (one step, the last one loaded)",
    )
    args = parser.parse_args(argv)
    fractions = [float(part) for part in args.steps.split(",") if part.strip()]
    run_curve(
        fractions,
        seed=args.seed,
        memory_gib=args.memory_gib,
        budget_s=args.budget_s,
        keep=args.keep,
        analysis_only=args.analysis_only,
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
