"""``GET /api/vocabulary``: the product's controlled vocabularies, in English and Welsh.

The web UI builds its pickers (needs, days, accessibility options) and labels (service
kinds, professions, sectors, relationship kinds) from this one answer, so a need is named
the same way by the loaders, the filters, search, the analytics and every screen. The source
is :mod:`queries.vocabulary`.
"""

from __future__ import annotations

from fastapi import APIRouter, Response
from pydantic import BaseModel, ConfigDict

from graph.repositories.assets import filter_labels
from queries.vocabulary import ALL_VOCABULARIES

__all__ = ["FilterLabel", "TermOut", "VocabularyOut", "router", "vocabulary"]

router = APIRouter(prefix="/api", tags=["vocabulary"])


class TermOut(BaseModel):
    """One term: its id (what the API takes), its labels and the words people use for it."""

    id: str
    en: str
    cy: str
    synonyms: list[str]


class FilterLabel(BaseModel):
    """A connector's filter: its name in the API (``assetsNear(filter: {…})``) and what a
    person reads for it."""

    id: str
    en: str
    cy: str


class VocabularyOut(BaseModel):
    """Every vocabulary by name, each an ordered list of terms (a vocabulary added to
    :data:`ALL_VOCABULARIES` but not declared here fails at import: ``extra="forbid"``)."""

    model_config = ConfigDict(extra="forbid")

    needs: list[TermOut]
    serviceTypes: list[TermOut]
    days: list[TermOut]
    accessibility: list[TermOut]
    professions: list[TermOut]
    sectors: list[TermOut]
    relationships: list[TermOut]
    frequencies: list[TermOut]
    workingWays: list[TermOut]
    filters: list[FilterLabel]


def vocabulary() -> VocabularyOut:
    """The vocabularies as served."""
    terms = {name: vocab.as_json() for name, vocab in ALL_VOCABULARIES.items()}
    return VocabularyOut.model_validate({**terms, "filters": filter_labels()})


_CACHED = vocabulary()


@router.get("/vocabulary", response_model=VocabularyOut)
def get_vocabulary(response: Response) -> VocabularyOut:
    """Needs, service kinds, days, accessibility options, professions, sectors and
    relationship kinds, each with English and Welsh labels and synonyms; and the connector's
    filters by name, with their labels."""
    response.headers["Cache-Control"] = "public, max-age=3600"
    return _CACHED
