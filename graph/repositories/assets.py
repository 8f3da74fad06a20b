"""Finding community assets (HSDS services at locations) for community connectors."""

from __future__ import annotations

from pydantic import BaseModel, Field

from graph.database import Database

__all__ = ["AssetHit", "NearQuery", "assets_near"]

# Neo4j's WGS-84 point.distance uses R = 6378.14 km; we report haversine on the IUGG mean
# radius 6371.0088 km, so the point-index prefilter is widened by the ratio (plus slack).
_PREFILTER_FACTOR = 6378.14 / 6371.0088 + 1e-3


class NearQuery(BaseModel):
    """A validated ``assetsNear`` request."""

    latitude: float = Field(ge=-90, le=90)
    longitude: float = Field(ge=-180, le=180)
    radius_km: float = Field(gt=0, le=500)
    need: str | None = None
    first: int = Field(default=20, ge=1, le=100)
    after_distance_km: float | None = None
    after_id: str | None = None


class AssetHit(BaseModel):
    """One service and its distance from the searched point."""

    id: str
    name: str
    description: str | None = None
    distance_km: float


async def assets_near(db: Database, query: NearQuery) -> tuple[list[AssetHit], bool]:
    """Return one page of services nearest first, and whether another page follows."""
    rows = await db.read(
        "assets/assets_near",
        latitude=query.latitude,
        longitude=query.longitude,
        radius_km=query.radius_km,
        prefilter_m=query.radius_km * 1000 * _PREFILTER_FACTOR,
        need=query.need,
        after_distance_km=query.after_distance_km,
        after_id=query.after_id,
        limit=query.first + 1,
    )
    hits = [AssetHit.model_validate(row) for row in rows[: query.first]]
    return hits, len(rows) > query.first
