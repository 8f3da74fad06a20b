"""Loading ORUK/HSDS JSON: lossless round trip, idempotence, rejects named, odd values kept."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import neo4j
import pytest

from graph.oruk.ids import is_uuid
from graph.settings import Neo4jSettings
from loaders.export.oruk import oruk_documents
from loaders.oruk import load_oruk_path, load_service_records
from tests.support.oruk_schema import (
    FULL_EXAMPLES,
    assert_valid,
    example,
    with_valid_coordinates,
    write_json,
)
from tests.support.wipe import wipe_graph

pytestmark = pytest.mark.neo4j


@pytest.fixture
def graph(driver: neo4j.Driver, neo4j_settings: Neo4jSettings) -> neo4j.Driver:
    """An empty graph for each test of this module."""
    wipe_graph(driver, neo4j_settings.database)
    return driver


def _count(driver: neo4j.Driver, label: str = "Entity") -> int:
    records, _, _ = driver.execute_query(f"MATCH (n:{label}) RETURN count(n) AS n")
    return int(records[0]["n"])


def _service(**changes: Any) -> dict[str, Any]:
    record: dict[str, Any] = with_valid_coordinates(example("oruk-3.0/examples/service_full.json"))
    record.update(changes)
    return record


@pytest.mark.parametrize("relative", sorted(FULL_EXAMPLES))
def test_every_full_example_round_trips_field_for_field(
    graph: neo4j.Driver, tmp_path: Path, relative: str
) -> None:
    document = with_valid_coordinates(example(relative))
    kind = FULL_EXAMPLES[relative]
    summary = load_oruk_path(graph, write_json(tmp_path / "in.json", document))
    assert (summary.created, summary.rejected) == (1, 0), summary.problems
    exported = list(oruk_documents(graph, kind))
    assert exported == [document]
    assert_valid(exported[0], kind)


def test_the_official_examples_with_latitude_100_are_rejected_and_named(
    graph: neo4j.Driver,
) -> None:
    path = Path(__file__).parent  # unused; the file is read in place below
    del path
    from graph.oruk.validate import openreferral_dir

    source = openreferral_dir() / "oruk-3.0/examples/service_full.json"
    summary = load_oruk_path(graph, source)
    assert (summary.created, summary.rejected) == (0, 1)
    (problem,) = summary.rejects
    assert problem.file == "service_full.json"
    assert problem.record == 0
    assert problem.record_id == "ac148810-d857-441c-9679-408f346de14b"
    assert problem.field == "service_at_locations[0].location.latitude"
    assert "out of range" in problem.reason
    assert _count(graph) == 0
    assert summary.exit_code == 1


def test_reloading_the_same_file_changes_nothing(graph: neo4j.Driver, tmp_path: Path) -> None:
    records = [
        with_valid_coordinates(example("hsds-3.0/examples/service_full.json")),
        _service(id="0b5b53ff-5bb9-4fa4-9b16-4cfe7e1e2f30", name="Second service"),
    ]
    path = write_json(tmp_path / "feed.json", records)
    first = load_oruk_path(graph, path)
    assert (first.created, first.updated, first.unchanged) == (2, 0, 0)
    stamps, _, _ = graph.execute_query("MATCH (n:Entity) RETURN n.id AS id, n.updated_at AS at")
    second = load_oruk_path(graph, path)
    assert (second.created, second.updated, second.unchanged, second.rejected) == (0, 0, 2, 0)
    again, _, _ = graph.execute_query("MATCH (n:Entity) RETURN n.id AS id, n.updated_at AS at")
    assert sorted(map(tuple, map(dict.values, (r.data() for r in again)))) == sorted(
        map(tuple, map(dict.values, (r.data() for r in stamps)))
    )


def test_bad_records_are_rejected_and_named_while_good_ones_are_stored(
    graph: neo4j.Driver, tmp_path: Path
) -> None:
    good = _service()
    no_id = _service(id=None, name="No id")
    blank_name = _service(id="6d1d3f5e-8b2d-4a41-9f57-4d6f3cbe0a01", name="  ")
    bad_status = _service(id="6d1d3f5e-8b2d-4a41-9f57-4d6f3cbe0a02", status="open")
    bad_coordinate = _service(id="6d1d3f5e-8b2d-4a41-9f57-4d6f3cbe0a03")
    bad_coordinate["service_at_locations"][0]["location"]["longitude"] = "east"
    path = write_json(
        tmp_path / "mixed.json", [good, no_id, blank_name, bad_status, bad_coordinate]
    )
    summary = load_oruk_path(graph, path)
    assert (summary.created, summary.rejected) == (1, 4)
    named = {(p.record, p.field): p.reason for p in summary.rejects}
    assert named[(1, "id")] == "the record has no id"
    assert "name" in named[(2, "name")]
    assert "status 'open' is not one of" in named[(3, "status")]
    assert "not a number" in named[(4, "service_at_locations[0].location.longitude")]
    assert all(p.file == "mixed.json" for p in summary.rejects)
    assert summary.exit_code == 2
    assert _count(graph, "Service") == 1


def test_odd_values_are_kept_with_warnings_and_served_schema_valid(
    graph: neo4j.Driver, tmp_path: Path
) -> None:
    record = {
        "id": 42,
        "name": "Lunch club",
        "status": "Active",
        "description": "<p>Hot <b>meals</b> on Tuesdays</p>",
        "minimum_age": -1,
        "maximum_age": 99,
        "last_modified": "2024-05-01T09:30:00",
        "url": "www.lunchclub.example.org",
        "email": "not an address",
        "organization": {"id": "org-7", "name": "Friends of the Park", "description": "A charity"},
        "service_at_locations": [
            {
                "id": 1,
                "location": {
                    "id": 1,
                    "location_type": "physical",
                    "latitude": "51.48",
                    "longitude": -3.18,
                },
            }
        ],
        "x_local_code": {"team": "north"},
    }
    summary = load_oruk_path(graph, write_json(tmp_path / "odd.json", [record]))
    assert (summary.created, summary.rejected) == (1, 0)
    fields = {p.field for p in summary.warnings}
    assert {"service.minimum_age", "service.last_modified", "service.description"} <= fields
    (document,) = oruk_documents(graph)
    assert_valid(document, "service")
    assert is_uuid(document["id"]) and is_uuid(document["organization"]["id"])
    assert "minimum_age" not in document and document["maximum_age"] == 99
    assert document["status"] == "active"
    assert document["last_modified"] == "2024-05-01T09:30:00Z"
    assert document["url"] == "http://www.lunchclub.example.org"
    assert "email" not in document
    assert document["description"] == "<p>Hot <b>meals</b> on Tuesdays</p>"
    assert document["x_local_code"] == {"team": "north"}
    assert document["service_at_locations"][0]["location"]["latitude"] == 51.48
    records, _, _ = graph.execute_query(
        "MATCH (s:Service) RETURN s.id AS id, s.source_id AS sid, s.source AS source"
    )
    assert (records[0]["sid"], records[0]["source"]) == ("42", "oruk:odd")
    assert records[0]["id"] == "42"  # a service keeps the source's id as its node id
    assert load_oruk_path(graph, tmp_path / "odd.json").unchanged == 1


def test_a_paged_response_and_a_folder_of_files_load(graph: neo4j.Driver, tmp_path: Path) -> None:
    page = with_valid_coordinates(example("oruk-3.0/examples/service_list.json"))
    folder = tmp_path / "feed"
    folder.mkdir()
    write_json(folder / "page1.json", page)
    write_json(
        folder / "orgs.json",
        with_valid_coordinates(example("oruk-3.0/examples/organization_full.json")),
    )
    summary = load_oruk_path(graph, folder)
    assert summary.rejected == 0
    # orgs.json (read first) stores the service nested; page1.json then updates it as a root
    assert (summary.created, summary.updated) == (1, 1)
    assert _count(graph, "Service") == 1 and _count(graph, "Organization") == 1


def test_a_changed_record_is_updated_and_dropped_children_disappear(
    graph: neo4j.Driver, tmp_path: Path
) -> None:
    record = _service()
    path = write_json(tmp_path / "svc.json", record)
    load_oruk_path(graph, path)
    changed = copy.deepcopy(record)
    changed["name"] = "Community Counselling (evenings)"
    changed["schedules"] = []
    del changed["alert"]
    summary = load_oruk_path(graph, write_json(path, changed))
    assert (summary.created, summary.updated) == (0, 1)
    (document,) = oruk_documents(graph)
    assert document == changed
    assert _count(graph, "Schedule") == 0


def test_an_oruk_1_0_record_is_mapped_to_3_0(graph: neo4j.Driver, tmp_path: Path) -> None:
    record = {
        "id": "svc-1",
        "name": "Carers café",
        "status": "active",
        "organization": {"id": "org-1", "name": "Carers Trust", "description": "Charity"},
        "eligibilitys": [{"id": "e1", "eligibility": "adult carers", "minimum_age": 18}],
        "fundings": [{"id": "f1", "source": "Lottery"}],
        "languages": [{"id": "l1", "language": "Welsh"}],
        "regular_schedules": [
            {"id": "r1", "weekday": "Tuesday", "opens_at": "10:00", "closes_at": "12:00"}
        ],
        "service_taxonomys": [
            {"id": "t1", "taxonomy": {"id": "tx1", "name": "Carers", "vocabulary": "esdNeeds"}}
        ],
        "service_at_locations": [
            {
                "id": "sal1",
                "location": {
                    "id": "loc1",
                    "name": "Town hall",
                    "latitude": 52.41,
                    "longitude": -4.08,
                    "physical_addresses": [
                        {
                            "id": "a1",
                            "address_1": "1 Main St",
                            "city": "Aberystwyth",
                            "postal_code": "SY23 1AA",
                            "country": "GB",
                        }
                    ],
                },
            }
        ],
        "reviews": [],
    }
    summary = load_oruk_path(graph, write_json(tmp_path / "v1.json", {"content": [record]}))
    assert (summary.created, summary.rejected) == (1, 0), summary.problems
    (document,) = oruk_documents(graph)
    assert_valid(document, "service")
    assert document["minimum_age"] == 18
    assert document["schedules"][0]["byday"] == "TU"
    assert document["funding"][0]["source"] == "Lottery"
    assert document["languages"][0]["name"] == "Welsh"
    assert document["attributes"][0]["taxonomy_term"]["name"] == "Carers"
    address = document["service_at_locations"][0]["location"]["addresses"][0]
    assert address["postal_code"] == "SY23 1AA"


def test_load_service_records_keeps_the_callers_ids_and_publishes_uuids(
    graph: neo4j.Driver,
) -> None:
    record = {
        "id": "gp:W00001",
        "name": "Surgery",
        "status": "active",
        "service_at_locations": [
            {
                "id": "gp:W00001/sal",
                "location": {
                    "id": "gp:W00001/location",
                    "location_type": "physical",
                    "latitude": 51.5,
                    "longitude": -3.2,
                },
            }
        ],
    }
    summary = load_service_records(graph, [record], "ods:test")
    assert summary.created == 1
    assert _count(graph, "Service") == 1
    records, _, _ = graph.execute_query("MATCH (s:Service) RETURN s.id AS id, s.oruk_id AS uuid")
    assert records[0]["id"] == "gp:W00001" and is_uuid(records[0]["uuid"])
    (document,) = oruk_documents(graph)
    assert document["id"] == records[0]["uuid"]
    assert_valid(document, "service")
    assert load_service_records(graph, [record], "ods:test").unchanged == 1


def test_errors_file_lists_every_problem_as_json_lines(graph: neo4j.Driver, tmp_path: Path) -> None:
    path = write_json(tmp_path / "bad.json", [_service(status="open"), {"name": "x"}])
    summary = load_oruk_path(graph, path)
    out = tmp_path / "errors.jsonl"
    summary.write_errors(out)
    lines = [json.loads(line) for line in out.read_text().splitlines()]
    assert {(x["record"], x["field"]) for x in lines if x["severity"] == "rejected"} == {
        (0, "status"),
        (1, "id"),
    }


def test_an_id_the_graph_holds_for_another_kind_rejects_only_that_record(
    graph: neo4j.Driver, tmp_path: Path
) -> None:
    clash = "6d1d3f5e-8b2d-4a41-9f57-4d6f3cbe0a09"
    graph.execute_query("CREATE (:Person:Entity {id: $id, name: 'Ann'})", id=clash)
    other = _service(id=clash, name="Clashing service")
    other["service_at_locations"] = []
    path = write_json(tmp_path / "clash.json", [_service(), other])
    summary = load_oruk_path(graph, path)
    assert (summary.created, summary.rejected) == (1, 1)
    (problem,) = summary.rejects
    assert (problem.record, problem.record_id) == (1, clash)
    assert "cannot be stored" in problem.reason
    records, _, _ = graph.execute_query(
        "MATCH (n:Entity {id: $id}) RETURN labels(n) AS l", id=clash
    )
    assert [sorted(r["l"]) for r in records] == [["Entity", "Person"]]
