"""Writing and reading areas, their hierarchy, need levels and what addresses each need.

Used by the loaders (a sync driver, batched ``UNWIND`` statements of at most
:data:`BATCH_SIZE` rows, each batch one transaction) and by readers of the area hierarchy.
Every function returns a pydantic model, never a driver record.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from itertools import islice
from typing import Any, LiteralString

import neo4j
from pydantic import BaseModel

from graph.connection import lost_while
from queries.catalog import cypher
from queries.vocabulary import NEEDS as NEED_VOCABULARY

__all__ = [
    "BATCH_SIZE",
    "AreaRow",
    "ChangeCounts",
    "NeedLevelRow",
    "WriteCounts",
    "area_needs",
    "graph_counts",
    "link_addresses",
    "link_in_area",
    "link_part_of",
    "list_areas",
    "set_need_levels",
    "set_provenance",
    "unlink_other_addresses",
    "upsert_areas",
    "upsert_needs",
]

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


class AreaRow(BaseModel):
    """An area as read back: id, names, kind, parent, centroid, population."""

    id: str
    name: str | None = None
    name_cy: str | None = None
    kind: str | None = None
    parent_id: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    population: int | None = None


class NeedLevelRow(BaseModel):
    """One need level of an area."""

    area_id: str
    need_id: str
    need: str | None = None
    indicator: str
    level: float
    value: float | None = None
    year: int | None = None
    source: str | None = None


def _batches(rows: Iterable[Mapping[str, Any]], size: int) -> Iterator[list[Mapping[str, Any]]]:
    it = iter(rows)
    while batch := list(islice(it, size)):
        yield batch


def _write(
    driver: neo4j.Driver,
    name: str,
    rows: Iterable[Mapping[str, Any]],
    database: str | None,
    **params: Any,
) -> WriteCounts:
    statement: LiteralString = cypher(name)
    total = WriteCounts()
    with lost_while(f"writing {name}"):
        for batch in _batches(rows, BATCH_SIZE):
            records, _, _ = driver.execute_query(
                statement, {"rows": batch, **params}, database_=database
            )
            data = records[0].data() if records else {}
            total = total + WriteCounts(
                rows=len(batch),
                created=int(data.get("created") or 0),
                updated=int(data.get("updated") or 0),
                unchanged=int(data.get("unchanged") or 0),
                matched=int(data.get("matched") or 0),
            )
    return total


def upsert_areas(
    driver: neo4j.Driver, rows: Iterable[Mapping[str, Any]], *, database: str | None = None
) -> WriteCounts:
    """Create or update ``Area`` nodes (rows of :meth:`loaders.areas.AreaRecord.row`)."""
    return _write(driver, "areas/upsert_areas", rows, database)


def link_part_of(
    driver: neo4j.Driver, rows: Iterable[Mapping[str, Any]], *, database: str | None = None
) -> WriteCounts:
    """``(child)-[:PART_OF]->(parent)`` for rows ``{child, parent}``."""
    return _write(driver, "areas/link_part_of", rows, database)


def link_in_area(
    driver: neo4j.Driver, rows: Iterable[Mapping[str, Any]], *, database: str | None = None
) -> WriteCounts:
    """``(Location|Organization)-[:IN_AREA]->(Area)`` for rows ``{node_id, area_id}``."""
    return _write(driver, "areas/link_in_area", rows, database)


def link_member_of(
    driver: neo4j.Driver,
    rows: Iterable[Mapping[str, Any]],
    *,
    source: str,
    basis: str,
    database: str | None = None,
) -> WriteCounts:
    """``(Organization)-[:MEMBER_OF {source, basis}]->(Organization)`` for rows
    ``{member_id, body_id}``: a tie a published register states (a practice's commissioner)."""
    return _write(driver, "areas/link_member_of", rows, database, source=source, basis=basis)


def upsert_needs(
    driver: neo4j.Driver,
    needs: Mapping[str, str],
    *,
    source: str = "commongraph:needs",
    database: str | None = None,
) -> WriteCounts:
    """Create or update ``Need`` nodes from ``{id: name}``; the Welsh name comes from the
    vocabulary (:data:`queries.vocabulary.NEEDS`)."""
    rows = [
        {"id": key, "name": name, "name_cy": NEED_VOCABULARY.label(key, "cy")}
        for key, name in sorted(needs.items())
    ]
    return _write(driver, "needs/upsert_needs", rows, database, source=source)


def set_need_levels(
    driver: neo4j.Driver, rows: Iterable[Mapping[str, Any]], *, database: str | None = None
) -> WriteCounts:
    """``(Area)-[:HAS_NEED {indicator, level, value, year, source}]->(Need)``."""
    return _write(driver, "needs/set_need_levels", rows, database)


def link_addresses(
    driver: neo4j.Driver, rows: Iterable[Mapping[str, Any]], *, database: str | None = None
) -> WriteCounts:
    """``(Service)-[:ADDRESSES {rule}]->(Need)`` for rows ``{service_id, need_id, rule}``."""
    return _write(driver, "needs/link_addresses", rows, database)


def set_provenance(
    driver: neo4j.Driver, rows: Iterable[Mapping[str, Any]], *, database: str | None = None
) -> WriteCounts:
    """Record who published each imported service and when (rows ``{service_id, publisher,
    edition}``, edition an ISO date); the edition counts as its last verification."""
    return _write(driver, "services/set_provenance", rows, database)


def unlink_other_addresses(
    driver: neo4j.Driver, rows: Iterable[Mapping[str, Any]], *, database: str | None = None
) -> WriteCounts:
    """Remove each service's ``ADDRESSES`` to needs not in its ``need_ids`` (rows
    ``{service_id, need_ids}``); ``matched`` counts the tags removed."""
    return _write(driver, "needs/unlink_other_addresses", rows, database)


def list_areas(
    driver: neo4j.Driver,
    *,
    kind: str | None = None,
    limit: int = 10_000,
    database: str | None = None,
) -> list[AreaRow]:
    """Areas (of one kind, or all) with their parent, ordered by id."""
    records, _, _ = driver.execute_query(
        cypher("areas/list_areas"), {"kind": kind, "limit": limit}, database_=database
    )
    return [AreaRow.model_validate(r.data()) for r in records]


def area_needs(
    driver: neo4j.Driver, area_id: str, *, database: str | None = None
) -> list[NeedLevelRow]:
    """Need levels of an area and of the areas above it, highest level first."""
    records, _, _ = driver.execute_query(
        cypher("areas/area_needs"), {"area_id": area_id}, database_=database
    )
    return [NeedLevelRow.model_validate(r.data()) for r in records]


def graph_counts(driver: neo4j.Driver, *, database: str | None = None) -> dict[str, int]:
    """``{"node:Service": n, "relationship:KNOWS": m, ...}`` for the whole graph.

    Read from Neo4j's count store (``db.stats.retrieve``), in constant time; a user that may
    not call that procedure (an Enterprise role without it) gets the same figures by a scan.
    """
    try:
        records, _, _ = driver.execute_query(cypher("areas/graph_counts"), database_=database)
    except neo4j.exceptions.Forbidden:
        records, _, _ = driver.execute_query(cypher("areas/graph_counts_scan"), database_=database)
    return {f"{r['kind']}:{r['name']}": int(r["count"]) for r in records if r["count"]}
