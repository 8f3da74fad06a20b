"""``GET /health``: is this API process up, and does Neo4j answer? Always within a second.

Load balancers and probes call it while anything else may be running, so it is never
rate-limited (:mod:`api.guard`) and never waits on Neo4j for longer than
:data:`PING_BUDGET_S`: a ping that does not answer in time reports Neo4j as ``busy`` (the
process itself is up, so the status is 200); Neo4j unreachable is 503.

Everyone sees the states, and for ``busy`` or ``unreachable`` a fixed hint. The
detail (the Neo4j address, the ping's latency, the driver's message) is for admins only
(``Authorization: Bearer`` with an admin key): a server's
internal address tells an attacker where to aim.
"""

from __future__ import annotations

import asyncio
import time
from typing import Literal

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse
from pydantic import BaseModel

from api.auth.keys import caller_from_header
from api.auth.roles import Role
from graph.database import Database
from graph.errors import CommonGraphError, DatabaseUnavailable

__all__ = ["PING_BUDGET_S", "HealthOut", "router"]

#: How long /health waits for Neo4j's ``RETURN 1`` before answering "busy".
PING_BUDGET_S = 0.5

router = APIRouter()

_HINTS = {
    "busy": "Neo4j is slow to answer; requests may be slow",
    "unreachable": (
        "Neo4j does not answer: start it with `commongraph neo4j start`, or check NEO4J_URI"
    ),
}


class Neo4jDetail(BaseModel):
    """What an admin sees of Neo4j."""

    uri: str
    latency_ms: float | None = None
    detail: str | None = None


class Neo4jHealth(BaseModel):
    """Neo4j's state: ``up``, ``busy`` (no answer within the budget) or ``unreachable``."""

    state: Literal["up", "busy", "unreachable"]
    message: str | None = None
    admin: Neo4jDetail | None = None


class HealthOut(BaseModel):
    """``ok`` while this process answers and Neo4j is not unreachable."""

    status: Literal["ok", "unavailable"]
    neo4j: Neo4jHealth


async def _is_admin(db: Database, authorization: str | None) -> bool:
    if not authorization:
        return False
    try:
        caller = await asyncio.wait_for(caller_from_header(db, authorization), PING_BUDGET_S)
    except (CommonGraphError, TimeoutError):
        return False
    return caller.role is Role.ADMIN


@router.get(
    "/health",
    tags=["health"],
    response_model=HealthOut,
    responses={503: {"model": HealthOut, "description": "Neo4j is unreachable"}},
)
async def health(request: Request) -> JSONResponse:
    """200 ``ok`` (Neo4j ``up`` or ``busy``) or 503 ``unavailable`` (Neo4j unreachable)."""
    db: Database = request.app.state.db
    began = time.perf_counter()
    state: Literal["up", "busy", "unreachable"] = "up"
    detail: str | None = None
    try:
        await asyncio.wait_for(db.ping(), PING_BUDGET_S)
    except TimeoutError:
        state, detail = "busy", f"no answer to RETURN 1 within {PING_BUDGET_S:g} s"
    except DatabaseUnavailable as exc:
        state, detail = "unreachable", str(exc)
    latency = round((time.perf_counter() - began) * 1000, 1)
    admin = None
    message = _HINTS.get(state)
    if await _is_admin(db, request.headers.get("authorization")):
        admin = Neo4jDetail(uri=db.settings.uri, latency_ms=latency, detail=detail)
    body = HealthOut(
        status="unavailable" if state == "unreachable" else "ok",
        neo4j=Neo4jHealth(state=state, message=message, admin=admin),
    )
    return JSONResponse(
        status_code=503 if state == "unreachable" else 200,
        content=body.model_dump(exclude_none=True),
        headers={"Cache-Control": "no-store"},
    )
