"""The batched writer every loader uses: ``UNWIND $rows AS row MERGE …`` in chunks.

Rows travel as one parameter per statement (no per-row round trips); each statement is a
named catalogue entry that MERGEs on a constrained id. :func:`write_transaction` runs several
statements in ONE transaction, so a group of records (a service and its whole subtree) is
stored completely or not at all; the driver retries it on transient errors.

References: Neo4j Cypher manual, "UNWIND" and "MERGE"; neo4j-python-driver
``Session.execute_write`` (managed transactions with retries).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

import neo4j

from graph.connection import lost_while
from queries.catalog import cypher

__all__ = ["CHUNK_ROWS", "Counters", "Step", "chunks", "read_rows", "write_transaction"]

#: rows per UNWIND: big enough to amortise a round trip, small enough for the heap
CHUNK_ROWS = 5000


@dataclass(frozen=True)
class Step:
    """One catalogue statement and the rows it UNWINDs (plus shared parameters)."""

    name: str
    rows: Sequence[dict[str, Any]]
    params: dict[str, Any] | None = None


@dataclass
class Counters:
    """What a transaction changed, as the server counted it."""

    nodes_created: int = 0
    relationships_created: int = 0
    relationships_deleted: int = 0
    nodes_deleted: int = 0
    properties_set: int = 0

    def add(self, counters: neo4j.SummaryCounters) -> None:
        self.nodes_created += counters.nodes_created
        self.relationships_created += counters.relationships_created
        self.relationships_deleted += counters.relationships_deleted
        self.nodes_deleted += counters.nodes_deleted
        self.properties_set += counters.properties_set


def chunks(
    rows: Sequence[dict[str, Any]], size: int = CHUNK_ROWS
) -> Iterator[Sequence[dict[str, Any]]]:
    """Consecutive slices of at most ``size`` rows."""
    for start in range(0, len(rows), size):
        yield rows[start : start + size]


def write_transaction(
    driver: neo4j.Driver, steps: Sequence[Step], *, database: str | None = None
) -> Counters:
    """Run every step (each chunked) in one managed write transaction; return the counters."""

    def work(tx: neo4j.ManagedTransaction) -> Counters:
        counters = Counters()
        for step in steps:
            statement = cypher(step.name)
            for chunk in chunks(step.rows):
                result = tx.run(statement, rows=list(chunk), **(step.params or {}))
                counters.add(result.consume().counters)
        return counters

    with (
        lost_while("writing " + ", ".join(s.name for s in steps)),
        driver.session(database=database, notifications_min_severity="OFF") as session,
    ):
        return session.execute_write(work)


def read_rows(
    driver: neo4j.Driver, name: str, *, database: str | None = None, **params: Any
) -> list[dict[str, Any]]:
    """Run a read statement from the catalogue and return its records as dicts."""
    statement = cypher(name)

    def work(tx: neo4j.ManagedTransaction) -> list[dict[str, Any]]:
        return [record.data() for record in tx.run(statement, params)]

    with (
        lost_while(f"reading {name}"),
        driver.session(database=database, notifications_min_severity="OFF") as session,
    ):
        return session.execute_read(work)
