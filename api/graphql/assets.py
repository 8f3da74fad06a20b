"""Connector journey: find community assets near a person (``assetsNear``)."""

from __future__ import annotations

from enum import Enum
from typing import TYPE_CHECKING, Any

import strawberry
from strawberry.types import Info

from api.graphql.context import Context
from api.graphql.cursors import decode_distance_cursor, encode_distance_cursor
from api.graphql.entities import ServiceNode
from api.graphql.generated_inputs import input_from_model, model_values
from api.graphql.results import validated
from graph import messages as say
from graph.repositories.assets import Day, NearFilter, NearQuery, OpenAtFilter, assets_near
from graph.repositories.outcomes import InvalidField, camel
from graph.repositories.search import matching_service_ids
from queries.vocabulary import DAYS

__all__ = [
    "AssetConnection",
    "AssetEdge",
    "NearFilterInput",
    "OpenAt",
    "PageInfo",
    "UnknownFact",
    "Weekday",
    "resolve_assets_near",
]


# Built at import from the vocabularies and the validation models, so mypy sees them as Any.
if TYPE_CHECKING:
    Weekday = Any
    OpenAt = Any
    NearFilterInput = Any
else:
    #: RFC 5545 day codes (``MO`` … ``SU``) from the days vocabulary, each described by name.
    Weekday = strawberry.enum(
        Enum("Weekday", {d.id: strawberry.enum_value(d.id, description=d.en) for d in DAYS.terms}),
        description="RFC 5545 day codes, as in HSDS schedule.byday.",
    )
    OpenAt = input_from_model(
        OpenAtFilter,
        name="OpenAt",
        description="Open on this day at this time (24-hour HH:MM, local time).",
        nested={Day: Weekday},
    )
    NearFilterInput = input_from_model(
        NearFilter,
        name="NearFilter",
        description="The connector's filters, all optional (generated from the server's "
        "validation model, so every filter the server knows is here).",
        nested={OpenAtFilter: OpenAt},
    )


@strawberry.enum(description="A fact a filter asked about that a service does not state.")
class UnknownFact(Enum):
    COST = "cost"
    LANGUAGE = "language"
    HOURS = "hours"
    ACCESSIBILITY = "accessibility"


@strawberry.type
class AssetEdge:
    """A service and how far it is from the searched point."""

    @strawberry.field
    def cursor(self) -> str:
        # Encoded only when a client asks for it: most pages are read through endCursor.
        return encode_distance_cursor(self.distance_km, str(self.node.id))

    distance_km: float
    node: ServiceNode
    unknown: list[UnknownFact] = strawberry.field(
        default_factory=list,
        description=(
            "Facts the filters asked about that this service does not state (only with "
            "includeUnknown): say 'opening times unknown', not 'open'."
        ),
    )


@strawberry.type
class PageInfo:
    """Relay page information."""

    has_next_page: bool
    end_cursor: str | None


@strawberry.type
class AssetConnection:
    """A Relay connection of services ordered by distance, then id."""

    edges: list[AssetEdge]
    page_info: PageInfo
    total_count: int = strawberry.field(description="All matches, on every page.")


async def resolve_assets_near(
    info: Info[Context, None],
    latitude: float,
    longitude: float,
    radius_km: float,
    need: str | None = None,
    first: int | None = 20,
    after: str | None = None,
    age: int | None = None,
    free_only: bool = False,
    language: str | None = None,
    accessibility: str | None = None,
    open_at: OpenAt | None = None,
    area_id: str | None = None,
    include_unknown: bool = False,
    text: str | None = None,
    filter: NearFilterInput | None = None,
) -> AssetConnection:
    """Approved services within ``radius_km`` of the point, nearest first (ties by id).

    The filters come as ``filter`` (every filter) or as the older separate arguments (the
    filters there were before ``filter``); a filter given both ways must agree.
    """
    after_distance, after_id = decode_distance_cursor(after) if after else (None, None)
    separate = {
        "need": need,
        "age": age,
        "free_only": free_only,
        "language": language,
        "accessibility": accessibility,
        "open_at": model_values(open_at),
        "area_id": area_id,
        "include_unknown": include_unknown,
        "text": text,
    }
    filters = _merged(separate, model_values(filter) if filter is not None else {})
    filters["text"] = (filters.get("text") or "").strip() or None
    query = validated(
        NearQuery,
        latitude=latitude,
        longitude=longitude,
        radius_km=radius_km,
        **filters,
        first=20 if first is None else first,
        after_distance_km=after_distance,
        after_id=after_id,
    )
    if query.text:
        query.service_ids = await matching_service_ids(
            info.context.db, query.text, query.latitude, query.longitude, query.radius_km
        )
    page = await assets_near(info.context.db, query)
    edges = [
        AssetEdge(
            distance_km=hit.distance_km,
            node=ServiceNode.of(hit.service, stale=hit.stale),
            unknown=[UnknownFact(fact) for fact in hit.unknown],
        )
        for hit in page.hits
    ]
    last = page.hits[-1] if page.hits else None
    return AssetConnection(
        edges=edges,
        page_info=PageInfo(
            has_next_page=page.has_next_page,
            end_cursor=encode_distance_cursor(last.distance_km, last.service.id) if last else None,
        ),
        total_count=page.total_count,
    )


_DEFAULTS = {name: info.get_default() for name, info in NearFilter.model_fields.items()}


def _merged(separate: dict[str, Any], grouped: dict[str, Any]) -> dict[str, Any]:
    """The filters of the separate arguments overlaid with those of ``filter``; refused
    when one filter has two different values."""
    merged = {k: v for k, v in separate.items() if v != _DEFAULTS.get(k)}
    for name, value in grouped.items():
        if value == _DEFAULTS.get(name):
            continue
        if name in merged and merged[name] != value:
            raise InvalidField(camel(name), say.FILTER_TWICE(name=camel(name)))
        merged[name] = value
    return merged
