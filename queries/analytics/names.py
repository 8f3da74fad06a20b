"""Normalising organisation and service names, phones and web domains for matching."""

from __future__ import annotations

import re
import unicodedata
from urllib.parse import urlsplit

__all__ = [
    "GENERIC_DOMAINS",
    "LEGAL_SUFFIXES",
    "name_tokens",
    "normalise_name",
    "phone_key",
    "web_domain",
]

#: Legal-form words dropped from names wherever they occur.
LEGAL_SUFFIXES: frozenset[str] = frozenset(
    {"ltd", "limited", "cic", "cio", "plc", "llp", "inc", "incorporated", "lp"}
)
#: Multi-word legal forms dropped from names.
_LEGAL_PHRASES: tuple[tuple[str, ...], ...] = (
    ("community", "interest", "company"),
    ("charitable", "incorporated", "organisation"),
    ("charitable", "incorporated", "organization"),
)
_STOPWORDS = frozenset({"the", "and", "of", "a", "an"})
_SYNONYMS: dict[str, str] = {
    "centre": "centre",
    "center": "centre",
    "ctr": "centre",
    "assoc": "association",
    "assn": "association",
    "grp": "group",
    "svc": "service",
    "svcs": "services",
    "dr": "doctor",
    "mt": "mount",
}

#: Mail and web hosts shared by unrelated bodies: equal domains there prove nothing.
GENERIC_DOMAINS: frozenset[str] = frozenset(
    {
        "gmail.com",
        "googlemail.com",
        "hotmail.com",
        "hotmail.co.uk",
        "outlook.com",
        "live.com",
        "live.co.uk",
        "yahoo.com",
        "yahoo.co.uk",
        "icloud.com",
        "aol.com",
        "btinternet.com",
        "btopenworld.com",
        "sky.com",
        "talktalk.net",
        "virginmedia.com",
        "nhs.net",
        "nhs.uk",
        "wales.nhs.uk",
        "gov.uk",
        "gov.wales",
        "facebook.com",
        "instagram.com",
        "twitter.com",
        "x.com",
        "linktr.ee",
        "wixsite.com",
        "wordpress.com",
        "eventbrite.co.uk",
    }
)

_NON_ALNUM = re.compile(r"[^0-9a-z]+")
_INITIALS = re.compile(r"\b(?:[a-z]\.){2,}")


def _fold(text: str) -> str:
    """Casefold and strip accents (NFKD, combining marks removed)."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def name_tokens(name: str) -> list[str]:
    """Tokens of a normalised name.

    Accents and case are folded; dotted initials close up (``C.I.C.`` -> ``cic``);
    apostrophes vanish (``St John's`` -> ``st johns``); ``&`` and
    ``+`` read as ``and``; other punctuation separates words; ``st`` means ``saint`` except
    as the last word (``High St``, then ``street``); a few abbreviations are expanded
    (``ctr``/``center`` -> ``centre``...); legal forms (Ltd, CIC, Community Interest Company
    ...) and stop words (the, and, of, a, an) are dropped.

    Examples
    --------
    >>> name_tokens("St. John's Centre & Café Ltd")
    ['saint', 'johns', 'centre', 'cafe']
    """
    text = _fold(name).replace("'", "").replace("’", "").replace("`", "")
    text = text.replace("&", " and ").replace("+", " and ")
    text = _INITIALS.sub(lambda m: m.group().replace(".", ""), text)  # C.I.C. -> cic
    words = [w for w in _NON_ALNUM.split(text) if w]
    for phrase in _LEGAL_PHRASES:
        size = len(phrase)
        i = 0
        while i + size <= len(words):
            if tuple(words[i : i + size]) == phrase:
                del words[i : i + size]
            else:
                i += 1
    out: list[str] = []
    for i, w in enumerate(words):
        if w in LEGAL_SUFFIXES or w in _STOPWORDS:
            continue
        if w == "st":
            w = "street" if i == len(words) - 1 and i > 0 else "saint"
        elif w in ("ste", "saints"):
            w = "saint"
        out.append(_SYNONYMS.get(w, w))
    return out


def normalise_name(name: str) -> str:
    """:func:`name_tokens` joined by single spaces."""
    return " ".join(name_tokens(name))


def phone_key(phone: str | None) -> str | None:
    """The national significant number of a UK-style phone, digits only, or None.

    ``+44 (0)1234 567890``, ``0044 1234 567890`` and ``01234-567890`` all give
    ``"1234567890"``; fewer than 6 digits gives None.
    """
    if not phone:
        return None
    digits = re.sub(r"\D", "", phone)
    if digits.startswith("00"):
        digits = digits[2:]
    if digits.startswith("440"):
        digits = digits[3:]
    elif digits.startswith("44") and len(digits) >= 12:
        digits = digits[2:]
    digits = digits.lstrip("0")
    return digits if len(digits) >= 6 else None


def web_domain(value: str | None) -> str | None:
    """Registered host of a URL or of an e-mail address, lower case, without ``www.``."""
    if not value:
        return None
    value = value.strip().lower()
    if "@" in value and "/" not in value:
        host = value.rsplit("@", 1)[1]
    else:
        host = urlsplit(value if "//" in value else f"//{value}").hostname or ""
    host = host.strip(".")
    if host.startswith("www."):
        host = host[4:]
    return host or None
