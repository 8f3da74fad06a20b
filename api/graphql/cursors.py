"""Opaque Relay cursors for keyset pagination over (distance, id).

A cursor is URL-safe base64 of the JSON ``[distance_km, node_id]`` of the last edge seen.
Cursors come back from clients, so decoding trusts nothing: the text is length-checked
before it is decoded (a huge cursor is refused unread), the JSON must be exactly a finite,
non-negative number and an id of sane length that is valid Unicode, and anything else —
nested brackets that would exhaust the JSON parser's recursion, lone surrogates, ``NaN`` —
is a validation error naming ``after``.
"""

from __future__ import annotations

import base64
import binascii
import json
import math

from graph.errors import ValidationFailed

__all__ = [
    "MAX_CURSOR_CHARS",
    "MAX_CURSOR_ID_CHARS",
    "decode_distance_cursor",
    "encode_distance_cursor",
]

#: The longest node id a cursor may carry (ids are a few dozen characters).
MAX_CURSOR_ID_CHARS = 256
#: The longest cursor accepted: base64 of a 24-character number and the longest id, quoted.
MAX_CURSOR_CHARS = 4 * ((MAX_CURSOR_ID_CHARS * 6 + 40) // 3 + 1)

_NOT_OURS = "after: not a cursor from this API; pass an endCursor or an edge's cursor"


def encode_distance_cursor(distance_km: float, node_id: str) -> str:
    """Encode the sort key of an edge; the next page starts strictly after it."""
    raw = json.dumps([distance_km, node_id], separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode()


def _refuse(reason: str | None = None) -> ValidationFailed:
    return ValidationFailed(f"{_NOT_OURS} ({reason})" if reason else _NOT_OURS)


def decode_distance_cursor(cursor: str) -> tuple[float, str]:
    """Decode a cursor made by :func:`encode_distance_cursor`; refuse anything else plainly."""
    if len(cursor) > MAX_CURSOR_CHARS:
        raise _refuse(f"{len(cursor):,} characters; a cursor has at most {MAX_CURSOR_CHARS}")
    try:
        value = json.loads(base64.urlsafe_b64decode(cursor.encode("ascii")))
    except (ValueError, UnicodeError, binascii.Error, RecursionError) as exc:
        raise _refuse() from exc
    if not isinstance(value, list) or len(value) != 2:
        raise _refuse()
    distance, node_id = value
    if (
        isinstance(distance, bool)
        or not isinstance(distance, int | float)
        or not math.isfinite(distance)
        or distance < 0
    ):
        raise _refuse("its distance is not a finite number of kilometres")
    if not isinstance(node_id, str) or not 0 < len(node_id) <= MAX_CURSOR_ID_CHARS:
        raise _refuse("its id is not an id")
    try:
        node_id.encode("utf-8")
    except UnicodeEncodeError as exc:  # a lone surrogate such as "\ud800"
        raise _refuse("its id is not valid Unicode") from exc
    if not node_id.isprintable():
        raise _refuse("its id holds control characters")
    return float(distance), node_id
