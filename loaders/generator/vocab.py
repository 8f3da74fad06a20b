"""Vocabulary of the generator: tribes, sectors, who works where, names.

Tribe and sector names are the graph model's (``docs/model.md``). The weights are
plausible shares, not measurements: a GP practice is mostly GPs, nurses and a manager; a
third-sector group mostly volunteers and community connectors.
"""

from __future__ import annotations

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

TRIBES: tuple[str, ...] = (
    "gp", "nurse", "social_worker", "ot", "physiotherapist", "cpn", "support_worker",
    "community_connector", "volunteer", "planner", "councillor", "manager", "public_health",
    "teacher", "pharmacist", "community_member",
)  # fmt: skip

#: Tribes that sit in local geographic teams (the rest are not team members).
PROFESSIONAL_TRIBES: frozenset[str] = frozenset(
    {"gp", "nurse", "social_worker", "ot", "physiotherapist", "cpn", "support_worker",
     "community_connector", "pharmacist"}
)  # fmt: skip

SECTORS: tuple[str, ...] = (
    "primary_care", "secondary_care", "social_care", "third_sector", "public_health",
    "education", "housing", "local_government",
)  # fmt: skip

#: Sector → (tribe, weight) of its staff.
SECTOR_TRIBES: dict[str, tuple[tuple[str, float], ...]] = {
    "primary_care": (("gp", 0.35), ("nurse", 0.3), ("pharmacist", 0.1), ("manager", 0.1),
                     ("physiotherapist", 0.05), ("community_connector", 0.1)),
    "secondary_care": (("nurse", 0.4), ("ot", 0.12), ("physiotherapist", 0.12), ("cpn", 0.14),
                       ("manager", 0.1), ("planner", 0.07), ("support_worker", 0.05)),
    "social_care": (("social_worker", 0.35), ("support_worker", 0.35), ("ot", 0.1),
                    ("manager", 0.1), ("nurse", 0.1)),
    "third_sector": (("volunteer", 0.45), ("community_connector", 0.2),
                     ("support_worker", 0.2), ("manager", 0.15)),
    "public_health": (("public_health", 0.6), ("planner", 0.25), ("manager", 0.15)),
    "education": (("teacher", 0.8), ("manager", 0.1), ("support_worker", 0.1)),
    "housing": (("support_worker", 0.6), ("manager", 0.2), ("planner", 0.2)),
    "local_government": (("planner", 0.3), ("councillor", 0.3), ("manager", 0.2),
                         ("community_connector", 0.2)),
}  # fmt: skip

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
