"""Finding community assets (HSDS services at locations) for community connectors.

``assets_near`` is one Cypher statement (``assets/assets_near``): a point-index prefilter,
the exact haversine on R = 6371.0088 km (docs/decisions.md 1), the connector's filters, a
keyset page on (distance, id) and the total count. Its filter semantics are documented in
``docs/api.md`` and mirrored by the brute-force oracle in ``tests/api/oracle.py``.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from graph import messages as say
from graph.database import Database
from graph.geography import Latitude, Longitude, RadiusKm
from graph.repositories.outcomes import camel
from graph.repositories.values import iso, stale_before
from queries.vocabulary import DAY_CODES, SERVICE_TYPES

__all__ = [
    "DAY_CODES",
    "AssetHit",
    "NearFilter",
    "NearPage",
    "NearQuery",
    "OpenAtFilter",
    "ServiceProps",
    "UnknownFact",
    "assets_near",
    "filter_labels",
    "kind_names",
]

# Neo4j's WGS-84 point.distance uses R = 6378.14 km; we report haversine on the IUGG mean
# radius 6371.0088 km, so the point-index prefilter is widened by the ratio (plus slack).
_PREFILTER_FACTOR = 6378.14 / 6371.0088 + 1e-3

Day = Literal["MO", "TU", "WE", "TH", "FR", "SA", "SU"]


class OpenAtFilter(BaseModel):
    """Open on ``day`` at ``time`` (24-hour HH:MM, local time)."""

    day: Day
    time: str = Field(pattern=r"^([01]\d|2[0-3]):[0-5]\d$")


def _filter(label: tuple[str, str], description: str, default: Any = None, **limits: Any) -> Any:
    """One filter's declaration: its label (English, Welsh: what the UI shows, served by
    ``GET /api/vocabulary``), its description (the API's documentation), its default and the
    limits pydantic validates (``max_length``, ``ge``...)."""
    en, cy = label
    return Field(
        default=default,
        description=description,
        json_schema_extra={"label": {"en": en, "cy": cy}},
        **limits,
    )


class NearFilter(BaseModel):
    """The connector's filters: the one place each is declared.

    Each field is one filter. Its type and limits are the server's validation, its
    description the API's documentation (the GraphQL input ``NearFilter`` is generated from
    this model by :mod:`api.graphql.generated_inputs`), its label what the UI shows (served
    by ``GET /api/vocabulary`` as ``filters``), and its name, in snake case, the statement
    parameter of ``assets/assets_near`` (see :meth:`NearQuery.parameters`).
    """

    text: str | None = _filter(
        ("What are you looking for?", "Beth ydych chi'n chwilio amdano?"),
        "Words the services must match, typos forgiven (kinds and needs named in "
        "English or Welsh, e.g. 'banc bwyd', 'dementia cafe').",
        max_length=200,
    )
    kinds: list[str] | None = _filter(
        ("Kind of place", "Math o le"),
        "Only services of these kinds (ids of GET /api/vocabulary `serviceTypes`, "
        "e.g. ['charity', 'community_group'] for the community's own groups before statutory "
        "services): a taxonomy term of the service has the kind's id as its code, or one of "
        "its names (English, Welsh or a synonym) as its name.",
        max_length=len(SERVICE_TYPES.terms),
    )
    need: str | None = _filter(
        ("Need", "Angen"),
        "A need id (GET /api/vocabulary `needs`), a need's name, or a taxonomy "
        "term's id, code or name.",
        max_length=200,
    )
    age: int | None = _filter(
        ("Age of the person", "Oed y person"),
        "The person's age: services whose age range excludes it are left out.",
        ge=0,
        le=150,
    )
    free_only: bool = _filter(
        ("Free only", "Am ddim yn unig"),
        "Only services that are free (a cost option of 0 or 'free').",
        default=False,
    )
    language: str | None = _filter(
        ("Language", "Iaith"),
        "A language the service is offered in, by code or name ('cy', 'Welsh').",
        max_length=100,
    )
    accessibility: str | None = _filter(
        ("Accessibility", "Hygyrchedd"),
        "Words the location's accessibility description contains ('step free', 'hearing loop').",
        max_length=200,
    )
    open_at: OpenAtFilter | None = _filter(
        ("Open on", "Ar agor ar"),
        "Open on this day at this time (weekly opening hours).",
    )
    area_id: str | None = _filter(
        ("Only services that cover this area", "Dim ond gwasanaethau sy'n cynnwys yr ardal hon"),
        "The person's area: services that declare a catchment must cover it.",
        max_length=200,
    )
    include_unknown: bool = _filter(
        ("Include services that do not say", "Cynnwys gwasanaethau nad ydynt yn dweud"),
        "Keep services that state nothing about a filtered fact (cost, language, "
        "hours, accessibility), naming the fact in `unknown`.",
        default=False,
    )

    @field_validator("kinds")
    @classmethod
    def _known_kinds(cls, value: list[str] | None) -> list[str] | None:
        if not value:
            return None
        unknown = [v for v in value if SERVICE_TYPES.get(v) is None]
        if unknown:
            raise ValueError(say.UNKNOWN_TERMS(ids=", ".join(unknown)))
        return list(dict.fromkeys(value))


def filter_labels() -> list[dict[str, str]]:
    """Each filter's name (as the API spells it) and label in English and Welsh, in order."""
    out = []
    for name, info in NearFilter.model_fields.items():
        extra = info.json_schema_extra
        label = extra["label"] if isinstance(extra, dict) else None
        if not isinstance(label, dict):
            raise TypeError(f"NearFilter.{name} has no label: declare it with _filter(…)")
        out.append({"id": camel(name), "en": str(label["en"]), "cy": str(label["cy"])})
    return out


def kind_names(kinds: list[str]) -> list[str]:
    """Every name, in lower case, that a taxonomy term may carry for these kinds: labels and
    synonyms as written and with accents and punctuation folded away."""
    names: set[str] = set()
    for kind in kinds:
        term = SERVICE_TYPES.get(kind)
        if term is not None:
            names.update(x.lower() for x in (term.en, term.cy, *term.synonyms))
            names.update(term.words())
    return sorted(names)


class NearQuery(NearFilter):
    """A validated ``assetsNear`` request: a point and radius, the filters, one page."""

    latitude: Latitude
    longitude: Longitude
    radius_km: RadiusKm
    #: only these services (the every-word matches of a text); None = any
    service_ids: list[str] | None = None
    first: int = Field(default=20, ge=1, le=100)
    after_distance_km: float | None = None
    after_id: str | None = None

    def parameters(self) -> dict[str, Any]:
        """The statement's parameters: every filter by its name, and the page."""
        filters = {name: getattr(self, name) for name in NearFilter.model_fields}
        filters.pop("text")  # already matched: its services are service_ids
        open_at = filters.pop("open_at")
        return {
            **filters,
            "kind_names": kind_names(self.kinds) if self.kinds else None,
            "open_day": open_at.day if open_at else None,
            "open_time": open_at.time if open_at else None,
            "latitude": self.latitude,
            "longitude": self.longitude,
            "radius_km": self.radius_km,
            "prefilter_m": self.radius_km * 1000 * _PREFILTER_FACTOR,
            "service_ids": self.service_ids,
            "stale_before": stale_before(),
            "after_distance_km": self.after_distance_km,
            "after_id": self.after_id,
            "limit": self.first + 1,
        }


class ServiceProps(BaseModel):
    """The scalar HSDS fields of a service that the API exposes (as stored)."""

    model_config = ConfigDict(extra="ignore")

    id: str
    name: str = ""
    #: its Welsh name where the publisher gives one (graph-native; HSDS carries it as
    #: ``alternate_name``)
    name_cy: str | None = None
    alternate_name: str | None = None
    description: str | None = None
    #: the description in Welsh (graph-native: HSDS has one description)
    description_cy: str | None = None
    url: str | None = None
    email: str | None = None
    status: str | None = None
    minimum_age: int | None = None
    maximum_age: int | None = None
    fees_description: str | None = None
    eligibility_description: str | None = None
    last_verified: str | None = None
    moderation_status: str | None = None
    moderation_reason: str | None = None
    #: what a moderator asked the group to change before deciding (cleared by its next edit)
    changes_requested: str | None = None
    version: int = 0
    #: the publisher of the open data it was imported from, and that data's edition date
    listed_by: str | None = None
    listed_on: str | None = None
    #: when an edit to this (public) listing started waiting for a moderator
    pending_at: str | None = None

    @classmethod
    def from_props(cls, props: dict[str, Any]) -> ServiceProps:
        """Validate stored properties; temporals become ISO strings, nulls defaults."""
        clean = {k: v for k, v in props.items() if v is not None}
        for key in ("last_verified", "listed_on", "pending_at"):
            if key in clean:
                clean[key] = iso(clean[key])
        for key in ("minimum_age", "maximum_age", "version"):
            if key in clean and not isinstance(clean[key], int):
                clean.pop(key)
        return cls.model_validate(clean)


UnknownFact = Literal["cost", "language", "hours", "accessibility"]


class AssetHit(BaseModel):
    """One service, its distance from the searched point, and which filtered facts it
    states nothing about (it passed those filters because unknowns were included)."""

    service: ServiceProps
    distance_km: float
    stale: bool
    unknown: list[UnknownFact] = Field(default_factory=list)


class NearPage(BaseModel):
    """One page of hits, whether another follows, and how many match in all."""

    hits: list[AssetHit]
    has_next_page: bool
    total_count: int


async def assets_near(db: Database, query: NearQuery) -> NearPage:
    """Return one page of services nearest first (ties by id) and the total match count."""
    rows = await db.read("assets/assets_near", **query.parameters())
    (row,) = rows
    page = row["page"]
    hits = [
        AssetHit(
            service=ServiceProps.from_props(hit["props"]),
            distance_km=hit["distance_km"],
            stale=hit["stale"],
            unknown=hit["unknown"],
        )
        for hit in page[: query.first]
    ]
    return NearPage(hits=hits, has_next_page=len(page) > query.first, total_count=int(row["total"]))
