"""Find the records in an ORUK/HSDS JSON file or a folder of them.

A file holds a list of records, one record, or a paged response (3.0 ``{"contents": [...]}``
or 1.0 ``{"content": [...]}``). A folder is read file by file (``*.json``, sorted, recursive).
Each record's kind (service, organization, service_at_location, location, taxonomy,
taxonomy_term) is told from its keys unless the caller names it; ORUK 1.0 services are
recognised by their 1.0-only keys and mapped to 3.0 (:mod:`loaders.oruk.v1`).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from loaders.oruk.v1 import is_oruk1
from loaders.report import Problem

__all__ = ["KINDS", "FileRecords", "detect_kind", "json_files", "read_file"]

KINDS = (
    "service",
    "organization",
    "service_at_location",
    "location",
    "taxonomy",
    "taxonomy_term",
)


@dataclass
class FileRecords:
    """The records of one file, or why the file could not be read."""

    file: str
    records: list[Any]
    problem: Problem | None = None


def json_files(path: Path) -> list[Path]:
    """``path`` itself, or every ``*.json`` under the folder ``path`` in sorted order."""
    if path.is_dir():
        return sorted(p for p in path.rglob("*.json") if p.is_file())
    return [path]


def read_file(path: Path, *, name: str | None = None) -> FileRecords:
    """Parse one file and return its records (the page contents for a paged response)."""
    label = name or path.name
    try:
        document = json.loads(path.read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError) as exc:
        return FileRecords(label, [], Problem(file=label, reason=f"cannot be read: {exc}"))
    except json.JSONDecodeError as exc:
        reason = f"is not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})"
        return FileRecords(label, [], Problem(file=label, reason=reason))
    except RecursionError:
        # json raises this, not JSONDecodeError, for arrays or objects nested about a
        # thousand deep (100,000 "[" in a row): the file is refused like any unreadable one
        reason = "nests arrays or objects too deeply to be read (a thousand levels or more)"
        return FileRecords(label, [], Problem(file=label, reason=reason))
    if isinstance(document, list):
        return FileRecords(label, document)
    if isinstance(document, dict):
        for key in ("contents", "content"):
            if isinstance(document.get(key), list) and "id" not in document:
                return FileRecords(label, document[key])
        return FileRecords(label, [document])
    reason = "holds neither a record, a list of records nor a paged response"
    return FileRecords(label, [], Problem(file=label, reason=reason))


def detect_kind(record: dict[str, Any]) -> str:
    """The HSDS entity a top-level record is, told from the keys it carries."""
    keys = record.keys()
    if is_oruk1(record):
        return "service"
    if keys & {"services", "organization_identifiers", "locations", "programs"} or keys & {
        "year_incorporated",
        "legal_status",
        "tax_status",
        "parent_organization_id",
    }:
        return "organization"
    if keys & {"status", "service_at_locations", "organization", "service_areas", "cost_options"}:
        return "service"
    if keys & {"service", "location"} and "name" not in keys:
        return "service_at_location"
    if "taxonomy_terms" in keys or ("version" in keys and "status" not in keys):
        return "taxonomy"
    if keys & {"taxonomy_detail", "parent_id", "term", "term_uri", "code"}:
        return "taxonomy_term"
    if keys & {"location_type", "latitude", "longitude", "addresses"}:
        return "location"
    return "service"


def iter_records(files: list[FileRecords]) -> Iterator[tuple[str, int, Any]]:
    """(file, index in file, record) for every record of every readable file."""
    for item in files:
        for index, record in enumerate(item.records):
            yield item.file, index, record
