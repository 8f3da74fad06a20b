"""Benchmark of the pure analytics (issue 5): sampled brokers at 100k nodes, recall, dedup.

Run: ``python bench/bench_analytics.py [--json OUT] [--quick]``. Prints a markdown table
``| measure | ours | baseline | ratio | goal |`` (ratio = ours / baseline) and writes the same
figures as JSON to ``--json``. Peak RSS comes from ``resource.getrusage``.

Baselines: networkx's own sampled ``betweenness_centrality`` is timed on the full-size graph
with fewer sources (``--nx-k``) and scaled linearly to ``k`` sources (Brandes' cost is
linear in the number of sources), and says so; recall is against exact betweenness on a
smaller graph of the same shape.
"""

from __future__ import annotations

import argparse
import json
import platform
import resource
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import networkx as nx

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from queries.analytics.betweenness import betweenness, brokers
from queries.analytics.coverage import DemandPoint, SupplyPoint, e2sfca
from queries.analytics.duplicates import duplicate_groups
from queries.analytics.report import STRATIFY, bottlenecks_report
from queries.analytics.synthetic import clustered_network
from queries.analytics.synthetic_listings import generate_listings

T = TypeVar("T")


def timed(fn: Callable[[], T]) -> tuple[T, float]:
    start = time.perf_counter()
    out = fn()
    return out, time.perf_counter() - start


def top_ids(scores: dict[Any, float], n: int = 20) -> set[Any]:
    return set(sorted(scores, key=lambda v: (-scores[v], str(v)))[:n])


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--json", type=Path, help="write the results as JSON here")
    ap.add_argument("--n", type=int, default=100_000)
    ap.add_argument("--m", type=int, default=300_000)
    ap.add_argument("--k", type=int, default=256)
    ap.add_argument("--nx-k", type=int, default=8, help="sources for the timed networkx run")
    ap.add_argument("--recall-n", type=int, default=5_000)
    ap.add_argument("--listings", type=int, default=50_000)
    ap.add_argument("--jobs", type=int, default=None, help="worker processes (default: CPUs)")
    ap.add_argument("--seed", type=int, default=42)
    ap.add_argument("--quick", action="store_true", help="a 10x smaller run, for smoke tests")
    args = ap.parse_args()
    if args.quick:
        args.n, args.m, args.recall_n, args.listings = 10_000, 30_000, 2_000, 5_000
    rows: list[dict[str, Any]] = []

    def row(measure: str, ours: float, baseline: float | None, goal: str, note: str = "") -> None:
        ratio = ours / baseline if baseline else None
        rows.append(
            {
                "measure": measure,
                "ours": ours,
                "baseline": baseline,
                "ratio": ratio,
                "goal": goal,
                "note": note,
            }
        )

    G, t_gen = timed(lambda: clustered_network(args.n, args.m, seed=1))
    print(f"generated {len(G)} nodes, {G.number_of_edges()} edges in {t_gen:.1f}s", flush=True)

    import os

    jobs = args.jobs or os.cpu_count() or 1
    top, t_serial = timed(
        lambda: brokers(G, 20, k=args.k, seed=args.seed, n_jobs=1, stratify=STRATIFY)
    )
    _, t_ours = timed(
        lambda: brokers(G, 20, k=args.k, seed=args.seed, n_jobs=jobs, stratify=STRATIFY)
    )
    _, t_nx_small = timed(lambda: nx.betweenness_centrality(G, k=args.nx_k, seed=args.seed))
    t_nx = t_nx_small * args.k / args.nx_k
    note = f"networkx timed with k={args.nx_k} at full size, scaled x{args.k / args.nx_k:g}"
    row(f"brokers k={args.k}, {args.n} nodes, 1 process (s)", t_serial, t_nx, "< 10 s", note)
    row(f"brokers k={args.k}, {jobs} processes (s)", t_ours, t_nx, "< 10 s", note)
    planted = set(G.graph["brokers"])
    found = len(planted & {r["id"] for r in top}) / len(planted)
    row("planted brokers in top 20 (share)", found, None, "1.0")

    R = clustered_network(args.recall_n, 3 * args.recall_n, seed=11)
    exact, t_exact = timed(lambda: betweenness(R, n_jobs=args.jobs))
    truth = top_ids(exact)
    strat, plain = [], []
    for s in range(5):
        sampled = betweenness(R, k=args.k, seed=s, stratify=STRATIFY)
        strat.append(len(truth & top_ids(sampled)) / 20)
        uniform = betweenness(R, k=args.k, seed=s)
        plain.append(len(truth & top_ids(uniform)) / 20)
    mean_strat, mean_plain = sum(strat) / 5, sum(plain) / 5
    row(
        f"top-20 recall vs exact, {args.recall_n} nodes (mean of 5 seeds)",
        mean_strat,
        mean_plain,
        ">= 0.85",
        "ours: stratified systematic sample; baseline: uniform sample (networkx's)",
    )
    row("top-20 recall, worst of 5 seeds", min(strat), min(plain), ">= 0.85")
    row(f"exact betweenness, {args.recall_n} nodes (s)", t_exact, None, "")

    S = clustered_network(2_000, 6_000, seed=5)
    ours_exact = betweenness(S, engine="igraph")
    ref_exact, t_nx_exact = timed(lambda: nx.betweenness_centrality(S))
    _, t_ig_exact = timed(lambda: betweenness(S, engine="igraph"))
    diff = max(abs(ours_exact[v] - ref_exact[v]) / max(ref_exact[v], 1e-300) for v in S)
    row("exact betweenness 2k nodes (s)", t_ig_exact, t_nx_exact, "faster than networkx")
    row("max relative difference vs networkx (exact)", diff, None, "<= 1e-9")

    report, t_report = timed(lambda: bottlenecks_report(G, top=20, seed=args.seed))
    row(f"bottlenecks_report, {args.n} nodes (s)", t_report, None, "", "all sections")
    json.dumps(report, allow_nan=False)

    data = generate_listings(args.listings, seed=3)
    groups, t_dup = timed(lambda: duplicate_groups(data.listings))
    pairs: set[tuple[str, str]] = set()
    for g in groups:
        ids = g["ids"]
        pairs.update((a, b) for i, a in enumerate(ids) for b in ids[i + 1 :])
    truth_pairs = data.true_pairs()
    hits = len(pairs & truth_pairs)
    n_listings = len(data.listings)
    row(f"duplicate listings, {n_listings} listings (s)", t_dup, None, "")
    row("duplicate precision", hits / max(1, len(pairs)), None, ">= 0.95")
    row("duplicate recall", hits / len(truth_pairs), None, ">= 0.9")

    import random

    rng = random.Random(4)
    needs = ("dementia", "loneliness", "diabetes")
    demand = [
        DemandPoint(f"A{i}", need, rng.uniform(51.4, 53.3), rng.uniform(-4.6, -2.7), 1500.0)
        for i in range(2_000)
        for need in needs
    ]
    supply = [
        SupplyPoint(f"S{j}", rng.uniform(51.4, 53.3), rng.uniform(-4.6, -2.7), (rng.choice(needs),))
        for j in range(50_000)
    ]
    _cov, t_cov = timed(lambda: e2sfca(demand, supply, radius_km=5.0))
    row("E2SFCA 2k areas x 3 needs, 50k services (s)", t_cov, None, "")

    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    row("peak RSS (MB)", peak_mb, None, "")

    def fmt(x: float | None) -> str:
        if x is None:
            return "-"
        return f"{x:.3g}" if abs(x) < 1000 else f"{x:,.0f}"

    print()
    load = os.getloadavg()[0]
    print(
        f"Machine: {platform.machine()}, {os.cpu_count()} CPUs, load average {load:.1f} "
        f"at the end, Python {platform.python_version()}"
    )
    print("| measure | ours | baseline | ratio | goal |")
    print("| --- | --- | --- | --- | --- |")
    for r in rows:
        print(
            f"| {r['measure']} | {fmt(r['ours'])} | {fmt(r['baseline'])} | {fmt(r['ratio'])} "
            f"| {r['goal']} |"
        )
    for r in rows:
        if r["note"]:
            print(f"- {r['measure']}: {r['note']}")
    if args.json:
        args.json.write_text(
            json.dumps(
                {
                    "rows": rows,
                    "args": {k: str(v) for k, v in vars(args).items()},
                    "recall_seeds": {"stratified": strat, "uniform": plain},
                },
                indent=2,
            )
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
