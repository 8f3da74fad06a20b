"""``GET /api/analyse/{gaps|duplicates|bottlenecks}``: the analytics reports for system leaders.

The same reports as ``commongraph analyse … --json`` (shapes in docs/contract.md), for the
relationship-map screen. The reports are CPU-bound: :mod:`api.reports` runs them
off the event loop, a few at a time, and shares one result among callers while the graph is
unchanged. Leaders, connectors and admins only:
the brokers list names people.

One route per report, each declaring its shape (:mod:`api.rest.report_models`), so the
OpenAPI document says what each returns; any other name is refused with a 422, as when the
report was a single path parameter.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request

from api.auth.keys import caller_from_header
from api.reports import ReportRunner
from api.rest.error_body import refusals
from api.rest.report_models import BottlenecksReport, DuplicatesReport, GapsReport
from graph import messages as say
from graph.database import Database
from graph.errors import ForbiddenError
from graph.repositories import analytics
from graph.repositories.analytics import MAX_TOP

__all__ = ["router"]

Report = analytics.ReportName

router = APIRouter(prefix="/api/analyse", tags=["analytics"])

Prefix = Annotated[str | None, Query(max_length=200)]
Scope = Annotated[
    str | None,
    Query(
        max_length=200,
        description="An area, organisation or team id, or a profession id: analyse only "
        "what lies inside it (find ids by name with the GraphQL `lookup`).",
    ),
]
Top = Annotated[int, Query(ge=1, le=MAX_TOP)]

_REFUSALS = refusals(
    {
        401: "No valid API key",
        403: "The caller's role may not see analytics",
        404: "No area, organisation, team or profession has the scope's id",
        503: "Too many reports are waiting: ask again shortly",
    }
)


@dataclass
class ReportParams:
    """What every report takes: a data set, a scope, how many rows, and the grouping."""

    prefix: Prefix = None
    scope: Scope = None
    top: Top = 20
    group_attr: analytics.GroupAttr = "tribe"


Params = Annotated[ReportParams, Depends()]


async def _report(request: Request, report: Report, params: ReportParams) -> dict[str, Any]:
    """One analytics report as JSON; 401 without a valid key, 403 for roles without access."""
    db: Database = request.app.state.db
    caller = await caller_from_header(db, request.headers.get("authorization"))
    if not caller.reads_network:
        raise ForbiddenError(say.ROLE_CANNOT_ANALYSE(report=report, role=caller.role.value))
    runner: ReportRunner = request.app.state.reports
    return await runner.run(
        db,
        report,
        prefix=params.prefix or None,
        scope=params.scope or None,
        top=params.top,
        group_attr=params.group_attr,
    )


@router.get("/gaps", response_model=GapsReport, responses=_REFUSALS)
async def gaps(request: Request, params: Params) -> dict[str, Any]:
    """Coverage against need per area and need, missing ties between groups, the E-I index
    and the roles teams lack."""
    return await _report(request, "gaps", params)


@router.get("/duplicates", response_model=DuplicatesReport, responses=_REFUSALS)
async def duplicates(request: Request, params: Params) -> dict[str, Any]:
    """Duplicate listings (scored, grouped) and overlapping services."""
    return await _report(request, "duplicates", params)


@router.get("/bottlenecks", response_model=BottlenecksReport, responses=_REFUSALS)
async def bottlenecks(request: Request, params: Params) -> dict[str, Any]:
    """Brokers, articulation points, bridges, group cuts, brokerage roles and constraint."""
    return await _report(request, "bottlenecks", params)


@router.get("/{report}", include_in_schema=False)
async def other_report(request: Request, report: Report, params: Params) -> dict[str, Any]:
    """Reached only by names that are no report (the routes above match the three that
    are): ``report`` refuses them with a 422 naming the reports there are."""
    return await _report(request, report, params)
