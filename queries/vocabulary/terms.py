"""A controlled term: one id, its English and Welsh labels, and the words people use for it.

Every vocabulary of the product (needs, service types, days, professions, sectors,
relationship kinds, accessibility options) is a :class:`Vocabulary` of :class:`Term`. The
loaders tag with the ids, the API filters on them and serves the labels, search expands a
typed word through the synonyms, and the web UI shows the label of the reader's language.

Matching is case-, accent- and punctuation-insensitive (``grŵp cerdded`` = ``grwp cerdded``,
``Alzheimer's`` = ``alzheimers``), so a person's spelling reaches the same id.

Examples
--------
>>> days = Vocabulary("day", (Term("TU", "Tuesday", "Dydd Mawrth", ("tue", "mawrth")),))
>>> days.resolve("dydd mawrth").id
'TU'
>>> days.resolve("Tuesday").label("cy")
'Dydd Mawrth'
>>> days.resolve("Wednesday") is None
True
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Literal

__all__ = ["Language", "Term", "Vocabulary", "fold"]

Language = Literal["en", "cy"]


def fold(text: str) -> str:
    """Lower case, accents removed, punctuation dropped, spaces squeezed.

    >>> fold("  Grŵp  Cerdded!  ")
    'grwp cerdded'
    >>> fold("Alzheimer's")
    'alzheimers'
    """
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    bare = re.sub(r"['’`]", "", bare)
    return " ".join(re.sub(r"[^0-9a-z&]+", " ", bare).split())


@dataclass(frozen=True)
class Term:
    """One entry of a vocabulary.

    Parameters
    ----------
    id : the stable id stored in the graph and sent by clients (``food_poverty``, ``TU``).
    en, cy : the label a person reads, in English and in Welsh.
    synonyms : other words for it, in either language (matched folded, see :func:`fold`).
    """

    id: str
    en: str
    cy: str
    synonyms: tuple[str, ...] = ()

    def label(self, language: Language = "en") -> str:
        """The label in ``language``."""
        return self.cy if language == "cy" else self.en

    def words(self) -> tuple[str, ...]:
        """Every folded form that names this term: id, labels and synonyms."""
        forms = (self.id, self.id.replace("_", " "), self.en, self.cy, *self.synonyms)
        return tuple(dict.fromkeys(f for f in (fold(x) for x in forms) if f))

    def as_json(self) -> dict[str, object]:
        """The shape served by the API (``GET /api/vocabulary``)."""
        return {"id": self.id, "en": self.en, "cy": self.cy, "synonyms": list(self.synonyms)}


@dataclass(frozen=True)
class Vocabulary:
    """An ordered set of terms of one kind, looked up by id or by any of their words."""

    kind: str
    terms: tuple[Term, ...]
    _by_word: dict[str, Term] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        by_word: dict[str, Term] = {}
        ids = [t.id for t in self.terms]
        if len(ids) != len(set(ids)):
            raise ValueError(f"{self.kind}: an id is listed twice")
        for term in self.terms:
            for word in term.words():
                other = by_word.setdefault(word, term)
                if other is not term:
                    raise ValueError(f"{self.kind}: {word!r} names both {other.id} and {term.id}")
        object.__setattr__(self, "_by_word", by_word)

    def __iter__(self) -> Iterator[Term]:
        return iter(self.terms)

    def __len__(self) -> int:
        return len(self.terms)

    def __contains__(self, term_id: object) -> bool:
        return any(t.id == term_id for t in self.terms)

    def ids(self) -> tuple[str, ...]:
        return tuple(t.id for t in self.terms)

    def get(self, term_id: str) -> Term | None:
        """The term with exactly this id."""
        return next((t for t in self.terms if t.id == term_id), None)

    def resolve(self, text: str) -> Term | None:
        """The term that ``text`` names (id, label or synonym, in either language), if any."""
        return self._by_word.get(fold(text))

    def label(self, term_id: str, language: Language = "en") -> str:
        """The label of ``term_id`` in ``language``; the id itself when it is not listed."""
        term = self.get(term_id)
        return term.label(language) if term else term_id

    def mentioned_in(self, text: str) -> list[Term]:
        """Terms whose words occur in ``text`` as whole words, in vocabulary order.

        >>> v = Vocabulary("need", (Term("dementia", "Dementia", "Dementia", ("memory cafe",)),))
        >>> [t.id for t in v.mentioned_in("Friday memory café for carers")]
        ['dementia']
        """
        padded = f" {fold(text)} "
        return [t for t in self.terms if any(f" {w} " in padded for w in t.words())]

    def as_json(self) -> list[dict[str, object]]:
        return [t.as_json() for t in self.terms]
