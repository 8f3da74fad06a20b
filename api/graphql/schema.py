"""The GraphQL schema: root fields and the limits that protect the server."""

from __future__ import annotations

import strawberry
from strawberry.extensions import MaxAliasesLimiter, MaxTokensLimiter, QueryDepthLimiter

from api.graphql.assets import AssetConnection, resolve_assets_near

__all__ = ["MAX_ALIASES", "MAX_DEPTH", "MAX_TOKENS", "build_schema"]

MAX_DEPTH = 10
MAX_ALIASES = 15
MAX_TOKENS = 2000


@strawberry.type
class Query:
    """Read operations for connectors and system leaders."""

    assets_near: AssetConnection = strawberry.field(
        resolver=resolve_assets_near,
        description="Services within radiusKm of a point, ordered by distance then id.",
    )


def build_schema() -> strawberry.Schema:
    """The schema with depth, alias and token limits."""
    return strawberry.Schema(
        query=Query,
        extensions=[
            lambda: QueryDepthLimiter(max_depth=MAX_DEPTH),
            lambda: MaxAliasesLimiter(max_alias_count=MAX_ALIASES),
            lambda: MaxTokensLimiter(max_token_count=MAX_TOKENS),
        ],
    )
