"""Every GraphQL document the web UI sends is valid against the real schema, and the types
the UI is compiled with are the ones those documents and that schema generate.

The documents live in ``frontend/src/api/documents/*.graphql`` (the UI imports them raw, with
the fragments of ``documents/fragments/`` they spread), so a renamed field or argument in the
API fails here instead of in a person's browser. ``codegen:check`` also checks the REST types
(``frontend/src/api/generated/rest.ts``, from the OpenAPI snapshot ``api/rest/openapi.json``).
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
from graphql import GraphQLSchema, build_schema, parse, validate

from api.graphql.schema import build_schema as build_strawberry_schema
from graph.server.config import PROJECT_ROOT

FRONTEND = PROJECT_ROOT / "frontend"
FOLDER = FRONTEND / "src" / "api" / "documents"
DOCUMENTS = sorted(FOLDER.glob("*.graphql"))
FRAGMENTS = {
    re.search(r"^fragment\s+(\w+)", p.read_text("utf-8"), re.M).group(1): p.read_text("utf-8")  # type: ignore[union-attr]
    for p in sorted((FOLDER / "fragments").glob("*.graphql"))
}
SNAPSHOT = PROJECT_ROOT / "api" / "graphql" / "schema.graphql"


def _with_fragments(text: str) -> str:
    """The text the UI sends: the document and every fragment it spreads (transitively)."""
    used: list[str] = []
    pending = [text]
    while pending:
        for name in re.findall(r"\.\.\.\s*(\w+)", pending.pop()):
            if name in FRAGMENTS and name not in used:
                used.append(name)
                pending.append(FRAGMENTS[name])
    return "\n".join([text, *(FRAGMENTS[n] for n in used)])


def _schemas() -> list[tuple[str, GraphQLSchema]]:
    schemas = [("live", build_schema(build_strawberry_schema().as_str()))]
    if SNAPSHOT.is_file():
        schemas.append(("snapshot", build_schema(SNAPSHOT.read_text(encoding="utf-8"))))
    return schemas


def test_the_ui_has_documents_and_registers_each_one() -> None:
    assert len(DOCUMENTS) >= 10
    index = (FOLDER.parent / "generated" / "operations.ts").read_text("utf-8")
    unregistered = [p.name for p in DOCUMENTS if f"../documents/{p.name}?raw" not in index]
    assert unregistered == []


@pytest.mark.parametrize("document", DOCUMENTS, ids=[p.stem for p in DOCUMENTS])
def test_document_is_valid_against_the_schema(document: Path) -> None:
    ast = parse(_with_fragments(document.read_text(encoding="utf-8")))
    for name, schema in _schemas():
        errors = [e.message for e in validate(schema, ast)]
        assert errors == [], f"{document.name} against the {name} schema: {errors}"


def test_the_committed_frontend_types_are_what_the_schemas_and_documents_generate() -> None:
    """GraphQL types and operations, and the REST types of the OpenAPI snapshot."""
    done = subprocess.run(
        ["npm", "run", "--silent", "codegen:check"],
        cwd=FRONTEND,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, (done.stdout + done.stderr)[-2000:]
