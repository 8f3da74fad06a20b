"""Counted batched writes: a catalogue statement ``UNWIND``s rows and says what it changed.

Every synchronous loader that stores many rows of one kind (areas, needs, the generated
people and their ties) goes through :func:`write_counted`: rows travel in batches of at most
``batch_size`` as one ``$rows`` parameter (no per-row round trips), each batch is one managed
transaction (the driver retries it on transient errors), and the statement's single record
``{created, updated, unchanged, matched}`` is summed into :class:`WriteCounts`.

References: Neo4j Cypher manual, "UNWIND" and "MERGE"; neo4j-python-driver
``Driver.execute_query`` (a managed transaction with retries).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from itertools import islice
from typing import Any

import neo4j
from pydantic import BaseModel

from graph.connection import lost_while
from queries.catalog import cypher

__all__ = ["BATCH_SIZE", "ChangeCounts", "WriteCounts", "write_counted"]

#: rows per transaction: big enough to amortise a round trip, small enough for the heap
BATCH_SIZE = 5_000


class ChangeCounts(BaseModel):
    """How many of the rows or records a write met it created, updated, or found already
    stored as they are (a batched write's rows here; a load's records in its summary)."""

    created: int = 0
    updated: int = 0
    unchanged: int = 0


class WriteCounts(ChangeCounts):
    """What a batched write did: rows sent, created / updated / unchanged among them, and
    the rows a linking statement matched."""

    rows: int = 0
    matched: int = 0

    def __add__(self, other: WriteCounts) -> WriteCounts:
        return WriteCounts(
            **{k: getattr(self, k) + getattr(other, k) for k in WriteCounts.model_fields}
        )


def write_counted(
    driver: neo4j.Driver,
    name: str,
    rows: Iterable[Mapping[str, Any]],
    *,
    database: str | None = None,
    batch_size: int = BATCH_SIZE,
    **params: Any,
) -> WriteCounts:
    """Run the catalogue statement ``name`` over ``rows`` (with ``params`` beside ``$rows``)
    in batches, each its own transaction, and add up the counts each batch returned."""
    statement = cypher(name)
    total = WriteCounts()
    it = iter(rows)
    with lost_while(f"writing {name}"):
        while batch := list(islice(it, batch_size)):
            records, _, _ = driver.execute_query(
                statement, {"rows": batch, **params}, database_=database
            )
            data = records[0].data() if records else {}
            total = total + WriteCounts(
                rows=len(batch),
                **{
                    k: int(data.get(k) or 0) for k in ("created", "updated", "unchanged", "matched")
                },
            )
    return total
