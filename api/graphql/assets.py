"""Connector journey: find community assets near a person (``assetsNear``)."""

from __future__ import annotations

import strawberry
from pydantic import ValidationError
from strawberry.types import Info

from api.graphql.context import Context
from api.graphql.cursors import decode_distance_cursor, encode_distance_cursor
from graph.errors import ValidationFailed
from graph.repositories.assets import NearQuery, assets_near

__all__ = ["AssetConnection", "AssetEdge", "PageInfo", "ServiceNode", "resolve_assets_near"]


@strawberry.type(name="Service")
class ServiceNode:
    """An HSDS service; ``id`` is the HSDS service id."""

    id: strawberry.ID
    name: str
    description: str | None


@strawberry.type
class AssetEdge:
    """A service and how far it is from the searched point."""

    cursor: str
    distance_km: float
    node: ServiceNode


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


async def resolve_assets_near(
    info: Info[Context, None],
    latitude: float,
    longitude: float,
    radius_km: float,
    need: str | None = None,
    first: int | None = 20,
    after: str | None = None,
) -> AssetConnection:
    """Services within ``radius_km`` of the point, nearest first (ties by id)."""
    after_distance, after_id = decode_distance_cursor(after) if after else (None, None)
    try:
        query = NearQuery(
            latitude=latitude,
            longitude=longitude,
            radius_km=radius_km,
            need=need,
            first=20 if first is None else first,
            after_distance_km=after_distance,
            after_id=after_id,
        )
    except ValidationError as exc:
        problem = exc.errors()[0]
        field = ".".join(str(part) for part in problem["loc"])
        raise ValidationFailed(f"{field}: {problem['msg']}") from exc
    hits, more = await assets_near(info.context.db, query)
    edges = [
        AssetEdge(
            cursor=encode_distance_cursor(hit.distance_km, hit.id),
            distance_km=hit.distance_km,
            node=ServiceNode(id=strawberry.ID(hit.id), name=hit.name, description=hit.description),
        )
        for hit in hits
    ]
    return AssetConnection(
        edges=edges,
        page_info=PageInfo(has_next_page=more, end_cursor=edges[-1].cursor if edges else None),
    )
