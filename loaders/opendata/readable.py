"""Names and addresses that read well: registers publish many in capitals ("CLARE ROAD
MEDICAL CENTRE"), and repeat the name as the first line of the address.

Only text written entirely in capitals is recased, so a publisher's own mixed case ("BRASS
Bolton", "McDonald House") is kept. Known acronyms and words without vowels (NHS, GP, CIC,
"LHB") stay in capitals; short joining words in English and Welsh stay lower case inside a
name ("Canolfan Iechyd y Bont", "Friends of the Park").
"""

from __future__ import annotations

import re

from queries.vocabulary import fold

__all__ = ["ACRONYMS", "address_lines", "readable_case"]

#: Words kept in capitals when a name is recased.
ACRONYMS: frozenset[str] = frozenset(
    {"NHS", "GP", "GPS", "CIC", "UK", "YMCA", "YWCA", "LHB", "UHB", "HQ", "PLC", "CVS",
     "AVOW", "MIND", "RNIB", "RNID", "NCT", "WRVS", "TLC", "ICT", "II", "III", "IV", "MS",
     "ME", "CP", "SCIO", "CAB", "BME", "LGBT", "LGBTQ", "MHA", "AFC", "FC", "RFC", "CC",
     "AC", "BCUHB", "ABUHB", "CTMUHB", "SBUHB", "HDUHB", "PTHB", "CVUHB"}
)  # fmt: skip

_LOWER_INSIDE = frozenset(
    {"and", "of", "the", "for", "in", "on", "at", "to", "with",
     "y", "yr", "a'r", "ac", "ar", "yn", "dan", "ger"}
)  # fmt: skip
#: Abbreviations without vowels that are read as words, not letters.
_TITLES = {"DR": "Dr", "ST": "St", "MR": "Mr", "MRS": "Mrs", "LTD": "Ltd", "RD": "Rd"}
_TOKEN = re.compile(r"[A-Za-zÀ-ÿŴŶŵŷ0-9]+(?:['’][A-Za-zÀ-ÿŴŶŵŷ]+)*|[^A-Za-zÀ-ÿŴŶŵŷ0-9]+")
_VOWELS = set("AEIOUYWÀÁÂÄÈÉÊËÌÍÎÏÒÓÔÖÙÚÛÜŴŶ")


def _recase_word(word: str, first: bool) -> str:
    if word.upper() in _TITLES:
        return _TITLES[word.upper()]
    if word.upper() in ACRONYMS or any(c.isdigit() for c in word):
        return word.upper()
    if len(word) > 1 and not _VOWELS & set(word.upper()):
        return word.upper()  # no vowel: an abbreviation ("DR" aside), e.g. "CTM"
    lower = word.lower()
    if not first and lower in _LOWER_INSIDE:
        return lower
    if lower.startswith("mc") and len(lower) > 2:
        return "Mc" + lower[2:].capitalize()
    head, sep, tail = lower.partition("'")
    if sep and len(tail) > 1:  # o'brien → O'Brien; mary's stays Mary's
        return head.capitalize() + sep + tail.capitalize()
    return head.capitalize() + sep + tail


def readable_case(text: str | None) -> str | None:
    """``text`` recased when it is written all in capitals; otherwise unchanged.

    >>> readable_case("CLARE ROAD MEDICAL CENTRE")
    'Clare Road Medical Centre'
    >>> readable_case("DR A ARORA'S PRACTICE")
    "Dr A Arora's Practice"
    >>> readable_case("ST MARY'S NHS HEALTH CENTRE")
    "St Mary's NHS Health Centre"
    >>> readable_case("CANOLFAN IECHYD Y BONT")
    'Canolfan Iechyd y Bont'
    >>> readable_case("27-29 THOMAS STREET")
    '27-29 Thomas Street'
    >>> readable_case("BRASS Bolton")
    'BRASS Bolton'
    """
    if text is None or not any(c.isalpha() for c in text) or text != text.upper():
        return text
    out: list[str] = []
    first = True
    for token in _TOKEN.findall(text):
        if token[0].isalnum():
            out.append(_recase_word(token, first))
            first = False
        else:
            out.append(token)
            first = first or "(" in token
    return "".join(out)


def address_lines(name: str | None, *lines: str | None) -> list[str]:
    """The address lines, recased, without blanks, repeats or a line that is the name.

    >>> address_lines("BETTWS HEALTH CENTRE", "BETTWS HEALTH CENTRE", "MONNOW WAY", "BETTWS")
    ['Monnow Way', 'Bettws']
    """
    seen = {fold(name)} if name else set()
    kept: list[str] = []
    for line in lines:
        if line is None or not line.strip() or fold(line) in seen:
            continue
        seen.add(fold(line))
        kept.append(readable_case(line.strip()) or line.strip())
    return kept
