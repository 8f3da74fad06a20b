"""The language a request asks for, for the few messages the server writes itself.

Most of what a person reads comes from the UI's own catalogues (English and Welsh); the
server's refusals that arrive before any handler runs (too many requests, at capacity) are
written here in both languages and chosen by ``Accept-Language`` (RFC 9110 §12.5.4).
"""

from __future__ import annotations

from typing import Literal

__all__ = ["Language", "preferred_language"]

Language = Literal["en", "cy"]


def preferred_language(accept_language: str | None) -> Language:
    """``"cy"`` when Welsh is the client's highest-weighted language among ours, else ``"en"``.

    >>> preferred_language("cy-GB,cy;q=0.9,en;q=0.5")
    'cy'
    >>> preferred_language("en-GB,cy;q=0.8")
    'en'
    >>> preferred_language(None)
    'en'
    """
    best: tuple[float, Language] = (0.0, "en")
    for part in (accept_language or "").split(","):
        tag, _, params = part.strip().partition(";")
        weight = 1.0
        params = params.strip()
        if params.startswith("q="):
            try:
                weight = float(params[2:])
            except ValueError:
                continue
        primary = tag.strip().lower().split("-")[0]
        if primary in ("en", "cy") and weight > best[0]:
            best = (weight, "cy" if primary == "cy" else "en")
    return best[1]
