"""Who talks to whom: group x group tie counts, random-mixing expectations and the E-I index."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import networkx as nx

from ._common import cap, plain_float

__all__ = [
    "ANY_GROUP",
    "SEED_PAIRS",
    "degree_totals",
    "ei_index",
    "expected_ties",
    "group_gaps",
    "mixing_matrix",
    "seed_pairs_present",
]

#: Wildcard in :data:`SEED_PAIRS`: the other side is every other group present.
ANY_GROUP = "*"

#: Pairs of groups whose contact leaders always want to see, whether or not they are among
#: the worst gaps. Values cover both ``tribe`` and ``sector`` groupings; a pair is reported
#: when both of its groups occur in the graph.
#: primary <-> secondary care; planners <-> communities; councillors <-> NHS managers;
#: GPs <-> schools/teachers; public health <-> everyone.
SEED_PAIRS: tuple[tuple[str, str], ...] = (
    ("primary_care", "secondary_care"),
    ("gp", "consultant"),
    ("planner", "community"),
    ("planner", "community_connector"),
    ("local_government", "community"),
    ("councillor", "manager"),
    ("local_government", "secondary_care"),
    ("gp", "teacher"),
    ("primary_care", "education"),
    ("public_health", ANY_GROUP),
)


def seed_pairs_present(groups: Iterable[str]) -> list[tuple[str, str]]:
    """The :data:`SEED_PAIRS` whose groups both occur in ``groups`` (wildcards expanded).

    Each pair is returned once, its two names in sorted order, in the order of
    :data:`SEED_PAIRS` (a wildcard expands in name order).
    """
    present = sorted(set(groups))
    out: list[tuple[str, str]] = []
    seen: set[tuple[str, str]] = set()
    for a, b in SEED_PAIRS:
        if a not in present:
            continue
        others = [g for g in present if g != a] if b == ANY_GROUP else [b]
        for other in others:
            if other not in present or other == a:
                continue
            x, y = sorted((a, other))
            if (x, y) not in seen:
                seen.add((x, y))
                out.append((x, y))
    return out


def _grouped_edges(
    G: nx.Graph, group_attr: str, weight: str | None
) -> Iterable[tuple[str, str, float]]:
    groups = {v: str(g) for v, g in G.nodes(data=group_attr) if g is not None}
    for u, v, w in G.edges(data=weight, default=1.0):
        if u in groups and v in groups and u != v:
            yield groups[u], groups[v], float(w if weight is not None else 1.0)


def mixing_matrix(
    G: nx.Graph, group_attr: str, *, weight: str | None = None
) -> dict[tuple[str, str], float]:
    """Ties between (and within) groups: ``{(a, b): count}`` with ``a <= b``.

    Parameters
    ----------
    G : networkx.Graph or networkx.DiGraph
        Directed ties are counted once each, whatever their direction.
    group_attr : str
        Node attribute defining the groups; nodes without it (and their ties) are left out.
    weight : str or None
        Sum this edge attribute instead of counting ties.

    Returns
    -------
    dict
        Unordered group pair (sorted) -> number (or weight) of ties. Self-loops are ignored.

    Notes
    -----
    O(n + m).
    """
    out: dict[tuple[str, str], float] = {}
    for a, b, w in _grouped_edges(G, group_attr, weight):
        key = (a, b) if a <= b else (b, a)
        out[key] = out.get(key, 0.0) + w
    return dict(sorted(out.items()))


def degree_totals(matrix: Mapping[tuple[str, str], float]) -> dict[str, float]:
    """Sum of tie ends per group (``D_a``) from a :func:`mixing_matrix`."""
    totals: dict[str, float] = {}
    for (a, b), count in matrix.items():
        totals[a] = totals.get(a, 0.0) + count
        totals[b] = totals.get(b, 0.0) + count
    return totals


def expected_ties(matrix: Mapping[tuple[str, str], float]) -> dict[tuple[str, str], float]:
    """Ties expected between each group pair if ties were made at random, degrees kept.

    Parameters
    ----------
    matrix : mapping
        A :func:`mixing_matrix`.

    Returns
    -------
    dict
        ``{(a, b): expected}`` for every pair of groups present (``a <= b``).

    Notes
    -----
    Configuration-model expectation. With ``m`` ties and ``D_a`` tie ends in group ``a``,
    Newman's fraction of tie ends under random mixing is ``e_ab = a_a·a_b`` with
    ``a_a = D_a / 2m``, so the expected number of ties is ``D_a·D_b / (2m)`` between two
    different groups and ``D_a² / (4m)`` inside one (the expectations add up to ``m``).
    O(g²) for ``g`` groups.

    References
    ----------
    .. [1] M. E. J. Newman, "Mixing patterns in networks", Phys. Rev. E 67, 026126, 2003.
    """
    totals = degree_totals(matrix)
    m = sum(matrix.values())
    out: dict[tuple[str, str], float] = {}
    if m == 0:
        return out
    names = sorted(totals)
    for i, a in enumerate(names):
        for b in names[i:]:
            da, db = totals[a], totals[b]
            out[(a, b)] = da * da / (4 * m) if a == b else da * db / (2 * m)
    return out


def ei_index(G: nx.Graph, group_attr: str, *, weight: str | None = None) -> dict[str, Any]:
    """Krackhardt & Stern's E-I index, overall and per group.

    Parameters
    ----------
    G : networkx.Graph or networkx.DiGraph
    group_attr : str
    weight : str or None
        Weigh ties by this edge attribute.

    Returns
    -------
    dict
        ``{"overall": float | None, "groups": {group: float | None}}``. ``(E - I)/(E + I)``
        with ``E`` ties leaving the group and ``I`` ties inside it: -1 wholly inward, +1
        wholly outward; ``None`` when a group has no ties.

    Notes
    -----
    Overall, each external tie counts once. O(n + m).

    References
    ----------
    .. [1] D. Krackhardt and R. N. Stern, "Informal networks and organizational crises: an
       experimental simulation", Soc. Psychol. Q. 51(2):123-140, 1988.
    """
    matrix = mixing_matrix(G, group_attr, weight=weight)
    internal: dict[str, float] = {}
    external: dict[str, float] = {}
    for (a, b), count in matrix.items():
        if a == b:
            internal[a] = internal.get(a, 0.0) + count
        else:
            external[a] = external.get(a, 0.0) + count
            external[b] = external.get(b, 0.0) + count

    def index(e: float, i: float) -> float | None:
        return None if e + i == 0 else plain_float((e - i) / (e + i))

    groups = sorted(set(internal) | set(external))
    total_i = sum(internal.values())
    total_e = sum(c for (a, b), c in matrix.items() if a != b)
    return {
        "overall": index(total_e, total_i),
        "groups": {g: index(external.get(g, 0.0), internal.get(g, 0.0)) for g in groups},
    }


def group_gaps(
    G: nx.Graph,
    group_attr: str,
    *,
    top: int | None = 20,
    pairs: Sequence[tuple[str, str]] | None = None,
    include_seed_pairs: bool = True,
    weight: str | None = None,
) -> list[dict[str, Any]]:
    """Group pairs with far fewer ties than random mixing predicts, worst first.

    Parameters
    ----------
    G : networkx.Graph or networkx.DiGraph
    group_attr : str
    top : int or None, default 20
        Cap on the worst pairs listed; the seed pairs of interest present in the graph are
        added whatever the cap (``include_seed_pairs``).
    pairs : sequence of (str, str), optional
        Only consider these pairs (otherwise every pair of distinct groups).
    include_seed_pairs : bool, default True
        Always list the :data:`SEED_PAIRS` present.
    weight : str or None

    Returns
    -------
    list of dict
        ``{"groups": [a, b], "ties": int, "expected": float}`` ordered by shortfall ratio
        ``1 - ties/expected`` descending (then by expected descending, then names).

    Notes
    -----
    Expectation from :func:`expected_ties`. Pairs with nothing expected are left out.
    O(n + m + g² log g).
    """
    matrix = mixing_matrix(G, group_attr, weight=weight)
    expected = expected_ties(matrix)
    if pairs is None:
        keys = [k for k in expected if k[0] != k[1]]
    else:
        keys = [(a, b) if a <= b else (b, a) for a, b in ((str(x), str(y)) for x, y in pairs)]
    rows = []
    for key in dict.fromkeys(keys):
        exp = expected.get(key, 0.0)
        if exp <= 0:
            continue
        ties = matrix.get(key, 0.0)
        rows.append((1 - ties / exp, exp, key, ties))
    rows.sort(key=lambda r: (-round(r[0], 12), -r[1], r[2]))
    chosen = cap(rows, top)
    if include_seed_pairs:
        seeds = set(seed_pairs_present(degree_totals(matrix)))
        chosen_keys = {r[2] for r in chosen}
        chosen += [r for r in rows if r[2] in seeds and r[2] not in chosen_keys]
        chosen.sort(key=lambda r: (-round(r[0], 12), -r[1], r[2]))
    return [
        {
            "groups": [key[0], key[1]],
            "ties": int(ties) if weight is None else plain_float(ties),
            "expected": plain_float(exp, 6),
        }
        for _, exp, key, ties in chosen
    ]
