"""Offline JSON-Schema validation of ORUK 3.0 documents (``export oruk --validate``, tests).

Every schema file is registered under the URI its ``$ref``s expect, the registry never
fetches anything, and documents are checked with Draft 2020-12 plus format checking (uuid,
email, uri, date-time). ``served/`` is what the official ORUK validator checks API responses
against; the uk-profile and HSDS copies are registered too. Checks the schemas lack
(coordinate ranges, envelope keys) are added here.

The schemas ship in ``graph/oruk/schemas`` (see its SOURCE.md: repositories, commits,
licences); ``$COMMONGRAPH_OPENREFERRAL_DIR`` points at another copy in the same layout.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any

from jsonschema import Draft202012Validator, FormatChecker
from referencing import Registry, Resource
from referencing.exceptions import NoSuchResource
from referencing.jsonschema import DRAFT202012

from graph.environment import environment
from graph.errors import CommonGraphError

__all__ = [
    "ENVELOPE_KEYS",
    "SERVED_BASE",
    "SchemasMissing",
    "openreferral_dir",
    "schema_errors",
    "served_schema",
]

SERVED_BASE = "https://openreferraluk.org/specifications/3.0/"
UK_PROFILE_BASE = "https://raw.githubusercontent.com/openreferral/uk-profile/main/schema/"
HSDS_BASE = "https://raw.githubusercontent.com/openreferral/specification/3.0/schema/"
ENVELOPE_KEYS = (
    "total_items",
    "total_pages",
    "page_number",
    "size",
    "first_page",
    "last_page",
    "empty",
    "contents",
)


class SchemasMissing(CommonGraphError):
    """The pinned Open Referral schemas are not where they should be."""


def openreferral_dir() -> Path:
    """Where the pinned schemas live: shipped in ``graph/oruk/schemas`` (read in place)."""
    configured = environment().openreferral_dir
    return configured or Path(__file__).resolve().parent / "schemas"


def _resources(folder: Path, base: str) -> Iterator[tuple[str, Resource[Any]]]:
    for path in sorted(folder.rglob("*.json")):
        document = json.loads(path.read_text(encoding="utf-8"))
        resource = Resource.from_contents(document, default_specification=DRAFT202012)
        yield base + path.relative_to(folder).as_posix(), resource


def _no_fetch(uri: str) -> Resource[Any]:
    raise NoSuchResource(ref=uri)  # type: ignore[call-arg]


@cache
def _registry(root: Path) -> Registry[Any]:
    served = root / "oruk-3.0" / "served"
    if not (served / "schema").is_dir():
        raise SchemasMissing(
            f"the Open Referral schemas are not in {root}: set COMMONGRAPH_OPENREFERRAL_DIR"
        )
    pairs: list[tuple[str, Resource[Any]]] = []
    pairs += _resources(served, SERVED_BASE)
    pairs += _resources(root / "oruk-3.0" / "schema", UK_PROFILE_BASE)
    hsds = root / "hsds-3.0" / "schema"
    pairs += _resources(hsds, HSDS_BASE)
    # The omitted 2-3.5 MB compiled HSDS files, as aliases (README step 7).
    alias = {"$ref": "../service.json"}
    org = {
        "$ref": "../organization.json",
        "properties": {"services": {"type": "array", "items": {"$ref": "../service.json"}}},
    }
    sal = {"$ref": "../service_at_location.json", "properties": {"service": alias}}
    for name, doc in (("service", alias), ("organization", org), ("service_at_location", sal)):
        uri = f"{HSDS_BASE}compiled/{name}.json"
        pairs.append((uri, Resource.from_contents(doc, default_specification=DRAFT202012)))
    return Registry(retrieve=_no_fetch).with_resources(pairs)  # type: ignore[call-arg]


def served_schema(name: str) -> dict[str, Any]:
    """A ``$ref`` to ``served/schema/<name>.json`` (e.g. ``service``, ``service_list``)."""
    return {"$ref": f"{SERVED_BASE}schema/{name}.json"}


def _extra_checks(document: Any, path: str = "$") -> Iterator[str]:
    """Coordinate ranges, which no schema checks."""
    if isinstance(document, dict):
        for key, bound in (("latitude", 90), ("longitude", 180)):
            value = document.get(key)
            if isinstance(value, int | float) and not -bound <= value <= bound:
                yield f"{path}.{key}: {value} is out of range"
        for key, value in document.items():
            yield from _extra_checks(value, f"{path}.{key}")
    elif isinstance(document, list):
        for position, value in enumerate(document):
            yield from _extra_checks(value, f"{path}[{position}]")


def schema_errors(
    document: Any, schema: str | dict[str, Any] = "service", *, root: Path | None = None
) -> list[str]:
    """Every way ``document`` breaks ``schema`` (a served schema name or a schema object).

    An empty list means valid. Each message starts with the JSON path of the offending value.
    """
    registry = _registry((root or openreferral_dir()).resolve())
    target = served_schema(schema) if isinstance(schema, str) else schema
    validator = Draft202012Validator(target, registry=registry, format_checker=FormatChecker())
    messages = [
        f"{error.json_path}: {error.message}"
        for error in sorted(validator.iter_errors(document), key=lambda e: e.json_path)
    ]
    return messages + list(_extra_checks(document))
