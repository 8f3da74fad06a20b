"""Shared step of every parser: a row's fields → a validated :class:`Asset`, or a rejection.

Names and addresses written in capitals are recased, and an address line that repeats the
name is dropped (:mod:`loaders.opendata.readable`).

Coordinates come from the row when it has them (bad ones reject the row, docs/decisions.md "Bad
input") and otherwise from the postcode tables; an asset whose postcode is in no table is
kept without coordinates and a warning is recorded (it still shows in the directory; it
cannot be found by distance).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from loaders.opendata.asset import Asset, Organisation
from loaders.opendata.postcodes import PostcodeIndex, normalise_postcode
from loaders.opendata.readable import address_lines, readable_case
from loaders.opendata.rows import ParseResult, check_coordinates, read_csv, rejections_from

__all__ = ["RowFields", "add_asset", "csv_assets", "data_lab_fields", "join_address"]

#: How one CSV row (its number, its cells) becomes the fields of an asset for
#: :func:`add_asset`; None when the row is rejected or skipped, which it records in the result.
RowFields = Callable[[int, dict[str, Any], ParseResult[Asset]], dict[str, Any] | None]


def csv_assets(
    path: Path, postcodes: PostcodeIndex | None, fields: RowFields
) -> ParseResult[Asset]:
    """One asset per row of a CSV file, as ``fields`` reads the row; a row whose asset is not
    valid is rejected and named, the rest load."""
    result: ParseResult[Asset] = ParseResult(file=path.name)
    for row_no, row in read_csv(path, result.warnings):
        given = fields(row_no, row, result)
        if given is not None:
            add_asset(result, row_no, postcodes, **given)
    return result


def data_lab_fields(row: dict[str, Any]) -> dict[str, Any]:
    """The asset fields of the columns Trafford Data Lab's point tables share (care homes,
    Greater Manchester libraries): ``name``, ``type``, ``address``, ``area_name``,
    ``postcode`` and the point's ``lat`` and ``lon``."""
    return {
        "name": row.get("name"),
        "description": row.get("type"),
        "address_1": row.get("address"),
        "region": row.get("area_name"),
        "postal_code": row.get("postcode"),
        "latitude": row.get("lat"),
        "longitude": row.get("lon"),
    }


def join_address(*parts: Any) -> str | None:
    """Non-empty parts joined by ", " (``None`` when all are empty)."""
    text = ", ".join(str(p).strip() for p in parts if p is not None and str(p).strip())
    return text or None


def _make_readable(fields: dict[str, Any]) -> None:
    """Recase capitals and drop address lines that repeat the name (the source's own
    spelling of a recased name is kept as ``alternate_name``)."""
    name = str(fields["name"]).strip()
    readable = readable_case(name) or name
    if readable != name and not fields.get("alternate_name"):
        fields["alternate_name"] = name
    fields["name"] = readable
    if fields.get("address_1"):
        fields["address_1"] = join_address(
            *address_lines(name, *str(fields["address_1"]).split(","))
        )
    for key in ("city", "region", "location_name"):
        if isinstance(fields.get(key), str):
            fields[key] = readable_case(fields[key])
    organisation = fields.get("organisation")
    if isinstance(organisation, Organisation):
        recased = readable_case(organisation.name) or organisation.name
        fields["organisation"] = organisation.model_copy(update={"name": recased})
    elif isinstance(organisation, dict) and isinstance(organisation.get("name"), str):
        recased = readable_case(organisation["name"]) or organisation["name"]
        fields["organisation"] = {**organisation, "name": recased}


def add_asset(
    result: ParseResult[Asset],
    row: int,
    postcodes: PostcodeIndex | None,
    *,
    latitude: Any = None,
    longitude: Any = None,
    **fields: Any,
) -> Asset | None:
    """Validate one asset and append it to ``result``; a bad row is rejected and named.

    ``latitude``/``longitude`` are the row's raw values (``None`` when the source has none).
    """
    record_id = fields.get("id")
    name = fields.get("name")
    if name is None or not str(name).strip():
        result.reject(row, "name", "no name", record_id)
        return None
    _make_readable(fields)
    raw = fields.get("postal_code")
    postcode = normalise_postcode(raw)
    fields["postal_code"] = postcode or raw
    if latitude is not None or longitude is not None:
        point = check_coordinates(latitude, longitude)
        if isinstance(point, str):
            result.reject(row, "latitude/longitude", point, record_id)
            return None
        fields["latitude"], fields["longitude"] = point
    elif postcodes is not None and (found := postcodes.lookup(postcode)) is not None:
        fields["latitude"], fields["longitude"] = found
    else:
        result.warnings.append(
            f"{result.file} row {row} ({record_id}): postcode {raw!r} not in the postcode "
            "tables; kept without coordinates"
        )
    try:
        asset = Asset.model_validate(fields)
    except ValidationError as exc:
        result.rejected.extend(rejections_from(exc, result.file, row, record_id))
        return None
    result.records.append(asset)
    return asset
