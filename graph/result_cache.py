"""Values derived from expensive reads, reused for as long as the database has not changed.

Neo4j gives every transaction, reads included, a bookmark naming the last transaction
committed before it; the bookmark moves on with every write, by any client. A cached value
is therefore valid exactly while a fresh bookmark still equals the one taken just before the
value was read (a write that commits during the read moves the bookmark too, so the entry is
never trusted past it). There is no time-to-live and no staleness: an erased person
disappears from the next read, as from an uncached one. This is what lets many leaders open
the same Wales-wide relationship map at once (docs/performance.md, load test).

Callers that miss together wait for one load instead of each running the statement (a
"single flight"), so a write under load costs Neo4j one re-read, not one per waiting request.
The cache is per process, least-recently-used, and bounded by entry count.
"""

from __future__ import annotations

import asyncio
from collections import OrderedDict
from collections.abc import Awaitable, Callable, Hashable
from typing import Any, TypeVar, cast

__all__ = ["Flights", "ResultCache"]

T = TypeVar("T")
Bookmark = frozenset[str]


class Flights:
    """Callers that ask for the same key at the same time share one load ("single flight").

    The load runs as a task of its own: a caller that goes away (its client disconnected,
    its request was cancelled) stops waiting, but the load goes on for the others, who get
    its value rather than the first caller's cancellation.
    """

    def __init__(self) -> None:
        self._loading: dict[Hashable, asyncio.Future[object]] = {}

    async def share(self, key: Hashable, load: Callable[[], Awaitable[T]]) -> tuple[T, bool]:
        """``load()``'s value, run once for every caller of ``key`` meanwhile, and whether
        this caller waited on another's load. If it fails, they all get its exception."""
        flight = self._loading.get(key)
        if flight is not None:
            return cast(T, await asyncio.shield(flight)), True
        task: asyncio.Future[object] = asyncio.ensure_future(load())
        self._loading[key] = task
        task.add_done_callback(lambda done: self._landed(key, done))
        return cast(T, await asyncio.shield(task)), False

    def _landed(self, key: Hashable, done: asyncio.Future[object]) -> None:
        if self._loading.get(key) is done:
            del self._loading[key]
        if not done.cancelled():
            done.exception()  # retrieved, so a load whose callers all left logs no warning


class ResultCache:
    """``(statement, parameters) → (bookmark, value)``, at most ``max_entries`` of them."""

    def __init__(self, max_entries: int = 32) -> None:
        self.max_entries = max_entries
        self.hits = 0
        self.loads = 0
        self._entries: OrderedDict[Hashable, tuple[Bookmark, object]] = OrderedDict()
        self._flights = Flights()

    @staticmethod
    def key(name: str, params: dict[str, Any]) -> Hashable:
        """A key for scalar parameters (a list or map parameter raises TypeError)."""
        key = (name, tuple(sorted(params.items())))
        hash(key)
        return key

    async def get_or_load(
        self, key: Hashable, bookmark: Bookmark, load: Callable[[], Awaitable[T]]
    ) -> T:
        """The value stored under ``key`` if it was read at ``bookmark``; else ``load()`` it.

        Concurrent callers with the same key and bookmark share one ``load()``; if it fails,
        they all get its exception and nothing is stored. An empty bookmark (a server that
        gives none) is never cached.
        """
        entry = self._entries.get(key)
        if entry is not None and bookmark and entry[0] == bookmark:
            self._entries.move_to_end(key)
            self.hits += 1
            return cast(T, entry[1])
        if not bookmark:
            self.loads += 1
            return await load()

        async def load_and_keep() -> T:
            self.loads += 1
            value = await load()
            self._store(key, bookmark, value)  # kept even if the caller who asked has left
            return value

        value, shared = await self._flights.share((key, bookmark), load_and_keep)
        if shared:
            self.hits += 1
        return value

    def _store(self, key: Hashable, bookmark: Bookmark, value: object) -> None:
        self._entries[key] = (bookmark, value)
        self._entries.move_to_end(key)
        while len(self._entries) > self.max_entries:
            self._entries.popitem(last=False)
