"""Charity Commission register extract: charities naming Trafford in their area of operation.

Each charity is its own organisation (identifier: the registered charity number) offering one
service (its stated activities) at its contact address. Activity keywords add asset tags
(``food_bank``, ``mental_health``, ``sport``), so a charity that runs a food bank is found
as one — see :data:`KEYWORD_TAGS`.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from loaders.opendata.asset import Asset, identity
from loaders.opendata.build import csv_assets
from loaders.opendata.postcodes import PostcodeIndex
from loaders.opendata.rows import ParseResult

__all__ = ["KEYWORD_TAGS", "SOURCE_CHARITIES", "parse_charities"]

SOURCE_CHARITIES = "csv:charity_commission_trafford"

#: Extra asset tag → words in the activities that give it (whole words, any case).
KEYWORD_TAGS: dict[str, re.Pattern[str]] = {
    "food_bank": re.compile(r"\b(food ?banks?|food parcels?|hunger)\b", re.IGNORECASE),
    "mental_health": re.compile(r"\b(mental health|mental illness)\b", re.IGNORECASE),
    "sport": re.compile(
        r"\b(sports?|football|cricket|rugby|athletics|swimming|tennis)\b", re.IGNORECASE
    ),
}


def parse_charities(path: Path, postcodes: PostcodeIndex | None = None) -> ParseResult[Asset]:
    """One asset per registered charity, tagged ``charity`` (plus keyword tags)."""
    return csv_assets(path, postcodes, _charity)


def _charity(row_no: int, row: dict[str, Any], result: ParseResult[Asset]) -> dict[str, Any] | None:
    """A charity's asset, tagged by its activities; a row without a number is rejected."""
    number = row.get("registered_charity_number")
    if not number:
        result.reject(row_no, "registered_charity_number", "no charity number")
        return None
    activities = row.get("charity_activities")
    tags = tuple(tag for tag, rx in KEYWORD_TAGS.items() if activities and rx.search(activities))
    company = row.get("charity_company_registration_number")
    return dict(
        identity(SOURCE_CHARITIES, "charity", number, row.get("charity_name")),
        extra_tags=tags,
        description=activities,
        organisation={
            "id": f"org:charity:{number}",
            "name": row.get("charity_name") or number,
            "sector": "third_sector",
            "legal_status": row.get("charity_type"),
            "website": row.get("charity_contact_web"),
            "email": row.get("charity_contact_email"),
            "description": f"Company {company}" if company else None,
            "identifier": ("Charity Commission", number),
        },
        address_1=row.get("charity_contact_address"),
        postal_code=row.get("charity_contact_postcode"),
        phone=row.get("charity_contact_phone"),
        email=row.get("charity_contact_email"),
        url=row.get("charity_contact_web"),
    )
