"""``GET /api/boundaries``: local-authority outlines for the offline map.

Read from the open data files (:mod:`api.rest.data_files`): the Welsh
local authorities (LAD 2013) and Trafford, dissolved from its generalised LSOAs. Geometries
are simplified with Douglas–Peucker (shapely ``simplify``, topology preserved) to keep the
response small (~10 % of the source) and cached per data folder for the process.
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal

from fastapi import APIRouter
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel
from shapely.geometry import mapping, shape
from shapely.ops import unary_union

from api.rest.data_files import data_dir
from graph.errors import NotFoundError

__all__ = ["TOLERANCE_DEGREES", "BoundaryCollection", "boundaries_geojson", "router"]

TOLERANCE_DEGREES = 0.002  # ~150 m: invisible at the zoom a local authority fills the screen
WALES = "wales/wales_local_authorities_lad13.geojson"
TRAFFORD = "trafford/trafford_lsoa21_generalised.geojson"

router = APIRouter(prefix="/api", tags=["map"])


class GeoJsonResponse(JSONResponse):
    """GeoJSON (RFC 7946's media type), given as JSON text already written: a JSON response
    to FastAPI, so the OpenAPI document shows the declared shape instead of a string."""

    media_type = "application/geo+json"

    def render(self, content: Any) -> bytes:
        return content if isinstance(content, bytes) else super().render(content)


class BoundaryProperties(BaseModel):
    """A local authority's code and its name in English and Welsh (English when it has no
    Welsh name)."""

    code: str
    name: str
    name_cy: str


class BoundaryFeature(BaseModel):
    """One local authority: its outline, a GeoJSON (Multi)Polygon."""

    type: Literal["Feature"]
    properties: BoundaryProperties
    geometry: dict[str, Any]


class BoundaryCollection(BaseModel):
    """What ``GET /api/boundaries`` answers: declared for the OpenAPI document; the body is
    written by :func:`boundaries_geojson` (cached bytes, never validated per request)."""

    type: Literal["FeatureCollection"]
    features: list[BoundaryFeature]


def _features(path: Path) -> list[dict[str, Any]]:
    data = json.loads(path.read_text(encoding="utf-8"))
    return list(data.get("features", []))


def _feature(geometry: Any, code: str, name: str, name_cy: str | None) -> dict[str, Any]:
    simple = geometry.simplify(TOLERANCE_DEGREES, preserve_topology=True)
    return {
        "type": "Feature",
        "properties": {"code": code, "name": name, "name_cy": name_cy or name},
        "geometry": mapping(simple),
    }


@lru_cache(maxsize=2)
def boundaries_geojson(folder: Path) -> bytes:
    """The FeatureCollection as UTF-8 JSON; raises NotFoundError when no source is there."""
    features: list[dict[str, Any]] = []
    wales, trafford = folder / WALES, folder / TRAFFORD
    if wales.is_file():
        for feature in _features(wales):
            props = feature["properties"]
            features.append(
                _feature(
                    shape(feature["geometry"]),
                    props["LAD13CD"],
                    props["LAD13NM"],
                    props.get("LAD13NMW"),
                )
            )
    if trafford.is_file():
        lsoas = [shape(f["geometry"]) for f in _features(trafford)]
        if lsoas:
            features.append(_feature(unary_union(lsoas), "E08000009", "Trafford", None))
    if not features:
        raise NotFoundError(
            f"boundaries: neither {WALES} nor {TRAFFORD} found in {folder} "
            "(unset COMMONGRAPH_DATA_DIR to use the data the project ships)"
        )
    collection = {"type": "FeatureCollection", "features": features}
    return json.dumps(collection, separators=(",", ":")).encode("utf-8")


@router.get(
    "/boundaries", response_class=GeoJsonResponse, responses={200: {"model": BoundaryCollection}}
)
def boundaries() -> Response:
    """Local-authority boundaries as GeoJSON (``code``, ``name``, ``name_cy`` per feature)."""
    return GeoJsonResponse(
        content=boundaries_geojson(data_dir()),
        headers={"Cache-Control": "public, max-age=86400"},
    )
