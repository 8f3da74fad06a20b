"""Every GraphQL document the web UI sends is valid against the real schema.

The documents live in ``frontend/src/api/documents/*.graphql`` (the UI imports them raw), so
a renamed field or argument in the API fails here instead of in a person's browser.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from graphql import GraphQLSchema, build_schema, parse, validate

from api.graphql.schema import build_schema as build_strawberry_schema
from graph.server.config import PROJECT_ROOT

DOCUMENTS = sorted((PROJECT_ROOT / "frontend" / "src" / "api" / "documents").glob("*.graphql"))
SNAPSHOT = PROJECT_ROOT / "tests" / "api" / "schema.graphql"


def _schemas() -> list[tuple[str, GraphQLSchema]]:
    schemas = [("live", build_schema(build_strawberry_schema().as_str()))]
    if SNAPSHOT.is_file():
        schemas.append(("snapshot", build_schema(SNAPSHOT.read_text(encoding="utf-8"))))
    return schemas


def test_the_ui_has_documents_and_registers_each_one() -> None:
    assert len(DOCUMENTS) >= 10
    index = (PROJECT_ROOT / "frontend" / "src" / "api" / "documents.ts").read_text("utf-8")
    unregistered = [p.name for p in DOCUMENTS if f"./documents/{p.name}?raw" not in index]
    assert unregistered == []


@pytest.mark.parametrize("document", DOCUMENTS, ids=[p.stem for p in DOCUMENTS])
def test_document_is_valid_against_the_schema(document: Path) -> None:
    ast = parse(document.read_text(encoding="utf-8"))
    for name, schema in _schemas():
        errors = [e.message for e in validate(schema, ast)]
        assert errors == [], f"{document.name} against the {name} schema: {errors}"
