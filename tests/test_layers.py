"""The layer rules of docs/architecture.md, checked on the source tree."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

from graph.server.config import PROJECT_ROOT

FORBIDDEN_IMPORTS = {
    "graph": ("api", "loaders"),
    "queries": ("graph", "api", "loaders"),
    "loaders": ("api",),
    # the HTTP edge serves what the graph layer holds; only the CLI drives the loaders
    "api/rest": ("loaders",),
    "api/graphql": ("loaders",),
}
CYPHER_CALLS = {"run", "execute_query", "execute_read", "execute_write"}


def _modules(package: str) -> Iterator[tuple[Path, ast.Module]]:
    for path in sorted((PROJECT_ROOT / package).rglob("*.py")):
        if "node_modules" in path.parts:
            continue
        yield path, ast.parse(path.read_text(encoding="utf-8"), filename=str(path))


def _imported_roots(tree: ast.Module) -> set[str]:
    roots: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            roots.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            roots.add(node.module.split(".")[0])
    return roots


@pytest.mark.parametrize("package", sorted(FORBIDDEN_IMPORTS))
def test_dependencies_point_one_way(package: str) -> None:
    offenders = [
        f"{path.relative_to(PROJECT_ROOT)} imports {root}"
        for path, tree in _modules(package)
        for root in _imported_roots(tree) & set(FORBIDDEN_IMPORTS[package])
    ]
    assert offenders == []


def test_analytics_import_only_graph_libraries() -> None:
    allowed = {"networkx", "igraph", "rustworkx", "numpy", "scipy", "rapidfuzz", "queries"}
    stdlib = {
        "__future__",
        "collections",
        "dataclasses",
        "functools",
        "heapq",
        "itertools",
        "math",
        "random",
        "re",
        "typing",
        "unicodedata",
        "statistics",
        "concurrent",
        "os",
        "multiprocessing",
        "operator",
        "string",
        "bisect",
        "array",
        "warnings",
        "enum",
        "json",
        "time",
        "hashlib",
        "contextlib",
        "abc",
        "urllib",
    }
    offenders = [
        f"{path.relative_to(PROJECT_ROOT)} imports {root}"
        for path, tree in _modules("queries/analytics")
        for root in _imported_roots(tree) - allowed - stdlib
    ]
    assert offenders == []


@pytest.mark.parametrize("package", ["graph", "api", "loaders", "queries"])
def test_cypher_is_never_built_from_strings_in_code(package: str) -> None:
    """Statements passed to the driver come from the catalogue, not f-strings or concatenation."""
    offenders = []
    for path, tree in _modules(package):
        for node in ast.walk(tree):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)):
                continue
            if node.func.attr not in CYPHER_CALLS or not node.args:
                continue
            first = node.args[0]
            if isinstance(first, ast.JoinedStr | ast.BinOp) or (
                isinstance(first, ast.Call) and getattr(first.func, "attr", "") == "format"
            ):
                offenders.append(f"{path.relative_to(PROJECT_ROOT)}:{node.lineno}")
    assert offenders == []


def test_every_cypher_file_states_its_parameters() -> None:
    missing = [
        str(path.relative_to(PROJECT_ROOT))
        for path in sorted((PROJECT_ROOT / "queries" / "cypher").rglob("*.cypher"))
        if "Parameters" not in path.read_text(encoding="utf-8")
    ]
    assert missing == []
