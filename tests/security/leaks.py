"""What no response may contain: a server error, a stack trace, internals."""

from __future__ import annotations

from typing import Any, Protocol

__all__ = ["Answer", "assert_no_leak"]


class Answer(Protocol):
    """An HTTP response as the tests read it (Starlette's TestClient and httpx both fit)."""

    @property
    def status_code(self) -> int: ...

    @property
    def text(self) -> str: ...

    def json(self) -> Any: ...


_TRACES = ("Traceback (most recent call last)", 'File "/', "neo4j.exceptions", "Neo.ClientError")


def assert_no_leak(response: Answer, request: object) -> None:
    """No 5xx (503 only when Neo4j is down, never here), no stack trace, no masked crash."""
    assert response.status_code < 500, (request, response.status_code, response.text[:500])
    text = response.text
    for trace in _TRACES:
        assert trace not in text, (request, text[:500])
    assert "Unexpected error." not in text, ("an unexpected exception was masked", request)
