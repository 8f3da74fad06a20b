"""Static checks: no client string can become a label, relationship type or property key.

``tests/test_layers.py`` already forbids Cypher built by f-strings or concatenation. These
checks close the remaining doors:

* no catalogue statement uses Cypher 5's dynamic labels or types (``:$(expr)``) or dynamic
  property access (``n[$key]``), except the benchmark's bare-``UNWIND`` baseline, which no
  product package may reference;
* statement *names* chosen at run time (``f"load/rel_node_{kind}"``) appear only at the
  audited places below, each picking from an allow-list, and every name such a place can
  produce exists in the catalogue;
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
from loaders.oruk.write import EDGE_STATEMENTS, NODE_STATEMENTS
from loaders.relationships import EDGE_TYPES, NODE_KINDS
from queries.catalog import CYPHER_DIR, cypher

PRODUCT = ("graph", "api", "loaders", "queries")
DYNAMIC_NAME = re.compile(r"[:&|]\s*\$\(")  # CREATE (n:$(x)), [r:$(x)], SET n:$(x)
DYNAMIC_KEY = re.compile(r"\b\w+\[\s*\$\w+\s*\]")  # n[$key] (list slices have '..')
BASELINE = {"load/baseline_create_nodes", "load/baseline_create_edges"}
#: restore takes labels and types from a backup file, each checked against the model's
#: naming pattern first (graph/backup.py); they travel as parameters
RESTORE = {"backup/restore_nodes", "backup/restore_relationships"}
STATEMENT_CALLS = {"cypher", "read", "write", "read_rows", "Step"}
#: file → the literal prefixes of run-time statement names there (each from an allow-list)
AUDITED = {
    "loaders/export/oruk.py": {"export/ids_", "oruk/"},  # kind ∈ ENTITIES (click.Choice)
    "loaders/oruk/write.py": {"load/oruk_node_", "load/oruk_edge_"},  # from model classes
    "loaders/relationships.py": {"load/rel_node_", "load/rel_edge_"},  # NODE_KINDS, EDGE_TYPES
}


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


def test_statement_names_are_chosen_at_run_time_only_where_audited() -> None:
    assert _run_time_names() == AUDITED


def test_every_allow_listed_name_resolves_to_a_catalogue_statement() -> None:
    names = {f"export/ids_{k}" for k in ENTITIES} | {f"oruk/{k}_records" for k in ENTITIES}
    names |= set(NODE_STATEMENTS.values()) | set(EDGE_STATEMENTS.values())
    names |= {f"load/rel_node_{k}" for k in NODE_KINDS}
    names |= {f"load/rel_edge_{t.lower()}" for t in EDGE_TYPES}
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
