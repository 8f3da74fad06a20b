"""Open Referral UK 3.0 records from the graph, for ``/oruk/`` (async, one statement each).

Every function runs ONE catalogue statement that returns the page's (or the record's)
directory subtrees; :func:`graph.oruk.serialise.to_oruk` turns each into ORUK JSON. Services
whose ``moderation_status`` is not ``approved`` are never served publicly.
"""

from __future__ import annotations

import math
from typing import Any

from pydantic import BaseModel, Field

from graph.database import Database
from graph.errors import NotFoundError
from graph.geography import MAX_RADIUS_M, Latitude, Longitude
from graph.oruk.serialise import Subgraph, to_oruk
from graph.repositories.outcomes import first_row

__all__ = [
    "MAX_PAGE",
    "MAX_PER_PAGE",
    "OrukPage",
    "PageQuery",
    "ServiceAtLocationQuery",
    "ServiceQuery",
    "TaxonomyTermQuery",
    "organizations_page",
    "oruk_record",
    "service_at_locations_page",
    "services_page",
    "taxonomies_page",
    "taxonomy_terms_page",
]

MAX_PER_PAGE = 100
# Bounded so (page - 1) × per_page stays within Neo4j's 32-bit SKIP (found by fuzzing).
MAX_PAGE = 1_000_000

#: endpoint kind → (detail statement, page statement)
_STATEMENTS = {
    "service": ("oruk/service", "oruk/services_page"),
    "organization": ("oruk/organization", "oruk/organizations_page"),
    "service_at_location": ("oruk/service_at_location", "oruk/service_at_locations_page"),
    "taxonomy": ("oruk/taxonomy", "oruk/taxonomies_page"),
    "taxonomy_term": ("oruk/taxonomy_term", "oruk/taxonomy_terms_page"),
}


class OrukPage(BaseModel):
    """The HSDS/ORUK 3.0 paged envelope, with all eight keys."""

    total_items: int
    total_pages: int
    page_number: int
    size: int
    first_page: bool
    last_page: bool
    empty: bool
    contents: list[dict[str, Any]]


class PageQuery(BaseModel):
    """Paging and text search shared by every list endpoint.

    The query models are the list endpoints' query parameters as ``/oruk/`` declares them
    (names, limits and descriptions); parameters they do not name are ignored.
    """

    search: str | None = Field(default=None, max_length=200, description="Words to find")
    page: int = Field(default=1, ge=1, le=MAX_PAGE, description="Page number, from 1")
    per_page: int = Field(
        default=50, ge=1, le=MAX_PER_PAGE, description="Records per page (at most 100)"
    )


class _ServiceFilters(PageQuery):
    """The filters services and services at locations share."""

    taxonomy_term_id: str | None = None
    organization_id: str | None = None


class ServiceQuery(_ServiceFilters):
    modified_after: str | None = None


class ServiceAtLocationQuery(_ServiceFilters):
    postcode: str | None = Field(default=None, max_length=10)
    proximity: float | None = Field(default=None, gt=0, le=MAX_RADIUS_M, description="metres")
    latitude: Latitude | None = None
    longitude: Longitude | None = None


class TaxonomyTermQuery(PageQuery):
    taxonomy_id: str | None = None
    parent_id: str | None = None


def _documents(records: list[dict[str, Any]], kind: str) -> list[dict[str, Any]]:
    return [to_oruk(Subgraph.model_validate(record), kind) for record in records]


async def _page(db: Database, kind: str, query: PageQuery, **params: Any) -> OrukPage:
    rows = await db.read(
        _STATEMENTS[kind][1],
        skip=(query.page - 1) * query.per_page,
        limit=query.per_page,
        search=query.search or None,
        public=True,
        **params,
    )
    total = int(rows[0]["total"]) if rows else 0
    contents = _documents(rows[0]["records"], kind) if rows else []
    pages = math.ceil(total / query.per_page)
    return OrukPage(
        total_items=total,
        total_pages=pages,
        page_number=query.page,
        size=len(contents),
        first_page=query.page == 1,
        last_page=query.page >= pages,
        empty=not contents,
        contents=contents,
    )


async def oruk_record(db: Database, kind: str, record_id: str) -> dict[str, Any]:
    """One fully nested record by its id or ORUK id; NotFoundError when absent (or unpublished)."""
    rows = await db.read(_STATEMENTS[kind][0], id=record_id, public=True, with_services=True)
    row = first_row(rows, NotFoundError(f"no {kind.replace('_', ' ')} with id {record_id!r}"))
    return to_oruk(Subgraph.model_validate(row), kind)


async def services_page(db: Database, query: ServiceQuery) -> OrukPage:
    return await _page(
        db,
        "service",
        query,
        taxonomy_term_id=query.taxonomy_term_id,
        organization_id=query.organization_id,
        modified_after=query.modified_after,
    )


async def organizations_page(db: Database, query: PageQuery) -> OrukPage:
    return await _page(db, "organization", query, with_services=False)


async def service_at_locations_page(db: Database, query: ServiceAtLocationQuery) -> OrukPage:
    postcode = "".join(query.postcode.split()).upper() if query.postcode else None
    return await _page(
        db,
        "service_at_location",
        query,
        taxonomy_term_id=query.taxonomy_term_id,
        organization_id=query.organization_id,
        postcode=postcode or None,
        latitude=query.latitude,
        longitude=query.longitude,
        proximity_m=query.proximity,
    )


async def taxonomies_page(db: Database, query: PageQuery) -> OrukPage:
    return await _page(db, "taxonomy", query)


async def taxonomy_terms_page(db: Database, query: TaxonomyTermQuery) -> OrukPage:
    return await _page(
        db, "taxonomy_term", query, taxonomy_id=query.taxonomy_id, parent_id=query.parent_id
    )
