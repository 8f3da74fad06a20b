"""A thin private writer of generated node and edge rows (people, teams, their ties).

The demo needs to store the generator's rows with the model's edge properties (``since``,
``resident``, ``count``, strength) and the organisations' ``sector``. It uses only named
catalogue statements under ``queries/cypher/demo/``, one per node kind and relationship
type, picked from the allow-lists below — never from the row's text (docs/decisions.md F3).
Rows are written in batches of :data:`BATCH_ROWS`, each batch one transaction
(:func:`graph.repositories.batched.write_counted`, the counted write the area loaders use).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from itertools import islice
from typing import Any

import neo4j

from graph.repositories.batched import write_counted
from loaders.report import LoadSummary, Problem

__all__ = ["BATCH_ROWS", "EDGE_STATEMENTS", "NODE_STATEMENTS", "write_generated_rows"]

BATCH_ROWS = 10_000

#: node kind → statement (kinds ``area`` and ``service`` name nodes loaded elsewhere).
NODE_STATEMENTS: dict[str, str] = {
    "person": "demo/upsert_people",
    "team": "demo/upsert_teams",
    "organisation": "demo/upsert_organisations",
}
#: relationship type → statement.
EDGE_STATEMENTS: dict[str, str] = {
    "WORKS_FOR": "demo/link_works_for",
    "MEMBER_OF": "demo/link_member_of",
    "KNOWS": "demo/link_knows",
    "WORKS_WITH": "demo/link_works_with",
    "REFERS_TO": "demo/link_refers_to",
    "SERVES_AREA": "demo/link_serves_area",
}
_UNDIRECTED = frozenset({"KNOWS", "WORKS_WITH"})


def _flush(
    driver: neo4j.Driver,
    pending: dict[str, list[dict[str, Any]]],
    source: str,
    database: str | None,
    summary: LoadSummary,
    *,
    nodes: bool,
) -> None:
    for name in sorted(pending):
        rows = pending[name]
        if not rows:
            continue
        counts = write_counted(
            driver, name, rows, database=database, batch_size=BATCH_ROWS, source=source
        )
        summary.created += counts.created
        summary.updated += counts.updated
        if nodes:
            summary.unchanged += counts.unchanged
            summary.nodes_written += counts.created + counts.updated
        else:
            summary.unchanged += counts.matched - counts.created
            summary.relationships_written += counts.created
        rows.clear()


def write_generated_rows(
    driver: neo4j.Driver,
    source: str,
    *,
    nodes: Iterable[Mapping[str, Any]] = (),
    edges: Iterable[Mapping[str, Any]] = (),
    database: str | None = None,
) -> LoadSummary:
    """Store node rows (``id,kind,name`` + kind-specific keys) then edge rows, all with
    provenance ``source``; either may be left out (a batch of people, then of their ties).

    A row with an unknown kind or type, or without ids, is rejected and named (by its
    index); the rest are stored. Re-running the same rows creates nothing.
    """
    summary = LoadSummary()
    pending: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for index, row in enumerate(nodes):
        kind = str(row.get("kind") or "")
        if kind in {"area", "service"}:
            continue
        name = NODE_STATEMENTS.get(kind)
        if name is None or not row.get("id"):
            field, reason = ("kind", f"unknown kind {kind!r}") if name is None else ("id", "no id")
            summary.reject(
                Problem(
                    file="nodes", record=index, record_id=row.get("id"), field=field, reason=reason
                )
            )
            continue
        pending[name].append(dict(row))
        if len(pending[name]) >= BATCH_ROWS:
            _flush(driver, pending, source, database, summary, nodes=True)
    _flush(driver, pending, source, database, summary, nodes=True)
    it = iter(enumerate(edges))
    while batch := list(islice(it, BATCH_ROWS)):
        seen: set[tuple[str, str, str]] = set()
        for index, row in batch:
            kind = str(row.get("type") or "")
            name = EDGE_STATEMENTS.get(kind)
            a, b = str(row.get("source") or ""), str(row.get("target") or "")
            if name is None or not a or not b:
                reason = f"unknown type {kind!r}" if name is None else "no source or target"
                summary.reject(
                    Problem(
                        file="edges",
                        record=index,
                        field="type" if name is None else "source/target",
                        reason=reason,
                    )
                )
                continue
            key = (min(a, b), max(a, b), kind) if kind in _UNDIRECTED else (a, b, kind)
            if key in seen:
                continue  # the same tie twice in one batch: stored once
            seen.add(key)
            pending[name].append(dict(row))
        _flush(driver, pending, source, database, summary, nodes=False)
    return summary
