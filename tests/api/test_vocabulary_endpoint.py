"""``GET /api/vocabulary`` serves every vocabulary with both languages (no database needed)."""

from __future__ import annotations

from fastapi import FastAPI
from fastapi.testclient import TestClient
from graphql import GraphQLInputObjectType, build_schema

from api.rest.vocabulary import router
from graph.server.config import PROJECT_ROOT


def _client() -> TestClient:
    app = FastAPI()
    app.include_router(router)
    return TestClient(app)


def test_vocabulary_lists_needs_with_english_and_welsh_labels() -> None:
    body = _client().get("/api/vocabulary").json()
    needs = {t["id"]: t for t in body["needs"]}
    assert needs["mental_health"]["en"] == "Mental health"
    assert needs["mental_health"]["cy"] == "Iechyd meddwl"
    assert "walking" in needs["physical_activity"]["synonyms"]
    assert [d["id"] for d in body["days"]] == ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]
    assert {t["id"] for t in body["serviceTypes"]} >= {"gp", "library", "food_bank"}


def test_every_connector_filter_is_served_by_its_api_name_in_english_and_welsh() -> None:
    sdl = (PROJECT_ROOT / "api" / "graphql" / "schema.graphql").read_text(encoding="utf-8")
    near_filter = build_schema(sdl).get_type("NearFilter")
    assert isinstance(near_filter, GraphQLInputObjectType)
    served = {f["id"]: f for f in _client().get("/api/vocabulary").json()["filters"]}
    assert set(served) == set(near_filter.fields)
    assert served["freeOnly"] == {"id": "freeOnly", "en": "Free only", "cy": "Am ddim yn unig"}
    assert all(label["en"] and label["cy"] != label["en"] for label in served.values()), served
