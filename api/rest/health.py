"""``GET /health``: 200 with the Neo4j state, 503 with a clear body when it is unreachable."""

from __future__ import annotations

import time

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse

from graph.database import Database
from graph.errors import DatabaseUnavailable

__all__ = ["router"]

router = APIRouter()


@router.get("/health", tags=["health"])
async def health(request: Request) -> JSONResponse:
    """Report whether Neo4j answers ``RETURN 1`` and how long it took."""
    db: Database = request.app.state.db
    began = time.perf_counter()
    try:
        await db.ping()
    except DatabaseUnavailable as exc:
        return JSONResponse(
            status_code=503,
            content={
                "status": "unavailable",
                "neo4j": {"state": "unreachable", "uri": db.settings.uri, "detail": str(exc)},
            },
        )
    return JSONResponse(
        content={
            "status": "ok",
            "neo4j": {
                "state": "up",
                "uri": db.settings.uri,
                "latency_ms": round((time.perf_counter() - began) * 1000, 1),
            },
        },
    )
