"""What stands between the network and the API: per-client limits, CORS, security headers.

* :mod:`.settings` — the limits and allowed origins, from the environment;
* :mod:`.buckets` — token buckets and in-flight counts per client;
* :mod:`.middleware` — the ASGI middleware that applies them (429 / 503 with Retry-After);
* :mod:`.headers` — security headers on every response (CSP, framing, sniffing, referrer).

docs/security.md gives the values and the measured effect.
"""

from api.guard.headers import SecurityHeaders
from api.guard.middleware import RequestGuard
from api.guard.settings import GuardSettings

__all__ = ["GuardSettings", "RequestGuard", "SecurityHeaders"]
