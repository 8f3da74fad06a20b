"""Kinds of service, and the facts that follow from a service's kind by a stated rule.

The kind comes from the source (the GP practice register lists GP practices, the library
list lists libraries). From the kind alone, three facts are derived, each rule named so a
reader can see why a service carries it:

- :data:`TYPE_NEEDS` — needs every service of the kind addresses *by its nature*. A GP
  practice treats general health; it is not tagged dementia because GPs also see people with
  dementia (that would make every practice a dementia service). Condition-specific needs come
  from the service's own words (:data:`queries.vocabulary.needs.TAGGING_PHRASES`).
- :data:`FREE_AT_POINT_OF_USE` — kinds that never charge the person using them: NHS GP
  practices, public libraries (borrowing and use of the library), food banks.
- :data:`WELSH_PUBLIC_BODY_KINDS` — kinds run in Wales by bodies bound by the Welsh Language
  Standards (Welsh Language (Wales) Measure 2011): local authorities run public libraries,
  health boards run hospitals. Such a service in Wales offers Welsh; the tag says it is
  derived.
"""

from __future__ import annotations

from queries.vocabulary.terms import Term, Vocabulary

__all__ = [
    "FREE_AT_POINT_OF_USE",
    "SERVICE_TYPES",
    "TYPE_NEEDS",
    "WELSH_PUBLIC_BODY_KINDS",
]

SERVICE_TYPES = Vocabulary(
    "service_type",
    (
        Term("gp", "GP practice", "Meddygfa",
             ("gp surgery", "surgery", "doctor", "doctors", "gp practice", "medical centre",
              "medical practice", "health centre", "family doctor", "meddyg", "meddyg teulu",
              "meddygon", "canolfan iechyd", "canolfan feddygol", "meddygfeydd")),
        Term("pharmacy", "Pharmacy", "Fferyllfa",
             ("chemist", "chemists", "pharmacist", "pharmacies", "fferyllydd", "fferyllfeydd")),
        Term("hospital", "Hospital or NHS site", "Ysbyty neu safle'r GIG",
             ("hospital", "nhs site", "ysbyty", "ysbytai")),
        Term("library", "Library", "Llyfrgell", ("libraries", "llyfrgelloedd")),
        Term("food_bank", "Food bank", "Banc bwyd",
             ("foodbank", "foodbanks", "food banks", "food pantry", "pantry", "banciau bwyd",
              "pantri bwyd")),
        Term("mental_health", "Mental health support", "Cymorth iechyd meddwl",
             ("mental health service", "gwasanaeth iechyd meddwl")),
        Term("sport", "Sport and physical activity", "Chwaraeon a gweithgarwch corfforol",
             ("sports club", "club", "clwb", "clwb chwaraeon", "leisure centre",
              "canolfan hamdden")),
        Term("care_home", "Care home", "Cartref gofal",
             ("nursing home", "residential home", "care homes", "cartref nyrsio",
              "cartrefi gofal")),
        Term("charity", "Charity or community group", "Elusen neu grŵp cymunedol",
             ("charity", "charities", "voluntary group", "elusen",
              "elusennau", "grŵp cymunedol", "grŵp gwirfoddol")),
        Term("community_group", "Community group's own listing", "Rhestriad grŵp cymunedol",
             ("group", "grŵp")),
    ),
)  # fmt: skip

#: Kind → needs every service of that kind addresses by its nature (rule ``type:<kind>``).
TYPE_NEEDS: dict[str, tuple[str, ...]] = {
    "gp": ("poor_health",),
    "pharmacy": ("poor_health",),
    "hospital": ("poor_health",),
    "library": ("education",),
    "food_bank": ("food_poverty",),
    "mental_health": ("mental_health",),
    "sport": ("physical_activity",),
    "care_home": ("care_support",),
    "charity": (),
    "community_group": (),
}

#: Kinds that never charge the person using them (rule ``free:<kind>``).
FREE_AT_POINT_OF_USE: frozenset[str] = frozenset({"gp", "library", "food_bank"})

#: Kinds that, in Wales, are run by bodies bound by the Welsh Language Standards.
WELSH_PUBLIC_BODY_KINDS: frozenset[str] = frozenset({"library", "hospital"})
