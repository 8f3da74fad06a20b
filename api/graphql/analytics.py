"""System leaders' analytics in GraphQL: the same reports as ``commongraph analyse --json``.

Each field returns the report as a JSON object (shapes in docs/contract.md, plus ``assumptions``,
``names`` for the ids it lists and ``totals`` that are never capped). ``scope`` limits a report
to a named area, organisation, team or profession (ids from ``lookup``); ``prefix`` to one
data set by id prefix.
The reports name people (brokers), so the roles of the relationship views apply. They are
CPU-bound: :mod:`api.reports` runs them off the event loop, a few at a time, and shares one
result among callers while the graph is unchanged.
"""
# strawberry.field(description=...) is typed as returning Any, so mypy calls these
# decorators untyped; the resolvers themselves are fully annotated.
# mypy: disable-error-code="untyped-decorator"

from __future__ import annotations

from enum import Enum

import strawberry
from strawberry.scalars import JSON
from strawberry.types import Info

from api.graphql.context import Context, refuse_unless
from graph import messages as say
from graph.repositories import analytics
from graph.repositories.outcomes import InvalidField

__all__ = ["AnalyticsQueries"]


@strawberry.enum
class GroupBy(Enum):
    """Which node attribute defines the groups of group gaps and group cuts."""

    TRIBE = "tribe"
    SECTOR = "sector"
    KIND = "kind"


async def _report(
    info: Info[Context, None],
    name: analytics.ReportName,
    prefix: str | None,
    top: int,
    group_by: GroupBy,
    scope: str | None = None,
) -> JSON:
    refuse_unless(info.context.caller.reads_network, say.ANALYTICS_NAME_PEOPLE())
    if not 1 <= top <= analytics.MAX_TOP:
        raise InvalidField("top", say.BETWEEN(low=1, high=analytics.MAX_TOP))
    report = await info.context.reports.run(
        info.context.db,
        name,
        prefix=prefix or None,
        scope=scope or None,
        top=top,
        group_attr=group_by.value,
    )
    return JSON(report)


def _grouped_report(name: analytics.ReportName, description: str) -> JSON:
    """The field of a report whose groups ``groupBy`` chooses (bottlenecks, gaps)."""

    async def resolve(
        info: Info[Context, None],
        prefix: str | None = None,
        top: int = 20,
        group_by: GroupBy = GroupBy.TRIBE,
        scope: strawberry.ID | None = None,
    ) -> JSON:
        return await _report(info, name, prefix, top, group_by, scope)

    field: JSON = strawberry.field(resolver=resolve, description=description)
    return field


@strawberry.type
class AnalyticsQueries:
    """Gaps, duplications and bottlenecks for system leaders."""

    bottlenecks: JSON = _grouped_report(
        "bottlenecks", "Brokers, articulation points, bridges and group cuts."
    )
    gaps: JSON = _grouped_report("gaps", "Coverage against need (E2SFCA) and missing ties.")

    @strawberry.field(description="Duplicate listings and overlapping services.")
    async def duplicates(
        self,
        info: Info[Context, None],
        prefix: str | None = None,
        top: int = 20,
        scope: strawberry.ID | None = None,
    ) -> JSON:
        return await _report(info, "duplicates", prefix, top, GroupBy.TRIBE, scope)
