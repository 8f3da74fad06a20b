"""The numbers a person would call for a service (``Service.phones``).

HSDS lets a phone hang off a service, its contacts, its locations (and their
service-at-location records and contacts) or its organisation. A connector wants the most
specific numbers: the service's own, else its locations', else its organisation's. One
statement returns every candidate with its tier; this module keeps the best tier per service
and drops repeated numbers (compared by their digits, so "029 2037 9510" and "02920379510" are
one number).
"""

from __future__ import annotations

import re
from typing import Literal

from pydantic import BaseModel, ConfigDict

from graph.database import Database

__all__ = ["PhoneRecord", "phones_of_services"]

Source = Literal["service", "location", "organization"]
_TIERS: tuple[Source, ...] = ("service", "location", "organization")


class PhoneRecord(BaseModel):
    """One number, with where it was found."""

    model_config = ConfigDict(frozen=True)

    number: str
    extension: str | None = None
    type: str | None = None
    description: str | None = None
    source: Source = "service"


def _digits(number: str) -> str:
    return re.sub(r"\D", "", number)


def _text(value: object) -> str | None:
    return None if value is None else str(value).strip() or None


async def phones_of_services(db: Database, ids: list[str]) -> dict[str, list[PhoneRecord]]:
    """The best tier of phones of each service; services without any are absent."""
    rows = await db.read("nodes/phones_of_services", ids=ids)
    best_tier: dict[str, int] = {}
    seen: dict[str, set[str]] = {}
    out: dict[str, list[PhoneRecord]] = {}
    for row in rows:
        key, tier, number = str(row["key"]), int(row["tier"]), _text(row["number"])
        if number is None or best_tier.setdefault(key, tier) != tier:
            continue
        digits = _digits(number) or number
        if digits in seen.setdefault(key, set()):
            continue
        seen[key].add(digits)
        out.setdefault(key, []).append(
            PhoneRecord(
                number=number,
                extension=_text(row["extension"]),
                type=_text(row["type"]),
                description=_text(row["description"]),
                source=_TIERS[tier],
            )
        )
    return out
