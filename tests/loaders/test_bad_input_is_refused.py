"""Bad loader input is refused in one line naming the row and field, or kept with a warning.

Found by feeding the loaders hostile files: a NaN, a negative weight and a self-loop were
stored silently (and later broke ``egoNetwork``); 100,000 nested ``[`` ended the ORUK load with
a RecursionError traceback; a service whose ``organization_id`` named no organisation was
stored without one and nobody told; ``"name": 123`` was stored as the name "123".
"""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
from pathlib import Path
from typing import Any

import neo4j
import pytest

from graph.settings import Neo4jSettings
from loaders.oruk import load_oruk_path
from loaders.relationships import load_relationship_files
from tests.support.bulk import service_record
from tests.support.wipe import wipe_graph

pytestmark = pytest.mark.neo4j

COMMONGRAPH = str(Path(sys.executable).parent / "commongraph")

NODES = """id,kind,name
p1,person,Ann
p2,person,Bob
s1,service,Men's shed
"""
EDGES = """source,target,type,weight
p1,p2,KNOWS,NaN
p1,p2,WORKS_WITH,-5
p2,p1,KNOWS,inf
p1,s1,REFERS_TO,0
p2,p1,WORKS_WITH,1.5
p1,p1,KNOWS,0.5
p2,p2,WORKS_WITH,
p1,p2,KNOWS,1
p2,s1,REFERS_TO,3
"""


@pytest.fixture
def graph(driver: neo4j.Driver, neo4j_settings: Neo4jSettings) -> neo4j.Driver:
    wipe_graph(driver, neo4j_settings.database)
    return driver


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [COMMONGRAPH, *args], capture_output=True, text=True, env=dict(os.environ),
        timeout=120, check=False,
    )  # fmt: skip


def _stored_edges(driver: neo4j.Driver) -> dict[str, float | None]:
    records = driver.execute_query(
        "MATCH (a)-[r]->(b) RETURN a.id + '-' + type(r) + '-' + b.id AS e, r.weight AS w"
    ).records
    return {str(r["e"]): r["w"] for r in records}


def test_weights_that_are_not_finite_or_below_zero_and_self_loops_are_rejected_by_row(
    graph: neo4j.Driver, tmp_path: Path
) -> None:
    nodes, edges = tmp_path / "nodes.csv", tmp_path / "edges.csv"
    nodes.write_text(NODES, encoding="utf-8")
    edges.write_text(EDGES, encoding="utf-8")
    summary = load_relationship_files(graph, nodes, edges)
    named = {(p.file, p.record, p.field): p.reason for p in summary.rejects}
    assert named == {
        ("edges.csv", 2, "weight"): "weight nan is not a finite number",
        ("edges.csv", 3, "weight"): "weight -5 is below 0",
        ("edges.csv", 4, "weight"): "weight inf is not a finite number",
        ("edges.csv", 7, "target"): "is the same node as source ('p1'): a self-loop",
        ("edges.csv", 8, "target"): "is the same node as source ('p2'): a self-loop",
    }
    assert summary.rejected == 5 and summary.exit_code == 2
    # A weight of 0 is a tie of no measured strength, and a count above 1 is a published
    # network's weight (scenes shared, letters sent): both kept.
    assert _stored_edges(graph) == {
        "p1-KNOWS-p2": 1.0,
        "p2-WORKS_WITH-p1": 1.5,
        "p2-REFERS_TO-s1": 3.0,
        "p1-REFERS_TO-s1": 0.0,
    }


def test_the_cli_names_a_rejected_weight_in_one_line(graph: neo4j.Driver, tmp_path: Path) -> None:
    nodes, edges = tmp_path / "nodes.csv", tmp_path / "edges.csv"
    nodes.write_text(NODES, encoding="utf-8")
    edges.write_text("source,target,type,weight\np1,p2,KNOWS,NaN\n", encoding="utf-8")
    result = _run("load", "relationships", str(nodes), str(edges))
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr
    assert "rejected: edges.csv, record 2, id p1->p2, field weight: weight nan is not a finite " \
        "number" in result.stderr.replace("\n", " ")  # fmt: skip


def test_a_file_nested_100000_deep_is_rejected_in_one_line_not_a_traceback(
    graph: neo4j.Driver, tmp_path: Path
) -> None:
    path = tmp_path / "deep.json"
    path.write_text("[" * 100_000, encoding="utf-8")
    summary = load_oruk_path(graph, path)
    (problem,) = summary.rejects
    assert str(problem) == (
        "deep.json: nests arrays or objects too deeply to be read (a thousand levels or more)"
    )
    assert summary.exit_code == 1
    result = _run("load", "oruk", str(path))
    assert result.returncode == 1
    assert "Traceback" not in result.stderr and "RecursionError" not in result.stderr
    assert "rejected: deep.json: nests arrays or objects too deeply" in result.stderr


def test_a_record_nested_deeper_than_any_hsds_record_is_rejected_and_the_rest_stored(
    graph: neo4j.Driver, tmp_path: Path
) -> None:
    rng = random.Random(2)
    deep, fine = service_record(1, rng), service_record(2, rng)
    deep["notes"] = json.loads("[" * 500 + "]" * 500)  # parses, but no record nests so deep
    path = tmp_path / "feed.json"
    path.write_text(json.dumps([deep, fine]), encoding="utf-8")
    summary = load_oruk_path(graph, path)
    assert (summary.created, summary.rejected) == (1, 1)
    (problem,) = summary.rejects
    assert (problem.record, problem.reason) == (
        0,
        "the record nests deeper than 100 levels of objects and arrays",
    )
    assert problem.field is not None and problem.field.startswith("notes[0][0]")


def test_a_service_whose_organization_id_names_no_organisation_is_stored_with_a_warning(
    graph: neo4j.Driver, tmp_path: Path
) -> None:
    rng = random.Random(3)
    known = service_record(1, rng)
    orphan, linked = service_record(2, rng), service_record(3, rng)
    for service, org_id in ((orphan, "no-such-org"), (linked, known["organization"]["id"])):
        del service["organization"]
        service["organization_id"] = org_id
    path = tmp_path / "feed.json"
    path.write_text(json.dumps([known, orphan, linked]), encoding="utf-8")
    summary = load_oruk_path(graph, path)
    assert (summary.created, summary.rejected, summary.exit_code) == (3, 0, 0)
    missing = [p for p in summary.warnings if p.field == "service.organization_id"]
    assert [(p.record, p.record_id, p.reason) for p in missing] == [
        (
            1,
            orphan["id"],
            "no organization with id 'no-such-org' in the graph or in this load: "
            "stored without that link",
        )
    ]
    providers: dict[str, Any] = dict(
        graph.execute_query(
            "MATCH (s:Service) OPTIONAL MATCH (o:Organization)-[:PROVIDES]->(s) "
            "RETURN s.id AS id, o.source_id AS org"
        ).records
    )
    assert providers == {
        known["id"]: known["organization"]["id"],
        orphan["id"]: None,
        linked["id"]: known["organization"]["id"],
    }


@pytest.mark.parametrize(
    ("change", "field", "reason"),
    [
        ({"name": 123}, "name", "name must be text (got 123)"),
        ({"description": 4.5}, "description", "description must be text (got 4.5)"),
        ({"alternate_name": True}, "alternate_name", "alternate_name must be text (got True)"),
    ],
)
def test_a_number_where_a_name_or_description_belongs_rejects_the_record(
    graph: neo4j.Driver, tmp_path: Path, change: dict[str, object], field: str, reason: str
) -> None:
    service = service_record(1, random.Random(4))
    service.update(change)
    path = tmp_path / "feed.json"
    path.write_text(json.dumps([service]), encoding="utf-8")
    summary = load_oruk_path(graph, path)
    assert [(p.record, p.record_id, p.field, p.reason) for p in summary.rejects] == [
        (0, service["id"], field, reason)
    ]
    assert summary.exit_code == 1
    assert not graph.execute_query("MATCH (n:Entity) RETURN n LIMIT 1").records


def test_a_number_as_a_nested_organisation_name_is_named_by_its_path(
    graph: neo4j.Driver, tmp_path: Path
) -> None:
    service = service_record(1, random.Random(5))
    service["organization"]["name"] = 7
    service["id"] = 42  # numeric ids stay allowed: feeds numbered from 1 write them so
    path = tmp_path / "feed.json"
    path.write_text(json.dumps([service]), encoding="utf-8")
    summary = load_oruk_path(graph, path)
    assert [(p.record_id, p.field, p.reason) for p in summary.rejects] == [
        ("42", "organization.name", "name must be text (got 7)")
    ]
