"""Generate and load the benchmark graph, and draw search centres from it.

The data is the seeded Wales-scale generator of :mod:`loaders.generator.scale` (issue 3):
``wales`` is its default size (~50k assets, ~100k people, ~1M relationships), ``small`` the
same structure at 1/25 of the size. It is loaded through the project's own loaders when they
are importable (``loaders.demo.load_demo`` at Wales scale; ``loaders.oruk`` +
``loaders.relationships`` otherwise), so the benchmark measures the graph the product builds.
While those loaders are not there yet, a minimal loader of the same node and relationship
shape (``bench/cypher/load_*.cypher``) stands in, and the report says which one ran.
"""

from __future__ import annotations

import importlib
import time
from collections.abc import Callable, Iterable
from typing import Any, Literal

import neo4j
import numpy as np
from pydantic import BaseModel

from bench.statements import bench_cypher
from loaders.generator.scale import ScaleSpec, WalesScale, wales_scale

__all__ = ["SIZES", "Centre", "Dataset", "Size", "draw_centres", "load_dataset", "wipe"]

Size = Literal["tiny", "small", "wales"]

SIZES: dict[Size, ScaleSpec] = {
    "tiny": ScaleSpec(assets=300, people=600, brokers=10, broker_ties=20, batch_size=2_000),
    "small": ScaleSpec(assets=2_000, people=4_000, brokers=20, broker_ties=50),
    "wales": ScaleSpec(),
}
Say = Callable[[str], None]


class Centre(BaseModel):
    """A search centre (WGS-84 degrees)."""

    latitude: float
    longitude: float


class Dataset(BaseModel):
    """What was loaded, how, and how long it took."""

    size: Size
    seed: int
    loader: str
    seconds: float
    nodes: int
    relationships: int
    services: int
    people: int


def wipe(driver: neo4j.Driver, database: str, batch: int = 20_000) -> None:
    """Delete every node and relationship, in bounded transactions."""
    while True:
        records, _, _ = driver.execute_query(
            bench_cypher("wipe_batch"), limit=batch, database_=database
        )
        if not records or records[0]["deleted"] == 0:
            return


def _project_loaders() -> tuple[Callable[..., Any], Callable[..., Any]] | None:
    try:
        oruk = importlib.import_module("loaders.oruk")
        relationships = importlib.import_module("loaders.relationships")
        return oruk.load_service_records, relationships.load_relationship_rows
    except (ImportError, AttributeError):
        return None


def _run_rows(driver: neo4j.Driver, name: str, rows: list[dict[str, Any]], database: str) -> None:
    driver.execute_query(bench_cypher(name), rows=rows, database_=database)


def _service_rows(batch: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    rows = []
    for record in batch:
        org = record["organization"]
        for sal in record.get("service_at_locations", []):
            loc = sal["location"]
            if loc.get("latitude") is None or loc.get("longitude") is None:
                continue
            rows.append(
                {
                    "id": record["id"],
                    "name": record["name"],
                    "description": record.get("description"),
                    "status": record["status"],
                    "org_id": org["id"],
                    "org_name": org["name"],
                    "sector": org.get("sector"),
                    "sal_id": sal["id"],
                    "loc_id": loc["id"],
                    "latitude": loc["latitude"],
                    "longitude": loc["longitude"],
                    "source": record.get("source", "bench"),
                }
            )
    return rows


def _fallback_load(driver: neo4j.Driver, data: WalesScale, database: str, say: Say) -> None:
    for batch in data.asset_batches():
        _run_rows(driver, "load_services", _service_rows(batch), database)
    say("  services loaded (bench fallback loader)")
    for nodes in data.node_batches():
        _run_rows(driver, "load_nodes", nodes, database)
    for i, edges in enumerate(data.edge_batches()):
        _run_rows(driver, "load_edges", edges, database)
        if i % 20 == 19:
            say(f"  {(i + 1) * data.spec.batch_size:,} relationships")


def _project_load(
    driver: neo4j.Driver,
    data: WalesScale,
    loaders: tuple[Callable[..., Any], Callable[..., Any]],
    say: Say,
) -> None:
    load_services, load_relationships = loaders
    for batch in data.asset_batches():
        load_services(driver, batch, "bench:wales-scale")
    say("  services loaded (project ORUK loader)")
    for nodes in data.node_batches():
        load_relationships(driver, nodes, [], "bench:wales-scale")
    for edges in data.edge_batches():
        load_relationships(driver, [], edges, "bench:wales-scale")


def load_dataset(
    driver: neo4j.Driver,
    size: Size,
    *,
    seed: int = 0,
    database: str = "neo4j",
    say: Say = lambda _msg: None,
) -> Dataset:
    """Wipe the graph and load the generated data set of ``size``; report what is there."""
    began = time.monotonic()
    wipe(driver, database)
    data = wales_scale(seed, SIZES[size])
    loaders = _project_loaders()
    if loaders is None:
        loader = "bench fallback (project loaders not importable yet)"
        _fallback_load(driver, data, database, say)
    elif size == "wales":
        demo = importlib.import_module("loaders.demo")
        loader = "project: loaders.demo.load_demo(scale='wales')"
        demo.load_demo(driver, seed=seed, scale="wales", database=database, progress=say)
    else:
        loader = "project: loaders.oruk + loaders.relationships"
        _project_load(driver, data, loaders, say)
    records, _, _ = driver.execute_query(bench_cypher("graph_size"), database_=database)
    counts = records[0].data()
    return Dataset(
        size=size, seed=seed, loader=loader, seconds=round(time.monotonic() - began, 1), **counts
    )


def draw_centres(
    driver: neo4j.Driver, count: int, *, seed: int, database: str = "neo4j", jitter_km: float = 2.0
) -> list[Centre]:
    """``count`` centres near randomly chosen locations (seeded), each moved up to ``jitter_km``."""
    records, _, _ = driver.execute_query(bench_cypher("location_points"), database_=database)
    if not records:
        raise RuntimeError("the benchmark graph has no locations to search around")
    rng = np.random.default_rng(seed)
    picks = rng.integers(0, len(records), count)
    # ~111 km per degree of latitude; longitude degrees shrink by cos(latitude) (~0.62 in Wales)
    d_lat = rng.uniform(-1, 1, count) * jitter_km / 111.0
    d_lon = rng.uniform(-1, 1, count) * jitter_km / (111.0 * 0.62)
    return [
        Centre(
            latitude=round(float(records[i]["latitude"]) + float(d_lat[j]), 6),
            longitude=round(float(records[i]["longitude"]) + float(d_lon[j]), 6),
        )
        for j, i in enumerate(picks)
    ]
