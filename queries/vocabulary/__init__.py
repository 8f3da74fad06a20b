"""The product's vocabularies, each in one place: id, English and Welsh labels, synonyms.

Loaders tag with these ids, the API filters on them and serves them (``GET /api/vocabulary``),
search expands typed words through them, analytics label their findings with them, and the web
UI shows the reader's language. Nothing else in the code base may spell a need, a service
kind, a day, a profession, a sector, an accessibility option or a relationship kind.
"""

from queries.vocabulary.accessibility import ACCESSIBILITY
from queries.vocabulary.connections import (
    CONNECTION_KINDS,
    FREQUENCIES,
    FREQUENCY_STRENGTH,
    WORKING_WAYS,
)
from queries.vocabulary.days import DAY_CODES, DAYS
from queries.vocabulary.needs import NEEDS, TAGGING_PHRASES
from queries.vocabulary.professions import PROFESSIONAL_TRIBES, SECTOR_TRIBES, SECTORS, TRIBES
from queries.vocabulary.relationships import PERSON_TIES, RELATIONSHIP_KINDS
from queries.vocabulary.service_types import (
    FREE_AT_POINT_OF_USE,
    SERVICE_TYPES,
    TYPE_NEEDS,
    WELSH_PUBLIC_BODY_KINDS,
)
from queries.vocabulary.terms import Language, Term, Vocabulary, fold

__all__ = [
    "ACCESSIBILITY",
    "ALL_VOCABULARIES",
    "CONNECTION_KINDS",
    "DAYS",
    "DAY_CODES",
    "FREE_AT_POINT_OF_USE",
    "FREQUENCIES",
    "FREQUENCY_STRENGTH",
    "NEEDS",
    "PERSON_TIES",
    "PROFESSIONAL_TRIBES",
    "RELATIONSHIP_KINDS",
    "SECTORS",
    "SECTOR_TRIBES",
    "SERVICE_TYPES",
    "TAGGING_PHRASES",
    "TRIBES",
    "TYPE_NEEDS",
    "WELSH_PUBLIC_BODY_KINDS",
    "WORKING_WAYS",
    "Language",
    "Term",
    "Vocabulary",
    "fold",
]

#: Every vocabulary by the name the API serves it under.
ALL_VOCABULARIES: dict[str, Vocabulary] = {
    "needs": NEEDS,
    "serviceTypes": SERVICE_TYPES,
    "days": DAYS,
    "accessibility": ACCESSIBILITY,
    "professions": TRIBES,
    "sectors": SECTORS,
    "relationships": RELATIONSHIP_KINDS,
    "frequencies": FREQUENCIES,
    "workingWays": WORKING_WAYS,
}
