"""``GET /api/areas/at``: the LSOA containing a point, for the "within service area" filter.

A point on the map (or a postcode's coordinates) becomes the person's area, which
``assetsNear(areaId:)`` checks against each service's catchment. The LSOA boundaries of the
open data (Wales 2011, Trafford 2021) are indexed once per process in an STRtree
(:class:`loaders.areas.AreaIndex`); outside every LSOA the answer is ``null``.
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, Query
from pydantic import BaseModel, ConfigDict
from shapely.geometry import shape

from api.rest.data_files import data_dir
from graph.area_index import AreaIndex
from graph.geography import LATITUDE_RANGE, LONGITUDE_RANGE

__all__ = ["AreaAt", "PointInArea", "lsoa_at", "router"]


class PointInArea(BaseModel):
    """A point (WGS-84) and the LSOA it falls in: what a postcode or a place name resolves
    to, for a search centre and the "within service area" filter."""

    # area_id is always written (null outside the boundaries): required in the OpenAPI document
    model_config = ConfigDict(json_schema_serialization_defaults_required=True)

    latitude: float
    longitude: float
    area_id: str | None = None


SOURCES = (
    ("wales/wales_lsoa11_boundaries_bsc.geojson", "LSOA11CD"),
    ("trafford/trafford_lsoa21_generalised.geojson", "area_code"),
)

router = APIRouter(prefix="/api/areas", tags=["map"])


class AreaAt(PointInArea):
    """The LSOA code at a point, or null outside the shipped boundaries."""


@lru_cache(maxsize=2)
def _index(folder: Path) -> AreaIndex | None:
    ids: list[str] = []
    polygons: list[Any] = []
    for name, key in SOURCES:
        path = folder / name
        if not path.is_file():
            continue
        for feature in json.loads(path.read_text(encoding="utf-8")).get("features", []):
            code = (feature.get("properties") or {}).get(key)
            if code and feature.get("geometry"):
                geom = shape(feature["geometry"])
                ids.append(str(code))
                polygons.append(geom if geom.is_valid else geom.buffer(0))
    return AreaIndex(ids, polygons) if ids else None


def lsoa_at(latitude: float, longitude: float) -> str | None:
    """The LSOA code containing the point (None outside, or when no boundaries are shipped)."""
    index = _index(data_dir())
    return index.locate(latitude, longitude) if index else None


@router.get("/at", response_model=AreaAt)
def area_at(
    latitude: Annotated[float, Query(ge=LATITUDE_RANGE[0], le=LATITUDE_RANGE[1])],
    longitude: Annotated[float, Query(ge=LONGITUDE_RANGE[0], le=LONGITUDE_RANGE[1])],
) -> AreaAt:
    """The LSOA at ``(latitude, longitude)``."""
    return AreaAt(latitude=latitude, longitude=longitude, area_id=lsoa_at(latitude, longitude))
