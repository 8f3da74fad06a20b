"""Small helpers shared by the analytics modules (ordering, JSON-safe ids, capping)."""

from __future__ import annotations

import math
import random
from collections.abc import Hashable, Iterable, Sequence
from typing import Any, TypeVar

__all__ = [
    "cap",
    "json_id",
    "node_name",
    "node_sort_key",
    "plain_float",
    "resolve_rng",
    "sorted_nodes",
]

T = TypeVar("T")


def node_sort_key(node: Hashable) -> tuple[int, Any]:
    """Total order over node ids of mixed types: numbers first, then strings, then the rest."""
    if isinstance(node, bool):
        return (2, str(node))
    if isinstance(node, int | float):
        return (0, node)
    if isinstance(node, str):
        return (1, node)
    return (2, repr(node))


def sorted_nodes(nodes: Iterable[Hashable]) -> list[Hashable]:
    """Return ``nodes`` in the deterministic order of :func:`node_sort_key`."""
    return sorted(nodes, key=node_sort_key)


def json_id(node: Hashable) -> str | int | float:
    """A JSON-serialisable form of a node id (ids of other types become ``str``)."""
    if isinstance(node, str | int | float) and not isinstance(node, bool):
        return node
    return str(node)


def node_name(data: dict[str, Any], node: Hashable) -> str:
    """The ``name`` attribute of a node, falling back to its id."""
    name = data.get("name")
    return str(name) if name is not None else str(node)


def plain_float(value: float, digits: int | None = None) -> float:
    """A plain Python ``float`` (never numpy), optionally rounded; NaN and inf become 0.0."""
    f = float(value)
    if math.isnan(f) or math.isinf(f):
        return 0.0
    return round(f, digits) if digits is not None else f


def cap(items: Sequence[T], top: int | None) -> list[T]:
    """The first ``top`` items (all of them when ``top`` is None)."""
    if top is None:
        return list(items)
    if top < 0:
        raise ValueError(f"top must be >= 0 or None, got {top}")
    return list(items[:top])


def resolve_rng(seed: int | random.Random | None) -> random.Random:
    """A :class:`random.Random` from ``seed`` the way networkx's ``py_random_state`` does.

    An ``int`` gives ``random.Random(seed)`` (so a sample drawn here equals the one networkx
    draws with the same seed); a ``Random`` instance is used as is; ``None`` gives a fresh,
    unseeded generator.
    """
    if isinstance(seed, random.Random):
        return seed
    return random.Random(seed)
