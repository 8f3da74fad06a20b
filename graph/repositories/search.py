"""Text search a connector can use, over services and organisations (``searchAssets``).

The typed text is read in two passes (:func:`plan_search`):

1. Phrases that name a kind of service or a need, in English or Welsh, are recognised through
   the vocabulary (:mod:`queries.vocabulary`): "meddygfa" and "gp surgery" name GP practices,
   "banc bwyd" and "foodbank" food banks, "grŵp cerdded" physical activity. Such a phrase
   matches every service of that kind (or addressing that need) and, as text, any of the
   term's words ("food bank", "foodbank", "banc bwyd"), so compounds and their spaced forms
   find the same services.
2. Every other word is matched as typed, forgiving typos (``word^2 OR word~N``: N = 1 for
   words of 4–6 letters, 2 above, exact for shorter words).

Every group must match for a service to rank in the first tier; services matching only some
groups follow as looser matches. A service whose name holds the typed words as a phrase
("Stretford Foodbank" for STRETFORD FOODBANK) comes first of all: a person who types a name
is looking for that listing. Common short words ("the", "a", "yr") are not required.

User text never reaches Lucene's parser as written: words are folded to lower-case letters
and digits, and escaped again for safety. Reference: Lucene classic query parser syntax,
https://lucene.apache.org/core/9_11_0/queryparser/org/apache/lucene/queryparser/classic/package-summary.html
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel, Field, model_validator

from graph import messages as say
from graph.database import Database
from graph.geography import Latitude, Longitude, RadiusKm
from graph.repositories.assets import ServiceProps
from graph.repositories.outcomes import InvalidField
from graph.repositories.values import stale_before
from queries.vocabulary import NEEDS, SERVICE_TYPES, Term, fold

__all__ = [
    "SearchHit",
    "SearchPage",
    "SearchPlan",
    "SearchQuery",
    "lucene_query",
    "plan_search",
    "search_assets",
]

_WORD = re.compile(r"\w+", re.UNICODE)
_SPECIAL = re.compile(r'([+\-!(){}\[\]^"~*?:\\/&|])')
_MAX_WORDS = 12
_CANDIDATES = 500
_LONGEST_PHRASE = 4
#: Words not required to match (English and Welsh articles, conjunctions, prepositions).
_STOP_WORDS = frozenset(
    [
        "a",
        "an",
        "and",
        "the",
        "of",
        "for",
        "in",
        "on",
        "at",
        "to",
        "near",
        "with",
        "or",
        "y",
        "yr",
        "ac",
        "ar",
        "i",
        "yn",
        "o",
        "gyda",
        "ger",
    ]
)


def lucene_query(text: str) -> str:
    """A safe fuzzy Lucene query for ``text``; raises InvalidField when it has no words.

    Examples
    --------
    >>> lucene_query("Demntia cafe")
    'demntia^2 OR demntia~2 OR cafe^2 OR cafe~1'
    >>> lucene_query('x") OR 1=1 //')
    'x^2 OR x OR or^2 OR or OR 1^2 OR 1'
    """
    # Lower-cased words are never operators (Lucene's are AND/OR/NOT in capitals only).
    words = list(dict.fromkeys(w.lower() for w in _WORD.findall(text)))[:_MAX_WORDS]
    clauses: list[str] = []
    for word in words:
        safe = _SPECIAL.sub(r"\\\1", word)
        if len(word) > 6:
            fuzzy = f"{safe}~2"
        elif len(word) >= 4:
            fuzzy = f"{safe}~1"
        else:
            fuzzy = safe
        clauses.extend([f"{safe}^2", fuzzy])
    if not clauses:
        raise InvalidField("text", say.TYPE_TO_SEARCH())
    return " OR ".join(clauses)


def _fuzzy_word(word: str) -> str:
    safe = _SPECIAL.sub(r"\\\1", word)
    if len(word) > 6:
        return f"({safe}^2 OR {safe}~2)"
    if len(word) >= 4:
        return f"({safe}^2 OR {safe}~1)"
    return safe


def _term_group(term: Term) -> str:
    clauses = []
    for form in term.words():
        safe = _SPECIAL.sub(r"\\\1", form)
        clauses.append(f'"{safe}"^2' if " " in form else f"{safe}^2")
    return "(" + " OR ".join(clauses) + ")"


@dataclass(frozen=True)
class SearchPlan:
    """How a typed text is searched: its Lucene queries and the kinds and needs it names.

    ``strict`` requires every group, ``loose`` any one; ``rest`` requires every word that
    names no kind or need (``None`` when there are none, or nothing was named); ``exact`` is
    the typed words as a phrase in a name, for two words or more (one word is a kind, a need
    or a word, not a name).
    """

    strict: str
    loose: str
    rest: str | None
    kinds: tuple[str, ...]
    needs: tuple[str, ...]
    exact: str | None = None


def _name_phrase(words: list[str]) -> str:
    """The words as one phrase in the ``name`` field.

    >>> _name_phrase(["stretford", "foodbank"])
    'name:"stretford foodbank"'
    """
    return 'name:"' + " ".join(_SPECIAL.sub(r"\\\1", w) for w in words) + '"'


def plan_search(text: str) -> SearchPlan:
    """Read ``text`` into word groups; raise InvalidField when it has no words.

    Examples
    --------
    >>> p = plan_search("Meddygfa")
    >>> p.kinds, p.needs, p.rest
    (('gp',), (), None)
    >>> p = plan_search("walking group in Sale")
    >>> p.needs, p.rest
    (('physical_activity',), '+(sale^2 OR sale~1)')
    >>> plan_search("Cardiff central").strict
    '+(cardiff^2 OR cardiff~2) +(central^2 OR central~2)'
    """
    words = fold(text).split()[: _MAX_WORDS * 2]
    required = [w for w in words if w not in _STOP_WORDS] or words
    groups: list[str] = []
    plain: list[str] = []
    kinds: list[str] = []
    needs: list[str] = []
    i = 0
    while i < len(required) and len(groups) < _MAX_WORDS:
        for n in range(min(_LONGEST_PHRASE, len(required) - i), 0, -1):
            phrase = " ".join(required[i : i + n])
            kind, need = SERVICE_TYPES.resolve(phrase), NEEDS.resolve(phrase)
            if kind is not None or need is not None:
                for term, found in ((kind, kinds), (need, needs)):
                    if term is not None and term.id not in found:
                        found.append(term.id)
                        groups.append(_term_group(term))
                i += n
                break
        else:
            word = required[i]
            group = _fuzzy_word(word)
            if group not in plain:
                plain.append(group)
                groups.append(group)
            i += 1
    if not groups:
        raise InvalidField("text", say.TYPE_TO_SEARCH())
    strict = " ".join(f"+{g}" for g in groups) if len(groups) > 1 else groups[0]
    named = bool(kinds or needs)
    return SearchPlan(
        strict=strict,
        loose=" OR ".join(groups),
        rest=" ".join(f"+{g}" for g in plain) if named and plain else None,
        kinds=tuple(kinds),
        needs=tuple(needs),
        exact=_name_phrase(words) if len(words) > 1 else None,
    )


class SearchQuery(BaseModel):
    """A validated ``searchAssets`` request."""

    text: str = Field(min_length=1, max_length=200)
    latitude: Latitude | None = None
    longitude: Longitude | None = None
    radius_km: RadiusKm | None = None
    first: int = Field(default=20, ge=1, le=100)
    offset: int = Field(default=0, ge=0, le=_CANDIDATES * 2)

    @model_validator(mode="after")
    def _centre_complete(self) -> SearchQuery:
        given = [v is not None for v in (self.latitude, self.longitude, self.radius_km)]
        if any(given) and not all(given):
            raise ValueError(say.LAT_LON_RADIUS())
        return self


class SearchHit(BaseModel):
    service: ServiceProps
    score: float
    matched_all_words: bool = True
    distance_km: float | None = None
    stale: bool


class SearchPage(BaseModel):
    hits: list[SearchHit]
    has_next_page: bool
    total_count: int


#: The most matches of a text that ``assetsNear(text:)`` filters by (within its radius).
MAX_TEXT_MATCHES = 2_000


async def _search_rows(
    db: Database,
    text: str,
    latitude: float | None,
    longitude: float | None,
    radius_km: float | None,
    offset: int,
    limit: int,
) -> list[dict[str, Any]]:
    """The rows of ``search/search_assets`` for ``text`` (planned by :func:`plan_search`),
    around a point when one is given, tier by tier, from ``offset``."""
    plan = plan_search(text)
    return await db.read(
        "search/search_assets",
        strict=plan.strict,
        loose=plan.loose,
        rest=plan.rest,
        kinds=list(plan.kinds),
        needs=list(plan.needs),
        exact=plan.exact,
        known_kinds=list(SERVICE_TYPES.ids()),
        candidates=_CANDIDATES,
        latitude=latitude,
        longitude=longitude,
        radius_km=radius_km,
        stale_before=stale_before(),
        offset=offset,
        limit=limit,
    )


async def matching_service_ids(
    db: Database, text: str, latitude: float, longitude: float, radius_km: float
) -> list[str]:
    """Ids of the approved services within the radius that match every word of ``text``
    (the first tier of :func:`search_assets`): what ``assetsNear(text:)`` keeps."""
    rows = await _search_rows(db, text, latitude, longitude, radius_km, 0, MAX_TEXT_MATCHES)
    return [r["id"] for r in rows if r["id"] is not None and r["tier"] == 0]


async def search_assets(db: Database, query: SearchQuery) -> SearchPage:
    """One page of matching approved services: every word matched first, then looser
    matches; within each, services of a named kind first, fresh before stale, then by score,
    distance and id."""
    rows = await _search_rows(
        db,
        query.text,
        query.latitude,
        query.longitude,
        query.radius_km,
        query.offset,
        query.first + 1,
    )
    total = int(rows[0]["total"]) if rows else 0
    found = [r for r in rows if r["id"] is not None]
    hits = [
        SearchHit(
            service=ServiceProps.from_props(r["props"]),
            score=r["score"],
            matched_all_words=r["tier"] == 0,
            distance_km=r["distance_km"],
            stale=r["stale"],
        )
        for r in found[: query.first]
    ]
    return SearchPage(hits=hits, has_next_page=len(found) > query.first, total_count=total)
