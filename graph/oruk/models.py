"""Pydantic models of HSDS 3.0 / ORUK 3.0 input, and the mapping of each entity onto the graph.

Each model names its graph label, its scalar fields (HSDS names, stored as node properties)
and its nested objects (``children``: the JSON key, the relationship type and its direction).
The loaders, the serialiser and the Cypher catalogue all read this one table, so import and
export stay mechanical (docs/decisions.md F2, docs/model.md).

Validation here is only what "Bad input" in docs/decisions.md rejects: no id, no or blank
name (on the entities whose schema requires one), a number where a name, alternate name,
description or title belongs, a coordinate that is not a number or is out of range, and a
value outside a closed ORUK enum. Everything else is kept; odd values are normalised with a
warning by the loader. Unknown fields are allowed and preserved (``model_extra``).
"""

from __future__ import annotations

import math
from typing import Any, ClassVar, NamedTuple

from pydantic import BaseModel, ConfigDict, Field, ValidationInfo, field_validator

from queries.vocabulary import DAY_CODES

__all__ = [
    "ENTITY_BY_KIND",
    "ENTITY_BY_LABEL",
    "Accessibility",
    "Address",
    "Attribute",
    "Child",
    "Contact",
    "CostOption",
    "Funding",
    "HsdsEntity",
    "Language",
    "Location",
    "Metadata",
    "Organization",
    "OrganizationIdentifier",
    "Phone",
    "Program",
    "RequiredDocument",
    "Schedule",
    "Service",
    "ServiceArea",
    "ServiceAtLocation",
    "Taxonomy",
    "TaxonomyTerm",
]

Number = int | float

SERVICE_STATUS = ("active", "inactive", "defunct", "temporarily closed")
LOCATION_TYPES = ("physical", "postal", "virtual")
SCHEDULE_FREQ = ("WEEKLY", "MONTHLY")
WEEKDAYS = DAY_CODES  # RFC 5545 BYDAY codes, Monday first (queries/vocabulary/days.py)
#: text a person reads: a number here rejects the record (ids, codes and phone numbers given
#: as numbers are kept as their text, as feeds numbered from 1 write them)
PROSE_FIELDS = ("name", "alternate_name", "description", "title")


class Child(NamedTuple):
    """A nested object or array of an entity and the relationship that stores it.

    ``outgoing`` is True when the relationship points from the parent to the child
    (``(service)-[:HAS_PHONE]->(phone)``) and False when it points from the child to the
    parent (``(organization)-[:PROVIDES]->(service)`` seen from the service).
    """

    kind: str
    rel: str
    many: bool = True
    outgoing: bool = True


def _closed(value: str | None, allowed: tuple[str, ...], field: str) -> str | None:
    """Accept a closed-enum value, matching case and spacing loosely; reject anything else."""
    if value is None:
        return None
    wanted = " ".join(value.split()).lower()
    for option in allowed:
        if option.lower() == wanted:
            return option
    raise ValueError(f"{field} {value!r} is not one of {', '.join(allowed)}")


class HsdsEntity(BaseModel):
    """Fields and behaviour shared by every HSDS entity: an id, attributes and metadata."""

    model_config = ConfigDict(extra="allow", coerce_numbers_to_str=True, frozen=False)

    kind: ClassVar[str] = ""
    label: ClassVar[str] = ""
    children: ClassVar[dict[str, Child]] = {
        "attributes": Child("attribute", "HAS_ATTRIBUTE"),
        "metadata": Child("metadata", "HAS_METADATA"),
    }
    #: fields whose schema format is ``uri`` / ``email`` / ``date-time``
    uri_fields: ClassVar[tuple[str, ...]] = ()
    email_fields: ClassVar[tuple[str, ...]] = ()
    datetime_fields: ClassVar[tuple[str, ...]] = ()
    #: JSON key → node property where the HSDS name clashes with provenance (Funding.source)
    renamed: ClassVar[dict[str, str]] = {}
    #: what the serialiser writes for a required field the graph does not have
    required_defaults: ClassVar[dict[str, Any]] = {}
    #: entities whose schema requires a name: a missing or blank one rejects the record
    name_required: ClassVar[bool] = False

    id: str

    @field_validator("id", mode="before")
    @classmethod
    def _id_present(cls, value: Any) -> Any:
        if value is None or (isinstance(value, str) and not value.strip()):
            raise ValueError("the record has no id")
        if isinstance(value, bool | dict | list):
            raise ValueError(f"id must be a string or a number, not {type(value).__name__}")
        return value

    @field_validator("id")
    @classmethod
    def _id_stripped(cls, value: str) -> str:
        return value.strip()

    @field_validator(*PROSE_FIELDS, mode="before", check_fields=False)
    @classmethod
    def _prose_is_text(cls, value: Any, info: ValidationInfo) -> Any:
        """A number where a name or description belongs is a shifted column, not a name."""
        if isinstance(value, bool | int | float):
            raise ValueError(f"{info.field_name} must be text (got {value!r})")
        return value

    @classmethod
    def scalar_fields(cls) -> tuple[str, ...]:
        """The JSON keys stored as node properties (declared fields that are not children)."""
        cached: tuple[str, ...] | None = cls.__dict__.get("_scalar_cache")
        if cached is None:
            cached = tuple(name for name in cls.model_fields if name not in cls.children)
            type.__setattr__(cls, "_scalar_cache", cached)
        return cached


def _check_name(cls: type[HsdsEntity], value: Any) -> Any:
    if cls.name_required and (value is None or (isinstance(value, str) and not value.strip())):
        raise ValueError("name is missing or blank")
    return value


class Metadata(HsdsEntity):
    kind = "metadata"
    label = "Metadata"
    children = {}
    required_defaults = {
        "last_action_date": "",
        "last_action_type": "",
        "field_name": "",
        "previous_value": "",
        "replacement_value": "",
        "updated_by": "",
    }
    resource_id: str | None = None
    resource_type: str | None = None
    last_action_date: str | None = None
    last_action_type: str | None = None
    field_name: str | None = None
    previous_value: str | None = None
    replacement_value: str | None = None
    updated_by: str | None = None


class Taxonomy(HsdsEntity):
    kind = "taxonomy"
    label = "Taxonomy"
    children = {
        "taxonomy_terms": Child("taxonomy_term", "IN_TAXONOMY", outgoing=False),
        "metadata": Child("metadata", "HAS_METADATA"),
    }
    uri_fields = ("uri",)
    required_defaults = {"name": "", "description": ""}
    name_required = True
    name: str | None = Field(default=None, validate_default=True)
    description: str | None = None
    uri: str | None = None
    version: str | None = None
    taxonomy_terms: list[TaxonomyTerm] | None = None
    metadata: list[Metadata] | None = None

    _name = field_validator("name", mode="before")(classmethod(_check_name))


class TaxonomyTerm(HsdsEntity):
    kind = "taxonomy_term"
    label = "TaxonomyTerm"
    children = {
        "taxonomy_detail": Child("taxonomy", "IN_TAXONOMY", many=False),
        "metadata": Child("metadata", "HAS_METADATA"),
    }
    uri_fields = ("term_uri",)
    required_defaults = {"name": "", "description": ""}
    name_required = True
    code: str | None = None
    name: str | None = Field(default=None, validate_default=True)
    description: str | None = None
    parent_id: str | None = None
    taxonomy: str | None = None
    taxonomy_detail: Taxonomy | None = None
    language: str | None = None
    taxonomy_id: str | None = None
    term_uri: str | None = None
    term: str | None = None
    metadata: list[Metadata] | None = None

    _name = field_validator("name", mode="before")(classmethod(_check_name))


class Attribute(HsdsEntity):
    kind = "attribute"
    label = "Attribute"
    children = {
        "taxonomy_term": Child("taxonomy_term", "OF_TERM", many=False),
        "metadata": Child("metadata", "HAS_METADATA"),
    }
    link_id: str | None = None
    taxonomy_term_id: str | None = None
    link_type: str | None = None
    link_entity: str | None = None
    value: str | None = None
    taxonomy_term: TaxonomyTerm | None = None
    metadata: list[Metadata] | None = None


class Language(HsdsEntity):
    kind = "language"
    label = "Language"
    service_id: str | None = None
    location_id: str | None = None
    phone_id: str | None = None
    name: str | None = None
    code: str | None = None
    note: str | None = None
    attributes: list[Attribute] | None = None
    metadata: list[Metadata] | None = None


class Phone(HsdsEntity):
    kind = "phone"
    label = "Phone"
    children = {
        "languages": Child("language", "HAS_LANGUAGE"),
        **HsdsEntity.children,
    }
    required_defaults = {"number": ""}
    location_id: str | None = None
    service_id: str | None = None
    organization_id: str | None = None
    contact_id: str | None = None
    service_at_location_id: str | None = None
    number: str | None = None
    extension: Number | None = None
    type: str | None = None
    description: str | None = None
    languages: list[Language] | None = None
    attributes: list[Attribute] | None = None
    metadata: list[Metadata] | None = None


class Contact(HsdsEntity):
    kind = "contact"
    label = "Contact"
    children = {"phones": Child("phone", "HAS_PHONE"), **HsdsEntity.children}
    email_fields = ("email",)
    organization_id: str | None = None
    service_id: str | None = None
    service_at_location_id: str | None = None
    location_id: str | None = None
    name: str | None = None
    title: str | None = None
    department: str | None = None
    email: str | None = None
    phones: list[Phone] | None = None
    attributes: list[Attribute] | None = None
    metadata: list[Metadata] | None = None


class Schedule(HsdsEntity):
    kind = "schedule"
    label = "Schedule"
    uri_fields = ("schedule_link",)
    service_id: str | None = None
    location_id: str | None = None
    service_at_location_id: str | None = None
    valid_from: str | None = None
    valid_to: str | None = None
    dtstart: str | None = None
    timezone: Number | None = None
    until: str | None = None
    count: Number | None = None
    wkst: str | None = None
    freq: str | None = None
    interval: Number | None = None
    byday: str | None = None
    byweekno: str | None = None
    bymonthday: str | None = None
    byyearday: str | None = None
    description: str | None = None
    opens_at: str | None = None
    closes_at: str | None = None
    schedule_link: str | None = None
    attending_type: str | None = None
    notes: str | None = None
    attributes: list[Attribute] | None = None
    metadata: list[Metadata] | None = None

    @field_validator("freq")
    @classmethod
    def _freq(cls, value: str | None) -> str | None:
        return _closed(value, SCHEDULE_FREQ, "freq")

    @field_validator("wkst")
    @classmethod
    def _wkst(cls, value: str | None) -> str | None:
        return _closed(value, WEEKDAYS, "wkst")


class ServiceArea(HsdsEntity):
    kind = "service_area"
    label = "ServiceArea"
    service_id: str | None = None
    name: str | None = None
    description: str | None = None
    extent: str | None = None
    extent_type: str | None = None
    uri: str | None = None
    service_area: str | None = None
    attributes: list[Attribute] | None = None
    metadata: list[Metadata] | None = None


class Funding(HsdsEntity):
    kind = "funding"
    label = "Funding"
    renamed = {"source": "funding_source"}
    organization_id: str | None = None
    service_id: str | None = None
    source: str | None = None
    attributes: list[Attribute] | None = None
    metadata: list[Metadata] | None = None


class CostOption(HsdsEntity):
    kind = "cost_option"
    label = "CostOption"
    service_id: str | None = None
    valid_from: str | None = None
    valid_to: str | None = None
    option: str | None = None
    currency: str | None = None
    amount: Number | None = None
    amount_description: str | None = None
    attributes: list[Attribute] | None = None
    metadata: list[Metadata] | None = None


class Program(HsdsEntity):
    kind = "program"
    label = "Program"
    required_defaults = {"name": "", "description": ""}
    name_required = True
    organization_id: str | None = None
    name: str | None = Field(default=None, validate_default=True)
    alternate_name: str | None = None
    description: str | None = None
    attributes: list[Attribute] | None = None
    metadata: list[Metadata] | None = None

    _name = field_validator("name", mode="before")(classmethod(_check_name))


class RequiredDocument(HsdsEntity):
    kind = "required_document"
    label = "RequiredDocument"
    uri_fields = ("uri",)
    service_id: str | None = None
    document: str | None = None
    uri: str | None = None
    attributes: list[Attribute] | None = None
    metadata: list[Metadata] | None = None


class Address(HsdsEntity):
    kind = "address"
    label = "Address"
    required_defaults = {
        "address_1": "",
        "city": "",
        "state_province": "",
        "postal_code": "",
        "country": "",
        "address_type": "physical",
    }
    location_id: str | None = None
    attention: str | None = None
    address_1: str | None = None
    address_2: str | None = None
    city: str | None = None
    region: str | None = None
    state_province: str | None = None
    postal_code: str | None = None
    country: str | None = None
    address_type: str | None = None
    attributes: list[Attribute] | None = None
    metadata: list[Metadata] | None = None

    @field_validator("address_type")
    @classmethod
    def _address_type(cls, value: str | None) -> str | None:
        return _closed(value, LOCATION_TYPES, "address_type")


class Accessibility(HsdsEntity):
    kind = "accessibility"
    label = "Accessibility"
    uri_fields = ("url",)
    location_id: str | None = None
    description: str | None = None
    details: str | None = None
    url: str | None = None
    accessibility: str | None = None
    attributes: list[Attribute] | None = None
    metadata: list[Metadata] | None = None


class OrganizationIdentifier(HsdsEntity):
    kind = "organization_identifier"
    label = "OrganizationIdentifier"
    required_defaults = {"identifier_type": "", "identifier": ""}
    organization_id: str | None = None
    identifier_scheme: str | None = None
    identifier_type: str | None = None
    identifier: str | None = None
    attributes: list[Attribute] | None = None
    metadata: list[Metadata] | None = None


def _coordinate(value: Any, field: str, bound: float) -> Any:
    """Numbers (or numeric strings) within ±bound; anything else rejects the record."""
    if value is None:
        return None
    if isinstance(value, bool):
        raise ValueError(f"{field} is not a number: {value!r}")
    number = value
    if isinstance(value, str):
        try:
            number = float(value.strip())
        except ValueError:
            raise ValueError(f"{field} is not a number: {value!r}") from None
    if not isinstance(number, int | float) or math.isnan(number) or math.isinf(number):
        raise ValueError(f"{field} is not a number: {value!r}")
    if not -bound <= number <= bound:
        raise ValueError(f"{field} {value!r} is out of range (-{bound:g} to {bound:g})")
    return number


class Location(HsdsEntity):
    kind = "location"
    label = "Location"
    children = {
        "languages": Child("language", "HAS_LANGUAGE"),
        "addresses": Child("address", "HAS_ADDRESS"),
        "contacts": Child("contact", "HAS_CONTACT"),
        "accessibility": Child("accessibility", "HAS_ACCESSIBILITY"),
        "phones": Child("phone", "HAS_PHONE"),
        "schedules": Child("schedule", "HAS_SCHEDULE"),
        **HsdsEntity.children,
    }
    uri_fields = ("url",)
    required_defaults = {"location_type": "physical"}
    location_type: str | None = None
    url: str | None = None
    organization_id: str | None = None
    name: str | None = None
    alternate_name: str | None = None
    description: str | None = None
    transportation: str | None = None
    latitude: Number | None = None
    longitude: Number | None = None
    external_identifier: str | None = None
    external_identifier_type: str | None = None
    languages: list[Language] | None = None
    addresses: list[Address] | None = None
    contacts: list[Contact] | None = None
    accessibility: list[Accessibility] | None = None
    phones: list[Phone] | None = None
    schedules: list[Schedule] | None = None
    attributes: list[Attribute] | None = None
    metadata: list[Metadata] | None = None

    @field_validator("location_type")
    @classmethod
    def _location_type(cls, value: str | None) -> str | None:
        return _closed(value, LOCATION_TYPES, "location_type")

    @field_validator("latitude", mode="before")
    @classmethod
    def _latitude(cls, value: Any) -> Any:
        return _coordinate(value, "latitude", 90)

    @field_validator("longitude", mode="before")
    @classmethod
    def _longitude(cls, value: Any) -> Any:
        return _coordinate(value, "longitude", 180)


class ServiceAtLocation(HsdsEntity):
    kind = "service_at_location"
    label = "ServiceAtLocation"
    children = {
        "contacts": Child("contact", "HAS_CONTACT"),
        "phones": Child("phone", "HAS_PHONE"),
        "schedules": Child("schedule", "HAS_SCHEDULE"),
        "location": Child("location", "AT_LOCATION", many=False),
        "service": Child("service", "OF_SERVICE", many=False),
        **HsdsEntity.children,
    }
    service_id: str | None = None
    location_id: str | None = None
    description: str | None = None
    contacts: list[Contact] | None = None
    phones: list[Phone] | None = None
    schedules: list[Schedule] | None = None
    location: Location | None = None
    service: Service | None = None
    attributes: list[Attribute] | None = None
    metadata: list[Metadata] | None = None


class Organization(HsdsEntity):
    kind = "organization"
    label = "Organization"
    children = {
        "funding": Child("funding", "HAS_FUNDING"),
        "contacts": Child("contact", "HAS_CONTACT"),
        "phones": Child("phone", "HAS_PHONE"),
        "locations": Child("location", "HAS_LOCATION"),
        "programs": Child("program", "HAS_PROGRAM"),
        "organization_identifiers": Child("organization_identifier", "HAS_IDENTIFIER"),
        "services": Child("service", "PROVIDES"),
        **HsdsEntity.children,
    }
    uri_fields = ("website", "uri")
    email_fields = ("email",)
    required_defaults = {"name": "", "description": ""}
    name_required = True
    name: str | None = Field(default=None, validate_default=True)
    alternate_name: str | None = None
    description: str | None = None
    email: str | None = None
    website: str | None = None
    tax_status: str | None = None
    tax_id: str | None = None
    year_incorporated: Number | None = None
    legal_status: str | None = None
    logo: str | None = None
    uri: str | None = None
    parent_organization_id: str | None = None
    funding: list[Funding] | None = None
    contacts: list[Contact] | None = None
    phones: list[Phone] | None = None
    locations: list[Location] | None = None
    programs: list[Program] | None = None
    organization_identifiers: list[OrganizationIdentifier] | None = None
    services: list[Service] | None = None
    attributes: list[Attribute] | None = None
    metadata: list[Metadata] | None = None

    _name = field_validator("name", mode="before")(classmethod(_check_name))


class Service(HsdsEntity):
    kind = "service"
    label = "Service"
    children = {
        "phones": Child("phone", "HAS_PHONE"),
        "schedules": Child("schedule", "HAS_SCHEDULE"),
        "service_areas": Child("service_area", "HAS_SERVICE_AREA"),
        "service_at_locations": Child("service_at_location", "OF_SERVICE", outgoing=False),
        "languages": Child("language", "HAS_LANGUAGE"),
        "organization": Child("organization", "PROVIDES", many=False, outgoing=False),
        "funding": Child("funding", "HAS_FUNDING"),
        "cost_options": Child("cost_option", "HAS_COST_OPTION"),
        "program": Child("program", "IN_PROGRAM", many=False),
        "required_documents": Child("required_document", "HAS_REQUIRED_DOCUMENT"),
        "contacts": Child("contact", "HAS_CONTACT"),
        **HsdsEntity.children,
    }
    uri_fields = ("url",)
    email_fields = ("email", "assurer_email")
    datetime_fields = ("last_modified",)
    required_defaults = {"name": "", "status": "active"}
    name_required = True
    organization_id: str | None = None
    program_id: str | None = None
    name: str | None = Field(default=None, validate_default=True)
    alternate_name: str | None = None
    description: str | None = None
    url: str | None = None
    email: str | None = None
    status: str | None = None
    interpretation_services: str | None = None
    application_process: str | None = None
    fees_description: str | None = None
    wait_time: str | None = None
    fees: str | None = None
    accreditations: str | None = None
    eligibility_description: str | None = None
    minimum_age: Number | None = None
    maximum_age: Number | None = None
    assured_date: str | None = None
    assurer_email: str | None = None
    licenses: str | None = None
    alert: str | None = None
    last_modified: str | None = None
    phones: list[Phone] | None = None
    schedules: list[Schedule] | None = None
    service_areas: list[ServiceArea] | None = None
    service_at_locations: list[ServiceAtLocation] | None = None
    languages: list[Language] | None = None
    organization: Organization | None = None
    funding: list[Funding] | None = None
    cost_options: list[CostOption] | None = None
    program: Program | None = None
    required_documents: list[RequiredDocument] | None = None
    contacts: list[Contact] | None = None
    attributes: list[Attribute] | None = None
    metadata: list[Metadata] | None = None

    _name = field_validator("name", mode="before")(classmethod(_check_name))

    @field_validator("status")
    @classmethod
    def _status(cls, value: str | None) -> str | None:
        return _closed(value, SERVICE_STATUS, "status")


for _model in (Taxonomy, TaxonomyTerm, ServiceAtLocation, Organization, Service):
    _model.model_rebuild()

ENTITY_BY_KIND: dict[str, type[HsdsEntity]] = {
    model.kind: model
    for model in (
        Accessibility,
        Address,
        Attribute,
        Contact,
        CostOption,
        Funding,
        Language,
        Location,
        Metadata,
        Organization,
        OrganizationIdentifier,
        Phone,
        Program,
        RequiredDocument,
        Schedule,
        Service,
        ServiceArea,
        ServiceAtLocation,
        Taxonomy,
        TaxonomyTerm,
    )
}
ENTITY_BY_LABEL: dict[str, type[HsdsEntity]] = {m.label: m for m in ENTITY_BY_KIND.values()}
