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

What the body may be is checked here, before anything is parsed: at most
:data:`MAX_BODY_BYTES` (413 beyond, refused from ``Content-Length`` unread, or as soon as a
body without one grows past it), and one JSON object. A list (a batch of operations) and
a JSON value that is not an object (``null``, ``5``, ``"text"``, ``true``) are 400 — the
latter used to reach Strawberry, fail there with a 500 and reset the connection. Every such
refusal is a JSON body ``{"errors": [{"message", "extensions": {"code"}}]}``, as a GraphQL
client expects, rather than Strawberry's plain text.
"""

from __future__ import annotations

from typing import Any

import orjson
from cross_web import AsyncHTTPRequestAdapter, HTTPException
from starlette.requests import Request
from starlette.responses import HTMLResponse, Response
from starlette.types import Message, Receive, Scope, Send
from starlette.websockets import WebSocket
from strawberry.asgi import GraphQL
from strawberry.http.parse_content_type import parse_content_type

from api.auth.keys import caller_from_header
from api.graphql.answer_cache import AnswerCache
from api.graphql.context import Context
from api.i18n import current_language
from api.rest.developer_pages import GRAPHIQL_PAGE
from graph import causality
from graph import messages as say
from graph.database import Database

__all__ = ["MAX_BODY_BYTES", "GraphQLEndpoint"]

#: The largest request body accepted, in bytes (the UI's largest is about 2 KB; a document
#: is at most 2,000 tokens).
MAX_BODY_BYTES = 256 * 1024

_CODES = {400: "BAD_REQUEST", 404: "NOT_FOUND", 405: "METHOD_NOT_ALLOWED", 413: "PAYLOAD_TOO_LARGE"}
_ONE_OBJECT = 'one JSON object {"query": "...", "variables": {...}, "operationName": "..."}'


def _too_large(size: str) -> HTTPException:
    said = say.BODY_TOO_LARGE(size=size, limit=f"{MAX_BODY_BYTES:,}")
    return HTTPException(413, said.text(current_language()))


def _declared_length(scope: Scope) -> int | None:
    for name, value in scope.get("headers", ()):
        if name == b"content-length":
            try:
                return int(value)
            except ValueError:
                return None
    return None


def _capped(receive: Receive) -> Receive:
    """``receive`` that refuses a body (with or without Content-Length) past the cap."""
    seen = 0

    async def capped() -> Message:
        nonlocal seen
        message = await receive()
        if message["type"] == "http.request":
            seen += len(message.get("body", b""))
            if seen > MAX_BODY_BYTES:
                raise _too_large(f"more than {MAX_BODY_BYTES:,}")
        return message

    return capped


def _check_shape(body: bytes) -> None:
    """Refuse a body that is not one JSON object, judged by its first character.

    A JSON object starts with ``{``; anything else is either not JSON or another JSON value,
    both refused with 400 — without parsing the body twice.
    """
    start = body.lstrip(b" \t\r\n")[:1]
    if start == b"{":
        return
    if start == b"[":
        raise HTTPException(400, say.NO_BATCHES(shape=_ONE_OBJECT).text(current_language()))
    raise HTTPException(400, say.ONE_OBJECT(shape=_ONE_OBJECT).text(current_language()))


def error_response(status: int, message: str) -> Response:
    """A request refused before any operation ran, as a GraphQL client reads one."""
    body = {"errors": [{"message": message, "extensions": {"code": _CODES.get(status, "ERROR")}}]}
    return Response(orjson.dumps(body), status_code=status, media_type="application/json")


class GraphQLEndpoint(GraphQL[Context, None]):
    """``/graphql``: Strawberry's ASGI view with our context, body checks and orjson bodies."""

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await super().__call__(scope, receive, send)
            return
        declared = _declared_length(scope)
        try:
            if declared is not None and declared > MAX_BODY_BYTES:
                raise _too_large(f"{declared:,}")
            response = await self._answer(Request(scope, receive=_capped(receive)))
        except HTTPException as exc:
            response = error_response(exc.status_code, exc.reason)
        await response(scope, receive, send)

    async def _answer(self, request: Request) -> Response:
        """Run the request, or reuse the answer to the same expensive network read while
        the graph is unchanged (:mod:`api.graphql.answer_cache`)."""
        answers: AnswerCache = request.app.state.answers
        if request.method != "POST" or causality.required():
            return await self.run(request)  # a request carrying bookmarks waits for them
        body = await request.body()  # kept by Starlette for Strawberry to read again
        if not answers.takes_part(body):
            return await self.run(request)
        db: Database = request.app.state.db
        key = answers.key(body, request.headers.get("authorization"), current_language())
        return await answers.answer(key, await db.current_bookmark(), lambda: self.run(request))

    async def render_graphql_ide(self, request: Request) -> Response:
        """GraphiQL from the project's pinned copy (api/rest/developer_pages.py), not a CDN."""
        return HTMLResponse(GRAPHIQL_PAGE)

    async def get_context(
        self, request: Request | WebSocket, response: Response | WebSocket
    ) -> Context:
        db: Database = request.app.state.db
        caller = await caller_from_header(db, request.headers.get("authorization"))
        context = Context(db=db, caller=caller, reports=request.app.state.reports)
        context.request = request
        if isinstance(response, Response):
            context.response = response  # ErrorPolicy sets 503, the limits 400, on it
        return context

    async def parse_http_body(self, request: AsyncHTTPRequestAdapter) -> Any:
        content_type, _ = parse_content_type(request.content_type or "")
        if request.method == "POST" and "application/json" in content_type:
            _check_shape(await request.get_body())  # Starlette keeps the body for Strawberry
        return await super().parse_http_body(request)

    def decode_json(self, data: str | bytes) -> object:
        # orjson.JSONDecodeError subclasses json.JSONDecodeError, which Strawberry maps to 400.
        value: Any = orjson.loads(data)
        return value

    def encode_json(self, data: object) -> bytes:
        return orjson.dumps(data)
