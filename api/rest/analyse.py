"""``GET /api/analyse/{gaps|duplicates|bottlenecks}``: the analytics reports for system leaders.

The same reports as ``commongraph analyse … --json`` (shapes in docs/contract.md), for the
relationship-map screen. The reports are CPU-bound: :mod:`api.reports` runs them
off the event loop, a few at a time, and shares one result among callers while the graph is
unchanged. Leaders, connectors and admins only:
the brokers list names people.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query, Request

from api.auth.keys import caller_from_header
from api.reports import ReportRunner
from graph import messages as say
from graph.database import Database
from graph.errors import ForbiddenError
from graph.repositories import analytics
from graph.repositories.analytics import MAX_TOP

__all__ = ["router"]

Report = analytics.ReportName

router = APIRouter(prefix="/api/analyse", tags=["analytics"])


@router.get("/{report}")
async def analyse(
    request: Request,
    report: Report,
    prefix: Annotated[str | None, Query(max_length=200)] = None,
    scope: Annotated[
        str | None,
        Query(
            max_length=200,
            description="An area, organisation or team id, or a profession id: analyse only "
            "what lies inside it (find ids by name with the GraphQL `lookup`).",
        ),
    ] = None,
    top: Annotated[int, Query(ge=1, le=MAX_TOP)] = 20,
    group_attr: analytics.GroupAttr = "tribe",
) -> dict[str, Any]:
    """One analytics report as JSON; 401 without a valid key, 403 for roles without access."""
    db: Database = request.app.state.db
    caller = await caller_from_header(db, request.headers.get("authorization"))
    if not caller.reads_network:
        raise ForbiddenError(say.ROLE_CANNOT_ANALYSE(report=report, role=caller.role.value))
    runner: ReportRunner = request.app.state.reports
    return await runner.run(
        db, report, prefix=prefix or None, scope=scope or None, top=top, group_attr=group_attr
    )
