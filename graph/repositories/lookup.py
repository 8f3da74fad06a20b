"""Anything by name (``lookup``): the first step of every journey that starts from a name.

A system leader knows "Clare Road Medical Centre", "Caerdydd" or "district nurse", not
``gp:W97299``. This module finds nodes by name through the ``entity_names`` full-text index
(every typed word required, each forgiving one or two typos), adds professions and sectors
from the vocabulary, and ranks everything by how closely the whole name matches what was
typed (rapidfuzz ``WRatio`` on folded text: case, accents and punctuation ignored; a name
holding the typed words as whole words gains a little), so the exact name comes first and
near-misses follow.
"""

from __future__ import annotations

import re
from typing import Literal

from pydantic import BaseModel
from rapidfuzz import fuzz

from graph import messages as say
from graph.database import Database
from graph.repositories.outcomes import InvalidField
from queries.vocabulary import SECTORS, TRIBES, Vocabulary, fold

__all__ = ["LookupHit", "LookupKind", "likeness", "lookup", "lookup_lucene"]

LookupKind = Literal["person", "organisation", "service", "team", "area", "profession", "sector"]

_MAX_WORDS = 8
_CANDIDATES = 200
_VOCABULARY_CUTOFF = 80.0


class LookupHit(BaseModel):
    """One thing found by name."""

    id: str
    name: str
    name_cy: str | None = None
    kind: LookupKind
    detail: str | None = None
    #: where it belongs: a person's organisation, a service's provider, a team's area
    context: str | None = None
    similarity: float


def _fuzzy(word: str) -> str:
    if len(word) > 6:
        return f"({word}^2 OR {word}~2)"
    if len(word) >= 4:
        return f"({word}^2 OR {word}~1)"
    return f"({word}^2 OR {word}*)"


def lookup_lucene(text: str, *, every_word: bool = True) -> str:
    """Every folded word required (or any, with ``every_word=False``), each fuzzy; the last
    one may also be the start of a word, as a type-ahead sends it.

    >>> lookup_lucene("Clare Rd Medcal")
    '+(clare^2 OR clare~1) +(rd^2 OR rd*) +(medcal^2 OR medcal~1 OR medcal*)'
    """
    words = [w for w in fold(text).replace("&", " ").split()][:_MAX_WORDS]
    if not words:
        raise InvalidField("text", say.TYPE_A_NAME())
    clauses = [_fuzzy(w) for w in words]
    if len(words[-1]) > 2 and "*" not in clauses[-1]:
        clauses[-1] = clauses[-1][:-1] + f" OR {words[-1]}*)"
    if not every_word:
        return " OR ".join(clauses)
    return " ".join(f"+{c}" for c in clauses)


#: How much a name that holds the typed words as whole words gains over one that only holds
#: them inside longer words ("Sale Brass Band" before "Manordeilo and Salem" for "Sale").
_WHOLE_WORDS_BONUS = 5.0


def likeness(typed: str, *names: str | None) -> float:
    """How closely the best of ``names`` matches ``typed`` (folded), 0 to 100: rapidfuzz
    ``WRatio``, plus a small bonus (never past 100) when a name holds the typed text as
    whole words, so a word someone typed outranks a name that merely contains its letters.

    >>> likeness("sale", "Sale Brass Band") > likeness("sale", "Manordeilo and Salem")
    True
    >>> likeness("clare road medical centre", "Clare Road Medical Centre")
    100.0
    """
    best = 0.0
    words = re.compile(rf"\b{re.escape(typed)}\b") if typed.strip() else None
    for name in names:
        if not name:
            continue
        folded = fold(name)
        score = fuzz.WRatio(typed, folded)
        if words is not None and score < 100 and words.search(folded):
            score = min(100.0, score + _WHOLE_WORDS_BONUS)
        best = max(best, score)
    return best


def _from_vocabulary(typed: str, vocabulary: Vocabulary, kind: LookupKind) -> list[LookupHit]:
    hits = []
    for term in vocabulary:
        best = max(fuzz.WRatio(typed, w) for w in term.words())
        if best >= _VOCABULARY_CUTOFF:
            hits.append(
                LookupHit(id=term.id, name=term.en, name_cy=term.cy, kind=kind, similarity=best)
            )
    return hits


async def lookup(
    db: Database,
    text: str,
    first: int,
    *,
    people: bool,
    kinds: frozenset[str] | None = None,
) -> list[LookupHit]:
    """Up to ``first`` nodes, professions and sectors whose name matches ``text``, best first.

    ``people`` is whether the caller may see people; without it no person is returned.
    ``kinds`` keeps only those kinds, before the first ``first`` are taken (ten organisations
    called "Trussell Trust" must not hide the services of that name).
    """
    typed = fold(text)
    rows = await db.read(
        "lookup/lookup_names", lucene=lookup_lucene(text), people=people, candidates=_CANDIDATES
    )
    if len(rows) < first and len(typed.split()) > 1:
        # Not every word matched ("Clare Rd" for "Clare Road"): any word, ranked by likeness.
        seen = {r["id"] for r in rows}
        more = await db.read(
            "lookup/lookup_names",
            lucene=lookup_lucene(text, every_word=False),
            people=people,
            candidates=_CANDIDATES,
        )
        rows += [r for r in more if r["id"] not in seen]
    hits = [
        LookupHit(
            id=str(r["id"]),
            name=str(r["name"] or r["id"]),
            name_cy=r["name_cy"],
            kind=r["kind"],
            detail=r["detail"],
            context=r.get("context"),
            similarity=likeness(typed, r["name"], r["name_cy"], r["alternate_name"]),
        )
        for r in rows
        if r["id"] is not None
    ]
    hits += _from_vocabulary(typed, TRIBES, "profession")
    hits += _from_vocabulary(typed, SECTORS, "sector")
    if kinds is not None:
        hits = [h for h in hits if h.kind in kinds]
    hits.sort(key=lambda h: (-round(h.similarity, 1), h.kind, h.name, h.id))
    return hits[:first]
