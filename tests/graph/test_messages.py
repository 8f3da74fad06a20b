"""Every message the server can say exists in English and Welsh, with the same parameters."""

from __future__ import annotations

import pytest

from graph import messages as say
from graph.errors import NotFoundError
from graph.repositories.outcomes import InvalidField, Missing


@pytest.mark.parametrize("name", sorted(say.WORDINGS))
def test_each_wording_names_the_same_parameters_in_both_languages(name: str) -> None:
    wording = say.WORDINGS[name]
    assert wording.en.strip() and wording.cy.strip(), name
    assert wording.parameters("en") == wording.parameters("cy"), name


def test_sentences_are_translated_not_copied() -> None:
    copied = [
        name
        for name, w in say.WORDINGS.items()
        if w.en == w.cy and len(w.en.split()) > 1 and not name.startswith("pattern:")
    ]
    assert copied == []


def test_an_error_is_english_in_str_and_welsh_on_request() -> None:
    error = InvalidField("name", say.BLANK())
    assert str(error) == "name: must not be blank"
    assert error.text("cy") == "name: ni all fod yn wag"
    assert error.reason_text("cy") == "ni all fod yn wag"


def test_a_kind_of_record_is_named_in_the_language_of_the_sentence() -> None:
    missing = Missing("Service", "gp:W1")
    assert str(missing) == "no service with id 'gp:W1'"
    assert missing.text("cy") == "does dim gwasanaeth â'r id 'gp:W1'"


def test_plain_text_errors_stay_as_written_in_either_language() -> None:
    assert NotFoundError("no such thing").text("cy") == "no such thing"
