"""export oruk|graphml|gexf: schema-valid ORUK JSON; relationship graphs networkx can read."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import neo4j
import networkx as nx
import pytest

from graph.settings import Neo4jSettings
from loaders.export.graph import export_graph
from loaders.oruk import load_oruk_path
from loaders.relationships import load_relationship_rows
from tests.support.oruk_schema import assert_valid, example, with_valid_coordinates, write_json
from tests.support.wipe import wipe_graph

pytestmark = pytest.mark.neo4j

COMMONGRAPH = str(Path(sys.executable).parent / "commongraph")


@pytest.fixture(scope="module")
def loaded(
    driver: neo4j.Driver, neo4j_settings: Neo4jSettings, tmp_path_factory: pytest.TempPathFactory
) -> neo4j.Driver:
    wipe_graph(driver, neo4j_settings.database)
    folder = tmp_path_factory.mktemp("in")
    full = with_valid_coordinates(example("hsds-3.0/examples/service_full.json"))
    load_oruk_path(driver, write_json(folder / "full.json", [full]))
    nodes = [
        {"id": "p1", "kind": "person", "name": "Ann", "tribe": "gp"},
        {"id": "p2", "kind": "person", "name": "Bob", "tribe": "social_worker"},
        {"id": "a1", "kind": "area", "name": "Cardiff"},
    ]
    edges = [
        {"source": "p1", "target": "p2", "type": "KNOWS", "weight": 0.7},
        {"source": "p2", "target": full["id"], "type": "REFERS_TO"},
        {"source": full["id"], "target": "a1", "type": "SERVES_AREA"},
    ]
    assert load_relationship_rows(driver, nodes, edges, "demo:test").rejected == 0
    return driver


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [COMMONGRAPH, *args],
        capture_output=True,
        text=True,
        env=dict(os.environ),
        timeout=120,
        check=False,
    )


def test_export_oruk_writes_a_schema_valid_list_of_full_services(
    loaded: neo4j.Driver, tmp_path: Path
) -> None:
    out = tmp_path / "services.json"
    result = _run("export", "oruk", str(out), "--validate")
    assert result.returncode == 0, result.stderr
    documents = json.loads(out.read_text())
    assert documents == [with_valid_coordinates(example("hsds-3.0/examples/service_full.json"))]
    for document in documents:
        assert_valid(document, "service")


def test_export_oruk_into_a_folder_writes_entity_files(
    loaded: neo4j.Driver, tmp_path: Path
) -> None:
    assert _run("export", "oruk", str(tmp_path), "--entity", "organization").returncode == 0
    (organization,) = json.loads((tmp_path / "organizations.json").read_text())
    assert_valid(organization, "organization")
    assert [s["id"] for s in organization["services"]] == ["ac148810-d857-441c-9679-408f346de14b"]


@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
def test_relationship_graph_reads_back_with_networkx(
    loaded: neo4j.Driver, tmp_path: Path, fmt: str
) -> None:
    out = tmp_path / f"graph.{fmt}"
    result = _run("export", fmt, str(out))
    assert result.returncode == 0, result.stderr
    graph = nx.read_graphml(out) if fmt == "graphml" else nx.read_gexf(out)
    assert set(graph.nodes) == {
        "p1",
        "p2",
        "a1",
        "ac148810-d857-441c-9679-408f346de14b",
        "d9d5e0f5-d3ce-4f73-9a2f-4dd0ecc6c610",
    }
    assert graph.nodes["p1"]["tribe"] == "gp" and graph.nodes["p1"]["kind"] == "person"
    assert graph.nodes["d9d5e0f5-d3ce-4f73-9a2f-4dd0ecc6c610"]["kind"] == "organisation"
    types = sorted(data["relationship"] for _, _, data in graph.edges(data=True))
    assert types == ["KNOWS", "PROVIDES", "REFERS_TO", "SERVES_AREA"]
    knows = next(d for _, _, d in graph.edges(data=True) if d["relationship"] == "KNOWS")
    assert float(knows["weight"]) == 0.7


def test_everything_adds_the_directory_details(loaded: neo4j.Driver, tmp_path: Path) -> None:
    done = export_graph(loaded, tmp_path / "all.graphml", "graphml", everything=True)
    assert done.nodes > 20 and done.edges > 30
