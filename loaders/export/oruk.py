"""``export oruk OUT``: ORUK 3.0 JSON of everything the graph holds, schema-valid.

OUT is a file holding one JSON array of fully nested records (services by default, as
``GET /oruk/services/{id}`` returns each); when OUT is a folder the file is
``OUT/<entity>s.json``. Records are read in chunks of ids, each chunk one statement, and
written as they come, so memory stays flat. Only approved services are exported unless
``include_unapproved``; ``validate`` checks every record against the served ORUK schemas.
Text loses control characters and numbers that are not finite become null
(:func:`graph.text.export_safe`), so the file parses as strict JSON whatever old data holds.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import neo4j
from pydantic import BaseModel, Field

from graph.errors import ValidationFailed
from graph.oruk.serialise import Subgraph, to_oruk
from graph.text import export_safe
from loaders.batch import read_rows

__all__ = ["ENTITIES", "ExportSummary", "export_oruk", "oruk_documents"]

#: exportable entities: kind → file name
ENTITIES = {
    "service": "services.json",
    "organization": "organizations.json",
    "service_at_location": "service_at_locations.json",
    "taxonomy": "taxonomies.json",
    "taxonomy_term": "taxonomy_terms.json",
}
CHUNK = 200


class ExportSummary(BaseModel):
    path: str
    entity: str
    records: int = 0
    invalid: list[str] = Field(default_factory=list)


#: record kind → (the statement paging its ids, the statement reading its whole records)
STATEMENTS: dict[str, tuple[str, str]] = {
    "service": ("export/ids_service", "oruk/service_records"),
    "organization": ("export/ids_organization", "oruk/organization_records"),
    "service_at_location": ("export/ids_service_at_location", "oruk/service_at_location_records"),
    "taxonomy": ("export/ids_taxonomy", "oruk/taxonomy_records"),
    "taxonomy_term": ("export/ids_taxonomy_term", "oruk/taxonomy_term_records"),
}


def _ids(driver: neo4j.Driver, kind: str, database: str | None) -> Iterator[list[str]]:
    after: str | None = None
    while True:
        rows = read_rows(driver, STATEMENTS[kind][0], after=after, limit=CHUNK, database=database)
        if not rows:
            return
        ids = [row["id"] for row in rows]
        yield ids
        after = ids[-1]


def oruk_documents(
    driver: neo4j.Driver,
    kind: str = "service",
    *,
    ids: list[str] | None = None,
    database: str | None = None,
    include_unapproved: bool = False,
) -> Iterator[dict[str, Any]]:
    """The ORUK 3.0 document of every ``kind`` record (or of the given node ids), by id."""
    chunks = iter([ids]) if ids is not None else _ids(driver, kind, database)
    for chunk in chunks:
        for _, document in _rendered(driver, kind, chunk, database, include_unapproved):
            yield document


def published_documents(
    driver: neo4j.Driver, kind: str, ids: list[str], *, database: str | None = None
) -> dict[str, dict[str, Any]]:
    """Node id → the ORUK document ``export oruk`` writes for it (public records only)."""
    return dict(_rendered(driver, kind, ids, database, False))


def _rendered(
    driver: neo4j.Driver,
    kind: str,
    ids: list[str],
    database: str | None,
    include_unapproved: bool,
) -> Iterator[tuple[str, dict[str, Any]]]:
    rows = read_rows(
        driver,
        STATEMENTS[kind][1],
        ids=ids,
        public=not include_unapproved,
        with_services=True,
        database=database,
    )
    for row in rows:
        document: dict[str, Any] = export_safe(to_oruk(Subgraph.model_validate(row), kind))
        yield str(row["root"]), document


def export_oruk(
    driver: neo4j.Driver,
    out: Path,
    *,
    entity: str = "service",
    database: str | None = None,
    include_unapproved: bool = False,
    validate: bool = False,
) -> ExportSummary:
    """Write the JSON array; with ``validate`` raise ValidationFailed naming invalid records."""
    path = out / ENTITIES[entity] if out.is_dir() else out
    path.parent.mkdir(parents=True, exist_ok=True)
    summary = ExportSummary(path=str(path), entity=entity)
    checker = None
    if validate:
        from graph.oruk.validate import schema_errors

        checker = schema_errors
    tmp = path.with_suffix(path.suffix + ".part")
    with tmp.open("w", encoding="utf-8") as handle:
        handle.write("[")
        for document in oruk_documents(
            driver, entity, database=database, include_unapproved=include_unapproved
        ):
            if checker is not None:
                errors = checker(document, entity)
                if errors:
                    summary.invalid.append(f"{document['id']}: {errors[0]}")
            handle.write(",\n" if summary.records else "\n")
            handle.write(json.dumps(document, ensure_ascii=False, allow_nan=False))
            summary.records += 1
        handle.write("\n]\n")
    tmp.replace(path)
    if summary.invalid:
        raise ValidationFailed(
            f"{len(summary.invalid)} of {summary.records} exported records break the ORUK "
            f"schema (written anyway to {path}); first: {summary.invalid[0]}"
        )
    return summary
