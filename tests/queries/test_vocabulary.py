"""The one vocabulary: every id a rule uses is listed, every term has both languages, and a
person's spelling (either language, any case, accents or not) reaches the right id."""

from __future__ import annotations

import doctest
import importlib

import pytest

from queries.vocabulary import (
    ALL_VOCABULARIES,
    FREE_AT_POINT_OF_USE,
    NEEDS,
    SECTOR_TRIBES,
    SECTORS,
    SERVICE_TYPES,
    TAGGING_PHRASES,
    TRIBES,
    TYPE_NEEDS,
    WELSH_PUBLIC_BODY_KINDS,
    fold,
)


@pytest.mark.parametrize("module", ["queries.vocabulary.terms"])
def test_vocabulary_doctests_pass(module: str) -> None:
    result = doctest.testmod(importlib.import_module(module))
    assert result.attempted > 0 and result.failed == 0


@pytest.mark.parametrize("name", sorted(ALL_VOCABULARIES))
def test_every_term_has_an_english_and_a_welsh_label(name: str) -> None:
    for term in ALL_VOCABULARIES[name]:
        assert term.en.strip() and term.cy.strip(), term.id


def test_rules_name_only_listed_needs_and_service_types() -> None:
    assert set(TYPE_NEEDS) == set(SERVICE_TYPES.ids())
    assert {n for needs in TYPE_NEEDS.values() for n in needs} <= set(NEEDS.ids())
    assert set(TAGGING_PHRASES) <= set(NEEDS.ids())
    assert set(SERVICE_TYPES.ids()) >= FREE_AT_POINT_OF_USE
    assert set(SERVICE_TYPES.ids()) >= WELSH_PUBLIC_BODY_KINDS


def test_sector_staffing_names_only_listed_sectors_and_professions() -> None:
    assert set(SECTOR_TRIBES) == set(SECTORS.ids())
    assert {t for staff in SECTOR_TRIBES.values() for t, _ in staff} <= set(TRIBES.ids())
    for sector, staff in SECTOR_TRIBES.items():
        assert sum(w for _, w in staff) == pytest.approx(1.0), sector


@pytest.mark.parametrize(
    ("typed", "need"),
    [
        ("walking", "physical_activity"),
        ("Grŵp cerdded", "physical_activity"),
        ("grwp cerdded", "physical_activity"),
        ("mental-health", "mental_health"),
        ("Iechyd meddwl", "mental_health"),
        ("carers", "unpaid_care"),
        ("Alzheimer's", "dementia"),
        ("caffi cof", "dementia"),
        ("food_poverty", "food_poverty"),
    ],
)
def test_needs_resolve_from_labels_and_synonyms_in_both_languages(typed: str, need: str) -> None:
    term = NEEDS.resolve(typed)
    assert term is not None and term.id == need


@pytest.mark.parametrize(
    ("typed", "kind"),
    [
        ("llyfrgell", "library"),
        ("fferyllfa", "pharmacy"),
        ("meddygfa", "gp"),
        ("banc bwyd", "food_bank"),
        ("foodbank", "food_bank"),
        ("GP surgery", "gp"),
    ],
)
def test_service_kinds_resolve_from_welsh_and_english_words(typed: str, kind: str) -> None:
    term = SERVICE_TYPES.resolve(typed)
    assert term is not None and term.id == kind


def test_unknown_words_resolve_to_nothing() -> None:
    assert NEEDS.resolve("spaceflight") is None
    assert SERVICE_TYPES.resolve("") is None


def test_a_gp_practice_is_not_a_dementia_service_by_its_kind() -> None:
    assert "dementia" not in TYPE_NEEDS["gp"]
    assert [t.id for t in NEEDS.mentioned_in("Alzheimer's Society Trafford")] == ["dementia"]


def test_folding_ignores_case_accents_and_apostrophes() -> None:
    assert fold("  GRŴP  Cerdded ") == fold("grwp cerdded") == "grwp cerdded"
    assert fold("Alzheimer’s") == "alzheimers"


def test_the_typed_day_of_the_api_is_the_day_vocabulary() -> None:
    """``Day`` must be a Literal for typing; it may not drift from the one list of days."""
    from typing import get_args

    from graph.oruk.models import WEEKDAYS
    from graph.repositories.assets import Day
    from queries.vocabulary import DAY_CODES

    assert get_args(Day) == DAY_CODES == WEEKDAYS
