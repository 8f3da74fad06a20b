"""The base of the app's own ASGI middleware: HTTP requests only.

Each middleware of :mod:`api.app` (the request's language, causal bookmarks, security headers,
the request guard) acts on HTTP requests; anything else the server sends through the stack
(the lifespan events) passes on untouched. :class:`HttpMiddleware` says that once.
"""

from __future__ import annotations

from dataclasses import dataclass

from starlette.types import ASGIApp, Receive, Scope, Send

__all__ = ["HttpMiddleware"]


@dataclass
class HttpMiddleware:
    """ASGI middleware around ``app`` whose :meth:`http` sees every HTTP request."""

    app: ASGIApp

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        await self.http(scope, receive, send)

    async def http(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Answer (or pass on) one HTTP request."""
        raise NotImplementedError
