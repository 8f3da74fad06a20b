"""Typo-tolerant text search over services and organisations (``searchAssets``).

User text never reaches Lucene's parser as written: it is split into words, each word is
lower-cased, stripped of Lucene's special characters and then escaped again for safety, and
only then turned into ``word^2 OR word~N`` clauses (N = 1 for words of 4–6 letters, 2 above;
exact only for shorter words). Reference: Lucene classic query parser syntax,
https://lucene.apache.org/core/9_11_0/queryparser/org/apache/lucene/queryparser/classic/package-summary.html
"""

from __future__ import annotations

import re

from pydantic import BaseModel, Field, model_validator

from graph.database import Database
from graph.repositories.assets import ServiceProps
from graph.repositories.outcomes import InvalidField
from graph.repositories.values import stale_before

__all__ = ["SearchHit", "SearchPage", "SearchQuery", "lucene_query", "search_assets"]

_WORD = re.compile(r"\w+", re.UNICODE)
_SPECIAL = re.compile(r'([+\-!(){}\[\]^"~*?:\\/&|])')
_MAX_WORDS = 12
_CANDIDATES = 500


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
        raise InvalidField("text", "type at least one letter or digit to search for")
    return " OR ".join(clauses)


class SearchQuery(BaseModel):
    """A validated ``searchAssets`` request."""

    text: str = Field(min_length=1, max_length=200)
    latitude: float | None = Field(default=None, ge=-90, le=90)
    longitude: float | None = Field(default=None, ge=-180, le=180)
    radius_km: float | None = Field(default=None, gt=0, le=500)
    first: int = Field(default=20, ge=1, le=100)
    offset: int = Field(default=0, ge=0, le=_CANDIDATES * 2)

    @model_validator(mode="after")
    def _centre_complete(self) -> SearchQuery:
        given = [v is not None for v in (self.latitude, self.longitude, self.radius_km)]
        if any(given) and not all(given):
            raise ValueError("latitude, longitude and radiusKm go together")
        return self


class SearchHit(BaseModel):
    service: ServiceProps
    score: float
    distance_km: float | None = None
    stale: bool


class SearchPage(BaseModel):
    hits: list[SearchHit]
    has_next_page: bool
    total_count: int


async def search_assets(db: Database, query: SearchQuery) -> SearchPage:
    """One page of matching approved services: fresh first, then by score, then by id."""
    rows = await db.read(
        "search/search_assets",
        lucene=lucene_query(query.text),
        candidates=_CANDIDATES,
        latitude=query.latitude,
        longitude=query.longitude,
        radius_km=query.radius_km,
        stale_before=stale_before(),
        offset=query.offset,
        limit=query.first + 1,
    )
    total = int(rows[0]["total"]) if rows else 0
    found = [r for r in rows if r["id"] is not None]
    hits = [
        SearchHit(
            service=ServiceProps.from_props(r["props"]),
            score=r["score"],
            distance_km=r["distance_km"],
            stale=r["stale"],
        )
        for r in found[: query.first]
    ]
    return SearchPage(hits=hits, has_next_page=len(found) > query.first, total_count=total)
