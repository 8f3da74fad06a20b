"""How much one client may ask of the API, and which other origins may call it.

Every value has a default chosen so that a person using the UI never meets it (the UI sends
about ten API requests when a screen opens) while a script that floods the API does, and each
can be changed from the environment:

========================================  =========  ================================
variable                                  default    meaning
========================================  =========  ================================
``COMMONGRAPH_ANONYMOUS_RATE``            20         requests per second, sustained, per
                                                     address without a key
``COMMONGRAPH_ANONYMOUS_BURST``           100        requests at once before the rate applies
``COMMONGRAPH_ANONYMOUS_CONCURRENCY``     12         requests in flight per address
``COMMONGRAPH_KEY_RATE``                  100        the same, per API key
``COMMONGRAPH_KEY_BURST``                 400
``COMMONGRAPH_KEY_CONCURRENCY``           32
``COMMONGRAPH_MAX_IN_FLIGHT``             256        requests in flight in one worker, all
                                                     clients together (beyond: 503)
``COMMONGRAPH_CORS_ORIGINS``              (none)     comma-separated origins allowed to call
                                                     the API from a browser; none means the
                                                     UI's own origin only
========================================  =========  ================================
"""

from __future__ import annotations

from collections.abc import Mapping

from pydantic import BaseModel, Field, field_validator

from graph.environment import environment

__all__ = ["ClientLimits", "GuardSettings"]


class ClientLimits(BaseModel):
    """A token bucket (``rate`` per second, ``burst`` deep) and an in-flight cap."""

    rate: float = Field(gt=0)
    burst: int = Field(ge=1)
    concurrency: int = Field(ge=1)


class GuardSettings(BaseModel):
    """Per-client limits, the worker's in-flight cap and the CORS allow-list."""

    anonymous: ClientLimits = ClientLimits(rate=20, burst=100, concurrency=12)
    keyed: ClientLimits = ClientLimits(rate=100, burst=400, concurrency=32)
    max_in_flight: int = Field(default=256, ge=1)
    cors_origins: tuple[str, ...] = ()

    @field_validator("cors_origins")
    @classmethod
    def _origins_are_origins(cls, origins: tuple[str, ...]) -> tuple[str, ...]:
        for origin in origins:
            if origin != "*" and not origin.startswith(("http://", "https://")):
                raise ValueError(
                    f"COMMONGRAPH_CORS_ORIGINS: {origin!r} is not an origin such as "
                    "https://example.org"
                )
        return origins

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> GuardSettings:
        """Defaults, overridden by any ``COMMONGRAPH_*`` variable that is set
        (:mod:`graph.environment`; ``environ``: from that mapping only)."""
        env = environment(environ)
        default = cls()

        def pick(value: float | None, fallback: float) -> float:
            return fallback if value is None else value

        anonymous = ClientLimits(
            rate=pick(env.anonymous_rate, default.anonymous.rate),
            burst=int(pick(env.anonymous_burst, default.anonymous.burst)),
            concurrency=int(pick(env.anonymous_concurrency, default.anonymous.concurrency)),
        )
        keyed = ClientLimits(
            rate=pick(env.key_rate, default.keyed.rate),
            burst=int(pick(env.key_burst, default.keyed.burst)),
            concurrency=int(pick(env.key_concurrency, default.keyed.concurrency)),
        )
        origins = env.cors_origins
        return cls(
            anonymous=anonymous,
            keyed=keyed,
            max_in_flight=int(pick(env.max_in_flight, default.max_in_flight)),
            cors_origins=tuple(o.strip().rstrip("/") for o in origins.split(",") if o.strip()),
        )

    @classmethod
    def unlimited(cls) -> GuardSettings:
        """No per-client limit worth the name: for load tests that play many clients from
        one address (the worker's in-flight cap still applies)."""
        lots = ClientLimits(rate=1e9, burst=10**9, concurrency=10**6)
        return cls(anonymous=lots, keyed=lots, max_in_flight=10_000)
