"""Re-importing the project's own ORUK export creates nothing: each record finds the node it
was published from (by its `oruk_id`), whatever id that node has in the graph (open-data ids
such as ``gp:W97018`` are published under UUIDs)."""

from __future__ import annotations

import json
import random
from pathlib import Path

import neo4j
import pytest

from graph.settings import Neo4jSettings
from loaders.export.oruk import export_oruk
from loaders.oruk import load_oruk_path, load_service_records
from tests.support.bulk import service_record
from tests.support.wipe import wipe_graph

pytestmark = pytest.mark.neo4j

COUNT = "MATCH (n:Entity) RETURN count(n) AS n"


def _count(driver: neo4j.Driver) -> int:
    return int(driver.execute_query(COUNT).records[0]["n"])


@pytest.mark.parametrize("stored_by", ["oruk", "another loader"])
def test_loading_our_own_export_again_creates_and_changes_nothing(
    driver: neo4j.Driver, neo4j_settings: Neo4jSettings, tmp_path: Path, stored_by: str
) -> None:
    wipe_graph(driver, neo4j_settings.database)
    rng = random.Random(11)
    records = []
    for i in range(20):
        record = service_record(i, rng)
        record["id"] = f"gp:W{97000 + i}"  # an open-data id, not a UUID
        records.append(record)
    first = load_service_records(driver, records, "ods:test")
    assert first.created == 20
    if stored_by == "another loader":  # the open-data loaders keep no ORUK content hash
        driver.execute_query("MATCH (s:Service) REMOVE s.oruk_hash")
    before = _count(driver)
    out = tmp_path / "services.json"
    export_oruk(driver, out, database=neo4j_settings.database)
    published = json.loads(out.read_text("utf-8"))
    assert len(published) == 20 and all(not r["id"].startswith("gp:") for r in published)

    again = load_oruk_path(driver, out)
    assert (again.created, again.updated, again.unchanged, again.rejected) == (0, 0, 20, 0)
    assert _count(driver) == before
    sources = driver.execute_query(
        "MATCH (s:Service) RETURN collect(DISTINCT s.source) AS sources, count(s) AS n"
    ).records[0]
    assert sources["n"] == 20 and sources["sources"] == ["ods:test"]  # provenance kept
    export_oruk(driver, tmp_path / "again.json", database=neo4j_settings.database)
    assert (tmp_path / "again.json").read_bytes() == out.read_bytes()
