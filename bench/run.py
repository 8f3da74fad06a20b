"""``python -m bench.run --size small|wales``: the whole benchmark suite of issue 7.

Starts its own Neo4j (``.commongraph/bench``, free ports, 4 GiB heap / 4 GiB page cache),
applies the schema, loads the generated data, runs every measure, stops everything it
started, writes ``bench/results/<size>.json`` and regenerates ``docs/performance.md``. A
measure that fails is reported as "not measured: <reason>" instead of ending the run.
"""

from __future__ import annotations

import argparse
import os
import time
from collections.abc import Callable
from pathlib import Path

import httpx
import neo4j
from pydantic import BaseModel

from bench import concurrency, cpu, latency, mix, profiling, ui
from bench.bodies import near_body, same_data
from bench.curve import latest_curve
from bench.data import Centre, Size, draw_centres, load_dataset
from bench.external import run_script
from bench.loadgen import LoadResult, drive
from bench.machine import describe_machine
from bench.report import render
from bench.results import RESULTS_DIR, RunResult, latest_results
from bench.stack import (
    BENCH_STATE,
    PEER_DIR,
    ChildServer,
    bench_neo4j,
    neo4j_env,
    start_api,
    start_peer,
)
from bench.statements import bench_cypher
from bench.stats import Row, vm_hwm_mib
from graph.schema import apply_schema
from graph.server.config import PROJECT_ROOT
from graph.settings import Neo4jSettings

__all__ = ["Plan", "main", "run"]

DOC = PROJECT_ROOT / "docs" / "performance.md"


class Plan(BaseModel):
    """How hard each measure works at one size."""

    centres: int
    latency_rounds: int
    throughput_s: float
    warmup_s: float = 5
    throughput_connections: int = 16
    load_clients: int
    load_s: float
    analytics_args: list[str]
    load_args: list[str]
    script_timeout_s: float
    load_rps_goal: float | None = None


PLANS: dict[str, Plan] = {
    "tiny": Plan(
        centres=10,
        latency_rounds=1,
        throughput_s=2,
        warmup_s=1,
        throughput_connections=4,
        load_clients=4,
        load_s=2,
        analytics_args=["--quick"],
        load_args=["--quick"],
        script_timeout_s=60,
    ),
    "small": Plan(
        centres=100,
        latency_rounds=3,
        throughput_s=10,
        load_clients=50,
        load_s=10,
        analytics_args=["--quick"],
        load_args=["--quick"],
        script_timeout_s=120,
    ),
    "wales": Plan(
        centres=300,
        latency_rounds=3,
        throughput_s=20,
        load_clients=200,
        load_s=60,
        analytics_args=[],
        load_args=[],
        script_timeout_s=1200,
        load_rps_goal=4 * 70.0,
    ),
}


def say(message: str) -> None:
    print(f"[bench {time.strftime('%H:%M:%S')}] {message}", flush=True)


def _mix_goal(rps: float, errors: int, rps_goal: float | None) -> str:
    """The load mix's goal cell: no errors, and at Wales size four times the requests a
    second measured when issue 17 was filed (70 req/s, 2026-12-03)."""
    met = errors == 0 and (rps_goal is None or rps >= rps_goal)
    goal = "0 errors" if rps_goal is None else f"≥ {rps_goal:.0f} req/s, 0 errors"
    return goal + (" ✓" if met else " ✗")


def _attempt(result: RunResult, measure: str, goal: str, step: Callable[[], None]) -> None:
    """Run one measure; on failure add a 'not measured' row with the reason."""
    try:
        step()
    except Exception as exc:  # a broken measure must not lose the others
        reason = f"{type(exc).__name__}: {exc}".splitlines()[0][:300]
        say(f"{measure}: not measured ({reason})")
        result.rows.append(Row(measure=measure, goal=goal, skipped=reason))


def _latency(
    result: RunResult, settings: Neo4jSettings, api: ChildServer, centres: list[Centre], plan: Plan
) -> None:
    say(f"latency: {plan.latency_rounds} rounds over {len(centres)} centres, API vs driver")
    lat = latency.measure_latency(settings, api.url, centres, rounds=plan.latency_rounds)
    result.raw["latency"] = {
        "samples": lat.samples,
        "mismatches": lat.mismatches,
        "api_ms": {q: lat.p("api", q) for q in (50, 95, 99)},
        "driver_ms": {q: lat.p("driver", q) for q in (50, 95, 99)},
    }
    p50 = lat.p("api", 50) / lat.p("driver", 50)
    result.rows += [
        Row(
            measure="assetsNear p50 (GraphQL over HTTP ÷ same Cypher via driver)",
            ours=lat.p("api", 50),
            baseline=lat.p("driver", 50),
            unit="ms",
            goal="≤ 1.0",
            met=p50 <= 1.0,
        ),
        Row(
            measure="assetsNear p95 (GraphQL over HTTP ÷ same Cypher via driver)",
            ours=lat.p("api", 95),
            baseline=lat.p("driver", 95),
            unit="ms",
            goal="report",
        ),
    ]
    if lat.mismatches:
        result.notes.append(
            f"latency: {lat.mismatches} of {lat.samples} API pages differed from the driver's "
            "(ids in order)"
        )


def _warm_then_time(url: str, bodies: list[str], plan: Plan) -> LoadResult:
    """The same untimed warm-up under load for every side (Neo4j plans its statement, V8
    compiles the peer's hot paths, pools fill), then the timed run."""
    drive(url, bodies, connections=plan.throughput_connections, seconds=plan.warmup_s)
    return drive(url, bodies, connections=plan.throughput_connections, seconds=plan.throughput_s)


def _throughput(
    result: RunResult,
    settings: Neo4jSettings,
    api: ChildServer,
    bodies: list[str],
    plan: Plan,
    log_dir: Path,
) -> None:
    goal = "≥ 1.5"
    measure = (
        f"assetsNear throughput, {plan.throughput_connections} connections "
        "(req/s, ours ÷ @neo4j/graphql)"
    )
    say("throughput: starting the @neo4j/graphql peer")
    peer = start_peer(settings, log_dir)
    try:
        with httpx.Client(timeout=60.0, headers={"content-type": "application/json"}) as client:
            checked = bodies[:20]
            for body in checked:
                why = same_data(
                    client.post(api.url, content=body).json(),
                    client.post(peer.url, content=body).json(),
                )
                if why is not None:
                    raise RuntimeError(f"responses differ, not timed: {why}")
        say(
            f"throughput: {len(checked)} responses equal; {plan.warmup_s:.0f} s warm-up, then "
            f"{plan.throughput_s:.0f} s timed, per side"
        )
        ours = _warm_then_time(api.url, bodies, plan)
        api_rss = vm_hwm_mib(api.pid)
        theirs = _warm_then_time(peer.url, bodies, plan)
        peer_rss = vm_hwm_mib(peer.pid)
    finally:
        peer.stop()
    result.raw["throughput"] = {"ours": ours.model_dump(), "peer": theirs.model_dump()}
    result.rows += [
        Row(
            measure=measure,
            ours=ours.rps,
            baseline=theirs.rps,
            unit="req/s",
            goal=goal,
            met=theirs.rps > 0 and ours.rps / theirs.rps >= 1.5,
        ),
        Row(
            measure="p50 latency under that load (ms, ours ÷ peer)",
            ours=ours.p50_ms,
            baseline=theirs.p50_ms,
            unit="ms",
            goal="report",
        ),
        Row(
            measure="peak RSS under that load (MiB, API ÷ Node peer)",
            ours=api_rss,
            baseline=peer_rss,
            unit="MiB",
            goal="report",
        ),
    ]
    if ours.errors or theirs.errors:
        result.notes.append(f"throughput errors: ours {ours.errors}, peer {theirs.errors}")


def _throughput_workers(
    result: RunResult, settings: Neo4jSettings, bodies: list[str], plan: Plan, log_dir: Path
) -> None:
    """N API workers against N Node processes of the peer (N = the cores this run may use)."""
    n = len(os.sched_getaffinity(0))
    api = start_api(settings, log_dir, workers=n)
    try:
        ours = _warm_then_time(api.url, bodies, plan)
    finally:
        api.stop()
    peer = start_peer(settings, log_dir, processes=n)
    try:
        theirs = _warm_then_time(peer.url, bodies, plan)
    finally:
        peer.stop()
    result.raw["throughput_workers"] = {
        "processes": n,
        "ours": ours.model_dump(),
        "peer": theirs.model_dump(),
    }
    result.rows.append(
        Row(
            measure=f"assetsNear throughput, {n} API workers ÷ {n} Node processes (req/s)",
            ours=ours.rps,
            baseline=theirs.rps,
            unit="req/s",
            goal="≥ 1.5",
            met=theirs.rps > 0 and ours.rps / theirs.rps >= 1.5,
        )
    )


def _load_test(
    result: RunResult,
    settings: Neo4jSettings,
    api: ChildServer,
    bodies: list[str],
    centres: list[Centre],
    plan: Plan,
) -> None:
    """The operation mix of :mod:`bench.mix`, per operation (issue 17, measure 3)."""
    map_query, what = concurrency.map_body(api.url)
    leader, why = concurrency.api_key(settings, "leader") if map_query else (None, what)
    connector, no_connector = concurrency.api_key(settings, "connector")
    if connector is None:
        raise RuntimeError(no_connector)
    if map_query is None or leader is None:
        result.notes.append(f"load mix: relationshipMap left out ({why})")
    with neo4j.GraphDatabase.driver(settings.uri, auth=settings.auth) as driver:
        records, _, _ = driver.execute_query(
            bench_cypher("service_ids"), limit=500, database_=settings.database
        )
    requests = mix.schedule(
        bodies,
        centres=[(c.latitude, c.longitude) for c in centres],
        service_ids=[r["id"] for r in records],
        map_body=map_query,
        connector_key=connector,
        leader_key=leader,
    )
    # Untimed first, like the throughput sides: the mix's other statements (search, detail,
    # maps) have not run yet, and their first runs plan them and read cold pages.
    warmup = max(plan.warmup_s, plan.load_s / 4)
    say(f"load mix: {plan.load_clients} clients, {warmup:.0f} s untimed, then {plan.load_s:.0f} s")
    mix.drive_mix(api.url, requests, clients=plan.load_clients, seconds=warmup)
    neo4j_pids = cpu.neo4j_pids(str(BENCH_STATE))

    def used() -> dict[str, float]:
        return {
            "Neo4j": cpu.tree_seconds(neo4j_pids),
            "API": cpu.tree_seconds([api.pid]),
            "load generator": cpu.process_seconds(os.getpid()),  # without its children
        }

    before, busy_before = used(), cpu.machine_busy_seconds()
    run = mix.drive_mix(api.url, requests, clients=plan.load_clients, seconds=plan.load_s)
    split = cpu.cpu_split(before, used(), (busy_before, cpu.machine_busy_seconds()), run.seconds)
    result.raw["load_test_cpu"] = split.model_dump()
    label = f"load mix {plan.load_clients} clients × {plan.load_s:.0f} s"
    result.raw["load_test"] = run.model_dump()
    if run.errors:
        kinds = ", ".join(f"{kind} {count}" for kind, count in sorted(run.error_kinds.items()))
        result.notes.append(f"load mix errors by kind: {kinds}")
    result.rows.append(
        Row(
            measure=f"{label}: requests / errors",
            cells=[
                f"{label}: requests, errors",
                f"{run.requests:,} ({run.rps:.0f} req/s), {run.errors} errors",
                "—",
                "—",
                _mix_goal(run.rps, run.errors, plan.load_rps_goal),
            ],
        )
    )
    result.rows.append(
        Row(
            measure=f"{label}: CPU use",
            cells=[f"{label}: where the CPU went", split.describe(), "—", "—", "report"],
        )
    )
    for op in run.operations:
        share = mix.MIX.get(op.operation, 0)
        result.rows.append(
            Row(
                measure=f"{label}: {op.operation}",
                cells=[
                    f"{label}: {op.operation} ({share} % of requests), p50 / p95 / p99",
                    f"{op.p50_ms:.0f} / {op.p95_ms:.0f} / {op.p99_ms:.0f} ms "
                    f"({op.requests:,} requests, {op.errors} errors)",
                    "—",
                    "—",
                    "p99 ≤ 1500 ms" + (" ✓" if op.p99_ms <= 1500 else " ✗"),
                ],
            )
        )
    result.rows.append(
        Row(
            measure="API peak RSS after the load test (MiB)",
            ours=vm_hwm_mib(api.pid),
            unit="MiB",
            goal="report",
        )
    )


def _ui(result: RunResult, api: ChildServer) -> None:
    measure = f"relationship map of {ui.MAP_NODES:,} nodes: time to interactive in Chromium (ms)"
    found = ui.measure_map(api.url.removesuffix("/graphql"))
    if found.skipped:
        result.rows.append(Row(measure=measure, goal="report", skipped=found.skipped))
    else:
        result.rows.append(Row(measure=measure, ours=found.ready_ms, unit="ms", goal="report"))
        result.rows.append(
            Row(
                measure="one pan/zoom redraw of that map, median of 15 (ms)",
                ours=found.zoom_frame_ms,
                unit="ms",
                goal="< 100",
            )
        )


def _external(result: RunResult, settings: Neo4jSettings, plan: Plan, log_dir: Path) -> None:
    env = neo4j_env(settings)
    for name, args, goal in (
        ("bench_load.py", plan.load_args, "loader ÷ bare UNWIND ≥ 0.9"),
        ("bench_analytics.py", plan.analytics_args, "sampled k=256 < 10 s; recall ≥ 0.85"),
    ):
        say(f"running bench/{name} {' '.join(args)}")
        run_ = run_script(name, args, env=env, out_dir=log_dir, timeout=plan.script_timeout_s)
        result.raw[name] = run_.model_dump(mode="json")
        if not run_.ran:
            result.rows.append(Row(measure=f"bench/{name}", goal=goal, skipped=run_.reason or "?"))
            continue
        result.rows += run_.rows
        result.notes += [f"{name}: {n}" for n in run_.notes]
        if name == "bench_analytics.py":
            result.rows.append(
                Row(
                    measure="analytics run peak RSS (MiB, whole script)",
                    ours=run_.peak_rss_mib,
                    unit="MiB",
                    goal="report",
                )
            )


def run(size: Size, *, seed: int = 7, with_peer: bool = True, out_doc: Path = DOC) -> RunResult:
    """Run the suite at ``size``; write the JSON results and the performance page."""
    began = time.monotonic()
    plan = PLANS[size]
    log_dir = RESULTS_DIR / f"{size}-logs"
    log_dir.mkdir(parents=True, exist_ok=True)
    result = RunResult(size=size, seed=seed, machine=describe_machine(PEER_DIR))
    say(f"starting the benchmark's own Neo4j in .commongraph/bench ({size})")
    with bench_neo4j() as (settings, _layout):
        with neo4j.GraphDatabase.driver(settings.uri, auth=settings.auth) as driver:
            apply_schema(driver, settings.database)
            say("loading the generated data set")
            result.dataset = load_dataset(
                driver, size, seed=seed, database=settings.database, say=say
            )
            say(f"loaded: {result.dataset}")
            centres = draw_centres(driver, plan.centres, seed=seed, database=settings.database)
        bodies = [near_body(c) for c in centres]
        api = start_api(settings, log_dir)
        try:
            _attempt(
                result,
                "assetsNear p50",
                "≤ 1.0",
                lambda: _latency(result, settings, api, centres, plan),
            )
            if with_peer:
                _attempt(
                    result,
                    "assetsNear throughput vs @neo4j/graphql",
                    "≥ 1.5",
                    lambda: _throughput(result, settings, api, bodies, plan, log_dir),
                )
            if with_peer:
                _attempt(
                    result,
                    "assetsNear throughput, N workers vs N Node processes",
                    "≥ 1.5",
                    lambda: _throughput_workers(result, settings, bodies, plan, log_dir),
                )
            _attempt(
                result,
                "load test",
                "0 errors",
                lambda: _load_test(result, settings, api, bodies, centres, plan),
            )
            _attempt(result, "relationship map in Chromium", "report", lambda: _ui(result, api))
        finally:
            api.stop()

        def _profile() -> None:
            say("profiling the API path with pyinstrument")
            result.profile = profiling.profile_api(settings, bodies[:40], rounds=1)
            (log_dir / "profile.txt").write_text(result.profile.text)

        _attempt(result, "profile of the API path", "", _profile)
        _attempt(
            result, "standalone scripts", "", lambda: _external(result, settings, plan, log_dir)
        )
    result.seconds = round(time.monotonic() - began, 1)
    path = result.save()
    if size != "tiny":
        out_doc.write_text(render(latest_results(), latest_curve()))
        say(f"wrote {path.relative_to(PROJECT_ROOT)} and {out_doc.relative_to(PROJECT_ROOT)}")
    say(f"done in {result.seconds:.0f} s")
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.run", description=__doc__)
    parser.add_argument("--size", choices=["small", "wales"], default="small")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--no-peer", action="store_true", help="skip the @neo4j/graphql peer")
    parser.add_argument(
        "--render-only", action="store_true", help="regenerate the page from bench/results/"
    )
    args = parser.parse_args(argv)
    if args.render_only:
        DOC.write_text(render(latest_results(), latest_curve()))
        return 0
    run(args.size, seed=args.seed, with_peer=not args.no_peer)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
