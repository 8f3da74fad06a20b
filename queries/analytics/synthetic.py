"""Seeded generator of professional-network graphs of a realistic shape (for tests and bench).

People cluster in organisations (dense inside), organisations sit in areas (a few ties across
organisations of the same area), there are very few ties across areas, and a handful of
brokers know people everywhere.
"""

from __future__ import annotations

import networkx as nx
import numpy as np

__all__ = ["SECTOR_TRIBES", "clustered_network"]

#: Tribes found in each sector, most common first (a person's tribe is drawn from these).
SECTOR_TRIBES: dict[str, tuple[str, ...]] = {
    "primary_care": ("gp", "nurse", "manager", "physiotherapist"),
    "secondary_care": ("nurse", "consultant", "ot", "physiotherapist", "manager"),
    "social_care": ("social_worker", "support_worker", "ot", "manager"),
    "third_sector": ("volunteer", "community_connector", "support_worker", "manager"),
    "public_health": ("public_health", "planner", "manager"),
    "education": ("teacher", "manager"),
    "housing": ("support_worker", "manager", "planner"),
    "local_government": ("planner", "councillor", "manager"),
    "community": ("community", "volunteer", "community_connector"),
}


def clustered_network(
    n: int,
    m: int,
    *,
    seed: int = 0,
    org_size: int = 50,
    area_size: int = 2_000,
    n_brokers: int = 8,
    shares: tuple[float, float, float, float] = (0.85, 0.12, 0.02, 0.01),
    activity_sigma: float = 1.0,
) -> nx.Graph:
    """A seeded undirected graph of ``n`` people and (about) ``m`` ``KNOWS`` ties.

    Parameters
    ----------
    n, m : int
        Number of person nodes and of edges (exactly ``m`` unless the graph is too small to
        hold that many distinct ties).
    seed : int
        Seed of numpy's ``default_rng``; the same seed gives the same graph.
    org_size, area_size : int
        Mean number of people per organisation and per area.
    n_brokers : int
        People whose ties are spread over the whole graph.
    shares : tuple of 4 floats
        Fractions of the ties that are inside an organisation, across organisations of one
        area, across areas, and held by brokers.
    activity_sigma : float, default 1.0
        Each person's activity is lognormal(0, sigma) and both ends of a tie are drawn in
        proportion to it (Chung-Lu style), giving the heavy-tailed degrees of real social
        networks; 0 draws ends uniformly (Poisson-like degrees).

    Returns
    -------
    networkx.Graph
        Nodes ``"p000000"``... with ``kind="person"``, ``name``, ``tribe``,
        ``organisation_id``, ``sector``, ``area_id``; edges with ``type="KNOWS"`` and
        ``weight=1.0``.

    Notes
    -----
    O(n + m) time with numpy, plus networkx's graph construction.
    """
    rng = np.random.default_rng(seed)
    n_orgs = max(1, n // org_size)
    n_areas = max(1, n // area_size)
    org = np.sort(rng.integers(0, n_orgs, n))
    org_start = np.searchsorted(org, np.arange(n_orgs))
    org_count = np.bincount(org, minlength=n_orgs)
    sectors = list(SECTOR_TRIBES)
    org_sector = rng.integers(0, len(sectors), n_orgs)
    org_area = rng.integers(0, n_areas, n_orgs)
    area = org_area[org]
    by_area = np.argsort(area, kind="stable")
    area_start = np.searchsorted(area[by_area], np.arange(n_areas))
    area_count = np.bincount(area, minlength=n_areas)

    activity = rng.lognormal(0.0, activity_sigma, n) if activity_sigma > 0 else np.ones(n)
    cum = np.concatenate([[0.0], np.cumsum(activity)])
    cum_area = np.concatenate([[0.0], np.cumsum(activity[by_area])])

    def pick_in(c: np.ndarray, start: np.ndarray, count: np.ndarray, size: int) -> np.ndarray:
        # a position in [start, start + count) drawn in proportion to activity
        lo, hi = c[start], c[start + count]
        pos = np.searchsorted(c, lo + rng.random(size) * (hi - lo), side="right") - 1
        return np.asarray(np.clip(pos, start, start + count - 1))

    def anyone(size: int) -> np.ndarray:
        return pick_in(cum, np.zeros(size, np.int64), np.full(size, n, np.int64), size)

    broker_ids = rng.choice(n, size=min(n_brokers, n), replace=False)

    def batch(size: int) -> np.ndarray:
        want = (np.asarray(shares) * size).astype(np.int64)
        u1 = anyone(want[0])
        v1 = pick_in(cum, org_start[org[u1]], org_count[org[u1]], want[0])
        u2 = anyone(want[1])
        a2 = area[u2]
        v2 = by_area[pick_in(cum_area, area_start[a2], area_count[a2], want[1])]
        u3, v3 = anyone(want[2]), anyone(want[2])
        u4, v4 = rng.choice(broker_ids, size=want[3]), anyone(want[3])
        u = np.concatenate([u1, u2, u3, u4])
        v = np.concatenate([v1, v2, v3, v4])
        keep = u != v
        lo = np.minimum(u[keep], v[keep])
        hi = np.maximum(u[keep], v[keep])
        return np.asarray(np.unique(lo * n + hi))

    # repeated ties collapse, so draw batches until m distinct ties exist (or give up)
    pairs = batch(int(m * 1.1))
    for _ in range(20):
        if len(pairs) >= m:
            break
        pairs = np.union1d(pairs, batch(int((m - len(pairs)) * 1.5) + 10))
    pairs = rng.permutation(pairs)[:m]
    lo, hi = pairs // n, pairs % n

    tribes = np.empty(n, dtype=object)
    pick = rng.random(n)
    for i in range(n):
        options = SECTOR_TRIBES[sectors[org_sector[org[i]]]]
        # the first tribe of a sector is the most common one (half of its people)
        j = 0 if pick[i] < 0.5 else 1 + int((pick[i] - 0.5) * 2 * (len(options) - 1))
        tribes[i] = options[min(j, len(options) - 1)]

    G = nx.Graph()
    ids = [f"p{i:06d}" for i in range(n)]
    G.add_nodes_from(
        (
            ids[i],
            {
                "kind": "person",
                "name": f"Person {i}",
                "tribe": tribes[i],
                "organisation_id": f"o{int(org[i]):05d}",
                "sector": sectors[int(org_sector[org[i]])],
                "area_id": f"a{int(area[i]):04d}",
            },
        )
        for i in range(n)
    )
    G.add_edges_from(
        (ids[a], ids[b], {"type": "KNOWS", "weight": 1.0})
        for a, b in zip(lo.tolist(), hi.tolist(), strict=True)
    )
    G.graph["brokers"] = sorted(ids[int(b)] for b in broker_ids)
    return G
