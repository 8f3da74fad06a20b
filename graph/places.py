"""Where a person means when they type a place: a postcode, part of one, or a place name.

A connector types what the person said: "CF10 1AA", "M33", "CF10 1", "Sale", "Caerdydd",
"Old Trafford". :class:`PlaceIndex` answers each with one point to search around, built once
from the shipped open-data tables:

* **full postcodes** (Wales 2018 and Trafford tables): the postcode's own point;
* **postcode districts and sectors** ("M33", "CF10 1"): the mean of their postcodes;
* **local authorities** in English and Welsh ("Cardiff", "Caerdydd"), **towns** (the Welsh
  built-up areas: "Barry", "Swansea"), Welsh **communities** (LSOA names without their
  number: "Aberffraw & Rhosneigr"), Trafford **wards** and **neighbourhoods** ("Sale Moor",
  "Old Trafford"): the mean of their LSOAs' population-weighted centroids (Wales) or of their
  postcodes (Trafford);
* a word that starts several names ("Sale" → Sale Central, Sale East, Sale Moor...): the
  mean of them all, labelled with the word.

Names are compared folded (case, accents, "&" / "and", punctuation), so "ynys mon" finds
"Ynys Môn". A name not found exactly may be a typo: the closest name (rapidfuzz ``WRatio`` ≥
:data:`FUZZY_CUTOFF`) is offered as a suggestion, never silently used.
"""

from __future__ import annotations

import csv
import json
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from rapidfuzz import fuzz, process

from graph.postcodes import normalise_postcode

__all__ = ["FUZZY_CUTOFF", "Place", "PlaceIndex", "PlaceKind", "fold"]

PlaceKind = Literal[
    "postcode", "district", "sector", "authority", "town", "community", "ward", "name"
]
FUZZY_CUTOFF = 85.0

#: Trafford postcode-table columns that name places, and what kind of place each names.
_TRAFFORD_NAMES: tuple[tuple[str, PlaceKind], ...] = (
    ("ward_name", "ward"),
    ("msoa_hcl_name", "community"),
    ("la_name", "authority"),
)
_OUTWARD = re.compile(r"^[A-Z]{1,2}[0-9][A-Z0-9]?$")
_SECTOR = re.compile(r"^([A-Z]{1,2}[0-9][A-Z0-9]?) ?([0-9])$")


def fold(text: str) -> str:
    """Lower case, no accents, "&" as "and", punctuation as spaces, single spaces.

    >>> fold("  Ynys Môn ")
    'ynys mon'
    >>> fold("Stretford & Humphrey Park")
    'stretford and humphrey park'
    """
    plain = unicodedata.normalize("NFKD", text)
    plain = "".join(c for c in plain if not unicodedata.combining(c)).lower()
    plain = plain.replace("&", " and ")
    return " ".join(re.sub(r"[^\w]+", " ", plain).split())


@dataclass(frozen=True)
class Place:
    """One answer: a label to show, what kind of place it is and the point to search around."""

    label: str
    kind: PlaceKind
    latitude: float
    longitude: float


@dataclass
class _Points:
    label: str
    kind: PlaceKind
    points: list[tuple[float, float]] = field(default_factory=list)

    def place(self) -> Place:
        lat = sum(p[0] for p in self.points) / len(self.points)
        lon = sum(p[1] for p in self.points) / len(self.points)
        return Place(self.label, self.kind, round(lat, 6), round(lon, 6))


def _rows(path: Path) -> Iterator[dict[str, str]]:
    if path.is_file():
        with path.open(encoding="utf-8-sig", newline="") as handle:
            yield from csv.DictReader(handle)


def _point(lat: str | None, lon: str | None) -> tuple[float, float] | None:
    try:
        point = (float(lat or ""), float(lon or ""))
    except ValueError:
        return None
    return point if -90 <= point[0] <= 90 and -180 <= point[1] <= 180 else None


class PlaceIndex:
    """Postcodes, districts, sectors and place names → points (see the module docstring)."""

    def __init__(self) -> None:
        self.postcodes: dict[str, tuple[float, float]] = {}
        self._areas: dict[str, _Points] = {}  # "district:M33", "sector:M33 7"
        self._names: dict[str, _Points] = {}  # folded name → points
        self._first_words: dict[str, list[str]] = defaultdict(list)

    def __len__(self) -> int:
        return len(self.postcodes) + len(self._names)

    # --- building -------------------------------------------------------------------------

    def add_postcode(self, postcode: str, point: tuple[float, float]) -> None:
        self.postcodes[postcode] = point
        outward, inward = postcode.split(" ")
        self._add_area(f"district:{outward}", outward, "district", point)
        self._add_area(f"sector:{outward} {inward[0]}", f"{outward} {inward[0]}", "sector", point)

    def _add_area(self, key: str, label: str, kind: PlaceKind, point: tuple[float, float]) -> None:
        self._areas.setdefault(key, _Points(label, kind)).points.append(point)

    def add_name(self, name: str, kind: PlaceKind, points: Iterable[tuple[float, float]]) -> None:
        """Another place by name (several calls for one name add to its points)."""
        key = fold(name)
        if not key:
            return
        entry = self._names.get(key)
        if entry is None:
            entry = self._names[key] = _Points(name.strip(), kind)
            self._first_words[key.split(" ")[0]].append(key)
        entry.points.extend(points)

    @classmethod
    def from_open_data(cls, folder: Path) -> PlaceIndex:
        """The index of the shipped tables under ``folder`` (``wales/``, ``trafford/``)."""
        index = cls()
        wales, trafford = folder / "wales", folder / "trafford"
        for row in _rows(wales / "wales_postcodes_2018.csv"):
            postcode, point = (
                normalise_postcode(row.get("postcode")),
                _point(row.get("lat"), row.get("lon")),
            )
            if postcode and point:
                index.add_postcode(postcode, point)
        by_name: dict[tuple[str, PlaceKind], list[tuple[float, float]]] = defaultdict(list)
        for row in _rows(trafford / "trafford_postcodes.csv"):
            postcode, point = (
                normalise_postcode(row.get("postcode")),
                _point(row.get("lat"), row.get("lon")),
            )
            if not (postcode and point):
                continue
            index.add_postcode(postcode, point)
            for column, kind in _TRAFFORD_NAMES:
                if row.get(column):
                    by_name[(row[column], kind)].append(point)
        index._add_welsh_areas(wales, by_name)
        for (name, kind), points in sorted(by_name.items()):
            index.add_name(name, kind, points)
        return index

    def _add_welsh_areas(
        self, wales: Path, by_name: dict[tuple[str, PlaceKind], list[tuple[float, float]]]
    ) -> None:
        centroids_file = wales / "wales_lsoa11_popweighted_centroids.geojson"
        if not centroids_file.is_file():
            return
        centroids: dict[str, tuple[float, float]] = {}
        for feature in json.loads(centroids_file.read_text(encoding="utf-8"))["features"]:
            lon, lat = feature["geometry"]["coordinates"][:2]
            centroids[feature["properties"]["LSOA11CD"]] = (lat, lon)
        la_welsh: dict[str, str] = {}
        boundaries = wales / "wales_local_authorities_lad13.geojson"
        if boundaries.is_file():
            for feature in json.loads(boundaries.read_text(encoding="utf-8"))["features"]:
                props = feature["properties"]
                if props.get("LAD13NMW"):
                    la_welsh[props["LAD13CD"]] = props["LAD13NMW"]
        for row in _rows(wales / "wimd2019_lsoa_geography_lookup.csv"):
            point = centroids.get(row.get("Lower Layer Super Output Area (LSOA) Code", ""))
            if point is None:
                continue
            la_code = row.get("Local Authority (LA) Code", "")
            names: tuple[tuple[str, PlaceKind], ...] = (
                (row.get("Local Authority (LA) Name", ""), "authority"),
                (la_welsh.get(la_code, ""), "authority"),
                (_town(row.get("Built Up Area (BUA) Name", "")), "town"),
                (re.sub(r"\s+\d+$", "", row.get("LSOA Name", "")).strip(" /&"), "community"),
            )
            for name, kind in names:
                if name:
                    by_name[(name, kind)].append(point)

    # --- answering ------------------------------------------------------------------------

    def find(self, text: str) -> Place | None:
        """The place ``text`` names, or None (see :meth:`suggest`)."""
        postcode = normalise_postcode(text)
        if postcode is not None:
            point = self.postcodes.get(postcode)
            return Place(postcode, "postcode", *point) if point else None
        compact = " ".join(text.upper().split())
        if _OUTWARD.match(compact) and f"district:{compact}" in self._areas:
            return self._areas[f"district:{compact}"].place()
        sector = _SECTOR.match(compact)
        if sector and f"sector:{sector[1]} {sector[2]}" in self._areas:
            return self._areas[f"sector:{sector[1]} {sector[2]}"].place()
        key = fold(text)
        if key in self._names:
            return self._names[key].place()
        starting = [k for k in self._first_words.get(key, []) if " " in k]
        if starting:  # "Sale" → Sale Central, Sale East, Sale Moor...
            points = [p for k in starting for p in self._names[k].points]
            return _Points(text.strip().title(), "name", points).place()
        return None

    def suggest(self, text: str, limit: int = 3) -> list[str]:
        """Names close to ``text`` (typos), best first, for "did you mean"."""
        key = fold(text)
        if not key:
            return []
        found = process.extract(
            key, list(self._names), scorer=fuzz.WRatio, limit=limit, score_cutoff=FUZZY_CUTOFF
        )
        return [self._names[name].label for name, _, _ in found]


def _town(bua: str) -> str:
    """ "Cardiff BUASD" → "Cardiff"; the dispersed remainder is no town."""
    if not bua or bua.startswith("Dispersed"):
        return ""
    return re.sub(r"\s+BUA(SD)?$", "", bua).strip()
