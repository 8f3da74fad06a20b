"""Relationship maps from node and edge tables (the Kumu/Gephi shape; docs/contract.md).

Nodes: ``id,kind,name`` plus optional ``tribe,organisation_id,area_id,latitude,longitude``
(and ``sector``, ``role``). ``kind`` is person, organisation, service, team or area, giving
the labels Person, Organization, Service, Team, Area (all also :Entity). Edges:
``source,target,type`` plus optional ``weight``; ``type`` comes from an allow-list with one
catalogue statement per type. A row with an unknown kind or type, no id or name, a bad
coordinate or weight, a self-loop, or an endpoint that is neither in the nodes table nor in
the graph is rejected and named (file, line, field, reason); the other rows are stored. A
weight is a finite number, at least 0: published networks give counts (Les Misérables: scenes
shared, 1 to 31), so any size is kept as ``weight``; a KNOWS or WORKS_WITH weight from 0 to 1
is also the tie's ``strength``. Text loses control characters before it is stored
(graph/text.py), with a warning naming the row and field. Rows identical to what is stored
are not written again, so re-running a load changes nothing.
"""

from __future__ import annotations

import csv
import hashlib
import json
import math
import time
from collections.abc import Iterable, Mapping, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import neo4j
from pydantic import BaseModel, ValidationError, ValidationInfo, field_validator

from graph.text import clean_tree
from loaders.batch import CHUNK_ROWS, Step, read_rows, write_transaction
from loaders.report import LoadSummary, Problem

__all__ = [
    "EDGE_STATEMENTS",
    "EDGE_TYPES",
    "NODE_KINDS",
    "NODE_STATEMENTS",
    "EdgeRow",
    "NodeRow",
    "load_relationship_files",
    "load_relationship_rows",
]

#: kind → label (the allow-list; each has its own catalogue statement)
NODE_KINDS: dict[str, str] = {
    "person": "Person",
    "organisation": "Organization",
    "service": "Service",
    "team": "Team",
    "area": "Area",
}
_KIND_ALIASES = {"organization": "organisation", "people": "person"}
EDGE_TYPES: tuple[str, ...] = (
    "KNOWS",
    "WORKS_WITH",
    "WORKS_FOR",
    "MEMBER_OF",
    "REFERS_TO",
    "SERVES_AREA",
    "ADDRESSES",
    "PART_OF",
    "SAME_AS",
    "PROVIDES",
)
#: node kind → the statement that writes it (named in full, so a search finds every user)
NODE_STATEMENTS: dict[str, str] = {
    "person": "load/rel_node_person",
    "organisation": "load/rel_node_organisation",
    "service": "load/rel_node_service",
    "team": "load/rel_node_team",
    "area": "load/rel_node_area",
}
#: relationship type → the statement that writes it
EDGE_STATEMENTS: dict[str, str] = {
    "KNOWS": "load/rel_edge_knows",
    "WORKS_WITH": "load/rel_edge_works_with",
    "WORKS_FOR": "load/rel_edge_works_for",
    "MEMBER_OF": "load/rel_edge_member_of",
    "REFERS_TO": "load/rel_edge_refers_to",
    "SERVES_AREA": "load/rel_edge_serves_area",
    "ADDRESSES": "load/rel_edge_addresses",
    "PART_OF": "load/rel_edge_part_of",
    "SAME_AS": "load/rel_edge_same_as",
    "PROVIDES": "load/rel_edge_provides",
}
_OPTIONAL = ("tribe", "organisation_id", "area_id", "latitude", "longitude", "sector", "role")
#: the degrees a node's coordinates may take
_DEGREES = {"latitude": (-90, 90), "longitude": (-180, 180)}
#: relationship types whose weight, when from 0 to 1, is also the tie's ``strength``
STRENGTH_TYPES = frozenset({"KNOWS", "WORKS_WITH"})
MAX_STRENGTH = 1.0


def _blank_to_none(value: Any) -> Any:
    return None if isinstance(value, str) and not value.strip() else value


def _required(value: Any) -> Any:
    """A cell that must be given: its stripped text, refused when missing or blank."""
    if _blank_to_none(value) is None:
        raise ValueError("is missing or blank")
    return str(value).strip()


class _TableRow(BaseModel):
    """A validated row of a table: text is stripped, and a blank cell counts as absent."""

    @field_validator("*", mode="before")
    @classmethod
    def _blank(cls, value: Any) -> Any:
        return _blank_to_none(value.strip() if isinstance(value, str) else value)


class NodeRow(_TableRow):
    """One validated row of a nodes table."""

    id: str
    kind: str
    name: str
    tribe: str | None = None
    organisation_id: str | None = None
    area_id: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    sector: str | None = None
    role: str | None = None

    _present = field_validator("id", "name", mode="before")(_required)

    @field_validator("kind", mode="before")
    @classmethod
    def _kind(cls, value: Any) -> str:
        kind = str(value or "").strip().lower()
        kind = _KIND_ALIASES.get(kind, kind)
        if kind not in NODE_KINDS:
            raise ValueError(f"kind {value!r} is not one of {', '.join(NODE_KINDS)}")
        return kind

    @field_validator("tribe", "sector")
    @classmethod
    def _slug(cls, value: str | None) -> str | None:
        return value.lower().replace(" ", "_").replace("-", "_") if value else value

    @field_validator("latitude", "longitude")
    @classmethod
    def _on_earth(cls, value: float | None, info: ValidationInfo) -> float | None:
        low, high = _DEGREES[str(info.field_name)]
        if value is not None and not low <= value <= high:
            raise ValueError(f"{info.field_name} {value} is out of range ({low} to {high})")
        return value


class EdgeRow(_TableRow):
    """One validated row of an edges table.

    ``weight`` is optional; when given it is a finite number, at least 0, of any size (a
    published network's counts are kept as they are); ``strength`` is the weight of a KNOWS
    or WORKS_WITH tie when it is from 0 to 1 (docs/model.md). A row whose source and target
    are the same node (a self-loop) is rejected.
    """

    source: str
    target: str
    type: str
    weight: float | None = None

    _present = field_validator("source", "target", mode="before")(_required)

    @field_validator("type", mode="before")
    @classmethod
    def _type(cls, value: Any) -> str:
        kind = str(value or "").strip().upper().replace(" ", "_").replace("-", "_")
        if kind not in EDGE_TYPES:
            raise ValueError(f"type {value!r} is not one of {', '.join(EDGE_TYPES)}")
        return kind

    @field_validator("target")
    @classmethod
    def _not_a_self_loop(cls, value: str, info: ValidationInfo) -> str:
        if value == info.data.get("source"):
            raise ValueError(f"is the same node as source ({value!r}): a self-loop")
        return value

    @field_validator("weight")
    @classmethod
    def _weight(cls, value: float | None) -> float | None:
        if value is None:
            return None
        if not math.isfinite(value):
            raise ValueError(f"weight {value} is not a finite number")
        if value < 0:
            raise ValueError(f"weight {value:g} is below 0")
        return value

    @property
    def strength(self) -> float | None:
        """The tie's strength: a KNOWS or WORKS_WITH weight from 0 to 1, else none."""
        if self.type in STRENGTH_TYPES and self.weight is not None:
            return self.weight if self.weight <= MAX_STRENGTH else None
        return None


def _problems(
    exc: ValidationError, file: str | None, line: int, record_id: str | None
) -> list[Problem]:
    return [
        Problem(
            file=file,
            record=line,
            record_id=record_id,
            field=".".join(str(p) for p in error["loc"]) or None,
            reason=str(error["msg"]).removeprefix("Value error, "),
        )
        for error in exc.errors(include_url=False)
    ]


def _node_props(row: NodeRow, source: str) -> dict[str, Any]:
    props = {key: getattr(row, key) for key in ("name", *_OPTIONAL)}
    props.update(source=source, source_id=row.id, kind=row.kind)
    if row.kind == "area":
        props.pop("kind")  # an Area's own `kind` (lsoa, local_authority...) is not ours to set
    digest = hashlib.blake2b(json.dumps(props, sort_keys=True).encode(), digest_size=12)
    props["csv_hash"] = digest.hexdigest()
    return props


def _store_nodes(
    driver: neo4j.Driver,
    rows: list[tuple[int, NodeRow]],
    summary: LoadSummary,
    *,
    file: str | None,
    source: str,
    now: str,
    database: str | None,
) -> set[str]:
    """Write the node rows that differ from the graph; return the ids now in the graph."""
    stored: set[str] = set()
    for start in range(0, len(rows), CHUNK_ROWS):
        chunk = rows[start : start + CHUNK_ROWS]
        state = {
            r["id"]: r
            for r in read_rows(
                driver, "load/rel_node_state", ids=[n.id for _, n in chunk], database=database
            )
        }
        by_kind: dict[str, list[dict[str, Any]]] = {}
        for line, node in chunk:
            props = _node_props(node, source)
            known = state.get(node.id)
            label = NODE_KINDS[node.kind]
            if known is not None and label not in known["labels"]:
                other = next((x for x in known["labels"] if x != "Entity"), "node")
                summary.reject(
                    Problem(
                        file=file,
                        record=line,
                        record_id=node.id,
                        field="kind",
                        reason=f"id {node.id!r} is already a {other} in the graph, "
                        f"not a {node.kind}",
                    )
                )
                continue
            stored.add(node.id)
            same = known is not None and known["hash"] == props["csv_hash"]
            if not summary.tally(stored=known is not None, same=same):
                continue
            by_kind.setdefault(node.kind, []).append({"id": node.id, "props": props})
        steps = [
            Step(NODE_STATEMENTS[kind], items, {"now": now}) for kind, items in by_kind.items()
        ]
        if steps:
            counters = write_transaction(driver, steps, database=database)
            summary.nodes_written += counters.nodes_created
    return stored


def _store_edges(
    driver: neo4j.Driver,
    rows: list[tuple[int, EdgeRow]],
    summary: LoadSummary,
    *,
    source: str,
    now: str,
    database: str | None,
) -> None:
    for start in range(0, len(rows), CHUNK_ROWS):
        chunk = rows[start : start + CHUNK_ROWS]
        keys = [{"src": e.source, "dst": e.target, "type": e.type} for _, e in chunk]
        state = {
            (r["src"], r["dst"], r["type"]): r["weight"]
            for r in read_rows(driver, "load/rel_edge_state", rows=keys, database=database)
        }
        by_type: dict[str, list[dict[str, Any]]] = {}
        for _, edge in chunk:
            key = (edge.source, edge.target, edge.type)
            if not summary.tally(stored=key in state, same=state.get(key) == edge.weight):
                continue
            by_type.setdefault(edge.type, []).append(
                {
                    "src": edge.source,
                    "dst": edge.target,
                    "weight": edge.weight,
                    "strength": edge.strength,
                }
            )
        steps = [
            Step(EDGE_STATEMENTS[kind], items, {"now": now, "source": source})
            for kind, items in by_type.items()
        ]
        if steps:
            counters = write_transaction(driver, steps, database=database)
            summary.relationships_written += counters.relationships_created


def load_relationship_rows(
    driver: neo4j.Driver,
    nodes: Iterable[Mapping[str, Any]],
    edges: Iterable[Mapping[str, Any]],
    source: str,
    *,
    database: str | None = None,
    nodes_file: str | None = None,
    edges_file: str | None = None,
    first_line: int = 0,
) -> LoadSummary:
    """Store node and edge rows (dicts of column → value) held in memory.

    Parameters
    ----------
    driver : a sync Neo4j driver (the caller owns it).
    nodes, edges : rows as the CSV columns describe (values may be strings or typed).
    source : provenance written on every node and relationship (``demo:generator``...).
    nodes_file, edges_file, first_line : how problems name rows (``first_line=2`` for a CSV
        with a header, so ``record`` is the file's line number; 0 gives row indexes).

    Returns
    -------
    LoadSummary : counts of rows (nodes and edges) created/updated/unchanged/rejected.
    """
    summary = LoadSummary()
    started = time.perf_counter()
    now = datetime.now(UTC).isoformat()
    valid_nodes: dict[str, tuple[int, NodeRow]] = {}
    for index, given in enumerate(nodes):
        line = index + first_line
        raw = _cleaned(given, summary, nodes_file, line, "id")
        try:
            node = NodeRow.model_validate(raw)
        except ValidationError as exc:
            summary.reject_record(_problems(exc, nodes_file, line, _text(raw.get("id"))))
            continue
        if node.id in valid_nodes:
            summary.problems.append(
                Problem.warning(
                    "the id appears again in the table: the later row wins",
                    nodes_file,
                    line,
                    node.id,
                )
            )
            summary.unchanged += 1
        valid_nodes[node.id] = (line, node)
    known = _store_nodes(
        driver,
        list(valid_nodes.values()),
        summary,
        file=nodes_file,
        source=source,
        now=now,
        database=database,
    )
    parsed: list[tuple[int, EdgeRow]] = []
    for index, given in enumerate(edges):
        line = index + first_line
        raw = _cleaned(given, summary, edges_file, line, "source", "target")
        try:
            parsed.append((line, EdgeRow.model_validate(raw)))
        except ValidationError as exc:
            record_id = f"{_text(raw.get('source'))}->{_text(raw.get('target'))}"
            summary.reject_record(_problems(exc, edges_file, line, record_id))
    outside = {e.source for _, e in parsed} | {e.target for _, e in parsed}
    outside -= known
    if outside:
        rows = read_rows(driver, "load/rel_ids_exist", ids=sorted(outside), database=database)
        known |= {row["id"] for row in rows}
    good: dict[tuple[str, str, str], tuple[int, EdgeRow]] = {}
    for line, edge in parsed:
        missing = [f for f in ("source", "target") if getattr(edge, f) not in known]
        if missing:
            summary.reject_record(
                [
                    Problem(
                        file=edges_file,
                        record=line,
                        record_id=f"{edge.source}->{edge.target}",
                        field=field,
                        reason=f"no node with id {getattr(edge, field)!r} "
                        "(neither in the nodes table nor in the graph)",
                    )
                    for field in missing
                ]
            )
            continue
        key = (edge.source, edge.target, edge.type)
        if key in good:
            summary.unchanged += 1
        good[key] = (line, edge)
    _store_edges(driver, list(good.values()), summary, source=source, now=now, database=database)
    summary.seconds = time.perf_counter() - started
    return summary


def _text(value: Any) -> str | None:
    return None if value is None else str(value)


def _cleaned(
    row: Mapping[str, Any], summary: LoadSummary, file: str | None, line: int, *id_keys: str
) -> dict[str, Any]:
    """The row with its text fit to store (graph/text.py); a warning names each changed field."""
    cleaned, changes = clean_tree(dict(row))
    record_id = "->".join(str(cleaned.get(k)) for k in id_keys) if changes else None
    summary.warn_cleaned(changes, file, line, record_id)
    result: dict[str, Any] = cleaned
    return result


def _read_csv(path: Path, required: Sequence[str]) -> list[dict[str, str]]:
    """The rows of a CSV file with a header; raises ValidationFailed naming a missing column."""
    from graph.errors import ValidationFailed

    try:
        with path.open(newline="", encoding="utf-8-sig") as handle:
            reader = csv.DictReader(handle)
            header = [h.strip().lower() for h in reader.fieldnames or []]
            missing = [c for c in required if c not in header]
            if missing:
                raise ValidationFailed(
                    f"{path.name}: the header lacks column(s) {', '.join(missing)} "
                    f"(it has {', '.join(header) or 'none'}); nothing was loaded"
                )
            return [
                {(k or "").strip().lower(): v for k, v in row.items() if k is not None}
                for row in reader
            ]
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        raise ValidationFailed(f"{path.name} cannot be read as CSV: {exc}") from exc


def load_relationship_files(
    driver: neo4j.Driver,
    nodes_csv: Path,
    edges_csv: Path,
    *,
    source: str | None = None,
    database: str | None = None,
) -> LoadSummary:
    """``load relationships NODES.csv EDGES.csv``: rows are named by their line in the file."""
    nodes = _read_csv(nodes_csv, ("id", "kind", "name"))
    edges = _read_csv(edges_csv, ("source", "target", "type"))
    return load_relationship_rows(
        driver,
        nodes,
        edges,
        source or f"csv:{nodes_csv.stem}",
        database=database,
        nodes_file=nodes_csv.name,
        edges_file=edges_csv.name,
        first_line=2,
    )
