"""Ids as callers send them: a node's graph id, or the ORUK UUID it is published under.

The open data keeps its publishers' ids in the graph (``gp:W97018``,
``org:ods:7A4``) while ``/oruk`` and ``export oruk`` name the same records by stable
UUIDs, as ORUK 3.0 requires. A caller who found a listing through ``/oruk`` must be able to
approve, merge, claim, refer to or edit it by that id: every mutation that names an existing
node passes its ids through :func:`graph_ids` first. Only UUID-shaped ids can be published
names, so any other id is returned without asking the database.
"""

from __future__ import annotations

from graph.database import Database
from graph.oruk.ids import is_uuid

__all__ = ["graph_id", "graph_ids"]


async def graph_ids(db: Database, ids: list[str]) -> list[str]:
    """Each id as the graph knows it, in order; unknown ids unchanged."""
    asked = sorted({i for i in ids if is_uuid(i)})
    if not asked:
        return list(ids)
    rows = await db.read("nodes/graph_ids", ids=asked)
    known = {str(r["given"]): str(r["id"]) for r in rows}
    return [known.get(i, i) for i in ids]


async def graph_id(db: Database, given: str) -> str:
    """One id as the graph knows it (see :func:`graph_ids`)."""
    return (await graph_ids(db, [given]))[0]
