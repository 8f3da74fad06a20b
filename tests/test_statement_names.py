"""Every Cypher statement is named in full where it is used, and every name names a file.

A name such as ``load/rel_edge_knows`` is written out as a string literal (so a search for it
finds every user), never assembled with an f-string; each literal that looks like a catalogue
name has its file under ``queries/cypher``; and the tables that map labels and relationship
types to statements cover exactly the allow-lists they serve.
"""

from __future__ import annotations

import ast
from pathlib import Path

from graph.environment import PROJECT_ROOT
from graph.oruk.models import ENTITY_BY_LABEL
from loaders.oruk.write import EDGE_STATEMENTS as ORUK_EDGES
from loaders.oruk.write import NODE_STATEMENTS as ORUK_NODES
from loaders.relationships import EDGE_STATEMENTS, EDGE_TYPES, NODE_KINDS, NODE_STATEMENTS

CATALOGUE = PROJECT_ROOT / "queries" / "cypher"
DOMAINS = {p.name for p in CATALOGUE.iterdir() if p.is_dir()}
SOURCES = [
    path
    for package in ("graph", "api", "loaders", "queries")
    for path in sorted((PROJECT_ROOT / package).rglob("*.py"))
]


def _is_name(text: str) -> bool:
    domain, _, rest = text.partition("/")
    return domain in DOMAINS and bool(rest) and rest.replace("_", "").isalnum()


def _literals(path: Path) -> list[tuple[int, str]]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return [
        (node.lineno, node.value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and _is_name(node.value)
    ]


def test_every_named_statement_has_its_file() -> None:
    missing = [
        f"{path.relative_to(PROJECT_ROOT)}:{line} {name}"
        for path in SOURCES
        for line, name in _literals(path)
        if not (CATALOGUE / f"{name}.cypher").is_file()
    ]
    assert missing == []


def test_no_statement_name_is_assembled_at_run_time() -> None:
    assembled = []
    for path in SOURCES:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.JoinedStr) and node.values:
                head = node.values[0]
                if isinstance(head, ast.Constant) and isinstance(head.value, str):
                    domain = head.value.split("/")[0]
                    if "/" in head.value and domain in DOMAINS:
                        assembled.append(f"{path.relative_to(PROJECT_ROOT)}:{node.lineno}")
    assert assembled == []


def test_the_loaders_tables_cover_exactly_their_allow_lists() -> None:
    assert set(NODE_STATEMENTS) == set(NODE_KINDS)
    assert set(EDGE_STATEMENTS) == set(EDGE_TYPES)
    assert set(ORUK_NODES) == set(ENTITY_BY_LABEL)
    child_rels = {c.rel for m in ENTITY_BY_LABEL.values() for c in m.children.values()}
    assert set(ORUK_EDGES) == child_rels | {"CATEGORISED_AS", "BROADER"}
