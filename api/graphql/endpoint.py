"""The HTTP endpoint of the GraphQL schema (``/graphql``): Strawberry's ASGI view.

It is mounted as a plain Starlette route rather than through FastAPI's router: FastAPI's
per-request dependency solving and route wrapping were about a twelfth of the API's CPU per
``assetsNear`` request under load (docs/performance.md), and GraphQL needs none of it. The
context (database, caller) is built here; a bad API key raises
:class:`graph.errors.CommonGraphError`, which the app's exception handler answers as JSON
with its status, as for REST.

JSON in and out goes through orjson (a C extension) instead of the standard library: encoding
the response was 4 % of the CPU per request. orjson writes the same JSON (shortest
round-trip floats, UTF-8) and rejects what the JSON standard rejects (NaN, Infinity), which
Strawberry answers with 400.
"""

from __future__ import annotations

from typing import Any

import orjson
from starlette.requests import Request
from starlette.responses import Response
from starlette.websockets import WebSocket
from strawberry.asgi import GraphQL

from api.auth.keys import caller_from_header
from api.graphql.context import Context
from graph.database import Database

__all__ = ["GraphQLEndpoint"]


class GraphQLEndpoint(GraphQL[Context, None]):
    """``/graphql``: Strawberry's ASGI view with our context and orjson bodies."""

    async def get_context(
        self, request: Request | WebSocket, response: Response | WebSocket
    ) -> Context:
        db: Database = request.app.state.db
        caller = await caller_from_header(db, request.headers.get("authorization"))
        context = Context(db=db, caller=caller)
        context.request = request
        if isinstance(response, Response):
            context.response = response  # ErrorPolicy sets 503 on it when Neo4j is down
        return context

    def decode_json(self, data: str | bytes) -> object:
        # orjson.JSONDecodeError subclasses json.JSONDecodeError, which Strawberry maps to 400.
        value: Any = orjson.loads(data)
        return value

    def encode_json(self, data: object) -> bytes:
        return orjson.dumps(data)
