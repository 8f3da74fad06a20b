"""GraphQL objects that show a repository record field for field.

Many GraphQL types here are a record of :mod:`graph.repositories` under the same field
names; :func:`view_of` copies those, so a type's ``of`` writes out only what it changes
(an id made a ``strawberry.ID``, a default filled in, a field under another name).
:func:`texts_of` does the same from a loose row (a map of stored values, as a service's
details come) for types whose fields are text.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:
    from _typeshed import DataclassInstance

__all__ = ["texts_of", "view_of"]

View = TypeVar("View", bound="DataclassInstance")


def view_of(cls: type[View], record: object, **changed: Any) -> View:
    """``cls`` with each of its fields taken from ``record``'s attribute of that name, but
    for those given in ``changed``.

    Strawberry types are dataclasses; their resolver fields are not set at construction
    and are left alone.

    >>> @dataclasses.dataclass
    ... class Shown:
    ...     id: str
    ...     name: str
    >>> @dataclasses.dataclass
    ... class Stored:
    ...     id: int
    ...     name: str
    ...     secret: str
    >>> view_of(Shown, Stored(7, "Library", "x"), id="7")
    Shown(id='7', name='Library')
    """
    copied = {
        f.name: getattr(record, f.name)
        for f in dataclasses.fields(cls)
        if f.init and f.name not in changed
    }
    return cls(**copied, **changed)


def texts_of(cls: type[View], row: Mapping[str, Any], **changed: Any) -> View:
    """``cls`` with each of its fields ``row``'s value of that name as text (None where the
    row has none), but for those given in ``changed``.

    For rows whose values are loosely typed (a stored property may be a number where text is
    expected): only types whose fields are all text, but for the ones ``changed`` gives.

    >>> @dataclasses.dataclass
    ... class Shown:
    ...     code: str | None
    ...     name: str | None
    ...     rank: int
    >>> texts_of(Shown, {"code": 7, "other": "x"}, rank=1)
    Shown(code='7', name=None, rank=1)
    """
    texts = {
        f.name: None if (value := row.get(f.name)) is None else str(value)
        for f in dataclasses.fields(cls)
        if f.init and f.name not in changed
    }
    return cls(**texts, **changed)
