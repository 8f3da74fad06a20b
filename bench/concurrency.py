"""Measure 7 (issue 8): many concurrent clients on loopback, 0 errors expected.

Clients send ``assetsNear`` and, when the schema has it, the leader's ``relationshipMap``
(interleaved), for a bounded time. The map query's selection is built from introspection
(scalar fields, and the ``id`` of listed node objects) so it follows the schema as it grows;
a required argument the benchmark cannot fill leaves the map query out, and the report says so.
"""

from __future__ import annotations

import asyncio
import json
from typing import Any

import httpx

from graph.database import Database
from graph.settings import Neo4jSettings

__all__ = ["api_key", "leader_key", "map_body"]

INTROSPECT = """{ __schema { queryType { fields { name
  args { name type { kind name ofType { kind name } } }
  type { ...T } } } } }
fragment T on __Type { kind name ofType { kind name ofType { kind name ofType { kind name } } } }"""
TYPE_FIELDS = """query($name: String!) { __type(name: $name) { fields { name
  type { kind name ofType { kind name ofType { kind name ofType { kind name } } } } } } }"""
MAP_FIELD = "relationshipMap"
MAP_LIMIT = 500


def _named(t: dict[str, Any]) -> dict[str, Any]:
    while t.get("ofType"):
        t = t["ofType"]
    return t


def _post(client: httpx.Client, url: str, query: str, variables: dict[str, Any]) -> Any:
    response = client.post(url, json={"query": query, "variables": variables})
    response.raise_for_status()
    return response.json().get("data") or {}


def _selection(client: httpx.Client, url: str, type_name: str, depth: int) -> str:
    data = _post(client, url, TYPE_FIELDS, {"name": type_name})
    parts = []
    for field in (data.get("__type") or {}).get("fields") or []:
        named = _named(field["type"])
        if named["kind"] in ("SCALAR", "ENUM"):
            parts.append(field["name"])
        elif named["kind"] == "OBJECT" and depth > 0:
            inner = _selection(client, url, named["name"], depth - 1)
            if inner:
                parts.append(f"{field['name']} {{ {inner} }}")
    return " ".join(parts)


def map_body(url: str) -> tuple[str | None, str]:
    """The JSON body of a ``relationshipMap`` request, or None and the reason there is none."""
    with httpx.Client(timeout=10.0) as client:
        fields = _post(client, url, INTROSPECT, {})["__schema"]["queryType"]["fields"]
        field = next((f for f in fields if f["name"] == MAP_FIELD), None)
        if field is None:
            return None, f"the API has no `{MAP_FIELD}` query yet"
        args = []
        for arg in field["args"]:
            if arg["name"] in ("limit", "first", "cap", "maxNodes"):
                args.append(f"{arg['name']}: {MAP_LIMIT}")
            elif arg["type"]["kind"] == "NON_NULL":
                return (
                    None,
                    f"`{MAP_FIELD}` requires `{arg['name']}`, which the benchmark cannot fill",
                )
        named = _named(field["type"])
        selection = _selection(client, url, named["name"], 1) if named["kind"] == "OBJECT" else ""
    call = f"{MAP_FIELD}({', '.join(args)})" if args else MAP_FIELD
    query = f"{{ {call} {{ {selection} }} }}" if selection else f"{{ {call} }}"
    return json.dumps({"query": query}), f"`{query}`"


def api_key(settings: Neo4jSettings, role: str) -> tuple[str | None, str]:
    """An API key of ``role``, or None and why there is none."""
    try:
        from api.auth.keys import issue_key
    except ImportError:
        return None, "the API has no API keys yet"

    async def issue() -> str:
        db = Database(settings)
        try:
            key, _ = await issue_key(db, role=role, organisation_id=None, name="make bench")
            return key
        finally:
            await db.close()

    try:
        return asyncio.run(issue()), f"a {role} key"
    except Exception as exc:  # the key store is another engineer's: report, do not crash
        return None, f"no {role} key could be issued ({type(exc).__name__}: {exc})"


def leader_key(settings: Neo4jSettings) -> tuple[str | None, str]:
    """An API key of the leader role (the map names people), or None and why there is none."""
    return api_key(settings, "leader")
