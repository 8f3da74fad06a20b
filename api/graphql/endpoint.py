"""The HTTP endpoint of the GraphQL schema: Strawberry's FastAPI router, with orjson.

JSON in and out goes through orjson (a C extension) instead of the standard library: encoding
the response was 4 % of the API's CPU per ``assetsNear`` request in the profile of
``docs/performance.md``. orjson writes the same JSON (shortest round-trip floats, UTF-8) and
rejects what the JSON standard rejects (NaN, Infinity), which Strawberry answers with 400.
"""

from __future__ import annotations

from typing import Any

import orjson
from strawberry.fastapi import GraphQLRouter

from api.graphql.context import Context

__all__ = ["GraphQLEndpoint"]


class GraphQLEndpoint(GraphQLRouter[Context, None]):
    """``/graphql``: Strawberry's router with orjson for request and response bodies."""

    def decode_json(self, data: str | bytes) -> object:
        # orjson.JSONDecodeError subclasses json.JSONDecodeError, which Strawberry maps to 400.
        value: Any = orjson.loads(data)
        return value

    def encode_json(self, data: object) -> bytes:
        return orjson.dumps(data)
