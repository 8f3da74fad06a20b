"""Areas (LSOA → local authority → health board) and which area each location lies in.

The hierarchy comes from the shipped tables: Wales from the WIMD 2019 geography lookup (LSOA
→ local authority → local health board, 2019 boundaries), Trafford from its LSOA 2021
polygons (all in Trafford, E08000009, which sits in NHS Greater Manchester ICB, E54000057,
the English counterpart of a health board). A location is assigned its LSOA by
point-in-polygon over a shapely ``STRtree`` (a sort-tile-recursive R-tree: Leutenegger,
Lopez & Edgington, "STR: A Simple and Efficient Algorithm for R-Tree Packing", ICDE 1997);
its local authority and health board follow through ``PART_OF``. The LSOA outlines are
super-generalised and clipped to the coast, so a point within
:data:`graph.area_index.NEAREST_FALLBACK_DEG`
of an outline but outside every polygon (a harbour, a pier) takes the nearest LSOA.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any, Literal

import numpy as np
import shapely
from pydantic import BaseModel, Field
from shapely.geometry import shape

from graph.area_index import AreaIndex
from loaders.opendata.rows import ParseResult, read_csv, read_geojson_features

__all__ = [
    "GM_ICB",
    "TRAFFORD_LA",
    "AreaRecord",
    "health_board_for_ods",
    "merge_indexes",
    "trafford_areas",
    "wales_areas",
]

TRAFFORD_LA = ("E08000009", "Trafford")
GM_ICB = ("E54000057", "NHS Greater Manchester Integrated Care Board")

AreaKind = Literal["lsoa", "local_authority", "health_board"]


class AreaRecord(BaseModel):
    """One ``Area`` node row with its parent in the hierarchy."""

    id: str = Field(min_length=1)
    name: str
    kind: AreaKind
    name_cy: str | None = None
    parent_id: str | None = None
    latitude: float | None = Field(default=None, ge=-90, le=90)
    longitude: float | None = Field(default=None, ge=-180, le=180)
    population: int | None = None
    source: str

    def row(self) -> dict[str, Any]:
        """The parameter row of ``areas/upsert_areas`` (with a hash of its content)."""
        data = self.model_dump(exclude={"parent_id"})
        data["source_id"] = self.id
        data["hash"] = hashlib.sha1(
            json.dumps(data, sort_keys=True).encode(), usedforsecurity=False
        ).hexdigest()
        return data


def _centroid(geom: Any) -> tuple[float, float]:
    point = geom.representative_point() if not geom.centroid.within(geom) else geom.centroid
    return round(float(point.y), 6), round(float(point.x), 6)


def _polygons(path: Path, code_key: str) -> tuple[dict[str, Any], dict[str, dict[str, Any]]]:
    geoms: dict[str, Any] = {}
    props: dict[str, dict[str, Any]] = {}
    for _, feature in read_geojson_features(path):
        p = feature.get("properties") or {}
        code = p.get(code_key)
        if code and feature.get("geometry"):
            geom = shape(feature["geometry"])
            geoms[code] = geom if geom.is_valid else geom.buffer(0)
            props[code] = p
    return geoms, props


#: the source of the Welsh areas: the WIMD LSOA geography lookup fixes their hierarchy
_WIMD = "wimd:lsoa_geography_lookup"


def _wimd_area(
    code: str,
    name: str,
    name_cy: str | None,
    kind: AreaKind,
    parent_id: str,
    point: tuple[float | None, float | None],
) -> AreaRecord:
    """A Welsh area of the WIMD lookup, in its parent, at ``point`` (latitude, longitude:
    None where it has no polygon)."""
    return AreaRecord(
        id=code,
        name=name,
        name_cy=name_cy,
        kind=kind,
        parent_id=parent_id,
        latitude=point[0],
        longitude=point[1],
        source=_WIMD,
    )


def wales_areas(
    lsoa_boundaries: Path,
    lookup: Path,
    local_authorities: Path | None = None,
    centroids: Path | None = None,
) -> tuple[ParseResult[AreaRecord], AreaIndex]:
    """Welsh LSOAs (with their polygons), local authorities and health boards.

    LSOAs come from the WIMD lookup (which fixes their local authority and health board);
    their polygons from ``lsoa_boundaries``; their centroids are population-weighted when
    ``centroids`` is given.
    """
    result: ParseResult[AreaRecord] = ParseResult(file=lookup.name)
    geoms, props = _polygons(lsoa_boundaries, "LSOA11CD")
    la_geoms, la_props = _polygons(local_authorities, "LAD13CD") if local_authorities else ({}, {})
    weighted: dict[str, tuple[float, float]] = {}
    if centroids is not None and centroids.is_file():
        for _, f in read_geojson_features(centroids):
            code = (f.get("properties") or {}).get("LSOA11CD")
            coords = (f.get("geometry") or {}).get("coordinates")
            if code and coords:
                weighted[code] = (round(coords[1], 6), round(coords[0], 6))
    las: dict[str, AreaRecord] = {}
    boards: dict[str, list[tuple[float, float]]] = {}
    board_names: dict[str, str] = {}
    for row_no, row in read_csv(lookup, result.warnings):
        code = row.get("Lower Layer Super Output Area (LSOA) Code")
        la, lhb = row.get("Local Authority (LA) Code"), row.get("Local Health Board (LHB) Code")
        if not code or not la or not lhb:
            result.reject(row_no, "LSOA/LA/LHB code", "missing", code)
            continue
        point = weighted.get(code) or (_centroid(geoms[code]) if code in geoms else (None, None))
        if code not in geoms:
            result.warnings.append(f"{lookup.name} row {row_no}: LSOA {code} has no polygon")
        result.records.append(
            _wimd_area(
                code,
                row.get("LSOA Name") or code,
                props.get(code, {}).get("LSOA11NMW"),
                "lsoa",
                la,
                point,
            )
        )
        if la not in las:
            la_point = _centroid(la_geoms[la]) if la in la_geoms else (None, None)
            las[la] = _wimd_area(
                la,
                row.get("Local Authority (LA) Name") or la,
                la_props.get(la, {}).get("LAD13NMW"),
                "local_authority",
                lhb,
                la_point,
            )
        if point[0] is not None and point[1] is not None:
            boards.setdefault(lhb, []).append((point[0], point[1]))
        board_names[lhb] = row.get("Local Health Board (LHB) Name") or lhb
    result.records.extend(las.values())
    for lhb, name in board_names.items():
        pts = np.array(boards.get(lhb) or [(np.nan, np.nan)])
        lat, lon = (round(float(v), 6) for v in np.nanmean(pts, axis=0))
        result.records.append(
            AreaRecord(
                id=lhb, name=name, kind="health_board", latitude=lat, longitude=lon,
                source=_WIMD,
            )
        )  # fmt: skip
    index_ids = sorted(geoms)
    return result, AreaIndex(index_ids, [geoms[c] for c in index_ids])


def trafford_areas(lsoa_boundaries: Path) -> tuple[ParseResult[AreaRecord], AreaIndex]:
    """Trafford's LSOAs (2021), Trafford itself and NHS Greater Manchester ICB."""
    result: ParseResult[AreaRecord] = ParseResult(file=lsoa_boundaries.name)
    geoms: dict[str, Any] = {}
    for number, feature in read_geojson_features(lsoa_boundaries, result.warnings):
        p = feature.get("properties") or {}
        code = p.get("area_code")
        if not code or not feature.get("geometry"):
            result.reject(number, "area_code/geometry", "missing", code)
            continue
        geom = shape(feature["geometry"])
        geoms[code] = geom if geom.is_valid else geom.buffer(0)
        lat, lon = _centroid(geoms[code])
        result.records.append(
            AreaRecord(
                id=code, name=p.get("area_name") or code, kind="lsoa", parent_id=TRAFFORD_LA[0],
                latitude=lat, longitude=lon, source="ons:lsoa21_trafford",
            )
        )  # fmt: skip
    if geoms:
        lat, lon = _centroid(shapely.unary_union(list(geoms.values())))
        result.records.append(
            AreaRecord(
                id=TRAFFORD_LA[0], name=TRAFFORD_LA[1], kind="local_authority",
                parent_id=GM_ICB[0], latitude=lat, longitude=lon, source="ons:lsoa21_trafford",
            )
        )  # fmt: skip
        result.records.append(
            AreaRecord(
                id=GM_ICB[0], name=GM_ICB[1], kind="health_board", source="ons:lsoa21_trafford"
            )
        )
    ids = sorted(geoms)
    return result, AreaIndex(ids, [geoms[c] for c in ids])


def merge_indexes(indexes: Iterable[AreaIndex]) -> AreaIndex:
    """One index over the polygons of several (Wales and Trafford together)."""
    ids: list[str] = []
    polys: list[Any] = []
    for index in indexes:
        ids.extend(index.ids)
        polys.extend(index._polygons)
    return AreaIndex(ids, polys)


def health_board_welsh_names(organisations: Path, ods_boards: dict[str, str]) -> dict[str, str]:
    """ONS health-board code → its Welsh name (``FullNameWelsh`` of the NHS Wales list:
    "Bwrdd Iechyd Prifysgol Caerdydd a'r Fro"), for the boards ``ods_boards`` maps
    (:func:`health_board_for_ods`)."""
    out: dict[str, str] = {}
    for _, row in read_csv(organisations):
        code, welsh = row.get("Code"), (row.get("FullNameWelsh") or "").strip()
        if code in ods_boards and welsh:
            out[ods_boards[code]] = welsh
    return out


def health_board_for_ods(organisations: Path, lookup_boards: dict[str, str]) -> dict[str, str]:
    """ODS health-board code (``7A1``) → ONS code (``W11000023``), matched by name.

    ``lookup_boards`` maps ONS code → name (from the WIMD lookup); the ODS list spells the
    same names with different capitalisation ("Powys teaching Health Board").
    """

    def norm(name: str) -> str:
        return " ".join(name.lower().replace("&", "and").split())

    by_name = {norm(name): code for code, name in lookup_boards.items()}
    out: dict[str, str] = {}
    for _, row in read_csv(organisations):
        code, name = row.get("Code"), norm(row.get("FullName") or "")
        if code and name in by_name:
            out[code] = by_name[name]
    return out
