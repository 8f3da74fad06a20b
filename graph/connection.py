"""Drivers for the configured Neo4j, with driver errors mapped to commongraph errors.

One driver per process (docs/decisions.md F5): the CLI opens a sync driver for the length of
a command; the API opens one async driver in FastAPI's lifespan. Nothing connects at import time.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import neo4j
from neo4j.exceptions import AuthError, ServiceUnavailable, SessionExpired

from graph.errors import DatabaseUnavailable
from graph.settings import Neo4jSettings

__all__ = [
    "LOST",
    "async_driver",
    "check_connection",
    "database_error",
    "lost_while",
    "sync_driver",
]

#: driver failures that mean Neo4j went away or refused us (not that a statement was wrong):
#: the one list every caller of the driver maps to DatabaseUnavailable
LOST = (ServiceUnavailable, SessionExpired, AuthError, OSError)


def database_error(settings: Neo4jSettings, exc: Exception) -> DatabaseUnavailable:
    """Translate a driver exception into one line a person can act on."""
    if isinstance(exc, AuthError):
        return DatabaseUnavailable(
            f"Neo4j at {settings.uri} refused user {settings.user!r}: check NEO4J_USER and "
            "NEO4J_PASSWORD (or unset NEO4J_URI to use the local server)."
        )
    return DatabaseUnavailable(
        f"Neo4j at {settings.uri} is unreachable: start it with `commongraph neo4j start` "
        "or point NEO4J_URI at a running server."
    )


@contextmanager
def lost_while(doing: str) -> Iterator[None]:
    """Map :data:`LOST` to DatabaseUnavailable saying what was being done (sync callers:
    loaders, exports, analytics; the API's async path maps in :class:`graph.database.Database`).

    Writes run in one transaction each, so what was being written was not stored; every load
    is idempotent, so running it again once Neo4j answers finishes the job.
    """
    try:
        yield
    except LOST as exc:
        raise DatabaseUnavailable(
            f"Neo4j stopped answering while {doing} ({exc.__class__.__name__}); nothing of "
            "that step was stored. Start Neo4j (or check NEO4J_URI) and run it again."
        ) from exc


@contextmanager
def sync_driver(settings: Neo4jSettings | None = None) -> Iterator[neo4j.Driver]:
    """A verified sync driver, closed on exit; raises DatabaseUnavailable if Neo4j is not there."""
    settings = settings or Neo4jSettings.from_env()
    driver = neo4j.GraphDatabase.driver(
        settings.uri,
        auth=settings.auth,
        connection_timeout=5.0,
        max_transaction_retry_time=15.0,
        notifications_min_severity="OFF",
    )
    try:
        try:
            driver.verify_connectivity()
        except LOST as exc:
            raise database_error(settings, exc) from exc
        yield driver
    finally:
        driver.close()


def async_driver(settings: Neo4jSettings) -> neo4j.AsyncDriver:
    """An async driver for the API; connectivity is checked lazily by each request."""
    return neo4j.AsyncGraphDatabase.driver(
        settings.uri,
        auth=settings.auth,
        connection_timeout=3.0,
        # Under a burst, a request waits its turn for a pooled connection for as long as a
        # query may run, instead of failing after the driver's default wait.
        connection_acquisition_timeout=settings.query_timeout_s,
        max_transaction_retry_time=5.0,
        liveness_check_timeout=5.0,
        # The server's advisory notifications (e.g. "property key does not exist" on an empty
        # graph) would be logged with the whole statement on every request: off.
        notifications_min_severity="OFF",
    )


def check_connection(driver: neo4j.Driver, settings: Neo4jSettings) -> None:
    """Run ``RETURN 1``; raise DatabaseUnavailable with a clear message if it fails."""
    try:
        driver.execute_query("RETURN 1", database_=settings.database)
    except LOST as exc:
        raise database_error(settings, exc) from exc
