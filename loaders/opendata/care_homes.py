"""Trafford care homes (CQC register via Trafford Data Lab), tagged ``care_home``.

The CQC location id is the stable id; homes of one provider share one organisation
(``org:cqc-provider:<uuid5 of provider name>``), so a provider's homes are linked.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from loaders.opendata.asset import Asset, identity, stable_id
from loaders.opendata.build import csv_assets, data_lab_fields
from loaders.opendata.postcodes import PostcodeIndex
from loaders.opendata.rows import ParseResult

__all__ = ["SOURCE_CARE_HOMES", "parse_care_homes"]

SOURCE_CARE_HOMES = "csv:trafford_care_homes"


def parse_care_homes(path: Path, postcodes: PostcodeIndex | None = None) -> ParseResult[Asset]:
    """One asset per care home; bad coordinates reject the row, the rest load."""
    return csv_assets(path, postcodes, _care_home)


def _care_home(
    row_no: int, row: dict[str, Any], result: ParseResult[Asset]
) -> dict[str, Any] | None:
    """A care home's asset, provided by its CQC provider; a row without a CQC id is rejected."""
    cqc = row.get("cqc_id")
    if not cqc:
        result.reject(row_no, "cqc_id", "no CQC location id")
        return None
    provider = row.get("provider") or row.get("name") or cqc
    return dict(
        data_lab_fields(row),
        **identity(SOURCE_CARE_HOMES, "care_home", cqc, row.get("name")),
        organisation={
            "id": f"org:cqc-provider:{stable_id(SOURCE_CARE_HOMES, provider)}",
            "name": provider,
            "sector": "social_care",
        },
        phone=row.get("telephone"),
        url=row.get("website") or row.get("cqc_webpage"),
        external_identifier=("CQC", cqc),
    )
