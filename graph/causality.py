"""Causal consistency across API replicas: the bookmarks a request must see, and those it made.

Neo4j names each committed transaction by a *bookmark*; a session given bookmarks starts only
once the server it reaches has applied those transactions (Neo4j Operations Manual, "Causal
consistency"). The API's edge (:class:`api.causality.CausalBookmarks`) reads the bookmarks a
client sends back (``Commongraph-Bookmark``) into :func:`request_scope`; :class:`graph.database.
Database` makes every statement of the request wait for them and records the bookmarks of its
writes, which the edge returns. So a write through one replica is read through another at once,
even when the read lands on a cluster member that has not caught up yet.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar

__all__ = ["made", "record", "request_scope", "required", "seen"]

_REQUIRED: ContextVar[tuple[str, ...]] = ContextVar("commongraph_required_bookmarks", default=())
_MADE: ContextVar[list[str] | None] = ContextVar("commongraph_made_bookmarks", default=None)


def required() -> tuple[str, ...]:
    """The bookmarks the current request must see (none outside a request)."""
    return _REQUIRED.get()


def seen() -> tuple[str, ...]:
    """Everything the current request's next statement must see: the bookmarks it was sent
    and those of its own writes so far."""
    sink = _MADE.get() or []
    return tuple(sorted(set(_REQUIRED.get()) | set(sink)))


def made() -> list[str]:
    """The bookmarks of the writes the current request committed, so far."""
    return list(_MADE.get() or [])


def record(bookmarks: Iterable[str]) -> None:
    """Note the bookmarks a write of the current request left (ignored outside a request)."""
    sink = _MADE.get()
    if sink is not None:
        sink[:] = sorted(set(sink) | set(bookmarks))


@contextmanager
def request_scope(required_bookmarks: tuple[str, ...] = ()) -> Iterator[list[str]]:
    """One request's scope: what it must see; yields the list its writes' bookmarks fill."""
    sink: list[str] = []
    need = _REQUIRED.set(tuple(required_bookmarks))
    out = _MADE.set(sink)
    try:
        yield sink
    finally:
        _REQUIRED.reset(need)
        _MADE.reset(out)
