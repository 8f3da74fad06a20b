"""`commongraph analyse … --json` on real Neo4j agrees with networkx on published networks."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import neo4j
import networkx as nx
import pytest

from graph.repositories import analytics
from queries.projection import relationship_graph

COMMONGRAPH = str(Path(sys.executable).parent / "commongraph")

# Test-only writer: the loaders have their own tests; here we want the projection alone.
WRITE_PEOPLE = """
UNWIND $nodes AS n
MERGE (p:Entity:Person {id: n.id}) SET p.name = n.name, p.tribe = n.tribe
"""
WRITE_TIES = """
UNWIND $edges AS e
MATCH (a:Entity {id: e.a}), (b:Entity {id: e.b})
MERGE (a)-[:KNOWS]->(b)
"""


def _store(driver: neo4j.Driver, graph: nx.Graph, prefix: str, tribe: str = "t") -> None:
    nodes = [{"id": f"{prefix}{v}", "name": str(v), "tribe": tribe} for v in graph]
    edges = [{"a": f"{prefix}{a}", "b": f"{prefix}{b}"} for a, b in graph.edges]
    driver.execute_query(WRITE_PEOPLE, nodes=nodes)
    driver.execute_query(WRITE_TIES, edges=edges)


def _analyse(*args: str) -> dict[str, Any]:
    result = subprocess.run(
        [COMMONGRAPH, "analyse", *args, "--json"],
        capture_output=True,
        text=True,
        env=os.environ.copy(),
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    report: dict[str, Any] = json.loads(result.stdout)
    return report


@pytest.fixture(scope="module")
def networks(driver: neo4j.Driver) -> neo4j.Driver:
    _store(driver, nx.florentine_families_graph(), "flo-")
    _store(driver, nx.karate_club_graph(), "karate-")
    _store(driver, nx.krackhardt_kite_graph(), "kite-")
    return driver


def test_projection_with_a_prefix_returns_exactly_that_data_set(
    networks: neo4j.Driver,
) -> None:
    graph = relationship_graph(networks, "neo4j", prefix="karate-")
    karate = nx.karate_club_graph()
    assert graph.number_of_nodes() == karate.number_of_nodes()
    assert graph.number_of_edges() == karate.number_of_edges()


def test_a_projection_among_ids_equals_that_subgraph_of_the_whole_projection(
    networks: neo4j.Driver,
) -> None:
    whole = relationship_graph(networks, "neo4j", prefix="karate-")
    members = frozenset(f"karate-{v}" for v in range(0, 34, 2)) | {"flo-Medici"}
    part = relationship_graph(networks, "neo4j", ids=members)
    expected = whole.subgraph(v for v in whole if v in members)
    assert set(part.nodes) == set(expected.nodes) | {"flo-Medici"}
    assert {frozenset(e) for e in part.edges} == {frozenset(e) for e in expected.edges}
    assert part.number_of_edges() > 0
    assert relationship_graph(networks, "neo4j", ids=frozenset()).number_of_nodes() == 0


def test_medici_are_the_top_broker_with_raw_betweenness_47_5(networks: neo4j.Driver) -> None:
    report = _analyse("bottlenecks", "--prefix", "flo-")
    top = report["brokers"][0]
    n = 15
    assert top["id"] == "flo-Medici"
    assert top["betweenness"] * (n - 1) * (n - 2) / 2 == pytest.approx(47.5)


def test_karate_brokers_equal_networkx_normalised_betweenness(networks: neo4j.Driver) -> None:
    report = _analyse("bottlenecks", "--prefix", "karate-", "--top", "34")
    expected = nx.betweenness_centrality(nx.karate_club_graph())
    got = {b["id"]: b["betweenness"] for b in report["brokers"]}
    assert len(got) == 34
    for node, value in expected.items():
        assert got[f"karate-{node}"] == pytest.approx(value, rel=1e-9, abs=1e-12)
    values = [b["betweenness"] for b in report["brokers"]]
    assert values == sorted(values, reverse=True)


def test_kite_articulation_points_and_bridges_match_the_published_answer(
    networks: neo4j.Driver,
) -> None:
    report = _analyse("bottlenecks", "--prefix", "kite-")
    assert sorted(report["articulation_points"]) == ["kite-7", "kite-8"]
    assert sorted(sorted(pair) for pair in report["bridges"]) == [
        ["kite-7", "kite-8"],
        ["kite-8", "kite-9"],
    ]


def test_top_caps_every_list(networks: neo4j.Driver) -> None:
    report = _analyse("bottlenecks", "--prefix", "karate-", "--top", "3")
    assert len(report["brokers"]) == 3
    assert report["assumptions"]["prefix"] == "karate-"


@pytest.mark.parametrize(
    ("args", "report", "options"),
    [
        (
            ["bottlenecks", "--prefix", "karate-", "--k", "5", "--seed", "3", "--group-by",
             "sector", "--include-areas"],
            analytics.bottlenecks,
            {"prefix": "karate-", "top": 20, "k": 5, "seed": 3, "group_attr": "sector",
             "include_areas": True},
        ),
        (
            ["gaps", "--prefix", "karate-", "--radius-km", "2.5", "--group-by", "kind",
             "--top", "3"],
            analytics.gaps,
            {"prefix": "karate-", "top": 3, "radius_km": 2.5, "group_attr": "kind"},
        ),
        (
            ["duplicates", "--prefix", "karate-", "--threshold", "0.4", "--top", "2"],
            analytics.duplicates,
            {"prefix": "karate-", "top": 2, "threshold": 0.4},
        ),
    ],
)  # fmt: skip
def test_each_command_hands_its_options_to_its_report(
    networks: neo4j.Driver,
    args: list[str],
    report: Callable[..., dict[str, Any]],
    options: dict[str, Any],
) -> None:
    expected = json.loads(json.dumps(report(networks, "neo4j", **options), ensure_ascii=False))
    assert _analyse(*args) == expected
