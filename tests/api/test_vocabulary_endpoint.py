"""``GET /api/vocabulary`` serves every vocabulary with both languages (no database needed)."""

from __future__ import annotations

from fastapi import FastAPI
from fastapi.testclient import TestClient

from api.rest.vocabulary import router


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
