"""Writing and reading areas, their hierarchy, need levels and what addresses each need.

Used by the loaders (a sync driver; batched ``UNWIND`` statements, each batch one
transaction, by :func:`graph.repositories.batched.write_counted`) and by readers of the area
hierarchy.
Every function returns a pydantic model, never a driver record.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

import neo4j
from pydantic import BaseModel

from graph.repositories.batched import WriteCounts, write_counted
from queries.catalog import cypher
from queries.vocabulary import NEEDS as NEED_VOCABULARY

__all__ = [
    "AreaRow",
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
    "set_welsh_text",
    "unlink_other_addresses",
    "upsert_areas",
    "upsert_needs",
]


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


def upsert_areas(
    driver: neo4j.Driver, rows: Iterable[Mapping[str, Any]], *, database: str | None = None
) -> WriteCounts:
    """Create or update ``Area`` nodes (rows of :meth:`loaders.areas.AreaRecord.row`)."""
    return write_counted(driver, "areas/upsert_areas", rows, database=database)


def link_part_of(
    driver: neo4j.Driver, rows: Iterable[Mapping[str, Any]], *, database: str | None = None
) -> WriteCounts:
    """``(child)-[:PART_OF]->(parent)`` for rows ``{child, parent}``."""
    return write_counted(driver, "areas/link_part_of", rows, database=database)


def link_in_area(
    driver: neo4j.Driver, rows: Iterable[Mapping[str, Any]], *, database: str | None = None
) -> WriteCounts:
    """``(Location|Organization)-[:IN_AREA]->(Area)`` for rows ``{node_id, area_id}``."""
    return write_counted(driver, "areas/link_in_area", rows, database=database)


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
    return write_counted(
        driver, "areas/link_member_of", rows, database=database, source=source, basis=basis
    )


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
    return write_counted(driver, "needs/upsert_needs", rows, database=database, source=source)


def set_need_levels(
    driver: neo4j.Driver, rows: Iterable[Mapping[str, Any]], *, database: str | None = None
) -> WriteCounts:
    """``(Area)-[:HAS_NEED {indicator, level, value, year, source}]->(Need)``."""
    return write_counted(driver, "needs/set_need_levels", rows, database=database)


def link_addresses(
    driver: neo4j.Driver, rows: Iterable[Mapping[str, Any]], *, database: str | None = None
) -> WriteCounts:
    """``(Service)-[:ADDRESSES {rule}]->(Need)`` for rows ``{service_id, need_id, rule}``."""
    return write_counted(driver, "needs/link_addresses", rows, database=database)


def set_provenance(
    driver: neo4j.Driver, rows: Iterable[Mapping[str, Any]], *, database: str | None = None
) -> WriteCounts:
    """Record who published each imported service and when (rows ``{service_id, publisher,
    edition}``, edition an ISO date); the edition counts as its last verification."""
    return write_counted(driver, "services/set_provenance", rows, database=database)


def set_welsh_text(
    driver: neo4j.Driver, rows: Iterable[Mapping[str, Any]], *, database: str | None = None
) -> WriteCounts:
    """A service's or organisation's Welsh name and description (rows ``{id, name_cy,
    description_cy}``; null removes one); ``matched`` counts the nodes written."""
    return write_counted(driver, "services/set_welsh_text", rows, database=database)


def unlink_other_addresses(
    driver: neo4j.Driver, rows: Iterable[Mapping[str, Any]], *, database: str | None = None
) -> WriteCounts:
    """Remove each service's ``ADDRESSES`` to needs not in its ``need_ids`` (rows
    ``{service_id, need_ids}``); ``matched`` counts the tags removed."""
    return write_counted(driver, "needs/unlink_other_addresses", rows, database=database)


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
