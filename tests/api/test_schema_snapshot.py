"""The printed GraphQL schema equals the committed snapshot, so every change shows in review.

After an intended change: ``COMMONGRAPH_UPDATE_SNAPSHOT=1 pytest tests/api/test_schema_snapshot.py``
and commit ``api/graphql/schema.graphql``.
"""

from __future__ import annotations

import os

from api.graphql.schema import build_schema
from graph.server.config import PROJECT_ROOT

SNAPSHOT = PROJECT_ROOT / "api" / "graphql" / "schema.graphql"


def test_printed_schema_matches_the_committed_snapshot() -> None:
    printed = build_schema().as_str() + "\n"
    if os.environ.get("COMMONGRAPH_UPDATE_SNAPSHOT") == "1":
        SNAPSHOT.write_text(printed, encoding="utf-8")
    assert SNAPSHOT.read_text(encoding="utf-8") == printed, (
        "the GraphQL schema changed: review it, then rerun with COMMONGRAPH_UPDATE_SNAPSHOT=1"
    )


def test_contract_root_fields_keep_their_names_and_arguments() -> None:
    sdl = build_schema().as_str()
    assert (
        "assetsNear(latitude: Float!, longitude: Float!, radiusKm: Float!, "
        "need: String = null, first: Int = 20, after: String = null"
    ) in sdl
    assert "registerOffering(input: RegisterOfferingInput!): RegisterOfferingResult!" in sdl
