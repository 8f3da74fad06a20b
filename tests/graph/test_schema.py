"""The schema file is applied idempotently and creates what the queries rely on."""

from __future__ import annotations

import neo4j

from graph.schema import apply_schema, schema_statements
from graph.settings import Neo4jSettings


def _names(driver: neo4j.Driver, show: str) -> dict[str, dict[str, object]]:
    records, _, _ = driver.execute_query(show)  # SHOW commands take no parameters
    return {r["name"]: dict(r) for r in records}


def test_every_node_label_has_a_unique_id_constraint(driver: neo4j.Driver) -> None:
    constraints = _names(driver, "SHOW CONSTRAINTS")
    labels = {c["labelsOrTypes"][0] for c in constraints.values()}  # type: ignore[index]
    for label in ("Entity", "Service", "Organization", "Location", "Person", "Area", "Need"):
        assert label in labels
    assert all(c["type"] == "UNIQUENESS" for c in constraints.values())
    assert all(c["properties"] == ["id"] for c in constraints.values())


def test_point_and_fulltext_indexes_exist_and_are_online(driver: neo4j.Driver) -> None:
    indexes = _names(driver, "SHOW INDEXES")
    assert indexes["location_point"]["type"] == "POINT"
    assert indexes["service_search"]["type"] == "FULLTEXT"
    assert indexes["organization_search"]["type"] == "FULLTEXT"
    assert all(i["state"] == "ONLINE" for i in indexes.values())


def test_applying_the_schema_twice_changes_nothing(
    driver: neo4j.Driver, neo4j_settings: Neo4jSettings
) -> None:
    before = (_names(driver, "SHOW CONSTRAINTS"), set(_names(driver, "SHOW INDEXES")))
    ran = apply_schema(driver, neo4j_settings.database)
    after = (_names(driver, "SHOW CONSTRAINTS"), set(_names(driver, "SHOW INDEXES")))
    assert ran == len(schema_statements())
    assert before[1] == after[1]
    assert set(before[0]) == set(after[0])
