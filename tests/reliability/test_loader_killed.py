"""Loaders killed half-way (SIGKILL) leave no half-written record, and reruns converge.

The reference is an uninterrupted load of the same files into an empty graph (the ``bulk``
fixture); after both loads are killed part-way and rerun, the graph must have the same
fingerprint: node counts per label set, relationship counts per type, and a checksum of
every property of every node and relationship except the load timestamps.
"""

from __future__ import annotations

import signal

import neo4j
import pytest

from tests.reliability.conftest import EDGES, SERVICES, BulkLoad, commongraph, start_commongraph
from tests.reliability.graph_checks import count, duplicated_ids, incomplete_services, wait_until
from tests.support.figures import record
from tests.support.fingerprint import graph_fingerprint

pytestmark = [pytest.mark.neo4j, pytest.mark.slow]

SERVICES_QUERY = "MATCH (s:Service) RETURN count(s) AS n"
EDGES_QUERY = "MATCH ()-[r:KNOWS|WORKS_WITH|WORKS_FOR]->() RETURN count(r) AS n"


def _kill_part_way(driver: neo4j.Driver, args: list[str], query: str, total: int) -> int:
    """Start the load, SIGKILL it once some records are in; return how many are stored."""
    process = start_commongraph(*args)
    try:
        wait_until(lambda: count(driver, query) > 0, timeout=120, step=0.02)
    finally:
        process.send_signal(signal.SIGKILL)
        process.communicate(timeout=30)
    assert process.returncode == -signal.SIGKILL, "the load finished before it was killed"
    record("faults_injected")
    stored = count(driver, query)
    assert 0 < stored < total, f"the kill did not interrupt the load ({stored} of {total})"
    return stored


def test_killed_loads_leave_whole_records_and_reruns_converge_to_the_reference(
    driver: neo4j.Driver, bulk: BulkLoad
) -> None:
    _kill_part_way(driver, bulk.oruk_args, SERVICES_QUERY, SERVICES)
    assert incomplete_services(driver) == [], "a service was stored without its subtree"
    _kill_part_way(driver, bulk.relationship_args, EDGES_QUERY, EDGES)
    assert graph_fingerprint(driver) != bulk.reference

    for args in (bulk.oruk_args, bulk.relationship_args):
        rerun = commongraph(*args)
        assert rerun.returncode == 0, rerun.stderr
    after = graph_fingerprint(driver)
    assert after == bulk.reference, after.difference(bulk.reference)
    assert incomplete_services(driver) == [] and duplicated_ids(driver) == []
    record("records_compared", after.items)
