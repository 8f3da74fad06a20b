"""``GET /api/postcodes/{postcode}``: a postcode's coordinates from the shipped tables.

The connector's map centres on a postcode a person types. The tables (Wales 2018, Trafford)
are indexed in memory on first use (~100k rows, under a second) and kept for the process.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from fastapi import APIRouter
from pydantic import BaseModel

from api.rest.areas_at import lsoa_at
from api.rest.data_files import data_dir
from graph import messages as say
from graph.errors import NotFoundError
from graph.repositories.outcomes import InvalidField
from loaders.opendata.postcodes import PostcodeIndex, normalise_postcode

__all__ = ["PostcodePoint", "router"]

TABLES = ("wales/wales_postcodes_2018.csv", "trafford/trafford_postcodes.csv")

router = APIRouter(prefix="/api/postcodes", tags=["postcodes"])


class PostcodePoint(BaseModel):
    """A postcode in normal form, its coordinates (WGS-84) and the LSOA it falls in."""

    postcode: str
    latitude: float
    longitude: float
    area_id: str | None = None


@lru_cache(maxsize=2)
def _index(folder: Path) -> PostcodeIndex:
    return PostcodeIndex.from_tables(folder / table for table in TABLES)


@router.get("/{postcode}", response_model=PostcodePoint)
def postcode_point(postcode: str) -> PostcodePoint:
    """Coordinates of ``postcode``; 422 when it is not shaped like one, 404 when unknown."""
    normal = normalise_postcode(postcode)
    if normal is None:
        raise InvalidField("postcode", say.NOT_POSTCODE(value=repr(postcode)))
    index = _index(data_dir())
    if len(index) == 0:
        raise NotFoundError(say.NO_POSTCODE_TABLES(folder=data_dir()))
    point = index.lookup(normal)
    if point is None:
        raise NotFoundError(say.POSTCODE_UNKNOWN(value=normal))
    return PostcodePoint(
        postcode=normal, latitude=point[0], longitude=point[1], area_id=lsoa_at(*point)
    )
