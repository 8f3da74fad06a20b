"""The needs commongraph tracks, and which asset types address which needs.

A ``Need`` node is a slug (``food_poverty``); areas carry their level of each need
(``HAS_NEED``, from deprivation, prevalence and census indicators, see
:mod:`loaders.opendata.indicators`) and services say which needs they address
(``ADDRESSES``, from the asset's type by :data:`TAG_NEEDS`). Coverage analysis joins the two.
The mapping is a documented judgement, not data: see ``docs/data.md``.
"""

from __future__ import annotations

from collections.abc import Iterable

__all__ = ["NEEDS", "TAG_NEEDS", "needs_for_tags"]

#: Need id → display name.
NEEDS: dict[str, str] = {
    "deprivation": "Multiple deprivation",
    "food_poverty": "Food poverty (income deprivation)",
    "poor_health": "Poor general health",
    "isolation": "Isolation from services",
    "loneliness": "Loneliness",
    "housing": "Housing need",
    "employment": "Worklessness",
    "education": "Education and skills",
    "unpaid_care": "Unpaid caring",
    "mental_health": "Mental health",
    "dementia": "Dementia",
    "diabetes": "Diabetes",
    "cancer": "Cancer",
    "hypertension": "High blood pressure",
    "obesity": "Obesity",
    "musculoskeletal": "Musculoskeletal conditions",
    "respiratory": "Respiratory conditions",
    "cardiovascular": "Cardiovascular conditions",
    "physical_activity": "Physical inactivity",
    "care_support": "Care and support at home",
}

#: Asset type (taxonomy code) → needs its services address (``ADDRESSES``).
TAG_NEEDS: dict[str, tuple[str, ...]] = {
    "gp": (
        "poor_health", "diabetes", "hypertension", "dementia", "mental_health",
        "respiratory", "cardiovascular", "cancer", "musculoskeletal", "obesity",
    ),
    "pharmacy": ("poor_health", "hypertension", "diabetes", "respiratory"),
    "hospital": ("poor_health", "cancer", "cardiovascular", "respiratory"),
    "library": ("loneliness", "isolation", "education", "employment"),
    "food_bank": ("food_poverty", "deprivation"),
    "mental_health": ("mental_health", "loneliness"),
    "sport": ("physical_activity", "obesity", "loneliness"),
    "care_home": ("dementia", "care_support", "unpaid_care"),
    "charity": ("loneliness",),
}  # fmt: skip


def needs_for_tags(tags: Iterable[str]) -> list[str]:
    """The needs addressed by an asset with these tags, in a stable order.

    >>> needs_for_tags(["charity", "food_bank"])
    ['deprivation', 'food_poverty', 'loneliness']
    """
    return sorted({need for tag in tags for need in TAG_NEEDS.get(tag, ())})
