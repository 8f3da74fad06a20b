"""Opening hours from the shipped files → HSDS weekly schedules (RFC 5545 ``BYDAY``).

Two shapes occur: per-day columns of ``HH:MM-HH:MM[,HH:MM-HH:MM]`` or ``CLOSED`` (NHS
pharmacy data), and free text such as ``"Tuesday & Thursday 10am - 2pm"`` (food banks).
Days with the same opening are grouped into one schedule (``byday="MO,TU,WE"``). Free text
that does not follow a simple "days times" pattern is kept whole as the schedule's
``description`` — stored faithfully, never guessed.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from loaders.opendata.asset import OpeningHours
from queries.vocabulary import DAY_CODES

__all__ = ["DAY_CODES", "hours_from_day_columns", "hours_from_text"]

_DAY_WORDS = {
    "mon": 0, "monday": 0, "mondays": 0,
    "tue": 1, "tues": 1, "tuesday": 1, "tuesdays": 1,
    "wed": 2, "weds": 2, "wednesday": 2, "wednesdays": 2,
    "thu": 3, "thur": 3, "thurs": 3, "thursday": 3, "thursdays": 3,
    "fri": 4, "friday": 4, "fridays": 4,
    "sat": 5, "saturday": 5, "saturdays": 5,
    "sun": 6, "sunday": 6, "sundays": 6,
}  # fmt: skip
_INTERVAL = re.compile(r"^(\d{1,2}):(\d{2})\s*-\s*(\d{1,2}):(\d{2})$")
_DAY = r"(?:mon|tue|tues|wed|weds|thu|thur|thurs|fri|sat|sun)[a-z]*"
_TIME = r"(\d{1,2})(?:[:.](\d{2}))?\s*(am|pm|noon)?"
_TEXT = re.compile(
    rf"^\s*(?P<days>{_DAY}(?:\s*(?:-|–|&|and|,)\s*{_DAY})*)\s+"
    rf"(?P<open>{_TIME})\s*(?:-|–|to)\s*(?P<close>{_TIME})\s*\.?\s*$",
    re.IGNORECASE,
)


def _hhmm(hour: int, minute: int) -> str | None:
    if not (0 <= hour <= 24 and 0 <= minute < 60):
        return None
    return f"{hour:02d}:{minute:02d}:00"


def hours_from_day_columns(days: Mapping[int, str | None]) -> list[OpeningHours]:
    """Schedules from per-day opening strings (``{0: "09:00-18:00", 6: "CLOSED"}``).

    Days are grouped by identical intervals; one schedule per (interval, day group).
    A value that is neither ``CLOSED`` nor intervals becomes a description on its day.

    >>> [h.byday for h in hours_from_day_columns({0: "09:00-17:00", 1: "09:00-17:00"})]
    ['MO,TU']
    """
    groups: dict[tuple[str, str], list[int]] = {}
    notes: list[OpeningHours] = []
    for day in sorted(days):
        value = (days[day] or "").strip()
        if not value or value.upper() == "CLOSED":
            continue
        parsed: list[tuple[str, str]] = []
        for part in value.split(","):
            match = _INTERVAL.match(part.strip())
            opens = _hhmm(int(match[1]), int(match[2])) if match else None
            closes = _hhmm(int(match[3]), int(match[4])) if match else None
            if opens is None or closes is None:
                parsed = []
                break
            parsed.append((opens, closes))
        if not parsed:
            notes.append(OpeningHours(byday=DAY_CODES[day], description=value))
            continue
        for interval in parsed:
            groups.setdefault(interval, []).append(day)
    out = [
        OpeningHours(byday=",".join(DAY_CODES[d] for d in ds), opens_at=o, closes_at=c)
        for (o, c), ds in sorted(groups.items(), key=lambda kv: (kv[1][0], kv[0]))
    ]
    return out + notes


def _clock(hour: str, minute: str | None, suffix: str | None, *, closing: bool) -> str | None:
    h, m = int(hour), int(minute or 0)
    suffix = (suffix or "").lower()
    if suffix == "pm" and h < 12:
        h += 12
    elif suffix == "am" and h == 12:
        h = 0
    elif not suffix and closing and h < 8:
        h += 12  # "1 - 3" in a daytime opening means 13:00-15:00
    return _hhmm(h, m)


def _days(text: str) -> list[int] | None:
    tokens = re.split(r"\s*(-|–|&|and|,)\s*", text.strip().lower())
    out: list[int] = []
    pending_range = False
    for token in tokens:
        if token in {"-", "–"}:
            pending_range = True
            continue
        if token in {"&", "and", ","}:
            continue
        day = _DAY_WORDS.get(token)
        if day is None:
            return None
        if pending_range and out:
            start = out[-1]
            out.extend(range(start + 1, day + 1) if day > start else [])
            pending_range = False
        else:
            out.append(day)
    return sorted(set(out)) or None


def hours_from_text(text: str | None) -> list[OpeningHours]:
    """Schedules from free text; the text itself is always kept as the description.

    >>> h = hours_from_text("Tuesday & Thursday 10am - 2pm")[0]
    >>> (h.byday, h.opens_at, h.closes_at)
    ('TU,TH', '10:00:00', '14:00:00')
    >>> hours_from_text("By appointment")[0].byday is None
    True
    """
    if not text or text.strip().lower() in {"not known", "n/a", "not relevant"}:
        return []
    clean = " ".join(text.split())
    match = _TEXT.match(clean.replace("12noon", "12pm").replace("12 noon", "12pm"))
    if match:
        days = _days(match["days"])
        o = re.match(_TIME, match["open"].strip(), re.IGNORECASE)
        c = re.match(_TIME, match["close"].strip(), re.IGNORECASE)
        if days and o and c:
            close_suffix = c[3]
            open_suffix = o[3] or (close_suffix if close_suffix == "am" else None)
            closes = _clock(c[1], c[2], close_suffix, closing=True)
            opens = _clock(o[1], o[2], open_suffix, closing=False)
            if opens and closes and not o[3] and int(o[1]) < 12:
                later = _hhmm(int(o[1]) + 12, int(o[2] or 0))
                if later and later < closes:  # "2 - 4.30pm" is 14:00-16:30
                    opens = later
            if opens and closes and opens < closes:
                byday = ",".join(DAY_CODES[d] for d in days)
                return [
                    OpeningHours(byday=byday, opens_at=opens, closes_at=closes, description=clean)
                ]
    return [OpeningHours(description=text.strip())]
