"""Single points of failure: articulation points, bridges and minimum cuts between groups."""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Sequence
from itertools import combinations
from typing import Any, Literal

import networkx as nx

from ._common import json_id, node_sort_key, sorted_nodes

__all__ = ["articulation_points", "bridges", "group_cut", "group_cuts", "groups_of"]

CutEngine = Literal["auto", "networkx", "igraph"]

#: Graphs with at least this many nodes use igraph's max-flow in ``engine="auto"``.
IGRAPH_MIN_NODES = 2_000


def _undirected(G: nx.Graph) -> nx.Graph:
    return G.to_undirected(as_view=True) if G.is_directed() else G


def _igraph_of(H: nx.Graph) -> tuple[Any, list[Hashable]]:
    import igraph as ig

    nodes = list(H.nodes())
    index = {v: i for i, v in enumerate(nodes)}
    edges = [(index[u], index[v]) for u, v in H.edges() if u != v]
    return ig.Graph(n=len(nodes), edges=edges), nodes


def _use_igraph(H: nx.Graph, engine: CutEngine) -> bool:
    if engine not in ("auto", "networkx", "igraph"):
        raise ValueError(f"unknown engine {engine!r}")
    if engine == "auto":
        return len(H) >= IGRAPH_MIN_NODES and not H.is_multigraph()
    return engine == "igraph"


def articulation_points(G: nx.Graph, *, engine: CutEngine = "auto") -> list[Hashable]:
    """Nodes whose removal disconnects their component, sorted by id.

    Parameters
    ----------
    G : networkx.Graph or networkx.DiGraph
        Directed graphs are read as undirected.
    engine : {"auto", "networkx", "igraph"}
        ``"auto"``: igraph (C) from ``IGRAPH_MIN_NODES`` nodes; the same set either way.

    Returns
    -------
    list
        Cut vertices in id order.

    Notes
    -----
    Hopcroft-Tarjan depth-first search, O(n + m).

    References
    ----------
    .. [1] J. Hopcroft and R. Tarjan, "Algorithm 447: efficient algorithms for graph
       manipulation", Commun. ACM 16(6):372-378, 1973.

    Examples
    --------
    >>> articulation_points(nx.krackhardt_kite_graph())
    [7, 8]
    """
    H = _undirected(G)
    if _use_igraph(H, engine):
        h, nodes = _igraph_of(nx.Graph(H) if H.is_multigraph() else H)
        return sorted_nodes(nodes[i] for i in h.articulation_points())
    return sorted_nodes(set(nx.articulation_points(H)))


def bridges(G: nx.Graph, *, engine: CutEngine = "auto") -> list[list[Hashable]]:
    """Edges whose removal disconnects their component, each ``[lo, hi]``, sorted.

    Parameters
    ----------
    G : networkx.Graph or networkx.DiGraph
        Directed graphs are read as undirected, multigraphs as simple graphs (a doubled tie
        counts once); self-loops are never bridges.
    engine : {"auto", "networkx", "igraph"}
        As for :func:`articulation_points`.

    Returns
    -------
    list of [id, id]
        Each pair ordered by id; the list ordered lexicographically.

    Notes
    -----
    Chain decomposition (networkx) or Tarjan's DFS (igraph), O(n + m).

    References
    ----------
    .. [1] J. M. Schmidt, "A simple test on 2-vertex- and 2-edge-connectivity", Inf. Process.
       Lett. 113(7):241-244, 2013.

    Examples
    --------
    >>> bridges(nx.krackhardt_kite_graph())
    [[7, 8], [8, 9]]
    """
    H = _undirected(G)
    if H.is_multigraph():
        H = nx.Graph(H)
    if _use_igraph(H, engine):
        h, nodes = _igraph_of(H)
        found = [h.es[e].tuple for e in h.bridges()]
        pairs = [sorted_nodes((nodes[a], nodes[b])) for a, b in found]
    else:
        pairs = [sorted_nodes((u, v)) for u, v in nx.bridges(H)]
    pairs.sort(key=lambda p: (node_sort_key(p[0]), node_sort_key(p[1])))
    return pairs


def groups_of(G: nx.Graph, group_attr: str) -> dict[str, list[Hashable]]:
    """Members of each value of ``group_attr`` (nodes without it are left out), sorted."""
    out: dict[str, list[Hashable]] = {}
    for v, value in G.nodes(data=group_attr):
        if value is not None:
            out.setdefault(str(value), []).append(v)
    return {g: sorted_nodes(out[g]) for g in sorted(out)}


def group_cut(
    G: nx.Graph,
    members_a: Iterable[Hashable],
    members_b: Iterable[Hashable],
    *,
    engine: CutEngine = "auto",
    flow: _SplitFlow | None = None,
) -> list[Hashable]:
    """A minimum set of nodes whose removal leaves no path between two node sets.

    Parameters
    ----------
    G : networkx.Graph or networkx.DiGraph
        Read as undirected.
    members_a, members_b : iterable of nodes
        Disjoint node sets. Members themselves may be in the cut (a person who leaves).
    engine : {"auto", "networkx", "igraph"}
        networkx's ``minimum_node_cut`` on a graph with a super-source and a super-sink, or
        the same node-split max-flow solved by igraph (``"auto"``: igraph from
        ``IGRAPH_MIN_NODES`` nodes). Both give a cut of the same (minimum) size; which of
        several minimum cuts is returned may differ.
    flow : optional
        A prebuilt flow network of ``G`` (internal; lets :func:`group_cuts` build it once).

    Returns
    -------
    list
        The cut, sorted by id; empty when the sets are already apart (or one is empty).

    Notes
    -----
    A super-source joins every node of A, a super-sink every node of B, and the minimum
    s-t vertex cut of that graph is the answer (Menger). With node splitting this is one
    unit-capacity max-flow: O(sqrt(n)·m) to O(n·m) depending on the solver.

    References
    ----------
    .. [1] S. Even and R. E. Tarjan, "Network flow and testing graph connectivity",
       SIAM J. Comput. 4(4):507-518, 1975.
    """
    H = _undirected(G)
    a = [v for v in members_a if v in H]
    b = [v for v in members_b if v in H]
    if set(a) & set(b):
        raise ValueError("the two groups share nodes")
    if not a or not b:
        return []
    use = engine
    if use == "auto":
        use = "igraph" if len(H) >= IGRAPH_MIN_NODES else "networkx"
    if use == "igraph":
        return (flow or _SplitFlow(H)).cut(a, b)
    if use != "networkx":
        raise ValueError(f"unknown engine {engine!r}")
    return _cut_networkx(H, a, b)


def _cut_networkx(H: nx.Graph, a: list[Hashable], b: list[Hashable]) -> list[Hashable]:
    source, sink = ("__cut_source__",), ("__cut_sink__",)
    K = nx.Graph(H)
    K.add_edges_from((source, v) for v in a)
    K.add_edges_from((v, sink) for v in b)
    if not nx.has_path(K, source, sink):
        return []
    return sorted_nodes(nx.minimum_node_cut(K, source, sink))


class _SplitFlow:
    """The node-split flow network of a graph, built once and reused for many cuts."""

    def __init__(self, H: nx.Graph) -> None:
        self.nodes = list(H.nodes())
        n = len(self.nodes)
        self.index = {v: i for i, v in enumerate(self.nodes)}
        # node v becomes v_in = v and v_out = v + n joined by a unit arc; a tie u-v becomes
        # arcs u_out -> v_in and v_out -> u_in of capacity n + 1 (more than any cut)
        self.big = float(n + 1)
        self.edges: list[tuple[int, int]] = [(i, i + n) for i in range(n)]
        self.caps: list[float] = [1.0] * n
        for u, v in H.edges():
            iu, iv = self.index[u], self.index[v]
            if iu != iv:
                self.edges += [(iu + n, iv), (iv + n, iu)]
                self.caps += [self.big, self.big]

    def cut(self, a: list[Hashable], b: list[Hashable]) -> list[Hashable]:
        import igraph as ig

        n = len(self.nodes)
        s, t = 2 * n, 2 * n + 1
        extra = [(s, self.index[v]) for v in a] + [(self.index[v] + n, t) for v in b]
        flow = ig.Graph(n=2 * n + 2, edges=self.edges + extra, directed=True)
        cut = flow.mincut(source=s, target=t, capacity=self.caps + [self.big] * len(extra))
        if cut.value == 0:
            return []
        return sorted_nodes(self.nodes[e] for e in cut.cut if e < n)


def group_cuts(
    G: nx.Graph,
    group_attr: str,
    pairs: Sequence[tuple[str, str]] | None = None,
    *,
    max_pairs: int = 10,
    engine: CutEngine = "auto",
) -> list[dict[str, Any]]:
    """How many (and which) nodes must leave before two groups lose touch, per group pair.

    Parameters
    ----------
    G : networkx.Graph or networkx.DiGraph
    group_attr : str
        Node attribute defining the groups (``"tribe"``, ``"sector"``...).
    pairs : sequence of (str, str), optional
        Group pairs to cut. Default: the seed pairs of interest present in ``G``
        (:data:`queries.analytics.mixing.SEED_PAIRS`), or, when none is present, every pair
        of groups in name order; at most ``max_pairs`` either way.
    max_pairs : int, default 10
        Cap on the default pairs (each is one max-flow).
    engine : {"auto", "networkx", "igraph"}
        See :func:`group_cut`.

    Returns
    -------
    list of dict
        ``{"groups": [a, b], "cut": [ids]}``, smallest cut first, then by group names.

    Notes
    -----
    One max-flow per pair (see :func:`group_cut`).
    """
    from .mixing import seed_pairs_present

    members = groups_of(G, group_attr)
    if pairs is None:
        chosen = seed_pairs_present(members)
        if not chosen:
            chosen = list(combinations(sorted(members), 2))
        chosen = chosen[:max_pairs]
    else:
        chosen = [(str(x), str(y)) for x, y in pairs]
    H = _undirected(G)
    use = engine
    if use == "auto":
        use = "igraph" if len(H) >= IGRAPH_MIN_NODES else "networkx"
    flow = _SplitFlow(H) if use == "igraph" and chosen else None
    found = []
    for x, y in chosen:
        cut = group_cut(G, members.get(x, []), members.get(y, []), engine=use, flow=flow)
        found.append((len(cut), x, y, cut))
    found.sort(key=lambda r: (r[0], r[1], r[2]))
    return [{"groups": [x, y], "cut": [json_id(v) for v in cut]} for _, x, y, cut in found]
