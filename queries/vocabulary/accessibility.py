"""Accessibility of a place, as a connector filters on it.

HSDS stores accessibility as free text on a location (``Accessibility.description``); the
filter matches a term when any of its words occurs in that text, so "wheelchair accessible
entrance" counts as ``wheelchair``.
"""

from __future__ import annotations

from queries.vocabulary.terms import Term, Vocabulary

__all__ = ["ACCESSIBILITY"]

ACCESSIBILITY = Vocabulary(
    "accessibility",
    (
        Term("wheelchair", "Wheelchair access", "Mynediad i gadeiriau olwyn",
             ("wheelchair accessible", "cadair olwyn")),
        Term("step_free", "Step-free access", "Mynediad heb risiau",
             ("step free", "level access", "ramp", "mynediad gwastad")),
        Term("hearing_loop", "Hearing loop", "Dolen sain",
             ("induction loop", "loop system", "dolen glywed")),
        Term("accessible_toilet", "Accessible toilet", "Toiled hygyrch",
             ("disabled toilet", "toiled i bobl anabl")),
        Term("disabled_parking", "Disabled parking", "Parcio i bobl anabl",
             ("blue badge parking", "parcio bathodyn glas")),
        Term("bsl", "British Sign Language", "Iaith Arwyddion Prydain",
             ("sign language", "iaith arwyddion")),
    ),
)  # fmt: skip
