"""Trafford care homes (CQC register via Trafford Data Lab), tagged ``care_home``.

The CQC location id is the stable id; homes of one provider share one organisation
(``org:cqc-provider:<uuid5 of provider name>``), so a provider's homes are linked.
"""

from __future__ import annotations

from pathlib import Path

from loaders.opendata.asset import Asset, stable_id
from loaders.opendata.build import add_asset
from loaders.opendata.postcodes import PostcodeIndex
from loaders.opendata.rows import ParseResult, read_csv

__all__ = ["SOURCE_CARE_HOMES", "parse_care_homes"]

SOURCE_CARE_HOMES = "csv:trafford_care_homes"


def parse_care_homes(path: Path, postcodes: PostcodeIndex | None = None) -> ParseResult[Asset]:
    """One asset per care home; bad coordinates reject the row, the rest load."""
    result: ParseResult[Asset] = ParseResult(file=path.name)
    for row_no, row in read_csv(path, result.warnings):
        cqc = row.get("cqc_id")
        if not cqc:
            result.reject(row_no, "cqc_id", "no CQC location id")
            continue
        provider = row.get("provider") or row.get("name") or cqc
        add_asset(
            result,
            row_no,
            postcodes,
            latitude=row.get("lat"),
            longitude=row.get("lon"),
            id=f"care_home:{cqc}",
            source=SOURCE_CARE_HOMES,
            source_id=cqc,
            name=row.get("name"),
            tag="care_home",
            description=row.get("type"),
            organisation={
                "id": f"org:cqc-provider:{stable_id(SOURCE_CARE_HOMES, provider)}",
                "name": provider,
                "sector": "social_care",
            },
            address_1=row.get("address"),
            region=row.get("area_name"),
            postal_code=row.get("postcode"),
            phone=row.get("telephone"),
            url=row.get("website") or row.get("cqc_webpage"),
            external_identifier=("CQC", cqc),
        )
    return result
