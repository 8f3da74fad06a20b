"""Load ORUK/HSDS records: validate → flatten → store in batches; a summary at the end.

Public entry points:

* :func:`load_oruk_path` — what ``commongraph load oruk PATH`` runs (a file or a folder).
* :func:`load_service_records` — HSDS 3.0 service dicts already in memory (the demo and
  open-data loaders build these).

A record is rejected (named with file, record index, id, field and reason; nothing of it is
stored) only for what "Bad input" (docs/decisions.md) lists; everything else is kept, with warnings.
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Mapping
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Protocol

import neo4j
from pydantic import ValidationError

from graph.oruk.models import ENTITY_BY_KIND
from graph.text import NestedTooDeeply, clean_tree
from loaders.oruk.read import detect_kind, json_files, read_file
from loaders.oruk.rows import RecordRejected, record_rows
from loaders.oruk.v1 import from_oruk1, is_oruk1
from loaders.oruk.write import Prepared, store_batch
from loaders.report import LoadSummary, Problem

__all__ = [
    "BATCH_ROWS",
    "ProgressHook",
    "default_source",
    "load_oruk_path",
    "load_records",
    "load_service_records",
]

#: node + relationship rows per transaction (a batch always ends on a record boundary)
BATCH_ROWS = 20_000


class ProgressHook(Protocol):
    """Where a long load reports progress (the CLI draws a rich progress bar)."""

    def add_total(self, records: int) -> None: ...

    def advance(self, records: int) -> None: ...


@dataclass(frozen=True)
class RecordRules:
    """How every record of one load is read (the same for all of them, so given once).

    ``source`` is the provenance written on every node and the namespace of minted UUIDs;
    ``kind`` None tells each record's kind by its keys; ``mint_ids`` replaces ids that are
    not UUIDs by their uuid5 (:func:`loaders.oruk.rows.record_rows`).
    """

    source: str
    kind: str | None
    mint_ids: bool


def _field(loc: tuple[int | str, ...]) -> str:
    text = ""
    for part in loc:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


def _validation_problems(
    exc: ValidationError, file: str | None, index: int | None, record_id: str | None
) -> list[Problem]:
    problems = []
    for error in exc.errors(include_url=False):
        field = _field(tuple(error["loc"]))
        reason = str(error["msg"]).removeprefix("Value error, ")
        if error["type"] == "missing":
            reason = "the record has no id" if field.endswith("id") else f"{field} is missing"
        elif error["type"] in ("string_type", "int_type", "float_type", "list_type"):
            reason = f"{reason} (got {type(error['input']).__name__})"
        problems.append(
            Problem(file=file, record=index, record_id=record_id, field=field, reason=reason)
        )
    return problems


def prepare(
    raw: Any,
    *,
    file: str | None,
    index: int | None,
    rules: RecordRules,
    summary: LoadSummary,
) -> Prepared | None:
    """Validate and flatten one record; a rejected one is named in ``summary``."""
    if not isinstance(raw, dict):
        reason = f"a record must be a JSON object, not {type(raw).__name__}"
        summary.reject_record([Problem(file=file, record=index, reason=reason)])
        return None
    try:
        raw, cleaned = clean_tree(raw)
    except NestedTooDeeply as exc:
        field = exc.path if len(exc.path) <= 80 else exc.path[:79] + "…"
        problem = Problem(file=file, record=index, field=field, reason=f"the record {exc}")
        summary.reject_record([problem])
        return None
    raw_id = raw.get("id")
    record_id = None if raw_id is None else str(raw_id)
    this_kind = rules.kind or detect_kind(raw)
    data = from_oruk1(raw) if this_kind == "service" and is_oruk1(raw) else raw
    try:
        entity = ENTITY_BY_KIND[this_kind].model_validate(data)
        rows = record_rows(entity, source=rules.source, mint_ids=rules.mint_ids)
    except ValidationError as exc:
        summary.reject_record(_validation_problems(exc, file, index, record_id))
        return None
    except RecordRejected as exc:
        problem = Problem(
            file=file, record=index, record_id=record_id, field=exc.field, reason=exc.reason
        )
        summary.reject_record([problem])
        return None
    named = record_id or rows.root_id
    summary.warn_cleaned(cleaned, file, index, named)
    summary.problems.extend(rows.problems(file, index, named))
    return Prepared(
        rows=rows,
        file=file,
        index=index,
        record_id=record_id or rows.root_id,
        kind=this_kind,
        raw=raw,
    )


def load_records(
    driver: neo4j.Driver,
    items: Iterable[tuple[str | None, int | None, Any]],
    *,
    source: str,
    kind: str | None = None,
    mint_ids: bool = True,
    database: str | None = None,
    progress: ProgressHook | None = None,
    summary: LoadSummary | None = None,
    batch_rows: int = BATCH_ROWS,
) -> LoadSummary:
    """Load ``(file, index, record)`` items; ``kind`` None tells each record's kind by its keys."""
    summary = summary or LoadSummary()
    rules = RecordRules(source=source, kind=kind, mint_ids=mint_ids)
    started = time.perf_counter()
    now = datetime.now(UTC).isoformat()

    def store(batch: list[Prepared]) -> None:
        store_batch(driver, batch, summary, now=now, database=database)
        if progress:
            progress.advance(len(batch))

    # One writer thread: while Neo4j stores batch k, this thread validates batch k+1.
    # Batches are still written one after another, in order (at most one in flight).
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="oruk-writer") as writer:
        pending: Future[None] | None = None
        batch: list[Prepared] = []
        size = 0
        for file, index, raw in items:
            prepared = prepare(raw, file=file, index=index, rules=rules, summary=summary)
            if prepared is not None:
                batch.append(prepared)
                size += len(prepared.rows.nodes) + len(prepared.rows.edges)
            elif progress:
                progress.advance(1)
            if size >= batch_rows:
                if pending is not None:
                    pending.result()
                pending = writer.submit(store, batch)
                batch, size = [], 0
        if pending is not None:
            pending.result()
        store(batch)
    summary.seconds += time.perf_counter() - started
    return summary


def load_service_records(
    driver: neo4j.Driver,
    records: Iterable[Mapping[str, Any]],
    source: str,
    *,
    database: str | None = None,
    mint_ids: bool = False,
    progress: ProgressHook | None = None,
) -> LoadSummary:
    """Store HSDS 3.0 full service records held in memory; re-running changes nothing.

    Parameters
    ----------
    driver : a sync Neo4j driver (the caller owns it).
    records : HSDS/ORUK 3.0 service dicts (ORUK 1.0 dicts are recognised and mapped).
    source : provenance written on every node (``demo:generator``, ``ods:epraccur``...) and
        the namespace of minted UUIDs.
    mint_ids : False (default) keeps the callers' ids as node ids (they must be unique
        across kinds, as ``gp:W00001/location`` is) and puts the UUID in ``oruk_id``; True
        replaces ids that are not UUIDs by their uuid5, as ``load oruk`` does for feeds.

    Returns
    -------
    LoadSummary : created/updated/unchanged/rejected counts; rejects name the record index.
    """
    items = ((None, index, dict(record)) for index, record in enumerate(records))
    return load_records(
        driver,
        items,
        source=source,
        kind="service",
        mint_ids=mint_ids,
        database=database,
        progress=progress,
    )


def default_source(path: Path) -> str:
    """``oruk:<name>``: a folder's name, or a file's name without ``.json``."""
    return f"oruk:{path.name if path.is_dir() else path.stem}"


def load_oruk_path(
    driver: neo4j.Driver,
    path: Path,
    *,
    source: str | None = None,
    kind: str | None = None,
    database: str | None = None,
    progress: ProgressHook | None = None,
) -> LoadSummary:
    """Load an ORUK/HSDS JSON file or every ``*.json`` in a folder (``load oruk PATH``).

    Ids that are not UUIDs are replaced by uuid5(source, kind, id) and kept as ``source_id``;
    ``source`` defaults to :func:`default_source` so re-loading the same feed finds the same
    nodes. A file that cannot be parsed counts as one rejected record.
    """
    source = source or default_source(path)
    summary = LoadSummary()
    base = path if path.is_dir() else path.parent
    for file in json_files(path):
        name = file.relative_to(base).as_posix() if path.is_dir() else file.name
        content = read_file(file, name=name)
        if content.problem is not None:
            summary.reject_record([content.problem])
            continue
        if progress:
            progress.add_total(len(content.records))
        items = ((content.file, i, r) for i, r in enumerate(content.records))
        load_records(
            driver,
            items,
            source=source,
            kind=kind,
            mint_ids=True,
            database=database,
            progress=progress,
            summary=summary,
        )
    return summary
