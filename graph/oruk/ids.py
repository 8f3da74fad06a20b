"""Stable ids for records whose source ids are not UUIDs.

ORUK 3.0 requires RFC 4122 UUIDs for every ``id`` and ``*_id``; real feeds carry integers and
slugs. Such ids are kept as the source's id (``source_id``) and a UUID is minted with
:func:`uuid.uuid5` from the source and the entity kind, so the same record of the same feed
always gets the same UUID and two kinds sharing a source id ("1") never collide.

Examples
--------
>>> mint_id("oruk:bristol", "service", "42") == mint_id("oruk:bristol", "service", 42)
True
>>> is_uuid("ac148810-d857-441c-9679-408f346de14b"), is_uuid("42")
(True, False)
"""

from __future__ import annotations

import re
import uuid

__all__ = ["COMMONGRAPH_NAMESPACE", "is_uuid", "mint_id", "stable_id"]

#: uuid5 namespace of commongraph (itself uuid5 of the URL namespace and the project name).
COMMONGRAPH_NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "https://commongraph.invalid/oruk")

_UUID = re.compile(r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$")


def is_uuid(value: object) -> bool:
    """True when ``value`` is a string in the 8-4-4-4-12 hex form the ORUK schemas check."""
    return isinstance(value, str) and _UUID.match(value) is not None


def mint_id(source: str, kind: str, source_id: object) -> str:
    """The uuid5 of ``source``, ``kind`` and ``source_id`` (lower-case, stable across runs)."""
    return str(uuid.uuid5(COMMONGRAPH_NAMESPACE, f"{source}\x1f{kind}\x1f{source_id}"))


def stable_id(source: str, kind: str, source_id: object) -> str:
    """``source_id`` itself when it is a UUID (kept exactly as spelled), else :func:`mint_id`."""
    if is_uuid(source_id):
        return str(source_id)
    return mint_id(source, kind, source_id)
