"""Finding community assets (HSDS services at locations) for community connectors.

``assets_near`` is one Cypher statement (``assets/assets_near``): a point-index prefilter,
the exact haversine on R = 6371.0088 km (docs/decisions.md 1), the connector's filters, a
keyset page on (distance, id) and the total count. Its filter semantics are documented in
``docs/api.md`` and mirrored by the brute-force oracle in ``tests/api/oracle.py``.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from graph import messages as say
from graph.database import Database
from graph.geography import Latitude, Longitude, RadiusKm
from graph.repositories.values import iso, stale_before
from queries.vocabulary import DAY_CODES

__all__ = [
    "DAY_CODES",
    "AssetHit",
    "NearPage",
    "NearQuery",
    "ServiceProps",
    "UnknownFact",
    "assets_near",
]

# Neo4j's WGS-84 point.distance uses R = 6378.14 km; we report haversine on the IUGG mean
# radius 6371.0088 km, so the point-index prefilter is widened by the ratio (plus slack).
_PREFILTER_FACTOR = 6378.14 / 6371.0088 + 1e-3

Day = Literal["MO", "TU", "WE", "TH", "FR", "SA", "SU"]


class NearQuery(BaseModel):
    """A validated ``assetsNear`` request."""

    latitude: Latitude
    longitude: Longitude
    radius_km: RadiusKm
    need: str | None = Field(default=None, max_length=200)
    age: int | None = Field(default=None, ge=0, le=150)
    free_only: bool = False
    language: str | None = Field(default=None, max_length=100)
    accessibility: str | None = Field(default=None, max_length=200)
    open_day: Day | None = None
    open_time: str | None = Field(default=None, pattern=r"^([01]\d|2[0-3]):[0-5]\d$")
    area_id: str | None = Field(default=None, max_length=200)
    include_unknown: bool = False
    #: words the services must match (every word; kinds and needs named in English or Welsh)
    text: str | None = Field(default=None, max_length=200)
    #: only these services (the every-word matches of a text); None = any
    service_ids: list[str] | None = None
    first: int = Field(default=20, ge=1, le=100)
    after_distance_km: float | None = None
    after_id: str | None = None

    @model_validator(mode="after")
    def _day_and_time_together(self) -> NearQuery:
        if (self.open_day is None) != (self.open_time is None):
            raise ValueError(say.OPEN_AT_BOTH())
        return self


class ServiceProps(BaseModel):
    """The scalar HSDS fields of a service that the API exposes (as stored)."""

    model_config = ConfigDict(extra="ignore")

    id: str
    name: str = ""
    alternate_name: str | None = None
    description: str | None = None
    url: str | None = None
    email: str | None = None
    status: str | None = None
    minimum_age: int | None = None
    maximum_age: int | None = None
    fees_description: str | None = None
    eligibility_description: str | None = None
    last_verified: str | None = None
    moderation_status: str | None = None
    moderation_reason: str | None = None
    #: what a moderator asked the group to change before deciding (cleared by its next edit)
    changes_requested: str | None = None
    version: int = 0
    #: the publisher of the open data it was imported from, and that data's edition date
    listed_by: str | None = None
    listed_on: str | None = None
    #: when an edit to this (public) listing started waiting for a moderator
    pending_at: str | None = None

    @classmethod
    def from_props(cls, props: dict[str, Any]) -> ServiceProps:
        """Validate stored properties; temporals become ISO strings, nulls defaults."""
        clean = {k: v for k, v in props.items() if v is not None}
        for key in ("last_verified", "listed_on", "pending_at"):
            if key in clean:
                clean[key] = iso(clean[key])
        for key in ("minimum_age", "maximum_age", "version"):
            if key in clean and not isinstance(clean[key], int):
                clean.pop(key)
        return cls.model_validate(clean)


UnknownFact = Literal["cost", "language", "hours", "accessibility"]


class AssetHit(BaseModel):
    """One service, its distance from the searched point, and which filtered facts it
    states nothing about (it passed those filters because unknowns were included)."""

    service: ServiceProps
    distance_km: float
    stale: bool
    unknown: list[UnknownFact] = Field(default_factory=list)


class NearPage(BaseModel):
    """One page of hits, whether another follows, and how many match in all."""

    hits: list[AssetHit]
    has_next_page: bool
    total_count: int


async def assets_near(db: Database, query: NearQuery) -> NearPage:
    """Return one page of services nearest first (ties by id) and the total match count."""
    rows = await db.read(
        "assets/assets_near",
        # the query's fields are the statement's point, filters and cursor, under their names
        # (the text is already matched, as service_ids)
        **query.model_dump(exclude={"text", "first"}),
        prefilter_m=query.radius_km * 1000 * _PREFILTER_FACTOR,
        stale_before=stale_before(),
        limit=query.first + 1,
    )
    (row,) = rows
    page = row["page"]
    hits = [
        AssetHit(
            service=ServiceProps.from_props(hit["props"]),
            distance_km=hit["distance_km"],
            stale=hit["stale"],
            unknown=hit["unknown"],
        )
        for hit in page[: query.first]
    ]
    return NearPage(hits=hits, has_next_page=len(page) > query.first, total_count=int(row["total"]))
