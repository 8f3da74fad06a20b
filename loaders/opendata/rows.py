"""Reading open-data files row by row, validating each row at the edge, naming bad rows.

Every parser in :mod:`loaders.opendata` turns a file into a :class:`ParseResult`: the records
that can be stored faithfully, plus one :class:`Rejection` per row that cannot (file, row,
field, reason) and one :class:`Skip` per row that is deliberately left out (not an error: a
closed practice, a row of another country). A bad row never stops the others.
"""

from __future__ import annotations

import csv
import json
import math
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any, Generic, TypeVar

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from graph.errors import ValidationFailed
from graph.text import Cleaned, NestedTooDeeply, clean_tree

CleanChanges = list[tuple[str, Cleaned]]

__all__ = [
    "MISSING",
    "ParseResult",
    "Rejection",
    "Skip",
    "blank_to_none",
    "check_coordinates",
    "read_csv",
    "read_geojson_features",
    "rejections_from",
]

T = TypeVar("T")

#: Spellings of "no value" found in the shipped files (R's ``NA``, spreadsheets' blanks).
MISSING = frozenset({"", "NA", "N/A", "NULL", "null", "None", "nan", "NaN", "-"})


class Rejection(BaseModel):
    """A row that cannot be stored faithfully; nothing of it is stored."""

    model_config = ConfigDict(frozen=True)

    file: str
    row: int = Field(description="1-based data row (CSV: after the header; GeoJSON: feature)")
    field: str
    reason: str
    record_id: str | None = None

    def __str__(self) -> str:
        ident = f" ({self.record_id})" if self.record_id else ""
        return f"{self.file} row {self.row}{ident}: {self.field}: {self.reason}"


class Skip(BaseModel):
    """A valid row left out on purpose (e.g. a closed practice); counted, not an error."""

    model_config = ConfigDict(frozen=True)

    file: str
    row: int
    reason: str


class ParseResult(BaseModel, Generic[T]):
    """What one file gave: records to load, rows rejected, rows skipped, warnings."""

    file: str
    records: list[T] = Field(default_factory=list)
    rejected: list[Rejection] = Field(default_factory=list)
    skipped: list[Skip] = Field(default_factory=list)
    warnings: list[str] = Field(default_factory=list)

    def reject(self, row: int, field: str, reason: str, record_id: str | None = None) -> None:
        self.rejected.append(
            Rejection(file=self.file, row=row, field=field, reason=reason, record_id=record_id)
        )

    def skip(self, row: int, reason: str) -> None:
        self.skipped.append(Skip(file=self.file, row=row, reason=reason))


def blank_to_none(value: Any) -> Any:
    """``None`` for the spellings of "no value" in :data:`MISSING`; strings are stripped."""
    if isinstance(value, str):
        stripped = value.strip()
        return None if stripped in MISSING else stripped
    return value


def _note(warnings: list[str] | None, file: str, row: int, changes: CleanChanges) -> None:
    if warnings is not None:
        warnings.extend(
            f"{file} row {row}: field {field}: {change.describe()}" for field, change in changes
        )


def read_csv(path: Path, warnings: list[str] | None = None) -> Iterator[tuple[int, dict[str, Any]]]:
    """Yield ``(row_number, row)`` with blanks and ``NA`` turned into ``None``.

    Row numbers are 1-based over data rows (the header is row 0), as a person counts them in
    a spreadsheet below the header. The file is streamed, never read whole. Text loses
    control characters before anything else sees it (graph/text.py); each change is named
    in ``warnings`` when a list is given.
    """
    with path.open(newline="", encoding="utf-8-sig") as handle:
        for number, row in enumerate(csv.DictReader(handle), start=1):
            given = {key.strip(): value for key, value in row.items() if key}
            cleaned, changes = clean_tree(given)
            _note(warnings, path.name, number, changes)
            yield number, {key: blank_to_none(value) for key, value in cleaned.items()}


def read_geojson_features(
    path: Path, warnings: list[str] | None = None
) -> Iterator[tuple[int, dict[str, Any]]]:
    """Yield ``(feature_number, feature)`` (1-based) from a GeoJSON FeatureCollection.

    Text in each feature is cleaned as :func:`read_csv` cleans it. A file that is not JSON
    (or nests too deeply to read) raises :class:`ValidationFailed` naming it, in one line.
    """
    try:
        with path.open(encoding="utf-8") as handle:
            data = json.load(handle)
    except json.JSONDecodeError as exc:
        raise ValidationFailed(
            f"{path.name} is not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})"
        ) from None
    except RecursionError:
        raise ValidationFailed(
            f"{path.name} nests arrays or objects too deeply to be read"
        ) from None
    features = data.get("features", []) if isinstance(data, Mapping) else []
    for number, feature in enumerate(features, start=1):
        if not isinstance(feature, dict):
            yield number, feature
            continue
        # geometry is numbers (walking every boundary's coordinates would cost seconds)
        text = {key: value for key, value in feature.items() if key != "geometry"}
        try:
            cleaned, changes = clean_tree(text)
        except NestedTooDeeply as exc:
            raise ValidationFailed(f"{path.name} feature {number}: {exc}") from None
        _note(warnings, path.name, number, changes)
        if "geometry" in feature:
            cleaned["geometry"] = feature["geometry"]
        yield number, cleaned


def check_coordinates(latitude: Any, longitude: Any) -> tuple[float, float] | str:
    """Validated ``(latitude, longitude)`` in WGS-84 degrees, or the reason they are not.

    Rejected ("Bad input" in docs/decisions.md): a value that is not a number, or out of
    range. A pair that only makes sense swapped (a "latitude" within the UK's longitudes and
    a "longitude" within its latitudes) is rejected too, because storing it would put the
    asset at sea.
    """
    try:
        lat = float(latitude)
        lon = float(longitude)
    except (TypeError, ValueError):
        return f"not a number: latitude={latitude!r}, longitude={longitude!r}"
    if not (math.isfinite(lat) and math.isfinite(lon)):
        return f"not a finite number: latitude={latitude!r}, longitude={longitude!r}"
    if not -90.0 <= lat <= 90.0:
        return f"latitude {lat} out of range -90..90"
    if not -180.0 <= lon <= 180.0:
        return f"longitude {lon} out of range -180..180"
    if -9.0 <= lat <= 2.5 and 49.0 <= lon <= 61.0:
        return f"latitude {lat} and longitude {lon} look swapped"
    return lat, lon


def rejections_from(
    error: ValidationError, file: str, row: int, record_id: str | None
) -> list[Rejection]:
    """One :class:`Rejection` per pydantic error, naming the field and the reason."""
    out = []
    for item in error.errors():
        field = ".".join(str(part) for part in item["loc"]) or "(row)"
        out.append(
            Rejection(file=file, row=row, field=field, reason=item["msg"], record_id=record_id)
        )
    return out
