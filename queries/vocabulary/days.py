"""Days of the week as HSDS writes them (``byday``: RFC 5545 two-letter codes)."""

from __future__ import annotations

from queries.vocabulary.terms import Term, Vocabulary

__all__ = ["DAYS", "DAY_CODES"]

DAYS = Vocabulary(
    "day",
    (
        Term("MO", "Monday", "Dydd Llun", ("mon", "mondays", "llun")),
        Term("TU", "Tuesday", "Dydd Mawrth", ("tue", "tues", "tuesdays", "mawrth")),
        Term("WE", "Wednesday", "Dydd Mercher", ("wed", "weds", "wednesdays", "mercher")),
        Term("TH", "Thursday", "Dydd Iau", ("thu", "thur", "thurs", "thursdays", "iau")),
        Term("FR", "Friday", "Dydd Gwener", ("fri", "fridays", "gwener")),
        Term("SA", "Saturday", "Dydd Sadwrn", ("sat", "saturdays", "sadwrn")),
        Term("SU", "Sunday", "Dydd Sul", ("sun", "sundays", "sul")),
    ),
)

#: The codes in week order, Monday first (``MO`` … ``SU``).
DAY_CODES: tuple[str, ...] = DAYS.ids()
