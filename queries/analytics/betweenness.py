"""Shortest-path betweenness centrality, exact or sampled, with a fast igraph engine.

networkx is the reference; the igraph engine computes the same quantity (to floating-point
rounding) much faster, and with the same ``k`` and integer ``seed`` it samples the very same
source nodes, so the two engines agree on sampled values too.
"""

from __future__ import annotations

import os
import random
from collections.abc import Hashable, Sequence
from typing import Any, Literal, TypedDict, Unpack

import networkx as nx

from ._common import json_id, node_name, node_sort_key, plain_float, resolve_rng

__all__ = ["BetweennessOptions", "Engine", "betweenness", "brokers", "sample_sources"]

Engine = Literal["auto", "networkx", "igraph"]


class BetweennessOptions(TypedDict, total=False):
    """How :func:`betweenness` computes (its keyword arguments), for :func:`brokers` to pass
    on as they were given."""

    k: int | None
    seed: int | random.Random | None
    normalized: bool
    weight: str | None
    engine: Engine
    n_jobs: int | None
    stratify: str | Sequence[str] | None


#: Graphs with at least this many nodes are renumbered (reverse Cuthill-McKee) before the
#: igraph run: neighbours get nearby ids, which makes each BFS more cache-friendly.
REORDER_MIN_NODES = 20_000

#: Work is split over processes only for graphs and source counts at least this large (below
#: that, starting the processes costs more than it saves).
PARALLEL_MIN_NODES = 5_000
PARALLEL_MIN_SOURCES = 32


def _igraph_available() -> bool:
    try:
        import igraph  # noqa: F401
    except ImportError:  # pragma: no cover - igraph is a declared dependency
        return False
    return True


def sample_sources(
    G: nx.Graph,
    k: int | None,
    seed: int | random.Random | None = None,
    *,
    stratify: str | Sequence[str] | None = None,
) -> list[Hashable] | None:
    """The ``k`` source nodes of sampled betweenness.

    Parameters
    ----------
    G : networkx.Graph or networkx.DiGraph
    k : int or None
        Number of sources; ``None`` or ``k == len(G)`` means all nodes (exact), returned as
        ``None``.
    seed : int, random.Random or None
        Without ``stratify`` an ``int`` reproduces networkx's own choice for that seed.
    stratify : str or sequence of str, optional
        Node attributes (e.g. ``("area_id", "organisation_id")``). Nodes are ordered by them
        (then by id) and every ``n/k``-th one is taken from a random start: a systematic
        sample, implicitly stratified, so each group gets its share of sources. Every node
        still has inclusion probability ``k/n``, so the networkx scaling stays unbiased,
        and the ranking of close scores is steadier than with a plain random sample.

    Returns
    -------
    list or None
        The sampled nodes, or ``None`` for exact betweenness.
    """
    if k is None or k == len(G):
        return None
    if k < 1 or k > len(G):
        raise ValueError(f"k must be between 1 and {len(G)} (the number of nodes), got {k}")
    rng = resolve_rng(seed)
    if stratify is None:
        return rng.sample(list(G.nodes()), k)
    attrs = [stratify] if isinstance(stratify, str) else list(stratify)
    order = sorted(
        G.nodes(data=True),
        key=lambda item: (
            tuple(str(item[1].get(a, "")) for a in attrs),
            node_sort_key(item[0]),
        ),
    )
    step = len(order) / k
    start = rng.uniform(0, step)
    return [order[min(int(start + i * step), len(order) - 1)][0] for i in range(k)]


def _rescale(
    raw: dict[Hashable, float],
    n: int,
    *,
    normalized: bool,
    directed: bool,
    sources: Sequence[Hashable] | None,
) -> dict[Hashable, float]:
    """Scale raw ordered-pair sums exactly as ``networkx.betweenness_centrality`` does.

    The raw sums count each ordered (s, t) pair with s among the sources. Without sampling
    the factor is ``1/((n-1)(n-2))`` normalised, ``1/2`` raw undirected. With ``k`` sampled
    sources networkx (>= 3.5) scales a sampled node by ``1/((k-1)(n-2))`` and any other node
    by ``1/(k(n-2))`` (normalised), or ``(n-1)/((k-1)c)`` and ``(n-1)/(kc)`` raw, where
    ``c`` is 2 for undirected graphs and 1 for directed ones.
    """
    big_n = n - 1
    if big_n < 2:
        return raw
    correction = 1 if directed else 2
    if sources is None:
        scale = 1 / (big_n * (big_n - 1)) if normalized else big_n / (big_n * correction)
        return {v: b * scale for v, b in raw.items()} if scale != 1 else raw
    k = len(sources)
    nan = float("nan")
    if normalized:
        scale_source = 1 / ((k - 1) * (big_n - 1)) if k > 1 else nan
        scale_other = 1 / (k * (big_n - 1))
    else:
        scale_source = big_n / ((k - 1) * correction) if k > 1 else nan
        scale_other = big_n / (k * correction)
    chosen = set(sources)
    return {v: b * (scale_source if v in chosen else scale_other) for v, b in raw.items()}


def _subset_worker(args: tuple[Any, list[int] | None, bool, list[float] | None]) -> list[float]:
    h, src, directed, weights = args
    values: list[float] = h.betweenness(directed=directed, weights=weights, sources=src)
    return values


def _subset_betweenness(
    h: Any, src: list[int] | None, directed: bool, weights: list[float] | None, n_jobs: int
) -> list[float]:
    """igraph subset betweenness, split over ``n_jobs`` worker processes when worthwhile."""
    n = h.vcount()
    count = n if src is None else len(src)
    if n_jobs <= 1 or count < 2 * PARALLEL_MIN_SOURCES or n < PARALLEL_MIN_NODES:
        return _subset_worker((h, src, directed, weights))
    import multiprocessing as mp
    from concurrent.futures import ProcessPoolExecutor

    import numpy as np

    pool_src = list(range(n)) if src is None else src
    jobs = min(n_jobs, count // PARALLEL_MIN_SOURCES)
    chunks = [pool_src[i::jobs] for i in range(jobs)]
    method = "fork" if "fork" in mp.get_all_start_methods() else "spawn"
    with ProcessPoolExecutor(max_workers=jobs, mp_context=mp.get_context(method)) as pool:
        parts = list(pool.map(_subset_worker, [(h, c, directed, weights) for c in chunks]))
    total = np.sum(np.asarray(parts, dtype=np.float64), axis=0)
    return [float(x) for x in total]


def _raw_igraph(
    G: nx.Graph, sources: Sequence[Hashable] | None, weight: str | None, n_jobs: int = 1
) -> dict[Hashable, float]:
    """Raw ordered-pair betweenness sums computed by igraph's C Brandes implementation."""
    import igraph as ig

    nodes = list(G.nodes())
    n = len(nodes)
    index = {v: i for i, v in enumerate(nodes)}
    edges = [(index[u], index[v]) for u, v in G.edges()]
    perm: list[int] | None = None
    if n >= REORDER_MIN_NODES:
        perm = _rcm_order(n, edges)
        edges = [(perm[u], perm[v]) for u, v in edges]
    directed = G.is_directed()
    h = ig.Graph(n=n, edges=edges, directed=directed)
    weights = None
    if weight is not None:
        weights = [float(d.get(weight, 1)) for _, _, d in G.edges(data=True)]
    src: list[int] | None = None
    if sources is not None:
        src = [index[s] for s in sources]
        if perm is not None:
            src = [perm[s] for s in src]
    values = _subset_betweenness(h, src, directed, weights, n_jobs)
    # igraph halves undirected sums (unordered pairs); networkx's raw sums are ordered pairs.
    factor = 1.0 if directed else 2.0
    if perm is None:
        return {v: values[i] * factor for i, v in enumerate(nodes)}
    return {v: values[perm[i]] * factor for i, v in enumerate(nodes)}


def _rcm_order(n: int, edges: Sequence[tuple[int, int]]) -> list[int]:
    """New id for each old id, from scipy's reverse Cuthill-McKee ordering."""
    import numpy as np
    import scipy.sparse as sp
    from scipy.sparse.csgraph import reverse_cuthill_mckee

    if not edges:
        return list(range(n))
    arr = np.asarray(edges, dtype=np.int64)
    data = np.ones(len(arr), dtype=np.int8)
    a = sp.coo_matrix((data, (arr[:, 0], arr[:, 1])), shape=(n, n)).tocsr()
    a = (a + a.T).tocsr()
    order = reverse_cuthill_mckee(a, symmetric_mode=True)
    new_id = np.empty(n, dtype=np.int64)
    new_id[order] = np.arange(n, dtype=np.int64)
    return [int(x) for x in new_id]


def betweenness(
    G: nx.Graph,
    *,
    k: int | None = None,
    seed: int | random.Random | None = None,
    normalized: bool = True,
    weight: str | None = None,
    engine: Engine = "auto",
    n_jobs: int | None = 1,
    stratify: str | Sequence[str] | None = None,
) -> dict[Hashable, float]:
    """Shortest-path betweenness of every node, normalised exactly as networkx does.

    Parameters
    ----------
    G : networkx.Graph or networkx.DiGraph
        Simple graph (multigraphs always use the networkx engine).
    k : int or None, default None
        ``None``: exact (Brandes over all sources). Otherwise the number of sampled source
        nodes (pivots); values are inflated as :func:`networkx.betweenness_centrality` does.
    seed : int, random.Random or None
        Seed of the source sample; an ``int`` picks the same sources networkx picks.
    normalized : bool, default True
        Divide by the number of (s, t) pairs, as networkx does.
    weight : str or None
        Edge attribute used as a *distance* (not a strength); ``None`` counts hops.
    engine : {"auto", "networkx", "igraph"}
        ``"auto"`` uses igraph when it is installed and the graph is not a multigraph.
    n_jobs : int or None, default 1
        igraph engine only: split the sources over this many worker processes (``None``: one
        per CPU). Sums then differ from the serial ones only by floating-point rounding.
    stratify : str or sequence of str, optional
        Systematic sample over nodes ordered by these attributes (see
        :func:`sample_sources`); igraph engine only, and then no longer the sample networkx
        would draw.

    Returns
    -------
    dict
        Node -> betweenness (plain floats), in ``G``'s node order.

    Notes
    -----
    Brandes' algorithm: O(k·m) time for unweighted graphs (O(k·(m + n log n)) weighted) and
    O(n + m) memory, with ``k = n`` when exact. The igraph engine runs the same algorithm in
    C (igraph's subset betweenness with the sampled sources and every target) and renumbers
    large graphs by reverse Cuthill-McKee for locality; sums are rescaled by the networkx
    formula, so the engines agree to rounding (tests check a relative 1e-9).

    References
    ----------
    .. [1] U. Brandes, "A faster algorithm for betweenness centrality", J. Math. Sociol.
       25(2):163-177, 2001.
    .. [2] U. Brandes and C. Pich, "Centrality estimation in large networks", Int. J.
       Bifurcation and Chaos 17(7):2303-2318, 2007.

    Examples
    --------
    >>> G = nx.krackhardt_kite_graph()
    >>> round(betweenness(G, normalized=False)[7], 6)
    14.0
    """
    use = engine
    if use == "auto":
        use = "igraph" if _igraph_available() and not G.is_multigraph() else "networkx"
    if use == "networkx":
        if stratify is not None:
            raise ValueError("stratify needs the igraph engine")
        if k is not None and not 1 <= k <= len(G):
            raise ValueError(f"k must be between 1 and {len(G)}, got {k}")
        ref = nx.betweenness_centrality(G, k=k, normalized=normalized, weight=weight, seed=seed)
        return {v: float(b) for v, b in ref.items()}
    if use != "igraph":
        raise ValueError(f"unknown engine {engine!r}")
    if G.is_multigraph():
        raise ValueError("the igraph engine needs a simple graph; use engine='networkx'")
    sources = sample_sources(G, k, seed, stratify=stratify)
    jobs = (os.cpu_count() or 1) if n_jobs is None else n_jobs
    raw = _raw_igraph(G, sources, weight, jobs)
    scaled = _rescale(raw, len(G), normalized=normalized, directed=G.is_directed(), sources=sources)
    return {v: float(b) for v, b in scaled.items()}


def brokers(
    G: nx.Graph,
    top: int | None = 20,
    *,
    kinds: Sequence[str] | None = None,
    **options: Unpack[BetweennessOptions],
) -> list[dict[str, Any]]:
    """The nodes with the highest betweenness: ``[{"id","name","betweenness"}]``.

    Parameters
    ----------
    G : networkx.Graph or networkx.DiGraph
    top : int or None, default 20
        Length cap (``None``: every node).
    kinds : sequence of str, optional
        Only list nodes whose ``kind`` attribute is one of these (paths still run through
        every node).
    **options
        ``k``, ``seed``, ``normalized``, ``weight``, ``engine``, ``n_jobs``, ``stratify``: as
        for :func:`betweenness` (:class:`BetweennessOptions`), with its defaults.

    Returns
    -------
    list of dict
        Descending betweenness (compared to 12 significant digits), ties broken by id.

    Notes
    -----
    Cost is that of :func:`betweenness` plus O(n log n) for sorting.
    """
    scores = betweenness(G, **options)
    rows = [(v, b) for v, b in scores.items() if kinds is None or G.nodes[v].get("kind") in kinds]
    # rounded to 12 significant digits so that ties survive summation-order rounding
    rows.sort(key=lambda r: (-float(f"{r[1]:.12g}"), node_sort_key(r[0])))
    if top is not None:
        rows = rows[:top]
    return [
        {"id": json_id(v), "name": node_name(G.nodes[v], v), "betweenness": plain_float(b)}
        for v, b in rows
    ]
