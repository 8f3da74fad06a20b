"""System leaders' journey: ego networks, warm-introduction paths and relationship maps.

Shaped for sigma.js + graphology: ``nodes { id label kind tribe sector x y }`` and
``edges { source target type weight }``. These views name people, so the public role is
refused (docs/security.md).
"""
# strawberry.field(description=...) is typed as returning Any, so mypy calls these
# decorators untyped; the resolvers themselves are fully annotated.
# mypy: disable-error-code="untyped-decorator"

from __future__ import annotations

import strawberry
from strawberry.types import Info

from api.graphql.context import Context, refuse_unless
from api.graphql.results import validated
from api.graphql.views import view_of
from graph import messages as say
from graph.repositories import network as repo

__all__ = ["NetworkQueries"]


@strawberry.type
class GraphNode:
    id: strawberry.ID
    label: str
    kind: str
    tribe: str | None
    sector: str | None
    organisation_id: str | None
    hop: int | None = strawberry.field(description="Steps from the centre (egoNetwork).")
    label_cy: str | None = strawberry.field(
        default=None, description="Its label in Welsh, where it has one (teams, organisations)."
    )
    generated: bool = strawberry.field(
        default=False,
        description="Made up by the demo's generator (an example, not a real person or tie).",
    )
    x: float | None = strawberry.field(description="Layout hint; null = lay out client-side.")
    y: float | None

    @classmethod
    def of(cls, n: repo.GraphNode) -> GraphNode:
        return view_of(cls, n, id=strawberry.ID(n.id), x=None, y=None)


@strawberry.type
class GraphEdge:
    source: strawberry.ID
    target: strawberry.ID
    type: str
    weight: float

    @classmethod
    def of(cls, e: repo.GraphEdge) -> GraphEdge:
        return view_of(cls, e, source=strawberry.ID(e.source), target=strawberry.ID(e.target))


@strawberry.type
class NetworkGraph:
    nodes: list[GraphNode]
    edges: list[GraphEdge]
    truncated: bool = strawberry.field(description="True when the node cap cut the view.")
    matched: int | None = strawberry.field(description="Nodes matching before the cap.")

    @classmethod
    def of(cls, v: repo.NetworkView) -> NetworkGraph:
        return view_of(
            cls,
            v,
            nodes=[GraphNode.of(n) for n in v.nodes],
            edges=[GraphEdge.of(e) for e in v.edges],
        )


@strawberry.type
class ConnectionPath:
    nodes: list[GraphNode]
    steps: list[GraphEdge] = strawberry.field(description="Relationship types on the way.")
    through: str = strawberry.field(
        description="How the introduction is made: `people` (who know or work with each "
        "other), `organisations` (colleagues, members of one team or group) or `places` "
        "(both use one service; only with viaPlaces)."
    )


@strawberry.input
class MapFilter:
    area_id: str | None = None
    tribe: str | None = None
    sector: str | None = None
    organisation_id: str | None = None


@strawberry.type
class NetworkQueries:
    @strawberry.field(description="Everyone and everything within `hops` (1–3) steps.")
    async def ego_network(
        self, info: Info[Context, None], id: strawberry.ID, hops: int = 1, limit: int = 500
    ) -> NetworkGraph:
        refuse_unless(info.context.caller.reads_network, say.VIEWS_NAME_PEOPLE())
        return NetworkGraph.of(await repo.ego_network(info.context.db, str(id), hops, limit))

    @strawberry.field(
        description="Warm introductions: the shortest paths between two nodes through people "
        "who know or work with each other, else through shared organisations and teams, and "
        "through services both use only when `viaPlaces` is true."
    )
    async def connection(
        self,
        info: Info[Context, None],
        from_id: strawberry.ID,
        to_id: strawberry.ID,
        max_paths: int = 10,
        via_places: bool = False,
    ) -> list[ConnectionPath]:
        refuse_unless(info.context.caller.reads_network, say.VIEWS_NAME_PEOPLE())
        paths = await repo.connection(
            info.context.db, str(from_id), str(to_id), max_paths, via_places=via_places
        )
        return [
            ConnectionPath(
                nodes=[GraphNode.of(n) for n in p.nodes],
                steps=[GraphEdge.of(s) for s in p.steps],
                through=p.through,
            )
            for p in paths
        ]

    @strawberry.field(
        description="People by area, tribe, sector or organisation and their "
        "ties; best connected first, capped at `limit`."
    )
    async def relationship_map(
        self, info: Info[Context, None], filter: MapFilter | None = None, limit: int = 500
    ) -> NetworkGraph:
        refuse_unless(info.context.caller.reads_network, say.VIEWS_NAME_PEOPLE())
        f = filter or MapFilter()
        filters = validated(
            repo.MapFilter,
            area_id=f.area_id,
            tribe=f.tribe,
            sector=f.sector,
            organisation_id=f.organisation_id,
        )
        return NetworkGraph.of(await repo.relationship_map(info.context.db, filters, limit))
