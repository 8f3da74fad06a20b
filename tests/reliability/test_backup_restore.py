"""Backup with ``export oruk`` + ``export graphml``, restore with ``load`` into an empty graph.

What is compared: the fingerprint (tests/support/fingerprint.py) of the whole graph before
and after — every node's labels and properties and every relationship's type, endpoints and
properties — leaving out only the load timestamps (``created_at``, ``updated_at``) and the
loaders' change-detection hashes listed in ``NOT_CARRIED`` (bookkeeping the formats do not
carry). The directory part (services with their organisation, locations, addresses,
schedules, phones, contacts, languages, cost options) travels as ORUK 3.0 JSON; the
relationship part (people, organisations and their KNOWS / WORKS_WITH / WORKS_FOR ties with
weights) travels as GraphML, which the test turns into the ``load relationships`` CSV
tables (the documented import format) — the only step not done by a ``commongraph`` command.
"""

from __future__ import annotations

import csv
from pathlib import Path

import neo4j
import networkx as nx
import pytest

from graph.settings import Neo4jSettings
from tests.reliability.conftest import commongraph
from tests.support.bulk import write_relationship_tables, write_services
from tests.support.figures import record
from tests.support.fingerprint import LOAD_TIME_KEYS, graph_fingerprint
from tests.support.wipe import wipe_graph

pytestmark = [pytest.mark.neo4j, pytest.mark.slow]

NOT_CARRIED = LOAD_TIME_KEYS | {"oruk_hash"}
NODE_COLUMNS = ("id", "kind", "name", "tribe", "organisation_id")


def _ok(*args: str) -> None:
    result = commongraph(*args)
    assert result.returncode == 0, result.stderr


def _tables_from_graphml(graphml: Path, folder: Path, oruk_ids: set[str]) -> tuple[Path, Path]:
    """``nodes.csv``/``edges.csv`` from the GraphML (nodes the ORUK file restores are skipped)."""
    graph = nx.read_graphml(graphml)
    nodes = folder / "nodes.csv"
    with nodes.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=NODE_COLUMNS, extrasaction="ignore")
        writer.writeheader()
        for node_id, data in graph.nodes(data=True):
            if node_id not in oruk_ids:
                writer.writerow({"id": node_id, **data})
    edges = folder / "edges.csv"
    with edges.open("w", newline="", encoding="utf-8") as handle:
        rows = csv.writer(handle)
        rows.writerow(("source", "target", "type", "weight"))
        for src, dst, data in graph.edges(data=True):
            if data["relationship"] != "PROVIDES":  # the ORUK file carries PROVIDES
                rows.writerow((src, dst, data["relationship"], data["weight"]))
    return nodes, edges


def test_export_then_load_into_an_empty_graph_gives_back_the_same_graph(
    driver: neo4j.Driver, neo4j_settings: Neo4jSettings, tmp_path: Path
) -> None:
    source, backup = tmp_path / "source", tmp_path / "backup"
    source.mkdir()
    backup.mkdir()
    services = write_services(source / "services.json", 200, seed=11)
    nodes, edges = write_relationship_tables(source, 200, 800, seed=11)
    _ok("load", "oruk", str(services))
    _ok("load", "relationships", str(nodes), str(edges))
    before = graph_fingerprint(driver, ignore=NOT_CARRIED)

    _ok("export", "oruk", str(backup / "services.json"))
    _ok("export", "graphml", str(backup / "graph.graphml"))
    wipe_graph(driver, neo4j_settings.database)
    assert graph_fingerprint(driver).items == 0

    _ok("load", "oruk", str(backup / "services.json"))
    oruk_ids = {r["id"] for r in driver.execute_query("MATCH (n) RETURN n.id AS id").records}
    tables = _tables_from_graphml(backup / "graph.graphml", backup, oruk_ids)
    _ok("load", "relationships", *map(str, tables))
    after = graph_fingerprint(driver, ignore=NOT_CARRIED)
    assert after == before, after.difference(before)
    record("records_compared", after.items)
