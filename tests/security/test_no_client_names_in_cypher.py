"""Static checks: no client string can become a label, relationship type or property key.

``tests/test_layers.py`` already forbids Cypher built by f-strings or concatenation. These
checks close the remaining doors:

* no catalogue statement uses Cypher 5's dynamic labels or types (``:$(expr)``) or dynamic
  property access (``n[$key]``), except the benchmark's bare-``UNWIND`` baseline, which no
  product package may reference;
* no statement *name* is chosen at run time from text: every name is a literal in a table
  keyed by an allow-list (``tests/test_statement_names.py`` checks each exists), so no
  f-string builds one;
* maps written with ``SET n += $map`` have keys fixed by code (checked for ``updateOffering``,
  whose input names fields a client chooses).
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

from graph.oruk.models import ENTITY_BY_LABEL
from graph.repositories.edits import SERVICE_FIELDS, write_params
from graph.repositories.listing import ListingContent
from graph.server.config import PROJECT_ROOT
from loaders.export.oruk import ENTITIES
from loaders.export.oruk import STATEMENTS as EXPORT_STATEMENTS
from loaders.oruk.write import EDGE_STATEMENTS, NODE_STATEMENTS
from loaders.relationships import EDGE_STATEMENTS as REL_EDGE_STATEMENTS
from loaders.relationships import EDGE_TYPES, NODE_KINDS
from loaders.relationships import NODE_STATEMENTS as REL_NODE_STATEMENTS
from queries.catalog import CYPHER_DIR, cypher

PRODUCT = ("graph", "api", "loaders", "queries")
DYNAMIC_NAME = re.compile(r"[:&|]\s*\$\(")  # CREATE (n:$(x)), [r:$(x)], SET n:$(x)
DYNAMIC_KEY = re.compile(r"\b\w+\[\s*\$\w+\s*\]")  # n[$key] (list slices have '..')
BASELINE = {"load/baseline_create_nodes", "load/baseline_create_edges"}
#: restore takes labels and types from a backup file, each checked against the model's
#: naming pattern first (graph/backup.py); they travel as parameters
RESTORE = {"backup/restore_nodes", "backup/restore_relationships"}
STATEMENT_CALLS = {"cypher", "read", "write", "read_rows", "Step"}


def _statements() -> dict[str, str]:
    return {
        path.relative_to(CYPHER_DIR).with_suffix("").as_posix(): path.read_text("utf-8")
        for path in CYPHER_DIR.rglob("*.cypher")
    }


def _code(text: str) -> str:
    return "\n".join(line.split("//")[0] for line in text.splitlines())


def test_no_statement_takes_a_label_type_or_key_from_a_parameter() -> None:
    dynamic = {
        name for name, text in _statements().items()
        if DYNAMIC_NAME.search(_code(text)) or DYNAMIC_KEY.search(_code(text))
    }  # fmt: skip
    assert dynamic <= BASELINE | RESTORE, dynamic - BASELINE - RESTORE


def test_the_dynamic_label_baseline_is_used_only_by_the_benchmarks() -> None:
    users = [
        str(path.relative_to(PROJECT_ROOT))
        for package in PRODUCT
        for path in (PROJECT_ROOT / package).rglob("*.py")
        if "baseline_create" in path.read_text("utf-8")
    ]
    assert users == []


def _run_time_names() -> dict[str, set[str]]:
    found: dict[str, set[str]] = {}
    for package in PRODUCT:
        for path in sorted((PROJECT_ROOT / package).rglob("*.py")):
            tree = ast.parse(path.read_text("utf-8"))
            for node in ast.walk(tree):
                if not isinstance(node, ast.JoinedStr):
                    continue
                head = node.values[0]
                if isinstance(head, ast.Constant) and re.fullmatch(
                    r"(load|export|oruk|[a-z]+)/[a-z_]*", str(head.value)
                ):
                    name = str(Path(path).relative_to(PROJECT_ROOT))
                    found.setdefault(name, set()).add(str(head.value))
    return found


def test_no_statement_name_is_assembled_at_run_time() -> None:
    assert _run_time_names() == {}


def test_every_allow_listed_name_resolves_to_a_catalogue_statement() -> None:
    names = {n for pair in EXPORT_STATEMENTS.values() for n in pair}
    names |= set(NODE_STATEMENTS.values()) | set(EDGE_STATEMENTS.values())
    names |= set(REL_NODE_STATEMENTS.values()) | set(REL_EDGE_STATEMENTS.values())
    assert set(EXPORT_STATEMENTS) == set(ENTITIES)
    assert set(REL_NODE_STATEMENTS) == set(NODE_KINDS)
    assert set(REL_EDGE_STATEMENTS) == set(EDGE_TYPES)
    for name in sorted(names):
        assert cypher(name)
    assert set(NODE_STATEMENTS) == set(ENTITY_BY_LABEL)


def test_an_update_sets_only_allow_listed_property_keys() -> None:
    content = ListingContent.model_validate(
        {"name": "x", "latitude": 51.5, "longitude": -3.2, "__proto__": "x",
         "moderation_status": "approved", "version`": 2, "n.pwned": True}
    )  # fmt: skip
    params = write_params(content, "2026-12-04T00:00:00Z")
    assert set(params["fields"]) == set(SERVICE_FIELDS)
    assert "s += $fields" in cypher("offerings/write_listing")
