"""``Commongraph-Bookmark``: read your own writes through any API replica.

A response to a request that wrote carries the Neo4j bookmarks of its transactions; a client
that sends them back on a later request (to any replica behind the balancer) is answered only
once those transactions are visible there (:mod:`graph.causality`, docs/operations.md "Past
one machine"). A malformed header is refused with 400 rather than ignored, so a client never
believes it is reading its own writes when it is not.
"""

from __future__ import annotations

import json
import re

from starlette.types import Message, Receive, Scope, Send

from api.asgi import HttpMiddleware
from api.i18n import current_language
from graph import causality
from graph import messages as say

__all__ = ["HEADER", "CausalBookmarks", "parse_bookmarks"]

HEADER = "Commongraph-Bookmark"
_HEADER_KEY = HEADER.lower().encode("latin-1")
#: Neo4j bookmarks are short opaque tokens; a request names at most a few (one per database)
MAX_BOOKMARKS = 16
_TOKEN = re.compile(r"^[A-Za-z0-9:._/+=-]{1,256}$")


def parse_bookmarks(value: str) -> tuple[str, ...] | None:
    """The bookmarks in a header value (comma-separated), or None when it is malformed."""
    parts = [p.strip() for p in value.split(",") if p.strip()]
    if len(parts) > MAX_BOOKMARKS or not all(_TOKEN.match(p) for p in parts):
        return None
    return tuple(parts)


class CausalBookmarks(HttpMiddleware):
    """ASGI middleware: the bookmarks a request must see in, those its writes made out."""

    async def http(self, scope: Scope, receive: Receive, send: Send) -> None:
        raw = next((v for k, v in scope.get("headers", ()) if k == _HEADER_KEY), b"")
        wanted = parse_bookmarks(raw.decode("latin-1")) if raw else ()
        if wanted is None:
            await _refuse(send)
            return
        with causality.request_scope(wanted) as written:

            async def send_with_bookmarks(message: Message) -> None:
                if message["type"] == "http.response.start" and written:
                    headers = list(message.get("headers", []))
                    headers.append((_HEADER_KEY, ",".join(written).encode("latin-1")))
                    message = {**message, "headers": headers}
                await send(message)

            await self.app(scope, receive, send_with_bookmarks)


async def _refuse(send: Send) -> None:
    body = json.dumps(
        {"error": f"{HEADER}: {say.BAD_BOOKMARK().text(current_language())}", "field": HEADER}
    ).encode("utf-8")
    await send(
        {
            "type": "http.response.start",
            "status": 400,
            "headers": [
                (b"content-type", b"application/json"),
                (b"content-length", str(len(body)).encode("ascii")),
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})
