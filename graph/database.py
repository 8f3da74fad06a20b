"""The async gateway the API's repositories use to run catalogue statements.

One :class:`Database` per process, opened in FastAPI's lifespan. Every statement comes from
:func:`queries.catalog.cypher` by name, runs with the configured timeout, and driver failures
are mapped here, at the repository boundary, to :mod:`graph.errors` (STYLE.md:
``ServiceUnavailable`` → 503, ``ConstraintError`` → duplicate).
"""

from __future__ import annotations

from typing import Any

import neo4j
from neo4j.exceptions import (
    AuthError,
    ClientError,
    ConstraintError,
    DriverError,
    ServiceUnavailable,
    SessionExpired,
    TransientError,
)

from graph.connection import async_driver, database_error
from graph.errors import CommonGraphError, DatabaseUnavailable, DuplicateError
from graph.settings import Neo4jSettings
from queries.catalog import cypher

__all__ = ["Database", "QueryTimeout"]


class QueryTimeout(CommonGraphError):
    """The statement ran past the configured query timeout."""

    http_status = 504


class Database:
    """Runs named statements on one async driver and maps driver errors."""

    def __init__(self, settings: Neo4jSettings, driver: neo4j.AsyncDriver | None = None) -> None:
        self.settings = settings
        self.driver = driver or async_driver(settings)
        self.statements_run = 0  # counted so tests can prove there is no N+1

    async def close(self) -> None:
        await self.driver.close()

    async def read(self, name: str, /, **params: Any) -> list[dict[str, Any]]:
        """Run the read statement ``name`` and return its records as dicts."""
        return await self._run(name, params, neo4j.RoutingControl.READ)

    async def write(self, name: str, /, **params: Any) -> list[dict[str, Any]]:
        """Run the write statement ``name`` in one transaction (all or nothing)."""
        return await self._run(name, params, neo4j.RoutingControl.WRITE)

    async def ping(self) -> None:
        """``RETURN 1``; raises DatabaseUnavailable when Neo4j does not answer."""
        await self.read("health/ping")

    async def _run(
        self, name: str, params: dict[str, Any], routing: neo4j.RoutingControl
    ) -> list[dict[str, Any]]:
        query = neo4j.Query(cypher(name), timeout=self.settings.query_timeout_s)
        self.statements_run += 1
        try:
            if routing is neo4j.RoutingControl.READ:
                return await self._auto_commit_read(query, params)
            records, _, _ = await self.driver.execute_query(
                query, params, database_=self.settings.database, routing_=routing
            )
        except ConstraintError as exc:
            raise DuplicateError(f"a record with this id exists already ({exc.message})") from exc
        except (ServiceUnavailable, SessionExpired, AuthError, OSError) as exc:
            raise database_error(self.settings, exc) from exc
        except TransientError as exc:
            raise DatabaseUnavailable(f"Neo4j is busy, try again: {exc.message}") from exc
        except ClientError as exc:
            code = exc.code or ""
            if "TransactionTimedOut" in code or "Terminated" in code:
                raise QueryTimeout(
                    f"the query ran longer than {self.settings.query_timeout_s:.0f} s and was "
                    "stopped: narrow the search (smaller radius, fewer hops)"
                ) from exc
            raise
        except DriverError as exc:
            raise database_error(self.settings, exc) from exc
        return [record.data() for record in records]

    async def _auto_commit_read(
        self, query: neo4j.Query, params: dict[str, Any]
    ) -> list[dict[str, Any]]:
        """One auto-commit read: RUN and PULL pipelined in one round trip.

        A managed transaction (``execute_query``) adds BEGIN and COMMIT round trips, which is
        most of the driver's cost for the API's short reads. Reads are idempotent, so a read
        that meets a dropped connection is simply tried once more.
        """
        for attempt in (1, 2):
            try:
                async with self.driver.session(
                    database=self.settings.database, default_access_mode=neo4j.READ_ACCESS
                ) as session:
                    result = await session.run(query, params)
                    return await result.data()
            except (ServiceUnavailable, SessionExpired):
                if attempt == 2:
                    raise
        raise AssertionError("unreachable")
