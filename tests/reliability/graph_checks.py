"""Checks on a loaded graph shared by the fault tests: whole subtrees, no duplicates."""

from __future__ import annotations

import time
from collections.abc import Callable

import neo4j

__all__ = ["count", "duplicated_ids", "incomplete_services", "wait_until"]

# Every bulk service (tests.support.bulk) has exactly this subtree.
_INCOMPLETE = """
MATCH (s:Service)
WHERE COUNT { (:Organization)-[:PROVIDES]->(s) } <> 1
   OR COUNT { (:ServiceAtLocation)-[:OF_SERVICE]->(s) } <> 1
   OR COUNT { (:ServiceAtLocation)-[:OF_SERVICE]->(s) } <> COUNT {
        (a:Address)<-[:HAS_ADDRESS]-(:Location)<-[:AT_LOCATION]-(:ServiceAtLocation)
          -[:OF_SERVICE]->(s) }
   OR COUNT { (s)-[:HAS_SCHEDULE]->(:Schedule) } <> 1
   OR COUNT { (s)-[:HAS_PHONE]->(:Phone) } <> 1
   OR COUNT { (s)-[:HAS_CONTACT]->(:Contact)-[:HAS_PHONE]->(:Phone) } <> 1
   OR COUNT { (s)-[:HAS_LANGUAGE]->(:Language) } <> 1
   OR COUNT { (s)-[:HAS_COST_OPTION]->(:CostOption) } <> 1
RETURN s.id AS id LIMIT 10
"""
_DUPLICATED = """
MATCH (n) WHERE n.id IS NOT NULL
WITH n.id AS id, count(*) AS copies WHERE copies > 1
RETURN id LIMIT 10
"""


def incomplete_services(driver: neo4j.Driver) -> list[str]:
    """Ids of services stored without their full subtree (half-written records)."""
    records, _, _ = driver.execute_query(_INCOMPLETE)
    return [str(r["id"]) for r in records]


def duplicated_ids(driver: neo4j.Driver) -> list[str]:
    """Ids held by more than one node."""
    records, _, _ = driver.execute_query(_DUPLICATED)
    return [str(r["id"]) for r in records]


def count(driver: neo4j.Driver, label_query: str) -> int:
    """``label_query`` is a literal ``MATCH … RETURN count(*) AS n`` statement of a test."""
    records, _, _ = driver.execute_query(label_query)
    return int(records[0]["n"])


def wait_until(condition: Callable[[], bool], timeout: float, step: float = 0.05) -> float:
    """Poll ``condition`` until true; return the seconds waited (fail after ``timeout``)."""
    began = time.monotonic()
    while not condition():
        if time.monotonic() - began > timeout:
            raise AssertionError(f"condition not met within {timeout} s")
        time.sleep(step)
    return time.monotonic() - began
