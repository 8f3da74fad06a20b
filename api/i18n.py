"""The language a request asks for, for the messages the server writes itself.

Most of what a person reads comes from the UI's own catalogues (English and Welsh); what the
server says (a refused field, a missing record, too many requests) is worded in both languages
in :mod:`graph.messages` and chosen by ``Accept-Language`` (RFC 9110 §12.5.4).
:class:`RequestLanguage` reads the header once per request into a context variable, so every
layer that renders a message (GraphQL results and errors, REST errors) answers in the same
language without passing it down by hand.
"""

from __future__ import annotations

from contextvars import ContextVar

from starlette.types import Receive, Scope, Send

from api.asgi import HttpMiddleware
from graph.errors import CommonGraphError
from graph.messages import Language

__all__ = [
    "Language",
    "RequestLanguage",
    "current_language",
    "message_of",
    "preferred_language",
]

_LANGUAGE: ContextVar[Language] = ContextVar("commongraph_language", default="en")


def current_language() -> Language:
    """The language of the request being answered (English outside a request)."""
    return _LANGUAGE.get()


def message_of(error: CommonGraphError) -> str:
    """An expected failure's message in the language of the request being answered."""
    return error.text(current_language())


class RequestLanguage(HttpMiddleware):
    """ASGI middleware: remember each request's preferred language for the handlers."""

    async def http(self, scope: Scope, receive: Receive, send: Send) -> None:
        header = next((v for k, v in scope.get("headers", ()) if k == b"accept-language"), b"")
        token = _LANGUAGE.set(preferred_language(header.decode("latin-1") or None))
        try:
            await self.app(scope, receive, send)
        finally:
            _LANGUAGE.reset(token)


def preferred_language(accept_language: str | None) -> Language:
    """``"cy"`` when Welsh is the client's highest-weighted language among ours, else ``"en"``.

    >>> preferred_language("cy-GB,cy;q=0.9,en;q=0.5")
    'cy'
    >>> preferred_language("en-GB,cy;q=0.8")
    'en'
    >>> preferred_language(None)
    'en'
    """
    best: tuple[float, Language] = (0.0, "en")
    for part in (accept_language or "").split(","):
        tag, _, params = part.strip().partition(";")
        weight = 1.0
        params = params.strip()
        if params.startswith("q="):
            try:
                weight = float(params[2:])
            except ValueError:
                continue
        primary = tag.strip().lower().split("-")[0]
        if primary in ("en", "cy") and weight > best[0]:
            best = (weight, "cy" if primary == "cy" else "en")
    return best[1]
