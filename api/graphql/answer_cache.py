"""Whole GraphQL answers to the expensive network reads, reused while the graph is unchanged.

A relationship map of 500 people and their ties is one cached database read
(:mod:`graph.result_cache`), but turning it into JSON still costs about 60 ms of the event
loop per request: graphql-core completes some 2,500 objects field by field. Many leaders open
the same maps, so the answer itself — the response bytes — is kept, under the request's exact
body, its API key and its language, together with the Neo4j bookmark taken just before the
answer was computed. A request with the same key is answered from the cache only while a
fresh bookmark still equals that one: any write, by anyone, anywhere, moves the bookmark, so
an answer is never served past a change (the rule of :mod:`graph.result_cache`). Requests that
arrive together for the same answer share one execution ("single flight").

Only documents whose one operation is a ``query`` selecting nothing but the fields in
:data:`CACHEABLE_FIELDS` take part: network reads whose answer depends on the graph, the
caller's role and the words asked for, and on nothing else — no clock (shortlist expiry,
listing staleness and invitation expiry depend on today's date, so those fields are not
here). Other requests pay one dictionary lookup. Answers with errors are never stored. The
cache is per process, least-recently-used, and bounded in bytes.
"""

from __future__ import annotations

import hashlib
from collections import OrderedDict
from collections.abc import Awaitable, Callable
from dataclasses import dataclass

import orjson
from graphql import FieldNode, GraphQLError, OperationDefinitionNode, OperationType, parse
from starlette.responses import Response

from graph.result_cache import Flights

__all__ = ["CACHEABLE_FIELDS", "AnswerCache"]

#: Root query fields whose answers depend on the graph, the caller and the request only.
CACHEABLE_FIELDS = frozenset(
    {"relationshipMap", "egoNetwork", "connection", "bottlenecks", "gaps", "duplicates"}
)
Bookmark = frozenset[str]
_HEADERS_KEPT = ("content-type",)


@dataclass(frozen=True)
class _Answer:
    bookmark: Bookmark
    status: int
    headers: tuple[tuple[str, str], ...]
    body: bytes

    def response(self) -> Response:
        return Response(self.body, status_code=self.status, headers=dict(self.headers))


def _only_cacheable_fields(body: bytes) -> bool:
    """Whether the body's operation is a query of :data:`CACHEABLE_FIELDS` only."""
    try:
        request = orjson.loads(body)
        document = parse(request["query"], no_location=True)
    except (orjson.JSONDecodeError, GraphQLError, KeyError, TypeError):
        return False
    name = request.get("operationName")
    operations = [d for d in document.definitions if isinstance(d, OperationDefinitionNode)]
    chosen = [o for o in operations if name is None or (o.name and o.name.value == name)]
    if len(chosen) != 1 or chosen[0].operation is not OperationType.QUERY:
        return False
    roots = chosen[0].selection_set.selections
    return bool(roots) and all(
        isinstance(s, FieldNode) and s.name.value in CACHEABLE_FIELDS for s in roots
    )


class AnswerCache:
    """``(body, API key, language) → (bookmark, response)``, at most ``max_bytes`` of bodies."""

    def __init__(self, max_bytes: int = 64 * 1024 * 1024, max_documents: int = 1024) -> None:
        self.max_bytes = max_bytes
        self.max_documents = max_documents
        self.hits = 0
        self.runs = 0
        self._bytes = 0
        self._entries: OrderedDict[bytes, _Answer] = OrderedDict()
        self._verdicts: OrderedDict[bytes, bool] = OrderedDict()
        self._flights = Flights()

    def takes_part(self, body: bytes) -> bool:
        """Whether answers to this body may be cached (decided once per distinct body)."""
        digest = hashlib.blake2b(body, digest_size=16).digest()
        verdict = self._verdicts.get(digest)
        if verdict is None:
            verdict = self._verdicts[digest] = _only_cacheable_fields(body)
            if len(self._verdicts) > self.max_documents:
                self._verdicts.popitem(last=False)
        else:
            self._verdicts.move_to_end(digest)
        return verdict

    @staticmethod
    def key(body: bytes, authorization: str | None, language: str) -> bytes:
        parts = (body, (authorization or "").encode(), language.encode())
        return hashlib.blake2b(b"\0".join(parts), digest_size=32).digest()

    async def answer(
        self, key: bytes, bookmark: Bookmark, run: Callable[[], Awaitable[Response]]
    ) -> Response:
        """The stored answer if it was computed at ``bookmark``; else ``run()`` (once for
        every caller waiting on the same key and bookmark) and keep a successful answer."""
        entry = self._entries.get(key)
        if entry is not None and bookmark and entry.bookmark == bookmark:
            self._entries.move_to_end(key)
            self.hits += 1
            return entry.response()
        if not bookmark:
            return await run()

        async def run_once() -> tuple[_Answer, Response]:
            self.runs += 1
            response = await run()
            headers = tuple((k, v) for k, v in response.headers.items() if k in _HEADERS_KEPT)
            answer = _Answer(bookmark, response.status_code, headers, bytes(response.body))
            if answer.status == 200 and b'"errors"' not in answer.body:
                self._store(key, answer)
            return answer, response

        (answer, response), shared = await self._flights.share((key, bookmark), run_once)
        if shared:
            self.hits += 1
            return answer.response()
        return response

    def _store(self, key: bytes, answer: _Answer) -> None:
        if len(answer.body) > self.max_bytes // 4:
            return
        old = self._entries.pop(key, None)
        if old is not None:
            self._bytes -= len(old.body)
        self._entries[key] = answer
        self._bytes += len(answer.body)
        while self._bytes > self.max_bytes:
            _, dropped = self._entries.popitem(last=False)
            self._bytes -= len(dropped.body)
