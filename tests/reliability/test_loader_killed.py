"""A loader killed half-way (SIGKILL) leaves no half-written record, and a rerun converges.

The reference is an uninterrupted load of the same files into an empty graph; after a kill
and a rerun the graph must have the same fingerprint (node counts per label, relationship
counts per type, checksum of every property except the load timestamps).
"""

from __future__ import annotations

import signal
from pathlib import Path

import neo4j
import pytest

from graph.settings import Neo4jSettings
from tests.reliability.conftest import commongraph, start_commongraph
from tests.reliability.graph_checks import count, duplicated_ids, incomplete_services, wait_until
from tests.support.bulk import write_relationship_tables, write_services
from tests.support.fingerprint import Fingerprint, graph_fingerprint
from tests.support.wipe import wipe_graph

pytestmark = [pytest.mark.neo4j, pytest.mark.slow]

SERVICES = 20_000
PEOPLE, EDGES = 10_000, 50_000
FIGURES: dict[str, int] = {"faults": 0, "records_compared": 0}

SERVICES_QUERY = "MATCH (s:Service) RETURN count(s) AS n"
EDGES_QUERY = "MATCH ()-[r:KNOWS|WORKS_WITH|WORKS_FOR]->() RETURN count(r) AS n"


@pytest.fixture(scope="module")
def inputs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("bulk")
    nodes, edges = write_relationship_tables(folder, PEOPLE, EDGES)
    return {"services": write_services(folder / "services.json", SERVICES),
            "nodes": nodes, "edges": edges}  # fmt: skip


def _load_args(inputs: dict[str, Path]) -> list[list[str]]:
    return [
        ["load", "oruk", str(inputs["services"])],
        ["load", "relationships", str(inputs["nodes"]), str(inputs["edges"])],
    ]


@pytest.fixture(scope="module")
def reference(
    driver: neo4j.Driver, neo4j_settings: Neo4jSettings, inputs: dict[str, Path]
) -> Fingerprint:
    """The graph an uninterrupted load of both inputs gives in an empty database."""
    wipe_graph(driver, neo4j_settings.database)
    for args in _load_args(inputs):
        result = commongraph(*args)
        assert result.returncode == 0, result.stderr
    fingerprint = graph_fingerprint(driver)
    assert fingerprint.nodes.get("Entity:Service") == SERVICES
    assert fingerprint.relationships.get("KNOWS", 0) + fingerprint.relationships.get(
        "WORKS_WITH", 0
    ) + fingerprint.relationships.get("WORKS_FOR", 0) == EDGES
    wipe_graph(driver, neo4j_settings.database)
    return fingerprint


def _kill_half_way(driver: neo4j.Driver, args: list[str], query: str, total: int) -> int:
    """Start the load, SIGKILL it once some but not all records are in; return how many."""
    process = start_commongraph(*args)
    try:
        wait_until(lambda: count(driver, query) > total // 5, timeout=120)
    finally:
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=30)
        assert process.stdout and process.stderr
        process.stdout.close()
        process.stderr.close()
    assert process.returncode == -signal.SIGKILL
    FIGURES["faults"] += 1
    return count(driver, query)


def test_a_killed_oruk_load_leaves_whole_services_and_a_rerun_converges(
    driver: neo4j.Driver, inputs: dict[str, Path], reference: Fingerprint
) -> None:
    oruk, relationships = _load_args(inputs)
    stored = _kill_half_way(driver, oruk, SERVICES_QUERY, SERVICES)
    assert 0 < stored < SERVICES, "the kill came too late to interrupt the load"
    assert incomplete_services(driver) == []
    assert commongraph(*relationships).returncode == 0

    rerun = commongraph(*oruk)
    assert rerun.returncode == 0, rerun.stderr
    after = graph_fingerprint(driver)
    assert after == reference, after.difference(reference)
    assert incomplete_services(driver) == [] and duplicated_ids(driver) == []
    FIGURES["records_compared"] += after.items


def test_a_killed_relationship_load_converges_on_rerun_without_duplicates(
    driver: neo4j.Driver,
    neo4j_settings: Neo4jSettings,
    inputs: dict[str, Path],
    reference: Fingerprint,
) -> None:
    wipe_graph(driver, neo4j_settings.database)
    oruk, relationships = _load_args(inputs)
    assert commongraph(*oruk).returncode == 0
    stored = _kill_half_way(driver, relationships, EDGES_QUERY, EDGES)
    assert stored < EDGES, "the kill came too late to interrupt the load"

    rerun = commongraph(*relationships)
    assert rerun.returncode == 0, rerun.stderr
    exact = graph_fingerprint(driver, ignore=())
    assert commongraph(*relationships).returncode == 0
    assert graph_fingerprint(driver, ignore=()) == exact, "a third run changed the graph"
    after = graph_fingerprint(driver)
    assert after == reference, after.difference(reference)
    assert duplicated_ids(driver) == []
    FIGURES["records_compared"] += after.items
