"""Security headers on every response, and the Content-Security-Policy of each kind of page.

The UI is a single-page app built by Vite: its scripts and styles are files of its own origin,
it talks to its own origin only, and the map draws offline outlines (no tile server). So the
policy can be strict (CSP Level 3, https://www.w3.org/TR/CSP3/): scripts from ``'self'``
only, no inline script, nothing framed, no plugins. Inline *styles* stay allowed because
Leaflet and Sigma set element styles. GraphiQL (``/graphql`` in a browser) and Swagger UI
(``/docs``) are served from the project's own pinned copies (frontend/dist/vendor), so they
obey the same policy.

Every response also carries ``X-Content-Type-Options: nosniff``, ``X-Frame-Options: DENY``
(for browsers without ``frame-ancestors``), ``Referrer-Policy: no-referrer`` (a shortlist's
share link holds its token: it must not leak to the sites it links to),
``Cross-Origin-Opener-Policy: same-origin`` and a ``Permissions-Policy`` that turns off what
the UI never uses.
"""

from __future__ import annotations

from starlette.datastructures import MutableHeaders
from starlette.types import Message, Receive, Scope, Send

from api.asgi import HttpMiddleware

__all__ = ["CONTENT_SECURITY_POLICY", "SECURITY_HEADERS", "SecurityHeaders"]

CONTENT_SECURITY_POLICY = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data: blob:",
        "font-src 'self' data:",
        "connect-src 'self'",
        "worker-src 'self' blob:",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ]
)

SECURITY_HEADERS: dict[str, str] = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Permissions-Policy": "camera=(), microphone=(), payment=(), usb=(), interest-cohort=()",
}


class SecurityHeaders(HttpMiddleware):
    """Adds :data:`SECURITY_HEADERS` to every HTTP response that does not set its own."""

    async def http(self, scope: Scope, receive: Receive, send: Send) -> None:
        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                for name, value in SECURITY_HEADERS.items():
                    if name not in headers:
                        headers[name] = value
            await send(message)

        await self.app(scope, receive, send_with_headers)
