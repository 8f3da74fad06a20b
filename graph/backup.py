"""Backup and restore of the whole graph: every node, relationship and property, keys included.

``commongraph backup OUT`` writes one gzip-compressed JSON-lines file through the official
driver, so it works the same against the project's own Neo4j and against a user's own server
(``NEO4J_URI``) while it runs. Unlike the Open Referral and GraphML exports, it keeps what
those formats cannot carry: API keys (as their hashes), audit events, shortlists, referrals,
moderation state, need tags and their rules, and the model version.

The file: a header line ``{"format": "commongraph-backup", "model_version", "created_at",
"nodes", "relationships"}``, then one line per node ``{"n": number, "l": labels, "p":
properties}`` and one per relationship ``{"r": [start, end], "t": type, "p": properties}``.
Values JSON cannot hold are tagged: ``{"$datetime": iso}``, ``{"$date": …}``, ``{"$time":
…}``, ``{"$localdatetime": …}``, ``{"$duration": …}``, ``{"$point": [srid, x, y(, z)]}``
(a property value is never a map in Neo4j, so a map is always a tag).

``commongraph restore IN`` reads it back in **one transaction**: into an empty database, or
with ``--replace`` after deleting everything in that same transaction, so a restore that
fails (a bad file, Neo4j stopping) leaves the graph exactly as it was. Labels and types come
from the file and are checked against the model's naming pattern before they reach Cypher
(as parameters, never pasted into a statement).
"""

from __future__ import annotations

import gzip
import json
import re
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import neo4j
from neo4j.spatial import CartesianPoint, Point, WGS84Point
from neo4j.time import Date, DateTime, Duration, Time
from pydantic import BaseModel

from graph.errors import ValidationFailed
from graph.model_version import MODEL_VERSION
from queries.catalog import cypher

__all__ = ["BACKUP_FORMAT", "BackupSummary", "backup_graph", "restore_graph"]

BACKUP_FORMAT = "commongraph-backup"
_BATCH = 2_000
_LABEL = re.compile(r"^[A-Z][A-Za-z0-9]{0,60}$")
_TYPE = re.compile(r"^[A-Z][A-Z0-9_]{0,60}$")


class BackupSummary(BaseModel):
    """What a backup or restore wrote."""

    nodes: int
    relationships: int
    model_version: int
    seconds: float
    bytes: int


def _encode(value: Any) -> Any:
    if isinstance(value, list):
        return [_encode(v) for v in value]
    if isinstance(value, DateTime):
        tag = "$datetime" if value.tzinfo is not None else "$localdatetime"
        return {tag: value.iso_format()}
    if isinstance(value, Date):
        return {"$date": value.iso_format()}
    if isinstance(value, Time):
        return {"$time": value.iso_format()}
    if isinstance(value, Duration):
        return {"$duration": [value.months, value.days, value.seconds, value.nanoseconds]}
    if isinstance(value, Point):
        return {"$point": [value.srid, *value]}
    return value


def _decode(value: Any) -> Any:
    if isinstance(value, list):
        return [_decode(v) for v in value]
    if not isinstance(value, dict):
        return value
    (tag, raw), *_ = value.items()
    if tag in ("$datetime", "$localdatetime"):
        return DateTime.from_iso_format(raw)
    if tag == "$date":
        return Date.from_iso_format(raw)
    if tag == "$time":
        return Time.from_iso_format(raw)
    if tag == "$duration":
        months, days, seconds, nanoseconds = raw
        return Duration(months=months, days=days, seconds=seconds, nanoseconds=nanoseconds)
    if tag == "$point":
        srid, *coordinates = raw
        return WGS84Point(coordinates) if srid in (4326, 4979) else CartesianPoint(coordinates)
    raise ValidationFailed(f"backup: unknown value tag {tag!r}")


def _props(raw: dict[str, Any]) -> dict[str, Any]:
    return {key: _encode(value) for key, value in raw.items()}


def backup_graph(driver: neo4j.Driver, database: str, out: Path) -> BackupSummary:
    """Write every node and relationship of ``database`` to ``out`` (gzip JSON lines)."""
    began = datetime.now(UTC)
    out.parent.mkdir(parents=True, exist_ok=True)
    partial = out.with_name(out.name + ".part")
    numbers: dict[str, int] = {}
    with driver.session(database=database, default_access_mode=neo4j.READ_ACCESS) as session:
        counts = session.run(cypher("backup/count_everything")).single(strict=True)
        with gzip.open(partial, "wt", encoding="utf-8") as handle:
            header = {
                "format": BACKUP_FORMAT,
                "model_version": MODEL_VERSION,
                "created_at": began.isoformat(),
                "nodes": counts["nodes"],
                "relationships": counts["relationships"],
            }
            handle.write(json.dumps(header) + "\n")
            for record in session.run(cypher("backup/export_nodes")):
                numbers[record["eid"]] = len(numbers)
                line = {"n": numbers[record["eid"]], "l": record["labels"]}
                handle.write(json.dumps({**line, "p": _props(record["props"])}) + "\n")
            relationships = 0
            for record in session.run(cypher("backup/export_relationships")):
                ends = [numbers[record["start"]], numbers[record["end"]]]
                line = {"r": ends, "t": record["type"], "p": _props(record["props"])}
                handle.write(json.dumps(line) + "\n")
                relationships += 1
    partial.replace(out)  # a backup that stopped half-way never looks complete
    seconds = (datetime.now(UTC) - began).total_seconds()
    return BackupSummary(
        nodes=len(numbers),
        relationships=relationships,
        model_version=MODEL_VERSION,
        seconds=round(seconds, 2),
        bytes=out.stat().st_size,
    )


def _lines(source: Path) -> Iterator[tuple[int, dict[str, Any]]]:
    try:
        with gzip.open(source, "rt", encoding="utf-8") as handle:
            for number, line in enumerate(handle, start=1):
                try:
                    yield number, json.loads(line)
                except (ValueError, RecursionError) as exc:
                    raise ValidationFailed(f"{source.name}: line {number} is not JSON") from exc
    except (OSError, EOFError) as exc:
        raise ValidationFailed(f"{source.name}: not a commongraph backup ({exc})") from exc


def _checked(names: list[Any], pattern: re.Pattern[str], what: str, line: int) -> list[str]:
    if not names or not all(isinstance(n, str) and pattern.match(n) for n in names):
        raise ValidationFailed(f"backup line {line}: {what} {names!r} is not a model name")
    return names


def restore_graph(
    driver: neo4j.Driver, database: str, source: Path, *, replace: bool = False
) -> BackupSummary:
    """Restore ``source`` into ``database`` in one transaction (see the module docstring)."""
    began = datetime.now(UTC)
    lines = _lines(source)
    first = next(lines, None)
    header = first[1] if first else {}
    if not isinstance(header, dict) or header.get("format") != BACKUP_FORMAT:
        raise ValidationFailed(f"{source.name}: not a commongraph backup (no header line)")
    if int(header.get("model_version", 0)) > MODEL_VERSION:
        raise ValidationFailed(
            f"{source.name}: made by a newer commongraph (model {header['model_version']}, "
            f"this one knows {MODEL_VERSION}); restore it with that version"
        )
    with driver.session(database=database) as session, session.begin_transaction() as tx:
        existing = tx.run(cypher("backup/count_everything")).single(strict=True)
        if existing["nodes"] and not replace:
            raise ValidationFailed(
                f"restore: the database holds {existing['nodes']:,} nodes; restore into an "
                "empty database, or pass --replace to delete them in the same transaction"
            )
        if existing["nodes"]:
            tx.run(cypher("backup/delete_everything")).consume()
        new_ids: dict[int, str] = {}
        nodes: list[dict[str, Any]] = []
        edges: list[dict[str, Any]] = []
        created = 0

        def flush_nodes() -> None:
            for record in tx.run(cypher("backup/restore_nodes"), rows=nodes):
                new_ids[record["idx"]] = record["eid"]
            nodes.clear()

        def flush_edges() -> int:
            done = tx.run(cypher("backup/restore_relationships"), rows=edges).single(strict=True)
            edges.clear()
            return int(done["created"])

        for number, line in lines:
            props = {k: _decode(v) for k, v in (line.get("p") or {}).items()}
            if "n" in line:
                labels = _checked(line.get("l") or [], _LABEL, "labels", number)
                nodes.append({"idx": line["n"], "labels": labels, "props": props})
                if len(nodes) >= _BATCH:
                    flush_nodes()
            elif "r" in line:
                if nodes:
                    flush_nodes()
                start, end = line["r"]
                if start not in new_ids or end not in new_ids:
                    raise ValidationFailed(f"backup line {number}: names a node not in the file")
                kind = _checked([line.get("t")], _TYPE, "type", number)[0]
                edges.append(
                    {"start": new_ids[start], "end": new_ids[end], "type": kind, "props": props}
                )
                if len(edges) >= _BATCH:
                    created += flush_edges()
            else:
                raise ValidationFailed(f"backup line {number}: neither a node nor a relationship")
        if nodes:
            flush_nodes()
        if edges:
            created += flush_edges()
        if len(new_ids) != header.get("nodes") or created != header.get("relationships"):
            raise ValidationFailed(
                f"{source.name}: holds {len(new_ids)} nodes and {created} relationships but its "
                f"header says {header.get('nodes')} and {header.get('relationships')}: "
                "the file is incomplete; nothing was restored"
            )
        tx.commit()
    seconds = (datetime.now(UTC) - began).total_seconds()
    return BackupSummary(
        nodes=len(new_ids),
        relationships=created,
        model_version=int(header.get("model_version", 0)),
        seconds=round(seconds, 2),
        bytes=source.stat().st_size,
    )
