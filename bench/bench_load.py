"""Benchmark of the ORUK loader (issue 3): records/s of ``load_service_records`` vs a bare UNWIND.

Run: ``python bench/bench_load.py [--records N] [--quick] [--json OUT]``. Generates N
synthetic HSDS 3.0 service records (seeded: organisations shared by many services, one or
two locations each with an address, schedules, phones, a shared taxonomy), then times

* **ours**: :func:`loaders.oruk.load_service_records` end to end (validation, flattening,
  hashing, the created/updated/unchanged check, batched ``UNWIND … MERGE`` in one
  transaction per batch), and
* **baseline**: a bare ``UNWIND $rows CREATE`` of exactly the node and relationship rows our
  flattener produced for the same records (flattening not timed), batched the same way,

each into an empty graph, and prints ``| measure | ours | baseline | ratio | goal |`` (ratio =
ours ÷ baseline on records/s; goal ≥ 0.9). A re-run of the same load (must be a no-op) is
timed too. Both paths are warmed up first on a tenth of the records. With NEO4J_URI set
(``make bench`` sets it to its own server) nothing but the benchmark's own rows is touched:
they carry a source of their own and are deleted by it; without it the script starts a
throwaway Neo4j of its own.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import neo4j

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from graph.oruk.models import Service
from graph.schema import apply_schema
from graph.server import manager
from graph.server.config import ServerLayout, ServerSizing
from graph.settings import Neo4jSettings
from loaders.batch import Step, write_transaction
from loaders.oruk import load_service_records
from loaders.oruk.rows import record_rows
from queries.catalog import cypher

GOAL = 0.9
DAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
TERMS = ("loneliness", "dementia", "carers", "debt", "food", "exercise", "mental health")


def synthetic_records(n: int, seed: int) -> list[dict[str, Any]]:
    """N full HSDS service records; the same seed gives the same records."""
    rng = random.Random(seed)

    def uid() -> str:
        return str(uuid.UUID(int=rng.getrandbits(128), version=4))

    taxonomy = {"id": uid(), "name": "Needs", "description": "What a service helps with"}
    terms = [{"id": uid(), "name": t, "description": t, "taxonomy_detail": taxonomy} for t in TERMS]
    orgs = [
        {"id": uid(), "name": f"Organisation {i}", "description": "A community organisation"}
        for i in range(max(1, n // 40))
    ]
    records = []
    for i in range(n):
        sals = []
        for _ in range(rng.choice((1, 1, 2))):
            lat, lon = 51.4 + rng.random() * 1.9, -5.2 + rng.random() * 2.5
            sals.append(
                {
                    "id": uid(),
                    "location": {
                        "id": uid(),
                        "location_type": "physical",
                        "name": f"Venue {i}",
                        "latitude": round(lat, 6),
                        "longitude": round(lon, 6),
                        "addresses": [
                            {
                                "id": uid(),
                                "address_1": f"{rng.randint(1, 200)} High Street",
                                "city": "Town",
                                "state_province": "Wales",
                                "postal_code": f"CF{rng.randint(1, 99)} {rng.randint(1, 9)}AA",
                                "country": "GB",
                                "address_type": "physical",
                            }
                        ],
                    },
                }
            )
        term = rng.choice(terms)
        records.append(
            {
                "id": uid(),
                "name": f"Service {i}",
                "description": "A community service " * rng.randint(1, 5),
                "status": "active",
                "email": f"hello{i}@example.org",
                "url": f"https://example.org/{i}",
                "minimum_age": rng.choice((0, 16, 18)),
                "last_modified": "2024-05-01T09:00:00Z",
                "organization": rng.choice(orgs),
                "service_at_locations": sals,
                "schedules": [
                    {
                        "id": uid(),
                        "freq": "WEEKLY",
                        "byday": rng.choice(DAYS),
                        "opens_at": "09:00",
                        "closes_at": "17:00",
                    }
                ],
                "phones": [{"id": uid(), "number": f"029 {rng.randint(1000000, 9999999)}"}],
                "attributes": [{"id": uid(), "taxonomy_term": term}],
            }
        )
    return records


def baseline_steps(records: list[dict[str, Any]], source: str) -> list[list[Step]]:
    """The same node/relationship rows our loader writes, as bare CREATE batches."""
    batches: list[list[Step]] = []
    nodes: dict[str, dict[str, Any]] = {}
    edges: list[dict[str, Any]] = []
    for record in records:
        rows = record_rows(Service.model_validate(record), source=source, mint_ids=True)
        for node_id, (label, props) in rows.nodes.items():
            nodes.setdefault(node_id, {"id": node_id, "label": label, "props": props})
        for (src, rel, dst), ordinal in rows.edges.items():
            edges.append({"src": src, "dst": dst, "type": rel, "ordinal": ordinal})
    node_rows, edge_rows = list(nodes.values()), edges
    size = 4000
    for start in range(0, len(node_rows), size):
        batches.append([Step("load/baseline_create_nodes", node_rows[start : start + size])])
    for start in range(0, len(edge_rows), size):
        batches.append([Step("load/baseline_create_edges", edge_rows[start : start + size])])
    return batches


def clear(driver: neo4j.Driver, source: str) -> None:
    """Delete the benchmark's own nodes (by provenance) and nothing else."""
    while True:
        records, _, _ = driver.execute_query(
            cypher("load/delete_source_batch"), source=source, limit=10_000
        )
        if not records or not records[0]["deleted"]:
            return


@contextmanager
def neo4j_for_bench() -> Iterator[Neo4jSettings]:
    """NEO4J_* when set (the benchmark's server); otherwise a throwaway local server."""
    if os.environ.get("NEO4J_URI"):
        yield Neo4jSettings.from_env()
        return
    state = Path(tempfile.mkdtemp(prefix="commongraph-bench-load-"))
    from tests.support.ports import free_port

    layout = ServerLayout(state_dir=state, bolt_port=free_port(), http_port=free_port())
    manager.start(layout, ServerSizing.from_env())
    try:
        yield Neo4jSettings.model_validate(
            {"uri": layout.bolt_uri, "password": manager.read_password(layout)}
        )
    finally:
        manager.stop(layout)
        shutil.rmtree(state, ignore_errors=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=20_000)
    parser.add_argument("--quick", action="store_true", help="5,000 records")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--json", type=Path, help="also write the rows as JSON here")
    args = parser.parse_args()
    n = 5_000 if args.quick else args.records
    records = synthetic_records(n, args.seed)
    source = f"bench:load:{uuid.uuid4().hex[:8]}"
    with (
        neo4j_for_bench() as settings,
        neo4j.GraphDatabase.driver(settings.uri, auth=settings.auth) as driver,
    ):
        apply_schema(driver, settings.database)
        db = settings.database
        clear(driver, source)
        # Warm the JVM and the page cache for both paths on a tenth of the records first, so
        # neither timing pays for a cold server.
        warm = synthetic_records(max(100, n // 10), args.seed + 1)
        for batch in baseline_steps(warm, source):
            write_transaction(driver, batch, database=db)
        clear(driver, source)
        load_service_records(driver, warm, source, database=db, mint_ids=True)
        clear(driver, source)
        steps = baseline_steps(records, source)
        began = time.perf_counter()
        for batch in steps:
            write_transaction(driver, batch, database=db)
        baseline_s = time.perf_counter() - began
        clear(driver, source)

        began = time.perf_counter()
        summary = load_service_records(driver, records, source, database=db, mint_ids=True)
        ours_s = time.perf_counter() - began
        assert summary.created == n and summary.rejected == 0, summary.problems[:3]

        began = time.perf_counter()
        again = load_service_records(driver, records, source, database=db, mint_ids=True)
        rerun_s = time.perf_counter() - began
        assert again.unchanged == n and again.created == again.updated == 0
        clear(driver, source)

    ours_rate, base_rate = n / ours_s, n / baseline_s
    rows = [
        {
            "measure": f"load {n:,} HSDS service records (records/s)",
            "ours": round(ours_rate, 1),
            "baseline": round(base_rate, 1),
            "ratio": round(ours_rate / base_rate, 3),
            "goal": f"≥ {GOAL}",
            "note": "baseline: bare UNWIND CREATE of the same node/relationship rows",
        },
        {
            "measure": f"re-load of the same {n:,} records, a no-op (records/s)",
            "ours": round(n / rerun_s, 1),
            "baseline": None,
            "ratio": None,
            "goal": "report",
        },
    ]
    print("| measure | ours | baseline | ratio | goal |")
    print("|---|---|---|---|---|")
    for row in rows:
        cells = [row["measure"], row["ours"], row["baseline"], row["ratio"], row["goal"]]
        print("| " + " | ".join("—" if c is None else str(c) for c in cells) + " |")
    if args.json:
        args.json.write_text(json.dumps({"rows": rows, "records": n, "seed": args.seed}))
    return 0  # the ratio is reported, not enforced here: bench/run.py judges it against GOAL


if __name__ == "__main__":
    raise SystemExit(main())
