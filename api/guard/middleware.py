"""The ASGI middleware that applies per-client limits and the worker's in-flight cap.

Only the API is guarded (``/graphql``, ``/api/``, ``/oruk``, ``/shortlist/``, ``/docs``);
``/health`` and the UI's static files are not, so a flood of API requests never stops a
health probe or the page from loading. A client is its API key when the request carries one
(``Bearer cg_<id>_…``: the key's public id), else its address as the server sees it (behind a
reverse proxy, ``commongraph serve --forwarded-allow-ips`` makes that the client's own).
A request whose key turns out to be unknown (401) is charged to its address (a bucket of
its own, as deep as an anonymous one): once that is spent, the address is refused any key
until it refills, so inventing keys does not buy a fresh bucket each time, while a real key
behind an address that also floods anonymously keeps working.

Refusals, before any work is done:

* **429** with ``Retry-After`` when the client's bucket is empty or it already has its
  maximum of requests in flight;
* **503** with ``Retry-After: 1`` when the worker already answers ``max_in_flight`` requests.

The body is JSON: GraphQL's ``{"errors": [{"message", "extensions": {"code"}}]}`` on
``/graphql``, ``{"error": message}`` elsewhere, in English or Welsh (``Accept-Language``).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import orjson
from starlette.types import Message, Receive, Scope, Send

from api.asgi import HttpMiddleware
from api.guard.buckets import ClientTable, retry_after
from api.guard.settings import GuardSettings
from api.i18n import Language, preferred_language

__all__ = ["GUARDED_PREFIXES", "RequestGuard"]

GUARDED_PREFIXES = ("/graphql", "/api/", "/oruk", "/shortlist/", "/docs", "/openapi.json")

_MESSAGES: dict[str, dict[Language, str]] = {
    "RATE_LIMITED": {
        "en": "too many requests from your connection: wait {s} s and try again",
        "cy": "gormod o geisiadau o'ch cysylltiad: arhoswch {s} eiliad a rhowch gynnig arall arni",
    },
    "AT_CAPACITY": {
        "en": "the service is at capacity: try again in {s} s",
        "cy": "mae'r gwasanaeth yn llawn ar hyn o bryd: rhowch gynnig arall arni ymhen {s} eiliad",
    },
}


def _header(scope: Scope, name: bytes) -> str | None:
    for key, value in scope.get("headers", ()):
        if key == name:
            return str(value.decode("latin-1"))
    return None


def client_of(scope: Scope) -> tuple[str, bool]:
    """``(client id, keyed)``: ``key:<public id>`` for a commongraph key, else ``ip:<address>``."""
    authorization = _header(scope, b"authorization") or ""
    scheme, _, token = authorization.strip().partition(" ")
    token = token.strip()
    if scheme.lower() == "bearer" and token.startswith("cg_"):
        key_id = token[3:].partition("_")[0][:32]
        if key_id:
            return f"key:{key_id}", True
    return f"ip:{address_of(scope)}", False


def address_of(scope: Scope) -> str:
    client = scope.get("client")
    return str(client[0]) if client else "unknown"


@dataclass
class RequestGuard(HttpMiddleware):
    """Per-client token buckets and in-flight caps in front of the API routes."""

    settings: GuardSettings = field(default_factory=GuardSettings.from_env)
    clients: ClientTable = field(default_factory=ClientTable)
    in_flight: int = 0
    refused: dict[str, int] = field(default_factory=lambda: {"429": 0, "503": 0})

    async def http(self, scope: Scope, receive: Receive, send: Send) -> None:
        if not str(scope["path"]).startswith(GUARDED_PREFIXES):
            await self.app(scope, receive, send)
            return
        if self.in_flight >= self.settings.max_in_flight:
            self.refused["503"] += 1
            await self._refuse(scope, send, 503, "AT_CAPACITY", 1)
            return
        client, keyed = client_of(scope)
        limits = self.settings.keyed if keyed else self.settings.anonymous
        # Keys answered 401 are charged to a bucket of their address; once it is empty the
        # address is refused any key, so inventing keys does not buy fresh buckets.
        invented = f"invented-keys:{address_of(scope)}"
        wait = (self.clients.waiting(invented) if keyed else 0.0) or self.clients.admit(
            client, limits
        )
        if wait > 0:
            self.refused["429"] += 1
            await self._refuse(scope, send, 429, "RATE_LIMITED", retry_after(wait))
            return
        self.in_flight += 1
        status = 0

        async def send_watching(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = int(message["status"])
            await send(message)

        try:
            await self.app(scope, receive, send_watching)
        finally:
            self.in_flight -= 1
            self.clients.release(client)
            if keyed and status == 401:  # an invented key: charge the address as well
                self.clients.charge(invented, self.settings.anonymous, 1)

    async def _refuse(self, scope: Scope, send: Send, status: int, code: str, wait: int) -> None:
        language = preferred_language(_header(scope, b"accept-language"))
        message = _MESSAGES[code][language].format(s=wait)
        body: dict[str, object]
        if str(scope["path"]).startswith("/graphql"):
            body = {"errors": [{"message": message, "extensions": {"code": code}}]}
        else:
            body = {"error": message, "code": code}
        payload = orjson.dumps(body)
        await send(
            {
                "type": "http.response.start",
                "status": status,
                "headers": [
                    (b"content-type", b"application/json"),
                    (b"content-length", str(len(payload)).encode()),
                    (b"retry-after", str(wait).encode()),
                    (b"content-language", language.encode()),
                ],
            }
        )
        await send({"type": "http.response.body", "body": payload})
