"""Opaque Relay cursors for keyset pagination over (distance, id)."""

from __future__ import annotations

import base64
import binascii
import json

from graph.errors import ValidationFailed

__all__ = ["decode_distance_cursor", "encode_distance_cursor"]


def encode_distance_cursor(distance_km: float, node_id: str) -> str:
    """Encode the sort key of an edge; the next page starts strictly after it."""
    raw = json.dumps([distance_km, node_id], separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode()


def decode_distance_cursor(cursor: str) -> tuple[float, str]:
    """Decode a cursor made by :func:`encode_distance_cursor`; reject anything else plainly."""
    try:
        distance, node_id = json.loads(base64.urlsafe_b64decode(cursor.encode()))
        return float(distance), str(node_id)
    except (ValueError, TypeError, binascii.Error, UnicodeDecodeError) as exc:
        raise ValidationFailed(
            "after: not a cursor from this API; pass an endCursor or an edge's cursor"
        ) from exc
