"""The GraphQL schema: root fields by journey, and the limits that protect the server.

Root fields live in one module per user journey (assets, search, nodes, shortlists,
referrals, network, offerings, moderation, connections); this module only assembles them. The
printed schema is snapshotted in ``api/graphql/schema.graphql`` (the frontend generates its
types from it).
"""
# strawberry.field(description=...) is typed as returning Any, so mypy calls these
# decorators untyped; the resolvers themselves are fully annotated.
# mypy: disable-error-code="untyped-decorator"

from __future__ import annotations

import strawberry
from strawberry.extensions import ValidationCache
from strawberry.tools import merge_types
from strawberry.types import Info

from api.graphql.analytics import AnalyticsQueries
from api.graphql.assets import AssetConnection, resolve_assets_near
from api.graphql.connections import ConnectionMutations, ConnectionQueries
from api.graphql.context import Context
from api.graphql.erasure import ErasureMutations
from api.graphql.errors import ErrorPolicy
from api.graphql.limits import (
    MAX_ALIASES,
    MAX_DEPTH,
    MAX_TOKENS,
    DocumentLimits,
    ExecutionBudget,
    schema_facts,
)
from api.graphql.lookup import LookupQueries
from api.graphql.moderation import (
    MergeMutations,
    ModerationMutations,
    ModerationQueries,
    ReportMutations,
)
from api.graphql.network import NetworkQueries
from api.graphql.nodes import NodeResult, resolve_node
from api.graphql.offerings import OfferingMutations, OfferingQueries
from api.graphql.referrals import ReferralMutations, ReferralQueries
from api.graphql.search import SearchConnection, resolve_search_assets
from api.graphql.shortlists import ShortlistMutations, ShortlistQueries
from graph.repositories.nodes import fetch_node

__all__ = ["MAX_ALIASES", "MAX_DEPTH", "MAX_TOKENS", "build_schema"]


@strawberry.type
class Me:
    """Who the API thinks you are."""

    role: str
    organisation_id: str | None
    organisation_name: str | None = strawberry.field(
        description="The name of the organisation a group editor's key is for."
    )
    key_id: str | None
    person_id: strawberry.ID | None = strawberry.field(
        description="The person this key stands for (it can record their connections)."
    )


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
    async def me(self, info: Info[Context, None]) -> Me:
        caller = info.context.caller
        organisation = (
            await fetch_node(info.context.db, caller.organisation_id)
            if caller.organisation_id
            else None
        )
        return Me(
            role=caller.role.value,
            organisation_id=caller.organisation_id,
            organisation_name=organisation.text("name") if organisation else None,
            key_id=caller.key_id,
            person_id=strawberry.ID(caller.person_id) if caller.person_id else None,
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
        OfferingQueries,
        ConnectionQueries,
    ),
)
Mutation = merge_types(
    "Mutation",
    (
        OfferingMutations,
        ModerationMutations,
        MergeMutations,
        ReportMutations,
        ShortlistMutations,
        ReferralMutations,
        ErasureMutations,
        ConnectionMutations,
    ),
)


def build_schema() -> strawberry.Schema:
    """The schema with the request limits (api/graphql/limits) and the error policy.

    DocumentLimits parses (cached, token-limited) and measures each document before
    validation, so ValidationCache's graphql-core rules only ever see bounded documents;
    ExecutionBudget stops an operation that executes too long.
    """
    schema = strawberry.Schema(
        query=Query,
        mutation=Mutation,
        extensions=[
            DocumentLimits,
            # A connector's app sends the same few documents again and again: validate each
            # distinct document once (LRU), not on every request.
            lambda: ValidationCache(maxsize=256),
            ExecutionBudget,
            ErrorPolicy,
        ],
    )
    schema_facts(schema)  # read the page sizes now, not on the first request
    return schema
