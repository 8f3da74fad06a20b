"""Postcode → coordinates from the shipped postcode tables, for records with only a postcode.

Tables: ``wales/wales_postcodes_2018.csv`` (OS Code-Point Open 2018, ``postcode,lat,lon``)
and ``trafford/trafford_postcodes.csv`` (ONS Postcode Directory 2025, ``postcode,lon,lat``).
Postcodes are compared in the normal form "OUTWARD INWARD" (upper case, one space), so
``"CH5  1XS"`` and ``"LL145LN"`` are found (:func:`graph.postcodes.normalise_postcode`, the
one rule the API's registration uses too).
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from graph.postcodes import normalise_postcode
from loaders.opendata.rows import check_coordinates, read_csv

__all__ = ["PostcodeIndex", "normalise_postcode"]


class PostcodeIndex:
    """An in-memory map postcode → (latitude, longitude); about 100k entries, ~20 MB."""

    def __init__(self) -> None:
        self._points: dict[str, tuple[float, float]] = {}
        self.sources: list[str] = []

    def __len__(self) -> int:
        return len(self._points)

    def add_table(self, path: Path) -> int:
        """Add a table with ``postcode`` and ``lat``/``lon`` columns; returns rows added."""
        added = 0
        for _, row in read_csv(path):
            postcode = normalise_postcode(row.get("postcode"))
            point = check_coordinates(row.get("lat"), row.get("lon"))
            if postcode is None or isinstance(point, str):
                continue
            self._points[postcode] = point
            added += 1
        self.sources.append(path.name)
        return added

    @classmethod
    def from_tables(cls, paths: Iterable[Path]) -> PostcodeIndex:
        index = cls()
        for path in paths:
            if path.is_file():
                index.add_table(path)
        return index

    def lookup(self, postcode: str | None) -> tuple[float, float] | None:
        """The coordinates of ``postcode``, or ``None`` when it is not in any table."""
        key = normalise_postcode(postcode)
        return self._points.get(key) if key else None
