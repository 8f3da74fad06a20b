"""A leader's journey on a published social network with names (Les Misérables co-appearances,
Knuth 1993, as networkx ships it), loaded with ``commongraph load relationships``: find people
by name with a typo, a warm introduction through people who know each other, and a bottleneck
report whose brokers carry names and the published betweenness values."""

from __future__ import annotations

import csv
import json
import os
import subprocess
import sys
from itertools import pairwise
from pathlib import Path
from typing import Any

import networkx as nx
import pytest
from fastapi.testclient import TestClient

pytestmark = pytest.mark.neo4j

COMMONGRAPH = str(Path(sys.executable).parent / "commongraph")
PREFIX = "lesmis:"
LOOKUP = "query L($t: String!) { lookup(text: $t, first: 5) { id name kind } }"
CONNECTION = """query C($a: ID!, $b: ID!) { connection(fromId: $a, toId: $b, maxPaths: 3) {
  through nodes { id label } steps { type } } }"""


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [COMMONGRAPH, *args],
        capture_output=True,
        text=True,
        env=dict(os.environ),
        timeout=180,
        check=False,
    )


def _id(name: str) -> str:
    return PREFIX + name.lower().replace(" ", "-").replace(".", "")


@pytest.fixture(scope="module")
def network(
    tmp_path_factory: pytest.TempPathFactory, driver: Any, keys: dict[str, str]
) -> nx.Graph:
    """Loaded after the module's graph is wiped and its keys are written."""
    graph = nx.les_miserables_graph()
    folder = tmp_path_factory.mktemp("lesmis")
    with (folder / "nodes.csv").open("w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out)
        writer.writerow(["id", "kind", "name"])
        writer.writerows([_id(v), "person", v] for v in graph)
    with (folder / "edges.csv").open("w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out)
        # The published weights (scenes shared, 1 to 31) as they are.
        writer.writerow(["source", "target", "type", "weight"])
        writer.writerows([_id(a), _id(b), "KNOWS", w] for a, b, w in graph.edges(data="weight"))
    done = _run("load", "relationships", str(folder / "nodes.csv"), str(folder / "edges.csv"))
    assert done.returncode == 0, done.stderr
    return graph


def _gql(client: TestClient, key: str, query: str, **variables: str) -> Any:
    response = client.post(
        "/graphql",
        json={"query": query, "variables": variables},
        headers={"Authorization": f"Bearer {key}"},
    )
    assert response.status_code == 200, response.text
    body = response.json()
    assert "errors" not in body, body
    return body["data"]


def test_people_are_found_by_name_with_a_typo(
    network: nx.Graph, client: TestClient, keys: dict[str, str]
) -> None:
    hits = _gql(client, keys["leader"], LOOKUP, t="Valjaen")["lookup"]
    assert hits[0] == {"id": _id("Valjean"), "name": "Valjean", "kind": "person"}
    hits = _gql(client, keys["leader"], LOOKUP, t="javrt")["lookup"]
    assert hits[0]["name"] == "Javert"


def test_the_warm_introduction_runs_through_people_who_know_each_other(
    network: nx.Graph, client: TestClient, keys: dict[str, str]
) -> None:
    a, b = "Napoleon", "Javert"
    expected = nx.shortest_path_length(network, a, b)
    paths = _gql(client, keys["leader"], CONNECTION, a=_id(a), b=_id(b))["connection"]
    assert paths, "no path"
    for path in paths:
        assert path["through"] == "people"
        assert {s["type"] for s in path["steps"]} == {"KNOWS"}
        assert len(path["steps"]) == expected
        names = [n["label"] for n in path["nodes"]]
        assert all(network.has_edge(x, y) for x, y in pairwise(names))


def test_brokers_carry_names_and_the_published_betweenness(network: nx.Graph) -> None:
    done = _run("analyse", "bottlenecks", "--json", "--prefix", PREFIX, "--top", "10")
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    published = nx.betweenness_centrality(network)  # normalised, as networkx does
    top = sorted(published.items(), key=lambda kv: -kv[1])[:10]
    got = [(b["name"], b["betweenness"]) for b in report["brokers"]]
    assert [name for name, _ in got] == [name for name, _ in top]
    assert got[0][0] == "Valjean" and got[0][1] == pytest.approx(0.5699890, abs=1e-6)
    for (_, value), (_, expected) in zip(got, top, strict=True):
        assert value == pytest.approx(expected, abs=1e-9)
