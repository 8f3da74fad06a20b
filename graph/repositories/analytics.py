"""Run the analytics of :mod:`queries.analytics` on the stored graph.

Projection (Neo4j → networkx / rows) then a pure report. Synchronous, because the reports
are CPU-bound: the CLI calls these directly and the API runs them in a worker thread.
"""

from __future__ import annotations

from typing import Any, Literal

import neo4j

from graph.connection import sync_driver
from graph.settings import Neo4jSettings
from queries import projection
from queries.analytics.report import bottlenecks_report, duplicates_report, gaps_report

__all__ = ["GroupAttr", "ReportName", "bottlenecks", "duplicates", "gaps", "run_report"]

GroupAttr = Literal["tribe", "sector", "kind"]
ReportName = Literal["gaps", "duplicates", "bottlenecks"]


def bottlenecks(
    driver: neo4j.Driver,
    database: str,
    *,
    prefix: str | None = None,
    top: int | None = 20,
    k: int | None = None,
    seed: int = 42,
    group_attr: GroupAttr = "tribe",
    include_areas: bool = False,
) -> dict[str, Any]:
    """Brokers, articulation points, bridges and group cuts of the relationship graph."""
    graph = projection.relationship_graph(
        driver, database, prefix=prefix, include_areas=include_areas
    )
    report = bottlenecks_report(graph, top=top, k=k, seed=seed, group_attr=group_attr)
    report["assumptions"].update(prefix=prefix, include_areas=include_areas)
    return report


def gaps(
    driver: neo4j.Driver,
    database: str,
    *,
    prefix: str | None = None,
    top: int | None = 20,
    radius_km: float = 5.0,
    group_attr: GroupAttr = "tribe",
) -> dict[str, Any]:
    """Coverage against need per area × need, and missing ties between groups."""
    graph = projection.relationship_graph(driver, database, prefix=prefix, include_areas=True)
    demand, supply = projection.coverage_inputs(driver, database, prefix=prefix)
    report = gaps_report(graph, demand, supply, radius_km=radius_km, top=top, group_attr=group_attr)
    report["assumptions"].update(prefix=prefix, demand_rows=len(demand), supply_rows=len(supply))
    return report


def duplicates(
    driver: neo4j.Driver,
    database: str,
    *,
    prefix: str | None = None,
    top: int | None = None,
    threshold: float | None = None,
) -> dict[str, Any]:
    """Duplicate listings (scored, grouped) and overlapping services."""
    rows = projection.listings(driver, database, prefix=prefix)
    offers = projection.service_offers(driver, database, prefix=prefix)
    kwargs: dict[str, Any] = {} if threshold is None else {"threshold": threshold}
    report = duplicates_report(rows, offers, top=top, **kwargs)
    report["assumptions"].update(prefix=prefix, listings=len(rows), services=len(offers))
    return report


def run_report(
    settings: Neo4jSettings,
    report: ReportName,
    *,
    prefix: str | None = None,
    top: int = 20,
    group_attr: GroupAttr = "tribe",
) -> dict[str, Any]:
    """One report with a short-lived sync driver: what the API runs in a worker thread."""
    with sync_driver(settings) as driver:
        if report == "gaps":
            return gaps(driver, settings.database, prefix=prefix, top=top, group_attr=group_attr)
        if report == "duplicates":
            return duplicates(driver, settings.database, prefix=prefix, top=top)
        return bottlenecks(driver, settings.database, prefix=prefix, top=top, group_attr=group_attr)
