"""Connector journey: typo-tolerant text search (``searchAssets``), optionally near a point."""

from __future__ import annotations

import base64
import binascii

import strawberry
from strawberry.types import Info

from api.graphql.assets import PageInfo
from api.graphql.context import Context
from api.graphql.entities import ServiceNode
from api.graphql.results import validated
from graph import messages as say
from graph.repositories.outcomes import InvalidField
from graph.repositories.search import SearchQuery, search_assets

__all__ = ["SearchConnection", "SearchEdge", "resolve_search_assets"]


def _encode(offset: int) -> str:
    return base64.urlsafe_b64encode(f"o:{offset}".encode()).decode()


def _decode(cursor: str) -> int:
    try:
        tag, _, value = base64.urlsafe_b64decode(cursor.encode()).decode().partition(":")
        if tag != "o":
            raise ValueError(tag)
        return int(value)
    except (ValueError, binascii.Error, UnicodeDecodeError) as exc:
        raise InvalidField("after", say.NOT_A_CURSOR(query="searchAssets")) from exc


@strawberry.type
class SearchEdge:
    cursor: str
    score: float = strawberry.field(description="Relevance (Lucene score).")
    matched_all_words: bool = strawberry.field(
        description="Every word of the text matched (false: a looser match, listed after)."
    )
    distance_km: float | None = strawberry.field(description="Null without a centre.")
    node: ServiceNode


@strawberry.type
class SearchConnection:
    """Services matching every word first, then looser matches; within each, services of a
    kind or need the text names first, fresh before stale, then relevance, distance, id."""

    edges: list[SearchEdge]
    page_info: PageInfo
    total_count: int


async def resolve_search_assets(
    info: Info[Context, None],
    text: str,
    latitude: float | None = None,
    longitude: float | None = None,
    radius_km: float | None = None,
    first: int | None = 20,
    after: str | None = None,
) -> SearchConnection:
    """Services whose name or description (or their organisation's) match ``text``, typos
    forgiven, with words that name a kind of service or a need (English or Welsh) matching
    every service of that kind (graph/repositories/search.py)."""
    offset = _decode(after) + 1 if after else 0
    query = validated(
        SearchQuery,
        text=text,
        latitude=latitude,
        longitude=longitude,
        radius_km=radius_km,
        first=20 if first is None else first,
        offset=offset,
    )
    page = await search_assets(info.context.db, query)
    edges = [
        SearchEdge(
            cursor=_encode(offset + i),
            score=hit.score,
            matched_all_words=hit.matched_all_words,
            distance_km=hit.distance_km,
            node=ServiceNode.of(hit.service, stale=hit.stale),
        )
        for i, hit in enumerate(page.hits)
    ]
    return SearchConnection(
        edges=edges,
        page_info=PageInfo(
            has_next_page=page.has_next_page, end_cursor=edges[-1].cursor if edges else None
        ),
        total_count=page.total_count,
    )
