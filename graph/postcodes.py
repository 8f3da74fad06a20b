"""UK postcodes: their shape and their normal form, shared by the API and the loaders.

A UK postcode is an outward code (area letters, district digits, sometimes a letter) and an
inward code (a digit and two letters), as Royal Mail writes them: ``CF10 1AA``, ``LL14 5LN``,
``M1 1AE``, ``W1A 0AX``. The normal form is upper case with one space before the inward code.
Only the shape is checked, not that the postcode exists (the postcode tables say that).
"""

from __future__ import annotations

import re

__all__ = ["normalise_postcode"]

_SHAPE = re.compile(r"^[A-Z]{1,2}[0-9][A-Z0-9]?[0-9][A-Z]{2}$")


def normalise_postcode(value: str | None) -> str | None:
    """``"OUTWARD INWARD"`` for anything shaped like a UK postcode, else ``None``.

    >>> normalise_postcode(" ll145ln ")
    'LL14 5LN'
    >>> normalise_postcode("CH5  1XS")
    'CH5 1XS'
    >>> normalise_postcode("not a postcode") is None
    True
    """
    if not value:
        return None
    compact = re.sub(r"\s+", "", value).upper()
    if not _SHAPE.match(compact):
        return None
    return f"{compact[:-3]} {compact[-3:]}"
