"""The developer pages: GraphiQL (``GET /graphql`` from a browser) and Swagger UI (``/docs``).

Both load the project's pinned copies from ``/vendor/`` (copied there by the frontend build,
frontend/scripts/copy-vendor.mjs), never from a CDN: they work offline, and with no inline
script they obey the UI's Content-Security-Policy (:mod:`api.guard.headers`).
"""

from __future__ import annotations

from fastapi import APIRouter
from fastapi.responses import HTMLResponse

__all__ = ["GRAPHIQL_PAGE", "SWAGGER_PAGE", "router"]

_PAGE = """<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>{title}</title>
    {head}
  </head>
  <body style="margin: 0">
    {body}
  </body>
</html>
"""

GRAPHIQL_PAGE = _PAGE.format(
    title="commongraph GraphQL",
    head='<link rel="stylesheet" href="/vendor/graphiql.min.css" />',
    body=(
        '<div id="graphiql" style="height: 100vh">Loading GraphiQL…</div>\n'
        '    <script src="/vendor/react.production.min.js"></script>\n'
        '    <script src="/vendor/react-dom.production.min.js"></script>\n'
        '    <script src="/vendor/graphiql.min.js"></script>\n'
        '    <script src="/vendor/graphiql-start.js"></script>'
    ),
)

SWAGGER_PAGE = _PAGE.format(
    title="commongraph REST API",
    head='<link rel="stylesheet" href="/vendor/swagger-ui.css" />',
    body=(
        '<div id="swagger-ui"></div>\n'
        '    <script src="/vendor/swagger-ui-bundle.js"></script>\n'
        '    <script src="/vendor/swagger-start.js"></script>'
    ),
)

router = APIRouter()


@router.get("/docs", include_in_schema=False)
async def swagger_ui() -> HTMLResponse:
    """Swagger UI for /openapi.json, from the project's own pinned copy."""
    return HTMLResponse(SWAGGER_PAGE)
