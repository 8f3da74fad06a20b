"""``GET /api/places/{text}``: the point to search around for what a person typed.

A full postcode, a postcode district or sector ("M33", "CF10 1") or a place name in English
or Welsh ("Sale", "Caerdydd", "Old Trafford"): :class:`graph.places.PlaceIndex`, built once
per process from the shipped tables (under a second). 404 names close names when the text
looks like a typo ("did you mean Swansea?"); never a silent guess.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Annotated

from fastapi import APIRouter
from fastapi import Path as PathParam
from fastapi.responses import JSONResponse
from pydantic import BaseModel

from api.i18n import current_language
from api.rest.areas_at import PointInArea, lsoa_at
from api.rest.data_files import data_dir
from graph import messages as say
from graph.places import PlaceIndex, PlaceKind

__all__ = ["PlaceOut", "router"]

router = APIRouter(prefix="/api/places", tags=["postcodes"])


class PlaceOut(PointInArea):
    """Where to search: a label to show, the kind of place, the point and its LSOA."""

    label: str
    kind: PlaceKind


@lru_cache(maxsize=2)
def _index(folder: Path) -> PlaceIndex:
    return PlaceIndex.from_open_data(folder)


def place_index() -> PlaceIndex:
    """Postcodes and place names of the open data in use, read once per process."""
    return _index(data_dir())


class UnknownPlaceOut(BaseModel):
    """404: nothing by that name; ``suggestions`` are close names (typos), best first."""

    error: str
    suggestions: list[str]


@router.get("/{text}", response_model=PlaceOut, responses={404: {"model": UnknownPlaceOut}})
def place(
    text: Annotated[str, PathParam(min_length=1, max_length=100)],
) -> PlaceOut | JSONResponse:
    """The place ``text`` names; 404 with suggestions when none does."""
    index = _index(data_dir())
    found = index.find(text)
    if found is None:
        close = index.suggest(text)
        language = current_language()
        said = say.NO_PLACE(text=repr(text.strip()))
        if close:
            said = say.DID_YOU_MEAN(found=said, names=say.OR().text(language).join(close))
        body = UnknownPlaceOut(error=f"place: {said.text(language)}", suggestions=close)
        return JSONResponse(
            status_code=404, content=body.model_dump(), headers={"content-language": language}
        )
    return PlaceOut(
        label=found.label,
        kind=found.kind,
        latitude=found.latitude,
        longitude=found.longitude,
        area_id=lsoa_at(found.latitude, found.longitude),
    )
