"""Control characters, lone surrogates and NUL bytes never reach the graph from a loader.

A group name saved with U+0001 once broke every XML export; an ORUK feed stored a NUL byte
the same way. Each loader entrance cleans text (graph/text.py) and names what it changed in
the load report: the record, the field and what was removed.
"""

from __future__ import annotations

import json
import random
from pathlib import Path

import neo4j
import pytest

from graph.errors import ValidationFailed
from graph.settings import Neo4jSettings
from graph.text import clean_text, clean_tree, stored_text
from loaders.opendata.rows import ParseResult, read_csv, read_geojson_features
from loaders.oruk import load_oruk_path
from loaders.relationships import load_relationship_files
from tests.support.bulk import service_record
from tests.support.wipe import wipe_graph

pytestmark = pytest.mark.neo4j


@pytest.fixture
def graph(driver: neo4j.Driver, neo4j_settings: Neo4jSettings) -> neo4j.Driver:
    wipe_graph(driver, neo4j_settings.database)
    return driver


def test_clean_text_removes_controls_surrogates_and_noncharacters_but_keeps_line_breaks() -> None:
    cleaned = clean_text("Knit\x01 and\x00 Natter\x85\ud800\ufffe\tline\r\nbreak")
    assert cleaned.text == "Knit and Natter\tline\r\nbreak"
    assert cleaned.describe() == (
        "removed 3 control characters (U+0000, U+0001, U+0085); removed 1 lone surrogate; "
        "removed 1 non-character (U+FFFE/U+FFFF)"
    )
    assert clean_text("Cymraeg: ŵ ŷ — “quotes” 🧶 \u202e").changed is False
    decomposed = "Ysgol Gymraeg Gwaelod-y-Garth: w\u0302"
    assert stored_text(decomposed) == "Ysgol Gymraeg Gwaelod-y-Garth: ŵ"
    assert clean_text(decomposed).describe() == "put in Unicode normal form NFC"


def test_clean_tree_names_each_changed_field_by_its_path() -> None:
    record = {"name": "a\x01", "locations": [{"addresses": [{"city": "Caer\x00dydd"}]}]}
    cleaned, changes = clean_tree(record)
    assert cleaned == {"name": "a", "locations": [{"addresses": [{"city": "Caerdydd"}]}]}
    assert [(path, change.describe()) for path, change in changes] == [
        ("name", "removed 1 control character (U+0001)"),
        ("locations[0].addresses[0].city", "removed 1 control character (U+0000)"),
    ]


def test_an_oruk_feed_with_control_characters_is_stored_clean_with_warnings(
    graph: neo4j.Driver, tmp_path: Path
) -> None:
    service = service_record(1, random.Random(1))
    service["name"] = "Knit\u0001 and Natter"
    service["description"] = "nul\u0000byte"
    service["organization"]["name"] = "Org\u0085 One"
    path = tmp_path / "feed.json"
    # \ud800 written as the JSON escape: Python's json reads it as a lone surrogate, which
    # the Neo4j driver cannot encode (it used to end the load with a UnicodeEncodeError)
    path.write_text(json.dumps([service]).replace("Natter", "Natter\\ud800"), encoding="utf-8")
    summary = load_oruk_path(graph, path)
    assert (summary.created, summary.rejected, summary.exit_code) == (1, 0, 0), summary.problems
    stored = graph.execute_query(
        "MATCH (o:Organization)-[:PROVIDES]->(s:Service {id: $id}) "
        "RETURN s.name AS name, s.description AS description, o.name AS org",
        id=service["id"],
    ).records[0]
    assert (stored["name"], stored["description"], stored["org"]) == (
        "Knit and Natter",
        "nulbyte",
        "Org One",
    )
    warnings = {(p.record_id, p.field): p.reason for p in summary.warnings}
    assert warnings[(service["id"], "name")] == (
        "removed 1 control character (U+0001); removed 1 lone surrogate"
    )
    assert warnings[(service["id"], "description")] == "removed 1 control character (U+0000)"
    assert warnings[(service["id"], "organization.name")] == (
        "removed 1 control character (U+0085)"
    )
    assert str(next(p for p in summary.warnings if p.field == "description")) == (
        f"feed.json, record 0, id {service['id']}, field description: "
        "removed 1 control character (U+0000)"
    )
    again = load_oruk_path(graph, path)
    assert (again.created, again.updated, again.unchanged) == (0, 0, 1)


def test_relationship_tables_with_control_characters_are_stored_clean_with_warnings(
    graph: neo4j.Driver, tmp_path: Path
) -> None:
    nodes, edges = tmp_path / "nodes.csv", tmp_path / "edges.csv"
    nodes.write_text(
        "id,kind,name,tribe\np1,person,Ann\x01 Jones,gp\np2,person,Bob\x00,nurse\n",
        encoding="utf-8",
    )
    edges.write_text("source,target,type,weight\np1,p2,KNOWS,0.5\n", encoding="utf-8")
    summary = load_relationship_files(graph, nodes, edges)
    assert (summary.created, summary.rejected) == (3, 0), summary.problems
    names: dict[str, str] = dict(
        graph.execute_query("MATCH (p:Person) RETURN p.id AS id, p.name AS name").records
    )
    assert names == {"p1": "Ann Jones", "p2": "Bob"}
    assert {(p.file, p.record, p.record_id, p.field, p.reason) for p in summary.warnings} == {
        ("nodes.csv", 2, "p1", "name", "removed 1 control character (U+0001)"),
        ("nodes.csv", 3, "p2", "name", "removed 1 control character (U+0000)"),
    }


def test_open_data_rows_are_cleaned_as_they_are_read_and_each_change_is_named(
    tmp_path: Path,
) -> None:
    table = tmp_path / "libraries.csv"
    table.write_text("name,postcode\nLlyfrgell\x07 Caerdydd,CF10 1FL\n", encoding="utf-8")
    result: ParseResult[object] = ParseResult(file=table.name)
    rows = list(read_csv(table, result.warnings))
    assert rows == [(1, {"name": "Llyfrgell Caerdydd", "postcode": "CF10 1FL"})]
    assert result.warnings == [
        "libraries.csv row 1: field name: removed 1 control character (U+0007)"
    ]
    points = tmp_path / "points.geojson"
    feature = {"type": "Feature", "properties": {"name": "Banc\x1b Bwyd"},
               "geometry": {"type": "Point", "coordinates": [-3.18, 51.48]}}  # fmt: skip
    points.write_text(json.dumps({"type": "FeatureCollection", "features": [feature]}), "utf-8")
    notes: list[str] = []
    ((number, read),) = list(read_geojson_features(points, notes))
    assert (number, read["properties"]["name"]) == (1, "Banc Bwyd")
    assert read["geometry"] == feature["geometry"]
    assert notes == [
        "points.geojson row 1: field properties.name: removed 1 control character (U+001B)"
    ]


def test_a_geojson_file_that_cannot_be_parsed_is_refused_in_one_line(tmp_path: Path) -> None:
    deep = tmp_path / "deep.geojson"
    deep.write_text("[" * 100_000, encoding="utf-8")
    with pytest.raises(ValidationFailed, match=r"^deep.geojson nests arrays or objects too"):
        list(read_geojson_features(deep))
    broken = tmp_path / "broken.geojson"
    broken.write_text('{"type": "FeatureCollection", "features": [', encoding="utf-8")
    with pytest.raises(ValidationFailed, match=r"^broken.geojson is not valid JSON \(line 1"):
        list(read_geojson_features(broken))
