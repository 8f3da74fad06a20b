"""Vocabulary of the generator: tribes, sectors, who works where, names.

Tribes, sectors and who works in which sector are the product vocabulary's
(:mod:`queries.vocabulary.professions`), not restated here. The weights are
plausible shares, not measurements: a GP practice is mostly GPs, nurses and a manager; a
third-sector group mostly volunteers and community connectors.
"""

from __future__ import annotations

from queries.vocabulary import PROFESSIONAL_TRIBES, SECTOR_TRIBES
from queries.vocabulary import SECTORS as SECTOR_TERMS
from queries.vocabulary import TRIBES as TRIBE_TERMS

#: The model's tribes and sectors (queries/vocabulary/professions.py), as ids in their order:
#: the generator draws from them, so their order is part of every seeded data set.
TRIBES: tuple[str, ...] = TRIBE_TERMS.ids()
SECTORS: tuple[str, ...] = SECTOR_TERMS.ids()

__all__ = [
    "FIRST_NAMES",
    "LAST_NAMES",
    "PLACE_PREFIXES",
    "PLACE_SUFFIXES",
    "PROFESSIONAL_TRIBES",
    "SECTORS",
    "SECTOR_STAFF",
    "SECTOR_TRIBES",
    "TRIBES",
]

#: Sector → (min, max) staff per organisation in the small (demo) scale.
SECTOR_STAFF: dict[str, tuple[int, int]] = {
    "primary_care": (3, 9),
    "secondary_care": (25, 45),
    "social_care": (4, 12),
    "third_sector": (1, 4),
    "public_health": (5, 10),
    "education": (5, 12),
    "housing": (4, 9),
    "local_government": (4, 10),
}

FIRST_NAMES: tuple[str, ...] = (
    "Rhys", "Siân", "Gareth", "Eleri", "Owain", "Ffion", "Dafydd", "Catrin", "Huw", "Megan",
    "Iwan", "Nia", "Tomos", "Carys", "Gethin", "Lowri", "Aled", "Bethan", "Emyr", "Manon",
    "Osian", "Elin", "Dylan", "Seren", "Cerys", "Geraint", "Angharad", "Ioan", "Mali", "Sioned",
    "James", "Sarah", "David", "Emma", "Mohammed", "Aisha", "Priya", "Daniel", "Laura", "Tom",
    "Grace", "Adam", "Hannah", "Olivia", "Jack", "Amir", "Zara", "Chloe", "Sam", "Ruth",
)  # fmt: skip

LAST_NAMES: tuple[str, ...] = (
    "Jones", "Williams", "Davies", "Evans", "Thomas", "Roberts", "Hughes", "Lewis", "Morgan",
    "Griffiths", "Price", "Owen", "Jenkins", "Powell", "Rees", "Lloyd", "Edwards", "Parry",
    "Pritchard", "Vaughan", "Khan", "Patel", "Smith", "Taylor", "Brown", "Wilson", "Ahmed",
    "Walker", "Wright", "Hall", "Green", "Baker", "Murphy", "Kelly", "Ali", "Singh",
)  # fmt: skip

PLACE_PREFIXES: tuple[str, ...] = (
    "Llan", "Aber", "Pen", "Tre", "Pont", "Caer", "Cwm", "Bryn", "Rhos", "Nant", "Glan",
    "Maes", "Coed", "Pwll", "Bron", "Dol", "Ystrad", "Llwyn", "Tal", "Cefn",
)  # fmt: skip

PLACE_SUFFIXES: tuple[str, ...] = (
    "dewi", "fair", "gwyn", "ddu", "teg", "wen", "isaf", "uchaf", "-y-bryn", "dyfi", "gele",
    "-y-groes", "fach", "fawr", "-y-cae", "elli", "bedr", "tawe", "-y-pant", "hir",
)  # fmt: skip
