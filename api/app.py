"""The FastAPI application: GraphQL, REST (health, Open Referral UK) and the static UI.

Every response passes :class:`api.guard.SecurityHeaders`; every API request passes
:class:`api.guard.RequestGuard` (per-client limits, the worker's in-flight cap); browsers of
other origins may call the API only when ``COMMONGRAPH_CORS_ORIGINS`` lists them.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.middleware.cors import CORSMiddleware
from fastapi.responses import JSONResponse
from fastapi.staticfiles import StaticFiles
from starlette.routing import Route

from api.causality import HEADER, CausalBookmarks
from api.graphql.answer_cache import AnswerCache
from api.graphql.endpoint import GraphQLEndpoint
from api.graphql.schema import build_schema
from api.guard import GuardSettings, RequestGuard, SecurityHeaders
from api.i18n import RequestLanguage, current_language, message_of
from api.reports import ReportRunner
from api.rest.analyse import router as analyse_router
from api.rest.areas_at import router as areas_at_router
from api.rest.boundaries import router as boundaries_router
from api.rest.developer_pages import router as developer_pages_router
from api.rest.error_body import ErrorBody
from api.rest.health import router as health_router
from api.rest.oruk import router as oruk_router
from api.rest.places import router as places_router
from api.rest.postcodes import router as postcodes_router
from api.rest.share_page import router as share_page_router
from api.rest.vocabulary import router as vocabulary_router
from graph.database import Database
from graph.errors import CommonGraphError
from graph.server.config import PROJECT_ROOT
from graph.settings import Neo4jSettings

__all__ = ["FRONTEND_DIST", "create_app"]

FRONTEND_DIST = PROJECT_ROOT / "frontend" / "dist"


def create_app(
    settings: Neo4jSettings | None = None,
    *,
    static_dir: Path | None = None,
    guard: GuardSettings | None = None,
) -> FastAPI:
    """Build the app; one async driver is opened in the lifespan and closed at shutdown.

    ``settings`` and ``guard`` default to what the environment says
    (:meth:`Neo4jSettings.from_env`, :meth:`GuardSettings.from_env`).
    """
    guard = guard or GuardSettings.from_env()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        db = Database(settings or Neo4jSettings.from_env())
        app.state.db = db
        app.state.reports = ReportRunner()
        app.state.answers = AnswerCache()
        try:
            yield
        finally:
            await db.close()

    # /docs is served from the project's own Swagger UI copy (api/rest/developer_pages.py).
    app = FastAPI(
        title="commongraph", version="0.1.0", lifespan=lifespan, docs_url=None, redoc_url=None
    )

    @app.exception_handler(CommonGraphError)
    async def expected_error(_: Request, exc: CommonGraphError) -> JSONResponse:
        field = getattr(exc, "field", None)
        body = ErrorBody(error=message_of(exc), field=field if isinstance(field, str) else None)
        return JSONResponse(
            status_code=exc.http_status,
            content=body.model_dump(exclude_none=True),
            headers={"content-language": current_language()},
        )

    # Keys travel as bearer headers, never cookies; still, only the origins the operator
    # lists may call the API from a browser (none by default: the UI is same-origin).
    if guard.cors_origins:
        app.add_middleware(
            CORSMiddleware,
            allow_origins=list(guard.cors_origins),
            allow_methods=["GET", "POST", "OPTIONS"],
            allow_headers=["Authorization", "Content-Type", "Accept-Language", HEADER],
            expose_headers=[HEADER],
        )
    app.add_middleware(RequestGuard, settings=guard)
    app.add_middleware(CausalBookmarks)
    app.add_middleware(RequestLanguage)
    app.add_middleware(SecurityHeaders)  # outermost: refusals carry the headers too

    # /graphql first: every request is matched against the routes in order, and GraphQL is
    # where the traffic is. A plain route (not FastAPI's router): see api/graphql/endpoint.py.
    app.router.routes.append(
        Route("/graphql", GraphQLEndpoint(build_schema(), graphql_ide="graphiql"))
    )
    app.include_router(health_router)
    app.include_router(developer_pages_router)  # /docs
    app.include_router(oruk_router)  # Open Referral UK 3.0 (/oruk)
    app.include_router(boundaries_router)  # UI: offline map outlines
    app.include_router(postcodes_router)  # UI: postcode search
    app.include_router(places_router)  # UI: postcode, district or place name search
    app.include_router(areas_at_router)  # UI: the area at a map point
    app.include_router(share_page_router)  # UI: /shortlist/<token> page
    app.include_router(vocabulary_router)  # UI: kinds, needs, days… in English and Welsh
    app.include_router(analyse_router)  # UI: leader panels (until GraphQL has analytics)
    ui = static_dir or FRONTEND_DIST
    if ui.is_dir():
        app.mount("/", StaticFiles(directory=ui, html=True), name="ui")
    return app
