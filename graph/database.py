"""The async gateway the API's repositories use to run catalogue statements.

One :class:`Database` per process, opened in FastAPI's lifespan. Every statement comes from
:func:`queries.catalog.cypher` by name, runs with the configured timeout, and driver failures
are mapped here, at the repository boundary, to :mod:`graph.errors` (docs/architecture.md:
``ServiceUnavailable`` → 503, ``ConstraintError`` → duplicate).

Records become plain dicts without the driver's ``Record.data()``, whose recursive walk (it
turns nodes into dicts) was the largest single cost of a read in the API's profile. That is
safe because catalogue statements return maps, lists and scalars only (``properties(n)``,
``n {.id, .name}``), never nodes, relationships or paths: :func:`plain_rows` enforces it for
the top-level columns always, and for nested values too when ``COMMONGRAPH_CHECK_RECORDS`` is
set (the test suite sets it).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from typing import Any, LiteralString, TypeVar

import neo4j
from neo4j.exceptions import (
    ClientError,
    ConnectionAcquisitionTimeoutError,
    ConstraintError,
    DriverError,
    ServiceUnavailable,
    SessionExpired,
    TransientError,
)
from neo4j.graph import Node, Path, Relationship

from graph import causality
from graph import messages as say
from graph.connection import LOST, async_driver, database_error
from graph.environment import environment
from graph.errors import CommonGraphError, DatabaseUnavailable, DuplicateError
from graph.result_cache import ResultCache
from graph.settings import Neo4jSettings
from queries.catalog import cypher

__all__ = ["Database", "QueryTimeout", "plain_rows"]

_GRAPH_TYPES = (Node, Relationship, Path)
_STOPPED_CODES = ("TransactionTimedOut", "Terminated", "LockClientStopped")
_PING = neo4j.Query(cypher("health/ping"))
T = TypeVar("T")


def _nested_graph_value(value: Any) -> bool:
    if isinstance(value, _GRAPH_TYPES):
        return True
    if isinstance(value, dict):
        return any(_nested_graph_value(v) for v in value.values())
    if isinstance(value, list):
        return any(_nested_graph_value(v) for v in value)
    return False


def plain_rows(
    name: str, keys: list[str], records: Iterable[tuple[Any, ...]], *, deep: bool = False
) -> list[dict[str, Any]]:
    """Each record as ``{column: value}``; a graph entity in a value is a catalogue bug.

    The first row's columns are always checked (cheap); with ``deep`` (the Database sets it
    from ``COMMONGRAPH_CHECK_RECORDS``), every value of every row is walked.
    """
    rows = [dict(zip(keys, record, strict=True)) for record in records]
    for row in rows if deep else rows[:1]:
        for key, value in row.items():
            if isinstance(value, _GRAPH_TYPES) or (deep and _nested_graph_value(value)):
                raise TypeError(
                    f"statement {name!r} returned a node, relationship or path in column "
                    f"{key!r}; catalogue statements return properties(n) or a map projection"
                )
    return rows


async def _collect(
    tx: neo4j.AsyncManagedTransaction, text: LiteralString, params: dict[str, Any]
) -> tuple[list[tuple[Any, ...]], list[str]]:
    """One write transaction's records (as value tuples) and column names."""
    result = await tx.run(text, params)
    keys = list(result.keys())
    return [tuple(record.values()) async for record in result], keys


class QueryTimeout(CommonGraphError):
    """The statement ran past the configured query timeout."""

    http_status = 504


class Database:
    """Runs named statements on one async driver and maps driver errors."""

    def __init__(self, settings: Neo4jSettings, driver: neo4j.AsyncDriver | None = None) -> None:
        self.settings = settings
        self.driver = driver or async_driver(settings)
        self.statements_run = 0  # counted so tests can prove there is no N+1
        self.unchanged = ResultCache()  # see read_while_unchanged
        self.check_records = environment().check_records  # see plain_rows

    async def close(self) -> None:
        await self.driver.close()

    async def read(self, name: str, /, **params: Any) -> list[dict[str, Any]]:
        """Run the read statement ``name`` and return its records as dicts."""
        return await self._run(name, params, neo4j.RoutingControl.READ)

    async def read_while_unchanged(
        self, name: str, derive: Callable[[list[dict[str, Any]]], T], /, **params: Any
    ) -> T:
        """``derive(rows)`` of the read ``name``, reused while the database is unchanged.

        For expensive reads that many callers repeat (the Wales-wide relationship map): one
        ``RETURN 1`` fetches Neo4j's current bookmark, and the statement only runs (once, for
        however many callers are waiting) if a write has committed since the stored value was
        read (:mod:`graph.result_cache`). Parameters must be scalars; the value returned is
        shared, so callers must not mutate it.
        """
        key = ResultCache.key(name, params)
        bookmark = await self.current_bookmark()

        async def load() -> T:
            return derive(await self.read(name, **params))

        return await self.unchanged.get_or_load(key, bookmark, load)

    async def write(self, name: str, /, **params: Any) -> list[dict[str, Any]]:
        """Run the write statement ``name`` in one transaction (all or nothing)."""
        return await self._run(name, params, neo4j.RoutingControl.WRITE)

    async def ping(self) -> None:
        """``RETURN 1``; raises DatabaseUnavailable when Neo4j does not answer."""
        await self.read("health/ping")

    async def _run(
        self, name: str, params: dict[str, Any], routing: neo4j.RoutingControl
    ) -> list[dict[str, Any]]:
        text = cypher(name)
        self.statements_run += 1
        with self._mapped_errors(routing):
            if routing is neo4j.RoutingControl.READ:
                query = neo4j.Query(text, timeout=self.settings.query_timeout_s)
                return await self._auto_commit_read(name, query, params)
            # A write waits for what the request must see, and leaves its own bookmark.
            session = self.driver.session(
                database=self.settings.database,
                bookmarks=neo4j.Bookmarks.from_raw_values(causality.seen()),
            )
            work = neo4j.unit_of_work(timeout=self.settings.query_timeout_s)(_collect)
            async with session:
                records, keys = await session.execute_write(work, text, params)
                causality.record((await session.last_bookmarks()).raw_values)
        return plain_rows(name, list(keys), records, deep=self.check_records)

    async def _auto_commit_read(
        self, name: str, query: neo4j.Query, params: dict[str, Any]
    ) -> list[dict[str, Any]]:
        """One auto-commit read: RUN and PULL pipelined in one round trip.

        A managed transaction (``execute_query``) adds BEGIN and COMMIT round trips, which is
        most of the driver's cost for the API's short reads. Reads are idempotent, so a read
        that meets a dropped connection is simply tried once more. A read of a request that
        wrote, or that carries bookmarks from another replica (:mod:`graph.causality`), waits
        for those transactions on any cluster member; other reads send no bookmarks, so the
        common read pays nothing for causality.
        """
        for attempt in (1, 2):
            try:
                seen = causality.seen()
                async with self.driver.session(
                    database=self.settings.database,
                    default_access_mode=neo4j.READ_ACCESS,
                    bookmarks=neo4j.Bookmarks.from_raw_values(seen) if seen else None,
                ) as session:
                    result = await session.run(query, params)
                    keys = list(result.keys())
                    rows = [record async for record in result]
                    return plain_rows(name, keys, rows, deep=self.check_records)
            except (ServiceUnavailable, SessionExpired):
                if attempt == 2:
                    raise
        raise AssertionError("unreachable")

    async def current_bookmark(self) -> frozenset[str]:
        """Neo4j's bookmark now: it names the last committed transaction, so any write moves it."""
        with self._mapped_errors(neo4j.RoutingControl.READ):
            async with self.driver.session(
                database=self.settings.database, default_access_mode=neo4j.READ_ACCESS
            ) as session:
                await (await session.run(_PING)).consume()
                return frozenset((await session.last_bookmarks()).raw_values)

    @contextmanager
    def _mapped_errors(self, routing: neo4j.RoutingControl) -> Iterator[None]:
        """Driver exceptions become :mod:`graph.errors` with a message a person can act on."""
        try:
            yield
        except ConstraintError as exc:
            raise DuplicateError(f"a record with this id exists already ({exc.message})") from exc
        except ConnectionAcquisitionTimeoutError as exc:
            # Every pooled connection stayed busy for the whole wait: overloaded, not down.
            raise DatabaseUnavailable(
                say.AT_CAPACITY(seconds=f"{self.settings.query_timeout_s:g}")
            ) from exc
        except LOST as exc:
            raise database_error(self.settings, exc) from exc
        except TransientError as exc:
            raise DatabaseUnavailable(f"Neo4j is busy, try again: {exc.message}") from exc
        except ClientError as exc:
            # A statement stopped by the transaction timeout fails with TransactionTimedOut*
            # while running, or with LockClientStopped while it waits for another
            # transaction's lock (Neo4j 5).
            code = exc.code or ""
            if any(part in code for part in _STOPPED_CODES):
                hint = (
                    "narrow the search (smaller radius, fewer hops)"
                    if routing is neo4j.RoutingControl.READ
                    else "nothing was changed; try again"
                )
                raise QueryTimeout(
                    f"the query ran longer than {self.settings.query_timeout_s:g} s and was "
                    f"stopped: {hint}"
                ) from exc
            raise
        except DriverError as exc:
            raise database_error(self.settings, exc) from exc
