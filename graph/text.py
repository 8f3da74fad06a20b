"""Text fit to store and to export: no control characters, no lone surrogates, NFC.

A name saved with ``U+0001`` in it broke every XML export (GraphML refused to write, GEXF
wrote a file nothing could parse), and a NUL byte from a feed went the same way. Every
entrance that stores text (the loaders, the API's input models) passes it through
:func:`clean_text`, and every export passes what it writes through :func:`xml_safe`, so
old data stored before this rule still exports to files that open.

What is removed:

* C0 control characters except tab, line feed and carriage return (U+0000–U+001F), DEL
  (U+007F) and the C1 controls (U+0080–U+009F): invisible, and illegal or discouraged in
  XML 1.0;
* lone surrogates (U+D800–U+DFFF): not characters at all, they cannot be encoded as UTF-8
  and make the Neo4j driver fail;
* the non-characters U+FFFE and U+FFFF, which XML 1.0 forbids.

Stored text is also put in Unicode normal form NFC, so a Welsh ``ŵ`` typed as ``w`` plus a
combining circumflex is found by a search for ``ŵ`` (Unicode Standard Annex #15).
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from pydantic import field_validator

__all__ = [
    "MAX_DEPTH",
    "Cleaned",
    "NestedTooDeeply",
    "clean_text",
    "clean_tree",
    "cleans_input_text",
    "export_safe",
    "stored_text",
    "stored_value",
    "xml_safe",
]

#: the deepest nesting of objects and arrays a record may have (HSDS records are under 15)
MAX_DEPTH = 100

_CONTROL = "\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f"
_SURROGATE = "\ud800-\udfff"
_NONCHARACTER = "\ufffe\uffff"
_REMOVED = re.compile(f"[{_CONTROL}{_SURROGATE}{_NONCHARACTER}]")


@dataclass(frozen=True)
class Cleaned:
    """Text after cleaning and what was done to it."""

    text: str
    controls: tuple[str, ...] = ()
    surrogates: int = 0
    noncharacters: int = 0
    normalised: bool = False

    @property
    def changed(self) -> bool:
        """True when the text differs from what was given."""
        return bool(self.controls or self.surrogates or self.noncharacters or self.normalised)

    def describe(self) -> str:
        """``removed 1 control character (U+0001)``: what a load report says."""
        parts = []
        if self.controls:
            codes = ", ".join(sorted({f"U+{ord(c):04X}" for c in self.controls}))
            parts.append(f"removed {_count(len(self.controls), 'control character')} ({codes})")
        if self.surrogates:
            parts.append(f"removed {_count(self.surrogates, 'lone surrogate')}")
        if self.noncharacters:
            parts.append(f"removed {_count(self.noncharacters, 'non-character')} (U+FFFE/U+FFFF)")
        if self.normalised:
            parts.append("put in Unicode normal form NFC")
        return "; ".join(parts) or "unchanged"


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def clean_text(value: str, *, normalise: bool = True) -> Cleaned:
    """``value`` without control characters, lone surrogates and non-characters (and in NFC).

    >>> clean_text("Knit\\x01 and Natter").describe()
    'removed 1 control character (U+0001)'
    >>> clean_text("line\\r\\nbreak\\ttab").changed
    False
    """
    found = _REMOVED.findall(value)
    text = _REMOVED.sub("", value) if found else value
    controls = tuple(c for c in found if c <= "\x9f")
    surrogates = sum(1 for c in found if "\ud800" <= c <= "\udfff")
    noncharacters = len(found) - len(controls) - surrogates
    normalised = False
    if normalise and not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
        normalised = True
    return Cleaned(text, controls, surrogates, noncharacters, normalised)


def stored_text(value: str) -> str:
    """The text to store for ``value`` (see :func:`clean_text`)."""
    if not _REMOVED.search(value) and unicodedata.is_normalized("NFC", value):
        return value
    return clean_text(value).text


def stored_value(value: Any) -> Any:
    """``value`` with every string in it (in lists and mappings too) made fit to store.

    For pydantic ``mode="before"`` validators on API input models: anything that is not text
    is returned as it is, for the model to judge.
    """
    if isinstance(value, str):
        return stored_text(value)
    if isinstance(value, list):
        return [stored_value(item) for item in value]
    if isinstance(value, Mapping):
        return {stored_value(k): stored_value(v) for k, v in value.items()}
    return value


def _stored_input(cls: type[Any], value: Any) -> Any:
    return stored_value(value)


def cleans_input_text() -> Any:
    """A pydantic validator that cleans every field's text before the model checks it.

    For API input models: ``_text = cleans_input_text()`` in the class body, so every
    mutation stores text as the loaders do (lengths and patterns judge the cleaned text).
    """
    return field_validator("*", mode="before")(classmethod(_stored_input))


def xml_safe(value: str) -> str:
    """``value`` with what XML 1.0 (and UTF-8) cannot carry removed; nothing else changed."""
    return _REMOVED.sub("", value) if _REMOVED.search(value) else value


def export_safe(value: Any) -> Any:
    """A document (mappings, lists, scalars) an exporter may write as JSON or XML.

    Strings lose what XML 1.0 and UTF-8 cannot carry; a number that is not finite (NaN,
    infinity: not JSON, not a coordinate) is left out of a mapping as if not set, and is
    None in a list. Old data stored before the loaders cleaned text still exports to a file
    that opens.
    """
    if isinstance(value, str):
        return xml_safe(value)
    if _not_finite(value):
        return None
    if isinstance(value, list | tuple):
        return [export_safe(item) for item in value]
    if isinstance(value, Mapping):
        return {export_safe(k): export_safe(v) for k, v in value.items() if not _not_finite(v)}
    return value


def _not_finite(value: Any) -> bool:
    return isinstance(value, float) and not math.isfinite(value)


class NestedTooDeeply(ValueError):
    """A record whose objects and arrays nest deeper than :data:`MAX_DEPTH`."""

    def __init__(self, path: str, limit: int) -> None:
        super().__init__(f"nests deeper than {limit} levels of objects and arrays")
        self.path = path
        self.limit = limit


def clean_tree(
    value: Any, *, path: str = "", max_depth: int = MAX_DEPTH
) -> tuple[Any, list[tuple[str, Cleaned]]]:
    """``value`` (parsed JSON or a CSV row) with every string cleaned, and what changed where.

    Each change is ``(path, Cleaned)``, the path written as the load report names fields
    (``service_at_locations[0].location.name``). Keys of mappings are cleaned too. Raises
    :class:`NestedTooDeeply` past ``max_depth`` levels, so no caller recurses without end.
    Parts that need no change are returned as they are (no copy), and a path is only
    spelt out when something changed, so a clean record costs little to check.
    """
    changes: list[tuple[str, Cleaned]] = []
    root: _Where = (None, path) if path else None
    return _walk(value, root, 0, max_depth, changes), changes


#: where a value sits: (where its container sits, key or index), None at the top
_Where = tuple[Any, str | int] | None


def _path(where: _Where) -> str:
    parts: list[str | int] = []
    while where is not None:
        where, part = where
        parts.append(part)
    text = ""
    for part in reversed(parts):
        if isinstance(part, int):
            text += f"[{part}]"
        else:
            text += f".{part}" if text else part
    return text


def _fine(text: str) -> bool:
    return not _REMOVED.search(text) and (text.isascii() or unicodedata.is_normalized("NFC", text))


def _walk(value: Any, where: _Where, depth: int, limit: int, out: list[tuple[str, Cleaned]]) -> Any:
    if isinstance(value, str):
        if _fine(value):
            return value
        cleaned = clean_text(value)
        out.append((_path(where), cleaned))
        return cleaned.text
    if isinstance(value, dict):
        if depth >= limit:
            raise NestedTooDeeply(_path(where), limit)
        result: dict[Any, Any] = {}
        same = True
        for key, item in value.items():
            name = key
            if isinstance(key, str) and not _fine(key):
                fixed = clean_text(key)
                name = fixed.text
                out.append((_path((where, name)), fixed))
                same = False
            new = _walk(item, (where, name), depth + 1, limit, out)
            same = same and new is item
            result[name] = new
        return value if same else result
    if isinstance(value, list):
        if depth >= limit:
            raise NestedTooDeeply(_path(where), limit)
        items = [_walk(item, (where, i), depth + 1, limit, out) for i, item in enumerate(value)]
        return value if all(a is b for a, b in zip(items, value, strict=True)) else items
    return value
