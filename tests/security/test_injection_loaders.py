"""The injection corpus in the loaders' text fields is stored literally; in a kind or a
relationship type it is rejected and named — it never becomes a label or a type."""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any

import neo4j
import pytest

from graph.text import stored_text
from loaders.oruk import load_oruk_path
from loaders.relationships import load_relationship_files
from tests.security.corpus import CORPUS
from tests.support.bulk import service_record, write_services
from tests.support.figures import record
from tests.support.fingerprint import graph_fingerprint

pytestmark = pytest.mark.neo4j

SCHEMA_NAMES = """
CALL db.labels() YIELD label RETURN label AS name
UNION CALL db.relationshipTypes() YIELD relationshipType RETURN relationshipType AS name
UNION CALL db.propertyKeys() YIELD propertyKey RETURN propertyKey AS name
"""


def _names(driver: neo4j.Driver) -> set[str]:
    return {str(r["name"]) for r in driver.execute_query(SCHEMA_NAMES).records}


def test_loader_text_fields_keep_injection_strings_literally(
    driver: neo4j.Driver, tmp_path: Path
) -> None:
    import random

    load_oruk_path(driver, write_services(tmp_path / "existing.json", 50, seed=3))
    before = graph_fingerprint(driver, skip_sources=("oruk:injection", "csv:injection-nodes"))
    names_before = _names(driver)
    rng = random.Random(5)
    records = []
    for index, text in enumerate(CORPUS):
        service = service_record(10_000 + index, rng)
        service["name"] = f"{index} {text}"
        service["description"] = text
        service["organization"]["name"] = f"Org {index} {text}"
        service["service_at_locations"][0]["location"]["name"] = text
        records.append(service)
    path = tmp_path / "injection.json"
    path.write_text(json.dumps(records), "utf-8")
    summary = load_oruk_path(driver, path)
    assert summary.rejected == 0 and summary.created == len(CORPUS), summary
    for service in records:
        stored = driver.execute_query(
            "MATCH (s:Service {id: $id}) RETURN s.name AS name, s.description AS description",
            id=service["id"],
        ).records[0]
        # Literal, except control characters, which every entrance removes (graph/text.py).
        expected = (stored_text(service["name"]), stored_text(service["description"]))
        assert (stored["name"], stored["description"]) == expected

    nodes, edges = tmp_path / "injection-nodes.csv", tmp_path / "edges.csv"
    with nodes.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(("id", "kind", "name", "tribe"))
        for index, text in enumerate(CORPUS):
            writer.writerow((f"inj-{index}", "person", text, "gp"))
            writer.writerow((f"inj-kind-{index}", text, "bad kind", ""))
    with edges.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(("source", "target", "type", "weight"))
        for index, text in enumerate(CORPUS):
            writer.writerow((f"inj-{index}", f"inj-{(index + 1) % len(CORPUS)}", "KNOWS", "0.5"))
            other = "inj-1" if index == 0 else "inj-0"  # not a self-loop: only the type is bad
            writer.writerow((f"inj-{index}", other, text, "0.5"))
    loaded = load_relationship_files(driver, nodes, edges)
    assert loaded.rejected == 2 * len(CORPUS), "a corpus kind or type was not rejected"
    assert {p.field for p in loaded.rejects} == {"kind", "type"}
    people: dict[str, Any] = dict(
        driver.execute_query(
            "MATCH (p:Person) WHERE p.id STARTS WITH 'inj-' RETURN p.id AS id, p.name AS name"
        ).records
    )
    assert people == {f"inj-{i}": stored_text(text) for i, text in enumerate(CORPUS)}
    record("injection_records_loaded", 2 * len(CORPUS))

    assert (
        graph_fingerprint(driver, skip_sources=("oruk:injection", "csv:injection-nodes")) == before
    )
    new_names = _names(driver) - names_before
    assert not {n for n in new_names if any(t in n for t in CORPUS)}, new_names
