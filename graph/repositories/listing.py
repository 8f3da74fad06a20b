"""The content of a listing that its group owns, validated in one place.

Registration (``registerOffering``) and edits (``updateOffering``) both end in a
:class:`ListingContent`: name and description, the place (coordinates, place name, address),
contact (email, phone, website), weekly hours, needs, cost, languages, accessibility,
eligibility and ages, and catchment areas. An edit reads the listing's current content
(``offerings/read_listing.cypher``), lays the given fields over it and validates the whole, so a
listing can never be stored half-valid. :func:`differences` says field by field what an edit
changes, which is what a moderator reviews for a change to an approved listing.
"""

from __future__ import annotations

import re
from typing import Any

from pydantic import BaseModel, Field, field_validator, model_validator

from graph import messages as say
from graph.postcodes import normalise_postcode
from graph.text import cleans_input_text
from queries.vocabulary import ACCESSIBILITY

__all__ = [
    "CONTENT_FIELDS",
    "LANGUAGE_NAMES",
    "FieldChange",
    "ListingContent",
    "ScheduleInput",
    "differences",
]

#: The HSDS ``Language.name`` stored beside a code a group picks (other codes keep the code).
LANGUAGE_NAMES = {
    "cy": "Welsh",
    "en": "English",
    "pl": "Polish",
    "ar": "Arabic",
    "ur": "Urdu",
    "bn": "Bengali",
    "pa": "Punjabi",
    "ro": "Romanian",
}

_TIME = r"^([01]\d|2[0-3]):[0-5]\d$"
_DAYS = re.compile(r"^(MO|TU|WE|TH|FR|SA|SU)(,(MO|TU|WE|TH|FR|SA|SU))*$")


class ScheduleInput(BaseModel):
    """A weekly opening: days (``MO,TU``) and times (``HH:MM``)."""

    _text = cleans_input_text()

    byday: str
    opens_at: str = Field(pattern=_TIME)
    closes_at: str = Field(pattern=_TIME)

    @field_validator("byday")
    @classmethod
    def _days(cls, value: str) -> str:
        value = value.replace(" ", "").upper()
        if not _DAYS.match(value):
            raise ValueError(say.DAYS_FORMAT())
        return value


class ListingContent(BaseModel):
    """Everything a group says about one listing.

    Text loses control characters before it is checked (graph/text.py); ``postal_code`` must
    be shaped like a UK postcode and is stored in its normal form; ``accessibility`` and
    ``needs`` are vocabulary ids (``/api/vocabulary``).
    """

    _text = cleans_input_text()

    name: str = Field(min_length=1, max_length=200)
    name_cy: str | None = Field(
        default=None, max_length=200, description="Its name in Welsh, if it has one."
    )
    description: str | None = Field(default=None, max_length=5000)
    description_cy: str | None = Field(
        default=None, max_length=5000, description="What it is and who it is for, in Welsh."
    )
    latitude: float = Field(ge=-90, le=90)
    longitude: float = Field(ge=-180, le=180)
    location_name: str | None = Field(default=None, max_length=200)
    address_1: str | None = Field(default=None, max_length=200)
    city: str | None = Field(default=None, max_length=100)
    postal_code: str | None = Field(default=None, max_length=20)
    email: str | None = Field(default=None, max_length=200, pattern=r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
    url: str | None = Field(default=None, max_length=500, pattern=r"^https?://\S+$")
    phone: str | None = Field(default=None, max_length=40, pattern=r"^[0-9+() .-]{6,}$")
    needs: list[str] = Field(default_factory=list, max_length=10, description="Need ids.")
    languages: list[str] = Field(default_factory=list, max_length=10, description="e.g. cy, en")
    accessibility: list[str] = Field(
        default_factory=list,
        max_length=10,
        description="Accessibility option ids (/api/vocabulary).",
    )
    minimum_age: int | None = Field(default=None, ge=0, le=150)
    maximum_age: int | None = Field(default=None, ge=0, le=150)
    free: bool = False
    fees_description: str | None = Field(default=None, max_length=1000)
    eligibility_description: str | None = Field(default=None, max_length=2000)
    schedules: list[ScheduleInput] = Field(default_factory=list, max_length=14)
    catchment: list[str] = Field(
        default_factory=list, max_length=50, description="Ids of the areas served."
    )

    @field_validator("name")
    @classmethod
    def _not_blank(cls, value: str) -> str:
        if not value.strip():
            raise ValueError(say.BLANK())
        return value.strip()

    @field_validator("postal_code")
    @classmethod
    def _postcode(cls, value: str | None) -> str | None:
        if value is None or not value.strip():
            return None
        normal = normalise_postcode(value)
        if normal is None:
            raise ValueError(say.NOT_POSTCODE(value=repr(value.strip())))
        return normal

    @field_validator("languages")
    @classmethod
    def _codes(cls, value: list[str]) -> list[str]:
        codes = [v.strip().lower() for v in value]
        if any(not re.fullmatch(r"[a-z]{2,3}", c) for c in codes):
            raise ValueError(say.LANGUAGE_CODES())
        return list(dict.fromkeys(codes))

    @field_validator("accessibility")
    @classmethod
    def _access(cls, value: list[str]) -> list[str]:
        unknown = [v for v in value if ACCESSIBILITY.get(v) is None]
        if unknown:
            raise ValueError(say.UNKNOWN_TERMS(ids=", ".join(unknown)))
        return list(dict.fromkeys(value))

    @model_validator(mode="after")
    def _ages(self) -> ListingContent:
        if (
            self.minimum_age is not None
            and self.maximum_age is not None
            and self.minimum_age > self.maximum_age
        ):
            raise ValueError(say.AGES_ORDER())
        return self

    def accessibility_texts(self) -> list[str]:
        """The HSDS ``Accessibility.description`` of each option (its English label, which
        the connector's filter matches by word)."""
        return [term.en for a in self.accessibility if (term := ACCESSIBILITY.get(a))]


#: The fields a group owns, in the order a moderator reads a change.
CONTENT_FIELDS: tuple[str, ...] = tuple(ListingContent.model_fields)


class FieldChange(BaseModel):
    """One field of a listing before and after an edit (values as JSON-ready data)."""

    field: str
    before: Any
    after: Any


def differences(before: ListingContent, after: ListingContent) -> list[FieldChange]:
    """The fields whose value an edit changes, in :data:`CONTENT_FIELDS` order; a blank text
    and no value are the same (a feed's ``""`` city, a form's emptied field).

    >>> a = ListingContent(name="Cafe", latitude=51.5, longitude=-3.2, city="")
    >>> [c.field for c in differences(a, a.model_copy(update={"city": None, "phone": "1"}))]
    ['phone']
    """
    old, new = before.model_dump(mode="json"), after.model_dump(mode="json")
    return [
        FieldChange(field=name, before=old[name], after=new[name])
        for name in CONTENT_FIELDS
        if _value(old[name]) != _value(new[name])
    ]


def _value(value: object) -> object:
    return None if value == "" else value
