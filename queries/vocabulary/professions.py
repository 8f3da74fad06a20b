"""Professions ("tribes") of people and sectors of organisations.

A tribe is the professional group a person belongs to; relationships between tribes are what
the relationship-gap analysis measures. :data:`SECTOR_TRIBES` says which tribes usually work
in which sector (the generator staffs organisations from it and the analysis reads it as the
sector a tribe belongs to).
"""

from __future__ import annotations

from queries.vocabulary.terms import Term, Vocabulary

__all__ = ["PROFESSIONAL_TRIBES", "SECTORS", "SECTOR_TRIBES", "TRIBES"]

TRIBES = Vocabulary(
    "profession",
    (
        Term("gp", "GP", "Meddyg teulu", ("general practitioner", "doctor", "meddyg")),
        Term("nurse", "Nurse", "Nyrs", ("practice nurse", "district nurse", "nyrsys")),
        Term("social_worker", "Social worker", "Gweithiwr cymdeithasol"),
        Term("ot", "Occupational therapist", "Therapydd galwedigaethol"),
        Term("physiotherapist", "Physiotherapist", "Ffisiotherapydd", ("physio",)),
        Term("cpn", "Community psychiatric nurse", "Nyrs seiciatrig gymunedol"),
        Term("support_worker", "Support worker", "Gweithiwr cymorth", ("care worker",)),
        Term("community_connector", "Community connector", "Cysylltydd cymunedol",
             ("link worker", "social prescriber", "presgripsiynydd cymdeithasol")),
        Term("volunteer", "Volunteer", "Gwirfoddolwr", ("gwirfoddolwyr",)),
        Term("planner", "Planner", "Cynllunydd", ("commissioner", "comisiynydd")),
        Term("councillor", "Councillor", "Cynghorydd"),
        Term("manager", "Manager", "Rheolwr"),
        Term("public_health", "Public health specialist", "Arbenigwr iechyd cyhoeddus"),
        Term("teacher", "Teacher", "Athro", ("athrawes",)),
        Term("pharmacist", "Pharmacist", "Fferyllydd"),
        Term("community_member", "Community member", "Aelod o'r gymuned",
             ("resident", "preswylydd")),
    ),
)  # fmt: skip

#: Tribes that sit in local geographic teams (the rest are not team members).
PROFESSIONAL_TRIBES: frozenset[str] = frozenset(
    {"gp", "nurse", "social_worker", "ot", "physiotherapist", "cpn", "support_worker",
     "community_connector", "pharmacist"}
)  # fmt: skip

SECTORS = Vocabulary(
    "sector",
    (
        Term("primary_care", "Primary care", "Gofal sylfaenol", ("general practice",)),
        Term("secondary_care", "Secondary care", "Gofal eilaidd", ("hospital care",)),
        Term("social_care", "Social care", "Gofal cymdeithasol"),
        Term("third_sector", "Third sector", "Trydydd sector",
             ("voluntary sector", "charities", "sector gwirfoddol")),
        Term("public_health", "Public health", "Iechyd cyhoeddus"),
        Term("education", "Education", "Addysg"),
        Term("housing", "Housing", "Tai"),
        Term("local_government", "Local government", "Llywodraeth leol",
             ("council", "local authority", "cyngor", "awdurdod lleol")),
    ),
)  # fmt: skip

#: Sector → (tribe, share of its staff). Plausible shares for the generated example network,
#: not measurements: a GP practice is mostly GPs, nurses and a manager; a third-sector group
#: mostly volunteers and community connectors.
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
