"""ORUK/HSDS examples and offline schema checks for the tests.

The validator itself is :mod:`graph.oruk.validate` (the export uses it too); this module adds
what only tests need: the official examples, a copy of them with valid coordinates (the
examples carry ``latitude: 100``, which "Bad input" rejects — docs/decisions.md), and assertions.
"""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

from graph.oruk.validate import ENVELOPE_KEYS, openreferral_dir, schema_errors

__all__ = [
    "FULL_EXAMPLES",
    "VALID_LATITUDE",
    "VALID_LONGITUDE",
    "assert_page",
    "assert_valid",
    "example",
    "with_valid_coordinates",
    "write_json",
]

#: the fully nested official examples and the entity each one is
FULL_EXAMPLES: dict[str, str] = {
    "hsds-3.0/examples/service_full.json": "service",
    "hsds-3.0/examples/organization_full.json": "organization",
    "hsds-3.0/examples/service_at_location_full.json": "service_at_location",
    "oruk-3.0/examples/service_full.json": "service",
    "oruk-3.0/examples/organization_full.json": "organization",
    "oruk-3.0/examples/service_at_location_full.json": "service_at_location",
}
#: Cardiff city centre: where the examples' out-of-range civic centre is moved to
VALID_LATITUDE = 51.4816
VALID_LONGITUDE = -3.1791


def example(relative: str) -> dict[str, Any]:
    """An official example, parsed (from the schemas the project ships)."""
    document: dict[str, Any] = json.loads((openreferral_dir() / relative).read_text("utf-8"))
    return document


def with_valid_coordinates(document: Any) -> Any:
    """A deep copy with the examples' latitude 100 / longitude 101 set to a real place."""
    fixed = copy.deepcopy(document)

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            if node.get("latitude") == 100:
                node["latitude"] = VALID_LATITUDE
            if node.get("longitude") == 101:
                node["longitude"] = VALID_LONGITUDE
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(fixed)
    return fixed


def write_json(path: Path, document: Any) -> Path:
    path.write_text(json.dumps(document), encoding="utf-8")
    return path


def assert_valid(document: Any, schema: str = "service") -> None:
    """Fail with every schema error (served ORUK schemas, formats checked, coordinates too)."""
    errors = schema_errors(document, schema)
    assert not errors, "\n".join(errors[:20])


def assert_page(page: dict[str, Any], item_schema: str) -> None:
    """All eight envelope keys, consistent counts, and every item valid."""
    assert [key for key in ENVELOPE_KEYS if key not in page] == []
    assert page["size"] == len(page["contents"])
    assert page["empty"] == (not page["contents"])
    assert_valid(page, f"{item_schema}_list")
    for item in page["contents"]:
        assert_valid(item, item_schema)
