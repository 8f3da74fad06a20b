"""Run the analytics of :mod:`queries.analytics` on the stored graph.

Projection (Neo4j → networkx / rows) then a pure report. Synchronous, because the reports
are CPU-bound: the CLI calls these directly and the API runs them in a worker thread.
"""

from __future__ import annotations

from typing import Any, Literal

import neo4j
import networkx as nx

from graph.connection import lost_while, sync_driver
from graph.repositories.outcomes import Missing
from graph.settings import Neo4jSettings
from queries import projection
from queries.analytics.report import bottlenecks_report, duplicates_report, gaps_report
from queries.analytics.teams import predicted_needs

__all__ = [
    "MAX_TOP",
    "GroupAttr",
    "ReportName",
    "bottlenecks",
    "duplicates",
    "gaps",
    "run_report",
]

#: Longest list a report returns over the API (true totals are always given beside it).
MAX_TOP = 1000

GroupAttr = Literal["tribe", "sector", "kind"]
ReportName = Literal["gaps", "duplicates", "bottlenecks"]


def _scope(driver: neo4j.Driver, database: str, scope: str | None) -> projection.Scope | None:
    """The named scope, or None for everything; NotFound when the id names nothing."""
    if not scope:
        return None
    found = projection.scope_members(driver, database, scope)
    if found is None:
        raise Missing("node", scope)
    return found


def _scoped_graph(
    driver: neo4j.Driver,
    database: str,
    scope: str | None,
    *,
    prefix: str | None,
    include_areas: bool,
) -> tuple[projection.Scope | None, nx.Graph]:
    """The named scope (None for everything) and the relationship graph inside it, read
    from Neo4j by the scope's member ids so that a scoped report never holds the whole
    graph in memory."""
    within = _scope(driver, database, scope)
    graph = projection.relationship_graph(
        driver,
        database,
        prefix=prefix,
        include_areas=include_areas,
        ids=within.ids if within is not None else None,
    )
    return within, graph


def _name_everything(driver: neo4j.Driver, database: str, report: dict[str, Any]) -> None:
    """Fill ``report["names"]`` for every id the report lists (areas of overlaps, listings,
    cut points...) that it does not name yet, and ``report["names_cy"]`` with the Welsh
    names of those that have one (authorities, health boards: "Sir Ddinbych")."""
    names: dict[str, str] = report.setdefault("names", {})
    listed: set[str] = set()
    for row in report.get("coverage", []) + report.get("unreached", []):
        listed.add(str(row["area"]))
    for row in report.get("overlaps", []):
        listed.add(str(row["area"]))
        listed.update(str(i) for i in row["service_ids"])
    for row in report.get("listings", []):
        listed.update(str(i) for i in row["ids"])
    for row in report.get("team_gaps", []):
        listed.add(str(row["team"]))
        if row.get("area"):
            listed.add(str(row["area"]))
    listed.update(str(i) for i in report.get("articulation_points", []))
    for pair in report.get("bridges", []) + report.get("bridges_between_groups", []):
        listed.update(str(i) for i in pair)
    found, welsh = projection.names_of(driver, database, listed | set(names))
    for node_id, name in found.items():
        names.setdefault(node_id, name)
    report["names_cy"] = dict(sorted(welsh.items()))


def _described(scope: projection.Scope | None) -> dict[str, Any] | None:
    if scope is None:
        return None
    return {"id": scope.id, "kind": scope.kind, "name": scope.name, "nodes": len(scope.ids)}


@lost_while("reading the graph for the bottlenecks report")
def bottlenecks(
    driver: neo4j.Driver,
    database: str,
    *,
    prefix: str | None = None,
    scope: str | None = None,
    top: int | None = 20,
    k: int | None = None,
    seed: int = 42,
    group_attr: GroupAttr = "tribe",
    include_areas: bool = False,
) -> dict[str, Any]:
    """Brokers, articulation points, bridges and group cuts of the relationship graph,
    optionally of the part of it inside a named ``scope`` (area, organisation, team or
    profession)."""
    within, graph = _scoped_graph(
        driver, database, scope, prefix=prefix, include_areas=include_areas
    )
    report = bottlenecks_report(graph, top=top, k=k, seed=seed, group_attr=group_attr)
    report["assumptions"].update(
        prefix=prefix, include_areas=include_areas, scope=_described(within)
    )
    _name_everything(driver, database, report)
    return report


@lost_while("reading the graph for the gaps report")
def gaps(
    driver: neo4j.Driver,
    database: str,
    *,
    prefix: str | None = None,
    scope: str | None = None,
    top: int | None = 20,
    radius_km: float = 5.0,
    group_attr: GroupAttr = "tribe",
) -> dict[str, Any]:
    """Coverage against need per area × need, and missing ties between groups. With a
    ``scope``, coverage of the areas it covers (an area and those inside it; the areas a team
    or organisation is placed in, serves or runs services in; none for a profession; services
    anywhere count if in reach), and the ties of the people inside it."""
    within, graph = _scoped_graph(driver, database, scope, prefix=prefix, include_areas=True)
    demand, supply = projection.coverage_inputs(driver, database, prefix=prefix)
    if within is not None:
        demand = [row for row in demand if row["area"] in within.area_ids]
    report = gaps_report(
        graph,
        demand,
        supply,
        radius_km=radius_km,
        top=top,
        group_attr=group_attr,
        area_needs=predicted_needs(demand),
    )
    report["assumptions"].update(
        prefix=prefix,
        scope=_described(within),
        demand_rows=len(demand),
        supply_rows=len(supply),
    )
    _name_everything(driver, database, report)
    return report


@lost_while("reading the graph for the duplicates report")
def duplicates(
    driver: neo4j.Driver,
    database: str,
    *,
    prefix: str | None = None,
    scope: str | None = None,
    top: int | None = None,
    threshold: float | None = None,
) -> dict[str, Any]:
    """Duplicate listings (scored, grouped) and overlapping services, optionally of the
    services inside a named ``scope`` (located in an area, or provided by an organisation)."""
    within = _scope(driver, database, scope)
    rows = projection.listings(driver, database, prefix=prefix)
    offers = projection.service_offers(driver, database, prefix=prefix)
    if within is not None:
        rows = [r for r in rows if str(r["id"]) in within.ids]
        offers = [o for o in offers if str(o["id"]) in within.ids]
    kwargs: dict[str, Any] = {} if threshold is None else {"threshold": threshold}
    report = duplicates_report(rows, offers, top=top, **kwargs)
    report["assumptions"].update(
        prefix=prefix, scope=_described(within), listings=len(rows), services=len(offers)
    )
    _name_everything(driver, database, report)
    return report


def run_report(
    settings: Neo4jSettings,
    report: ReportName,
    *,
    prefix: str | None = None,
    scope: str | None = None,
    top: int = 20,
    group_attr: GroupAttr = "tribe",
) -> dict[str, Any]:
    """One report with a short-lived sync driver: what the API runs in a worker thread."""
    db = settings.database
    with sync_driver(settings) as driver:
        if report == "gaps":
            return gaps(driver, db, prefix=prefix, scope=scope, top=top, group_attr=group_attr)
        if report == "duplicates":
            return duplicates(driver, db, prefix=prefix, scope=scope, top=top)
        return bottlenecks(driver, db, prefix=prefix, scope=scope, top=top, group_attr=group_attr)
