"""The GraphQL schema: root fields by journey, and the limits that protect the server.

Root fields live in one module per user journey (assets, search, nodes, shortlists,
referrals, network, offerings, moderation); this module only assembles them. The printed
schema is snapshotted in ``tests/api/schema.graphql``.
"""
# strawberry.field(description=...) is typed as returning Any, so mypy calls these
# decorators untyped; the resolvers themselves are fully annotated.
# mypy: disable-error-code="untyped-decorator"

from __future__ import annotations

import strawberry
from strawberry.extensions import (
    AddValidationRules,
    MaxAliasesLimiter,
    MaxTokensLimiter,
    ParserCache,
    QueryDepthLimiter,
    ValidationCache,
)
from strawberry.tools import merge_types
from strawberry.types import Info

from api.graphql.analytics import AnalyticsQueries
from api.graphql.assets import AssetConnection, resolve_assets_near
from api.graphql.context import Context
from api.graphql.erasure import ErasureMutations
from api.graphql.errors import ErrorPolicy
from api.graphql.lookup import LookupQueries
from api.graphql.moderation import ModerationMutations, ModerationQueries
from api.graphql.network import NetworkQueries
from api.graphql.nodes import NodeResult, resolve_node
from api.graphql.offerings import OfferingMutations
from api.graphql.referrals import ReferralMutations, ReferralQueries
from api.graphql.search import SearchConnection, resolve_search_assets
from api.graphql.shortlists import ShortlistMutations, ShortlistQueries

__all__ = ["MAX_ALIASES", "MAX_DEPTH", "MAX_TOKENS", "build_schema"]

MAX_DEPTH = 10
MAX_ALIASES = 15
MAX_TOKENS = 2000


@strawberry.type
class Me:
    """Who the API thinks you are."""

    role: str
    organisation_id: str | None
    key_id: str | None


@strawberry.type
class ConnectorQueries:
    """Read operations for community connectors (and anyone, for public listings)."""

    assets_near: AssetConnection = strawberry.field(
        resolver=resolve_assets_near,
        description="Approved services within radiusKm of a point, ordered by distance then "
        "id, with optional filters.",
    )
    search_assets: SearchConnection = strawberry.field(
        resolver=resolve_search_assets,
        description="Typo-tolerant text search, optionally within radiusKm of a point.",
    )
    node: NodeResult = strawberry.field(resolver=resolve_node, description="Any node by id.")

    @strawberry.field(description="The caller's role and organisation.")
    def me(self, info: Info[Context, None]) -> Me:
        caller = info.context.caller
        return Me(
            role=caller.role.value, organisation_id=caller.organisation_id, key_id=caller.key_id
        )


Query = merge_types(
    "Query",
    (
        ConnectorQueries,
        LookupQueries,
        ShortlistQueries,
        ReferralQueries,
        NetworkQueries,
        AnalyticsQueries,
        ModerationQueries,
    ),
)
Mutation = merge_types(
    "Mutation",
    (
        OfferingMutations,
        ModerationMutations,
        ShortlistMutations,
        ReferralMutations,
        ErasureMutations,
    ),
)


# The depth and alias limits are validation rules. Their rule classes are built once here, not
# per request, so that ValidationCache (keyed by document and rule classes) can hit.
_LIMIT_RULES = [
    *QueryDepthLimiter(max_depth=MAX_DEPTH).validation_rules,
    *MaxAliasesLimiter(max_alias_count=MAX_ALIASES).validation_rules,
]


def build_schema() -> strawberry.Schema:
    """The schema with depth, alias and token limits and the error policy."""
    return strawberry.Schema(
        query=Query,
        mutation=Mutation,
        extensions=[
            lambda: AddValidationRules(_LIMIT_RULES),
            lambda: MaxTokensLimiter(max_token_count=MAX_TOKENS),
            # A connector's app sends the same few documents again and again: parse and
            # validate each distinct document once (LRU), not on every request.
            lambda: ParserCache(maxsize=256),
            lambda: ValidationCache(maxsize=256),
            ErrorPolicy,
        ],
    )
