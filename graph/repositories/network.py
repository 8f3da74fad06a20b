"""Relationship views for system leaders: ego networks, warm-introduction paths, maps.

Nodes and edges come shaped for sigma.js / graphology (``id``, ``label``, ``kind``, ``tribe``,
``sector``; edges ``source``, ``target``, ``type``, ``weight``; a weight that is missing or
not a finite number reads as 1.0). Every view has a node cap and
says when it was reached (``truncated``), so a map never silently hides part of the system.
"""

from __future__ import annotations

import math
from typing import Any, Literal

from pydantic import BaseModel, Field

from graph import messages as say
from graph.database import Database
from graph.repositories.outcomes import InvalidField, Missing, first_row

__all__ = [
    "GraphEdge",
    "GraphNode",
    "MapFilter",
    "NetworkView",
    "PathView",
    "connection",
    "ego_network",
    "relationship_map",
]

MAX_HOPS = 3
MAX_NODES = 2000
MAX_PATHS = 25


#: Provenance of records the generator made up (the demo's example network of people and the
#: synthetic benchmark data): shown as "generated", never as real people.
GENERATED_PREFIX = "demo:"


class GraphNode(BaseModel):
    id: str
    label: str
    #: its Welsh name, where it has one (teams, organisations, services)
    label_cy: str | None = None
    kind: str
    tribe: str | None = None
    sector: str | None = None
    organisation_id: str | None = None
    hop: int | None = None
    generated: bool = False


class GraphEdge(BaseModel):
    source: str
    target: str
    type: str
    weight: float = 1.0


class NetworkView(BaseModel):
    nodes: list[GraphNode]
    edges: list[GraphEdge]
    truncated: bool
    matched: int | None = None


#: How a warm introduction is made, in the order they are tried (network/connection.cypher).
Through = Literal["people", "organisations", "places"]


class PathView(BaseModel):
    nodes: list[GraphNode]
    steps: list[GraphEdge]
    #: people who know or work with each other; colleagues or members; or shared places
    through: Through


class MapFilter(BaseModel):
    area_id: str | None = Field(default=None, max_length=200)
    tribe: str | None = Field(default=None, max_length=100)
    sector: str | None = Field(default=None, max_length=100)
    organisation_id: str | None = Field(default=None, max_length=200)


def _node(raw: dict[str, Any]) -> GraphNode:
    return GraphNode(
        id=str(raw["id"]),
        label=str(raw.get("name") or raw["id"]),
        label_cy=raw.get("name_cy"),
        kind=str(raw.get("kind") or "Entity"),
        tribe=raw.get("tribe"),
        sector=raw.get("sector"),
        organisation_id=raw.get("organisation_id"),
        hop=raw.get("hop"),
        generated=str(raw.get("source") or "").startswith(GENERATED_PREFIX),
    )


def _weight(value: Any) -> float:
    """A stored weight as the views show it: a finite number, else 1.0 (unweighted).

    The relationship loader refuses weights that are not finite numbers, but a NaN or an
    infinity stored before that rule (or written by hand) is not a GraphQL Float: it must
    read as a tie without a weight, not fail the whole view.
    """
    if isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value):
        return float(value)
    return 1.0


def _edge(raw: dict[str, Any]) -> GraphEdge:
    return GraphEdge(
        source=str(raw["source"]),
        target=str(raw["target"]),
        type=str(raw["type"]),
        weight=_weight(raw.get("weight")),
    )


def _cap(limit: int) -> int:
    if not 1 <= limit <= MAX_NODES:
        raise InvalidField("limit", say.BETWEEN(low=1, high=MAX_NODES))
    return limit


async def ego_network(db: Database, node_id: str, hops: int, limit: int) -> NetworkView:
    """Nodes within ``hops`` steps of ``node_id`` (nearest first) and the edges among them."""
    if not 1 <= hops <= MAX_HOPS:
        raise InvalidField("hops", say.BETWEEN(low=1, high=MAX_HOPS))
    rows = await db.read("network/ego_network", id=node_id, hops=hops, limit=_cap(limit))
    row = first_row(rows, Missing("node", node_id))
    return NetworkView(
        nodes=[_node(n) for n in row["nodes"]],
        edges=[_edge(e) for e in row["edges"]],
        truncated=row["truncated"],
    )


async def connection(
    db: Database, from_id: str, to_id: str, max_paths: int, *, via_places: bool = False
) -> list[PathView]:
    """Warm introductions: the shortest paths between two nodes through people who know or
    work with each other; failing that, through shared organisations, teams and groups; and,
    only when ``via_places``, through services both use. At most ``max_paths``, in a stable
    order."""
    if from_id == to_id:
        raise InvalidField("toId", say.SAME_NODE())
    if not 1 <= max_paths <= MAX_PATHS:
        raise InvalidField("maxPaths", say.BETWEEN(low=1, high=MAX_PATHS))
    rows = await db.read(
        "network/connection",
        from_id=from_id,
        to_id=to_id,
        max_paths=max_paths,
        via_places=via_places,
    )
    row = rows[0]
    if not row["from_exists"]:
        raise Missing("node", from_id)
    if not row["to_exists"]:
        raise Missing("node", to_id)
    paths = [
        PathView(
            nodes=[_node(n) for n in p["nodes"]],
            steps=[_edge(s) for s in p["steps"]],
            through=row["through"],
        )
        for p in row["paths"]
    ]
    return sorted(paths, key=lambda p: [n.id for n in p.nodes])


async def relationship_map(db: Database, filters: MapFilter, limit: int) -> NetworkView:
    """People matching ``filters`` (best connected first, capped) and the ties among them.

    Reused while the graph is unchanged: ranking every person by ties is the costliest read a
    leader makes (0.3 s at Wales scale), and many open the same map.
    """
    return await db.read_while_unchanged(
        "network/relationship_map",
        _map_view,
        area_id=filters.area_id,
        tribe=filters.tribe,
        sector=filters.sector,
        organisation_id=filters.organisation_id,
        limit=_cap(limit),
    )


def _map_view(rows: list[dict[str, Any]]) -> NetworkView:
    row = rows[0]
    return NetworkView(
        nodes=[_node(n) for n in row["nodes"]],
        edges=[_edge(e) for e in row["edges"]],
        truncated=row["truncated"],
        matched=row["matched"],
    )
