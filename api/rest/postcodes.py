"""``GET /api/postcodes/{postcode}``: a postcode's coordinates from the shipped tables.

The connector's map centres on a postcode a person types. The tables (Wales 2018, Trafford)
are the ones the place lookup reads (:func:`api.rest.places.place_index`: indexed in memory on
first use, ~100k rows, under a second, kept for the process).
"""

from __future__ import annotations

from fastapi import APIRouter

from api.rest.areas_at import PointInArea, lsoa_at
from api.rest.data_files import data_dir
from api.rest.error_body import refusals
from api.rest.places import place_index
from graph import messages as say
from graph.errors import NotFoundError
from graph.postcodes import normalise_postcode
from graph.repositories.outcomes import InvalidField

__all__ = ["PostcodePoint", "router"]

router = APIRouter(prefix="/api/postcodes", tags=["postcodes"])


class PostcodePoint(PointInArea):
    """A postcode in normal form, its coordinates (WGS-84) and the LSOA it falls in."""

    postcode: str


@router.get(
    "/{postcode}",
    response_model=PostcodePoint,
    responses=refusals({404: "An unknown postcode", 422: "Text that is not a postcode"}),
)
def postcode_point(postcode: str) -> PostcodePoint:
    """Coordinates of ``postcode``; 422 when it is not shaped like one, 404 when unknown."""
    normal = normalise_postcode(postcode)
    if normal is None:
        raise InvalidField("postcode", say.NOT_POSTCODE(value=repr(postcode)))
    index = place_index()
    if not index.postcodes:
        raise NotFoundError(say.NO_POSTCODE_TABLES(folder=data_dir()))
    point = index.postcodes.get(normal)
    if point is None:
        raise NotFoundError(say.POSTCODE_UNKNOWN(value=normal))
    return PostcodePoint(
        postcode=normal, latitude=point[0], longitude=point[1], area_id=lsoa_at(*point)
    )
