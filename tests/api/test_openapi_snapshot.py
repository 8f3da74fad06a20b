"""The REST API's OpenAPI document equals the committed snapshot, so every change to a REST
shape shows in review, and the web UI's generated types (frontend/src/api/generated/rest.ts,
made from the snapshot by ``npm run codegen``) follow the server.

After an intended change: ``COMMONGRAPH_UPDATE_SNAPSHOT=1 pytest
tests/api/test_openapi_snapshot.py``, then ``cd frontend && npm run codegen``, and commit
``api/rest/openapi.json`` with the regenerated types.
"""

from __future__ import annotations

import json
import os
from typing import Any

from api.app import create_app
from graph.server.config import PROJECT_ROOT

SNAPSHOT = PROJECT_ROOT / "api" / "rest" / "openapi.json"

#: Responses whose shape is not declared, and why (anything else must declare one).
UNDECLARED = {
    # ORUK records: nested Open Referral UK 3.0 documents, valid against the shipped ORUK
    # schemas; graph/oruk/models.py holds input models, which would add nulls and reorder.
    ("/oruk/services/{service_id}", "200"),
    ("/oruk/organizations/{organization_id}", "200"),
    ("/oruk/service_at_locations/{sal_id}", "200"),
    ("/oruk/taxonomies/{taxonomy_id}", "200"),
    ("/oruk/taxonomy_terms/{term_id}", "200"),
}


def _document() -> dict[str, Any]:
    return create_app().openapi()


def _printed(document: dict[str, Any]) -> str:
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


def test_openapi_document_matches_the_committed_snapshot() -> None:
    printed = _printed(_document())
    if os.environ.get("COMMONGRAPH_UPDATE_SNAPSHOT") == "1":
        SNAPSHOT.write_text(printed, encoding="utf-8")
    assert SNAPSHOT.read_text(encoding="utf-8") == printed, (
        "the OpenAPI document changed: review it, rerun with COMMONGRAPH_UPDATE_SNAPSHOT=1, "
        "then `cd frontend && npm run codegen`"
    )


def test_every_json_success_response_declares_its_shape() -> None:
    untyped = []
    for path, operations in _document()["paths"].items():
        for method, operation in operations.items():
            for status, response in operation["responses"].items():
                if not status.startswith("2") or (path, status) in UNDECLARED:
                    continue
                for media, content in response.get("content", {}).items():
                    schema = content.get("schema", {})
                    if "json" in media and (not schema or schema.get("additionalProperties")):
                        untyped.append(f"{method.upper()} {path} {status} {media}")
    assert untyped == []
