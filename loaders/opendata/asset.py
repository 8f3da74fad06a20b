"""One community asset from any open-data file, and its HSDS 3.0 service record.

Each parser normalises its rows into :class:`Asset` (validated by pydantic, the edge); the
asset then becomes one full HSDS service record (organisation + service + location + service
at location + schedules + taxonomy terms as attributes) that ``load_service_records`` stores.

Ids are stable and readable: the service is ``<tag>:<source id>`` (``gp:W00001``,
``pharmacy:FKJ04``) or, for sources without an id of their own, ``<tag>:<uuid5 of source and
natural key>``; child records extend the service id (``gp:W00001/location``), so re-running
a load finds the same nodes and nothing changes.
"""

from __future__ import annotations

import uuid
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from graph.messages import Wording
from loaders.opendata.needs import NeedTag, need_tags
from queries.vocabulary import FREE_AT_POINT_OF_USE, SERVICE_TYPES

__all__ = [
    "ASSET_TAGS",
    "FREE_NOTE",
    "NAMESPACE",
    "TAXONOMY_ID",
    "WELSH_NOTE",
    "Asset",
    "OpeningHours",
    "Organisation",
    "Sector",
    "described",
    "identity",
    "identity_by_name",
    "stable_id",
]

#: Namespace of every uuid5 minted here (uuid5(NAMESPACE_URL, "https://commongraph/")).
NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "https://commongraph/")

#: The project's own taxonomy of asset types (TaxonomyTerm ids are ``asset-type:<tag>``).
TAXONOMY_ID = "taxonomy:commongraph-asset-types"

#: Asset types (the service kinds of :mod:`queries.vocabulary.service_types`), each a
#: TaxonomyTerm code; the need rules are in :mod:`loaders.opendata.needs`.
ASSET_TAGS: dict[str, str] = {t.id: t.en for t in SERVICE_TYPES if t.id != "community_group"}

#: The note on facts derived by a rule rather than stated by the publisher.
FREE_NOTE = "Free at the point of use: derived from the kind of service ({kind})."
WELSH_NOTE = (
    "Derived: run in Wales by a public body bound by the Welsh Language Standards, "
    "which must offer its services in Welsh."
)

Sector = Literal[
    "primary_care",
    "secondary_care",
    "social_care",
    "third_sector",
    "public_health",
    "education",
    "housing",
    "local_government",
    "community",
    "private",
]


def stable_id(source: str, natural_key: str) -> str:
    """A uuid5 of the source and the row's natural key: the same row → the same id, always.

    >>> stable_id("geojson:gm_food_banks", "BRASS Bolton|BL3 2HP")[:8]
    '981b1d52'
    """
    return str(uuid.uuid5(NAMESPACE, f"{source}|{natural_key}"))


def described(wording: Wording, **params: object) -> dict[str, str | None]:
    """The ``description`` and ``description_cy`` of a description a loader writes itself
    (what kind of place it is, when the publisher says nothing more), in English and Welsh.

    >>> described(Wording("Community pharmacy", "Fferyllfa gymunedol"))["description_cy"]
    'Fferyllfa gymunedol'
    """
    said = wording(**params)
    return {"description": said.text("en"), "description_cy": said.text("cy")}


def identity(source: str, tag: str, source_id: Any, name: Any) -> dict[str, Any]:
    """Which asset a row is, when its source gives it an id of its own (an ODS code, a
    charity number): the :class:`Asset` fields ``id`` (``<tag>:<source id>``), ``source``,
    ``source_id``, ``name`` and ``tag``. ``source_id`` and ``name`` are the row's cells as
    read; :class:`Asset` refuses a missing one.

    >>> identity("ods:epraccur", "gp", "W00001", "Clare Road")["id"]
    'gp:W00001'
    """
    return {
        "id": f"{tag}:{source_id}",
        "source": source,
        "source_id": source_id,
        "name": name,
        "tag": tag,
    }


def identity_by_name(source: str, tag: str, name: Any, postcode: Any) -> dict[str, Any]:
    """Which asset a row is, when its source gives it no id: the fields of :func:`identity`
    with ``<name>|<postcode>`` as the source id, and an id made of its :func:`stable_id`
    (``<tag>:<uuid5>``) instead of the key itself.

    >>> identity_by_name("geojson:gm_food_banks", "food_bank", "BRASS Bolton", "BL3 2HP")["id"]
    'food_bank:981b1d52-34bc-5e67-8f67-8b04e82b07bc'
    """
    key = f"{name}|{postcode}"
    return identity(source, tag, key, name) | {"id": f"{tag}:{stable_id(source, key)}"}


class Organisation(BaseModel):
    """The organisation that provides an asset (its own, or a shared parent)."""

    id: str
    name: str = Field(min_length=1)
    #: its Welsh name where the publisher gives one (HSDS ``alternate_name``; ``name_cy``)
    name_cy: str | None = None
    sector: Sector
    description: str | None = None
    email: str | None = None
    website: str | None = None
    legal_status: str | None = None
    identifier: tuple[str, str] | None = Field(
        default=None, description="(scheme, value), e.g. ('ODS', 'W00001')"
    )
    #: the organisation it belongs to by a published fact (a GP practice's commissioning
    #: health board in the ODS register), written as MEMBER_OF with its source
    member_of: str | None = None


class OpeningHours(BaseModel):
    """One weekly opening: days (RFC 5545 BYDAY codes), or a free-text description."""

    byday: str | None = None
    opens_at: str | None = None
    closes_at: str | None = None
    description: str | None = None


class Asset(BaseModel):
    """A normalised community asset; ``to_hsds`` makes its HSDS 3.0 service record."""

    model_config = ConfigDict(str_strip_whitespace=True)

    id: str = Field(min_length=1)
    source: str
    source_id: str
    name: str = Field(min_length=1)
    alternate_name: str | None = None
    #: its Welsh name where the publisher gives one: written to HSDS as ``alternate_name``
    #: (unless that holds another) and kept on the graph as ``name_cy`` for Welsh readers
    name_cy: str | None = None
    tag: str
    extra_tags: tuple[str, ...] = ()
    description: str | None = None
    #: the description in Welsh: for the descriptions a loader writes itself (graph-native
    #: ``description_cy``; HSDS has no slot for it)
    description_cy: str | None = None
    status: Literal["active", "inactive", "defunct", "temporarily closed"] = "active"
    organisation: Organisation
    latitude: float | None = Field(default=None, ge=-90, le=90)
    longitude: float | None = Field(default=None, ge=-180, le=180)
    address_1: str | None = None
    city: str | None = None
    region: str | None = None
    postal_code: str | None = None
    country: str = "GB"
    phone: str | None = None
    email: str | None = None
    url: str | None = None
    hours: list[OpeningHours] = Field(default_factory=list)
    needs: tuple[str, ...] = ()
    external_identifier: tuple[str, str] | None = None
    location_name: str | None = None
    public_body_in_wales: bool = Field(
        default=False,
        description="Run in Wales by a body bound by the Welsh Language Standards.",
    )

    @field_validator("tag")
    @classmethod
    def _known_tag(cls, value: str) -> str:
        if value not in ASSET_TAGS:
            raise ValueError(f"unknown asset tag {value!r}")
        return value

    @property
    def tags(self) -> tuple[str, ...]:
        return (self.tag, *[t for t in self.extra_tags if t != self.tag])

    def need_tags(self) -> list[NeedTag]:
        """The needs it addresses, each with its rule (:func:`loaders.opendata.needs.need_tags`)."""
        return need_tags(self.tags, self.name, self.description)

    def _derived_cost_options(self) -> list[dict[str, Any]]:
        free_kind = next((t for t in self.tags if t in FREE_AT_POINT_OF_USE), None)
        if free_kind is None:
            return []
        label = SERVICE_TYPES.label(free_kind)
        return [
            {
                "id": f"{self.id}/cost/free",
                "option": "Free",
                "amount": 0,
                "currency": "GBP",
                "amount_description": FREE_NOTE.format(kind=label),
            }
        ]

    def _derived_languages(self) -> list[dict[str, Any]]:
        if not self.public_body_in_wales:
            return []
        return [
            {"id": f"{self.id}/language/en", "name": "English", "code": "en"},
            {"id": f"{self.id}/language/cy", "name": "Welsh", "code": "cy", "note": WELSH_NOTE},
        ]

    def to_hsds(self) -> dict[str, Any]:
        """The full HSDS 3.0 service record (nested organisation, location, schedules).

        Provenance (``source``) is given to the loader, and the organisation's ``sector``
        (graph-native, not HSDS) is written with the generated relationships, so the record
        holds nothing that ORUK export would have to carry as an unknown field.
        """
        sid = self.id
        org = self.organisation
        organization: dict[str, Any] = {
            "id": org.id,
            "name": org.name,
            "alternate_name": org.name_cy,
            "description": org.description,
            "email": org.email,
            "website": org.website,
            "legal_status": org.legal_status,
        }
        if org.identifier is not None:
            organization["organization_identifiers"] = [
                {
                    "id": f"{org.id}/identifier",
                    "identifier_scheme": org.identifier[0],
                    "identifier_type": org.identifier[0],
                    "identifier": org.identifier[1],
                }
            ]
        location: dict[str, Any] = {
            "id": f"{sid}/location",
            "location_type": "physical",
            "name": self.location_name or self.name,
            "latitude": self.latitude,
            "longitude": self.longitude,
            "addresses": [],
        }
        if self.external_identifier is not None:
            location["external_identifier_type"] = self.external_identifier[0]
            location["external_identifier"] = self.external_identifier[1]
        if self.address_1 or self.postal_code:
            location["addresses"].append(
                {
                    "id": f"{sid}/address",
                    "address_1": self.address_1 or "",
                    "city": self.city or "",
                    "region": self.region,
                    "state_province": self.region or "",
                    "postal_code": self.postal_code or "",
                    "country": self.country,
                    "address_type": "physical",
                }
            )
        schedules = [
            {
                "id": f"{sid}/schedule/{i}",
                "freq": "WEEKLY" if h.byday else None,
                "byday": h.byday,
                "opens_at": h.opens_at,
                "closes_at": h.closes_at,
                "description": h.description,
            }
            for i, h in enumerate(self.hours)
        ]
        record: dict[str, Any] = {
            "id": sid,
            "name": self.name,
            "alternate_name": self.alternate_name or self.name_cy,
            "description": self.description,
            "url": self.url,
            "email": self.email,
            "status": self.status,
            "organization": organization,
            "service_at_locations": [
                {"id": f"{sid}/at-location", "location": location, "schedules": []}
            ],
            "schedules": schedules,
            "cost_options": self._derived_cost_options(),
            "languages": self._derived_languages(),
            "phones": (
                [{"id": f"{sid}/phone", "number": self.phone, "type": "voice"}]
                if self.phone
                else []
            ),
            "attributes": [
                {
                    "id": f"{sid}/attribute/{tag}",
                    "link_type": "asset_type",
                    "link_entity": "service",
                    "value": tag,
                    "taxonomy_term": {
                        "id": f"asset-type:{tag}",
                        "code": tag,
                        "name": ASSET_TAGS[tag],
                        "taxonomy": "commongraph-asset-types",
                        "taxonomy_detail": {
                            "id": TAXONOMY_ID,
                            "name": "commongraph asset types",
                            "description": "Kinds of community asset used by commongraph.",
                            "uri": "https://commongraph.invalid/taxonomy/asset-types",
                        },
                    },
                }
                for tag in self.tags
            ],
        }
        return record
