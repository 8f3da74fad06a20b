"""The FastAPI application: GraphQL, REST (health, Open Referral UK) and the static UI."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse
from fastapi.staticfiles import StaticFiles
from strawberry.fastapi import GraphQLRouter

from api.graphql.context import Context
from api.graphql.schema import build_schema
from api.rest.health import router as health_router
from graph.database import Database
from graph.errors import CommonGraphError
from graph.server.config import PROJECT_ROOT
from graph.settings import Neo4jSettings

__all__ = ["FRONTEND_DIST", "create_app"]

FRONTEND_DIST = PROJECT_ROOT / "frontend" / "dist"


def create_app(settings: Neo4jSettings | None = None, *, static_dir: Path | None = None) -> FastAPI:
    """Build the app; one async driver is opened in the lifespan and closed at shutdown."""

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        db = Database(settings or Neo4jSettings.from_env())
        app.state.db = db
        try:
            yield
        finally:
            await db.close()

    app = FastAPI(title="commongraph", version="0.1.0", lifespan=lifespan)

    @app.exception_handler(CommonGraphError)
    async def expected_error(_: Request, exc: CommonGraphError) -> JSONResponse:
        return JSONResponse(status_code=exc.http_status, content={"error": str(exc)})

    async def context_getter(request: Request) -> Context:
        return Context(db=request.app.state.db)

    app.include_router(health_router)
    app.include_router(
        GraphQLRouter(build_schema(), context_getter=context_getter, graphql_ide="graphiql"),
        prefix="/graphql",
    )
    ui = static_dir or FRONTEND_DIST
    if ui.is_dir():
        app.mount("/", StaticFiles(directory=ui, html=True), name="ui")
    return app
