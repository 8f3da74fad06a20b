"""Betweenness: published answers, and the igraph engine equal to networkx."""

from __future__ import annotations

import networkx as nx
import pytest

from queries.analytics.betweenness import Engine, betweenness, brokers, sample_sources
from queries.analytics.synthetic import clustered_network


def assert_same(a: dict[object, float], b: dict[object, float], rel: float = 1e-9) -> None:
    assert a.keys() == b.keys()
    for v in b:
        assert a[v] == pytest.approx(b[v], rel=rel, abs=1e-12), v


@pytest.mark.parametrize("engine", ["networkx", "igraph"])
def test_medici_raw_betweenness_is_47_5(engine: Engine) -> None:
    G = nx.florentine_families_graph()
    assert betweenness(G, normalized=False, engine=engine)["Medici"] == pytest.approx(47.5)


@pytest.mark.parametrize("engine", ["networkx", "igraph"])
def test_karate_node_0_normalised_betweenness_is_0_4376(engine: Engine) -> None:
    scores = betweenness(nx.karate_club_graph(), engine=engine)
    assert scores[0] == pytest.approx(0.43763528, abs=1e-8)
    assert max(scores, key=lambda v: scores[v]) == 0


@pytest.mark.parametrize("engine", ["networkx", "igraph"])
def test_kite_heather_has_highest_raw_betweenness_14(engine: Engine) -> None:
    scores = betweenness(nx.krackhardt_kite_graph(), normalized=False, engine=engine)
    assert scores[7] == pytest.approx(14.0)
    assert sorted(scores, key=lambda v: -scores[v])[0] == 7


@pytest.mark.parametrize("seed", [0, 1, 2])
@pytest.mark.parametrize("directed", [False, True])
@pytest.mark.parametrize("normalized", [True, False])
def test_igraph_engine_equals_networkx_exact(seed: int, directed: bool, normalized: bool) -> None:
    G = nx.gnm_random_graph(120, 360, seed=seed, directed=directed)
    G.add_node("isolated")
    assert_same(
        betweenness(G, normalized=normalized, engine="igraph"),
        betweenness(G, normalized=normalized, engine="networkx"),
    )


@pytest.mark.parametrize("seed", [3, 4])
@pytest.mark.parametrize("directed", [False, True])
@pytest.mark.parametrize("normalized", [True, False])
def test_igraph_engine_equals_networkx_sampled_with_same_seed(
    seed: int, directed: bool, normalized: bool
) -> None:
    G = nx.gnm_random_graph(150, 450, seed=seed, directed=directed)
    kwargs = {"k": 20, "seed": seed, "normalized": normalized}
    assert_same(
        betweenness(G, engine="igraph", **kwargs),  # type: ignore[arg-type]
        nx.betweenness_centrality(G, **kwargs),
    )


def test_igraph_engine_equals_networkx_with_integer_weights() -> None:
    G = nx.gnm_random_graph(100, 300, seed=5)
    for i, (u, v) in enumerate(G.edges()):
        G[u][v]["length"] = 1 + i % 4
    assert_same(
        betweenness(G, weight="length", engine="igraph"),
        betweenness(G, weight="length", engine="networkx"),
    )


def test_large_graph_renumbering_and_two_processes_keep_results() -> None:
    G = clustered_network(21_000, 50_000, seed=7)
    serial = betweenness(G, k=16, seed=1, engine="igraph", n_jobs=1)
    reference = nx.betweenness_centrality(G, k=16, seed=1)
    some = list(G)[::500] + G.graph["brokers"]
    assert_same({v: serial[v] for v in some}, {v: reference[v] for v in some})
    # 64 sources is enough for the work to be split over two processes
    parallel = betweenness(G, k=64, seed=1, engine="igraph", n_jobs=2)
    assert_same(parallel, betweenness(G, k=64, seed=1, engine="igraph", n_jobs=1))


def test_sample_sources_picks_what_networkx_picks() -> None:
    G = nx.path_graph(50)
    assert sample_sources(G, 5, 11) == __import__("random").Random(11).sample(list(G), 5)
    assert sample_sources(G, None, 11) is None
    assert sample_sources(G, 50, 11) is None
    with pytest.raises(ValueError):
        sample_sources(G, 51, 11)


def test_brokers_descend_with_ties_broken_by_id() -> None:
    G = nx.Graph([("b", "hub"), ("a", "hub"), ("hub", "c"), ("c", "d"), ("a", "z")])
    rows = brokers(G, top=None)
    assert [r["id"] for r in rows] == ["hub", "a", "c", "b", "d", "z"]
    assert rows[0]["name"] == "hub"
    assert all(isinstance(r["betweenness"], float) for r in rows)
    assert len(brokers(G, top=2)) == 2


def test_brokers_can_list_only_some_kinds() -> None:
    G = nx.path_graph(["p1", "org", "p2"])
    G.nodes["org"]["kind"] = "organisation"
    for v in ("p1", "p2"):
        G.nodes[v]["kind"] = "person"
    assert [r["id"] for r in brokers(G, kinds=["person"])] == ["p1", "p2"]


def top20(scores: dict[object, float]) -> set[object]:
    return set(sorted(scores, key=lambda v: -scores[v])[:20])


def test_sampled_top_20_recall_against_exact_is_at_least_0_85() -> None:
    G = clustered_network(3_000, 9_000, seed=11)
    exact = top20(betweenness(G))
    strata = ("area_id", "organisation_id")
    recalls = [
        len(exact & top20(betweenness(G, k=256, seed=s, stratify=strata))) / 20 for s in range(5)
    ]
    assert min(recalls) >= 0.8
    assert sum(recalls) / len(recalls) >= 0.85
    plain = top20(betweenness(G, k=256, seed=42))
    assert len(exact & plain) / 20 >= 0.8


def test_stratified_sample_takes_each_group_its_share() -> None:
    G = nx.empty_graph(100)
    for v in G:
        G.nodes[v]["team"] = "a" if v < 50 else "b"
    chosen = sample_sources(G, 10, seed=1, stratify="team")
    assert chosen is not None and len(set(chosen)) == 10
    assert sum(1 for v in chosen if G.nodes[v]["team"] == "a") == 5


def test_multigraph_falls_back_to_networkx_and_igraph_refuses_it() -> None:
    G = nx.MultiGraph([(0, 1), (0, 1), (1, 2)])
    assert betweenness(G, normalized=False)[1] == pytest.approx(1.0)
    with pytest.raises(ValueError):
        betweenness(G, engine="igraph")
