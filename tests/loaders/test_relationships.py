"""load relationships NODES.csv EDGES.csv: labels, allowed types, rejects named, no-op re-run."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import neo4j
import pytest

from graph.settings import Neo4jSettings
from loaders.relationships import load_relationship_files, load_relationship_rows
from tests.support.wipe import wipe_graph

pytestmark = pytest.mark.neo4j

NODES = """id,kind,name,tribe,organisation_id,area_id,latitude,longitude
p1,person,Dr Ann Jones,gp,o1,,51.48,-3.18
p2,person,Bob Evans,Social Worker,o2,,,
o1,organisation,Roath Surgery,,,,,
o2,organisation,Cardiff Council,,,,,
t1,team,North Cardiff team,,,W06000015,,
a1,area,Cardiff,,,,,
s1,service,Men's shed,,,,51.5,-3.2
x1,robot,R2,,,,,
p3,person,,nurse,,,,
p4,person,Far away,nurse,,,123,0
"""
EDGES = """source,target,type,weight
p1,p2,KNOWS,0.8
p1,o1,works_for,
p2,o2,WORKS_FOR,
p1,t1,MEMBER_OF,
t1,a1,SERVES_AREA,
p2,s1,REFERS_TO,3
o2,s1,PROVIDES,
p1,p9,KNOWS,0.5
p1,p2,LIKES,1
p2,p1,WORKS_WITH,heavy
"""


@pytest.fixture
def graph(driver: neo4j.Driver, neo4j_settings: Neo4jSettings) -> neo4j.Driver:
    wipe_graph(driver, neo4j_settings.database)
    return driver


@pytest.fixture
def tables(tmp_path: Path) -> tuple[Path, Path]:
    nodes, edges = tmp_path / "nodes.csv", tmp_path / "edges.csv"
    nodes.write_text(NODES, encoding="utf-8")
    edges.write_text(EDGES, encoding="utf-8")
    return nodes, edges


def test_nodes_get_their_labels_and_edges_their_types(
    graph: neo4j.Driver, tables: tuple[Path, Path]
) -> None:
    summary = load_relationship_files(graph, *tables)
    assert (summary.created, summary.rejected) == (7 + 7, 3 + 3)
    records, _, _ = graph.execute_query(
        "MATCH (n:Entity) RETURN n.id AS id, [l IN labels(n) WHERE l <> 'Entity'] AS labels, "
        "n.tribe AS tribe ORDER BY id"
    )
    labels = {r["id"]: r["labels"] for r in records}
    assert labels == {
        "a1": ["Area"],
        "o1": ["Organization"],
        "o2": ["Organization"],
        "p1": ["Person"],
        "p2": ["Person"],
        "s1": ["Service"],
        "t1": ["Team"],
    }
    assert {r["id"]: r["tribe"] for r in records}["p2"] == "social_worker"
    edges, _, _ = graph.execute_query(
        "MATCH (a)-[r]->(b) RETURN a.id + '-' + type(r) + '-' + b.id AS e, r.weight AS w"
    )
    weights = {r["e"]: r["w"] for r in edges}
    assert set(weights) == {
        "p1-KNOWS-p2",
        "p1-WORKS_FOR-o1",
        "p2-WORKS_FOR-o2",
        "p1-MEMBER_OF-t1",
        "t1-SERVES_AREA-a1",
        "p2-REFERS_TO-s1",
        "o2-PROVIDES-s1",
    }
    assert weights["p1-KNOWS-p2"] == 0.8


def test_bad_rows_are_named_with_file_line_field_and_reason(
    graph: neo4j.Driver, tables: tuple[Path, Path]
) -> None:
    summary = load_relationship_files(graph, *tables)
    named = {(p.file, p.record, p.field): p.reason for p in summary.rejects}
    assert "kind 'robot' is not one of" in named[("nodes.csv", 9, "kind")]
    assert "missing" in named[("nodes.csv", 10, "name")]
    assert "out of range" in named[("nodes.csv", 11, "latitude")]
    assert "no node with id 'p9'" in named[("edges.csv", 9, "target")]
    assert "type 'LIKES' is not one of" in named[("edges.csv", 10, "type")]
    assert ("edges.csv", 11, "weight") in named
    assert summary.exit_code == 2


def test_running_the_same_load_again_changes_nothing(
    graph: neo4j.Driver, tables: tuple[Path, Path]
) -> None:
    load_relationship_files(graph, *tables)
    again = load_relationship_files(graph, *tables)
    assert (again.created, again.updated, again.unchanged) == (0, 0, 14)


def test_load_relationship_rows_takes_rows_in_memory_and_updates_changes(
    graph: neo4j.Driver,
) -> None:
    nodes = [
        {"id": "p1", "kind": "person", "name": "Ann", "tribe": "gp"},
        {"id": "p2", "kind": "person", "name": "Bob", "tribe": "nurse"},
    ]
    edges = [{"source": "p1", "target": "p2", "type": "KNOWS", "weight": 0.5}]
    first = load_relationship_rows(graph, nodes, edges, "demo:test")
    assert (first.created, first.rejected) == (3, 0)
    edges[0]["weight"] = 0.9
    nodes[1]["name"] = "Robert"
    second = load_relationship_rows(graph, nodes, edges, "demo:test")
    assert (second.created, second.updated, second.unchanged) == (0, 2, 1)
    records, _, _ = graph.execute_query("MATCH ()-[r:KNOWS]->() RETURN r.weight AS w")
    assert [r["w"] for r in records] == [0.9]


def test_a_weight_up_to_1_is_the_ties_strength_and_a_published_count_is_kept_as_weight(
    graph: neo4j.Driver,
) -> None:
    """Les Misérables weights are scenes shared (1 to 31): kept, never rejected or scaled."""
    nodes = [{"id": f"p{i}", "kind": "person", "name": f"P{i}"} for i in range(4)]
    edges = [
        {"source": "p0", "target": "p1", "type": "KNOWS", "weight": 0.25},
        {"source": "p1", "target": "p2", "type": "KNOWS", "weight": 31},
        {"source": "p2", "target": "p3", "type": "WORKS_WITH", "weight": 2.5},
    ]
    summary = load_relationship_rows(graph, nodes, edges, "test:counts")
    assert summary.rejected == 0
    records, _, _ = graph.execute_query(
        "MATCH (a)-[r]->(b) RETURN a.id AS a, r.weight AS w, r.strength AS s ORDER BY a"
    )
    assert [(r["a"], r["w"], r["s"]) for r in records] == [
        ("p0", 0.25, 0.25),
        ("p1", 31.0, None),
        ("p2", 2.5, None),
    ]


def test_the_cli_exits_2_and_names_rejects_on_stderr(
    graph: neo4j.Driver, tables: tuple[Path, Path], tmp_path: Path
) -> None:
    errors = tmp_path / "errors.jsonl"
    result = subprocess.run(
        [
            str(Path(sys.executable).parent / "commongraph"),
            "load",
            "relationships",
            str(tables[0]),
            str(tables[1]),
            "--errors",
            str(errors),
        ],
        capture_output=True,
        text=True,
        env=dict(os.environ),
        timeout=120,
        check=False,
    )
    assert result.returncode == 2, result.stderr
    assert "edges.csv, record 10" in result.stderr and "LIKES" in result.stderr
    assert "Traceback" not in result.stderr
    rejected = [json.loads(x) for x in errors.read_text().splitlines()]
    assert sum(1 for x in rejected if x["severity"] == "rejected") == 6
