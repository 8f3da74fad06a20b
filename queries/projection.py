"""Project the stored graph into the in-memory inputs of :mod:`queries.analytics`.

The analytics are pure functions (docs/decisions.md F4); this module is the one step that
reads Neo4j for them. It takes an open driver and returns networkx graphs or plain rows, and
imports nothing from ``graph/``, ``api/`` or ``loaders/``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Final

import neo4j
import networkx as nx

from queries.catalog import cypher

__all__ = [
    "SOCIAL_TIES",
    "STRUCTURAL_TIES",
    "Scope",
    "coverage_inputs",
    "listings",
    "relationship_graph",
    "scope_members",
    "service_offers",
]

#: Relationship types that are ties between people, organisations and teams.
SOCIAL_TIES: Final = ("KNOWS", "WORKS_WITH", "WORKS_FOR", "MEMBER_OF", "REFERS_TO")
#: Types that tie the relationship graph to places; added with ``include_areas=True``.
STRUCTURAL_TIES: Final = ("SERVES_AREA", "PART_OF")


def _rows(driver: neo4j.Driver, database: str, name: str, **params: Any) -> list[dict[str, Any]]:
    records, _, _ = driver.execute_query(
        cypher(name), params, database_=database, routing_=neo4j.RoutingControl.READ
    )
    return [record.data() for record in records]


def names_of(
    driver: neo4j.Driver, database: str, ids: set[str]
) -> tuple[dict[str, str], dict[str, str]]:
    """Id → name, and id → Welsh name where there is one, for the given node ids (those
    without a name are left out)."""
    if not ids:
        return {}, {}
    rows = _rows(driver, database, "projection/names_of", ids=sorted(ids))
    names = {str(r["id"]): str(r["name"]) for r in rows}
    welsh = {str(r["id"]): str(r["name_cy"]) for r in rows if r["name_cy"]}
    return names, welsh


@dataclass(frozen=True)
class Scope:
    """What an analysis is limited to: a named area, organisation, team or profession."""

    id: str
    kind: str  # area | organisation | team | profession
    name: str
    area_ids: frozenset[str]
    ids: frozenset[str]


def scope_members(driver: neo4j.Driver, database: str, scope: str) -> Scope | None:
    """The nodes inside ``scope`` (see projection/scope_members.cypher); None if it names
    nothing."""
    row = _rows(driver, database, "projection/scope_members", scope=scope)[0]
    if row["kind"] is None:
        return None
    return Scope(
        id=scope,
        kind=str(row["kind"]),
        name=str(row["name"] or scope),
        area_ids=frozenset(row["area_ids"]),
        ids=frozenset(row["ids"]),
    )


def relationship_graph(
    driver: neo4j.Driver,
    database: str,
    *,
    prefix: str | None = None,
    include_areas: bool = False,
    ids: frozenset[str] | None = None,
) -> nx.Graph:
    """The undirected relationship graph (one edge per tied pair, whatever its types), or
    its part among ``ids`` (an analysis scope's members), read from Neo4j by the id index so
    that a scoped report's memory and time follow the scope, not the whole graph.

    Nodes carry ``kind``, ``name``, ``tribe``, ``sector``, ``organisation_id``, ``area_id``;
    edges carry ``type`` (the types joined by ``|`` when a pair has several) and ``weight``
    (the largest). People, organisations and teams are included even when isolated.
    """
    edge_types = list(SOCIAL_TIES + (STRUCTURAL_TIES if include_areas else ()))
    among = sorted(ids) if ids is not None else None
    graph = nx.Graph()
    for row in _rows(
        driver,
        database,
        "projection/relationship_nodes",
        prefix=prefix,
        edge_types=edge_types,
        ids=among,
    ):
        node_id = row.pop("id")
        graph.add_node(node_id, **{k: v for k, v in row.items() if v is not None})
    for row in _rows(
        driver,
        database,
        "projection/relationship_edges",
        prefix=prefix,
        edge_types=edge_types,
        ids=among,
    ):
        a, b = row["source"], row["target"]
        if a == b or a not in graph or b not in graph:
            continue
        weight = float(row["weight"])
        if graph.has_edge(a, b):
            data = graph.edges[a, b]
            types = set(str(data["type"]).split("|")) | {row["type"]}
            data["type"] = "|".join(sorted(types))
            data["weight"] = max(float(data["weight"]), weight)
        else:
            graph.add_edge(a, b, type=row["type"], weight=weight)
    return graph


def coverage_inputs(
    driver: neo4j.Driver, database: str, *, prefix: str | None = None
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Demand (area × need at area centroids) and supply (services at locations, per need)."""
    demand = _rows(driver, database, "projection/coverage_demand", prefix=prefix)
    supply = _rows(driver, database, "projection/coverage_supply", prefix=prefix)
    for row in supply:
        row["needs"] = tuple(row["needs"])
    return demand, supply


def listings(
    driver: neo4j.Driver, database: str, *, prefix: str | None = None
) -> list[dict[str, Any]]:
    """One row per service for duplicate detection: name, place and contact points."""
    return _rows(driver, database, "projection/listings", prefix=prefix)


def service_offers(
    driver: neo4j.Driver, database: str, *, prefix: str | None = None
) -> list[dict[str, Any]]:
    """What each service offers (needs, areas, ages, days) for overlap detection."""
    offers = []
    for row in _rows(driver, database, "projection/service_offers", prefix=prefix):
        days = {
            day.strip().upper()[-2:]
            for byday in row.pop("bydays")
            if byday
            for day in str(byday).split(",")
            if day.strip()
        }
        row["days"] = frozenset(days)
        row["needs"] = tuple(row["needs"])
        row["universal_needs"] = tuple(row["universal_needs"])
        row["areas"] = tuple(sorted(set(row["areas"])))
        offers.append(row)
    return offers
