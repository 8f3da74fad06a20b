"""Empty the test graph between modules, keeping constraints and indexes."""

from __future__ import annotations

import neo4j


def wipe_graph(driver: neo4j.Driver, database: str) -> None:
    """Delete every node and relationship in batches (keeps the schema)."""
    with driver.session(database=database) as session:
        session.run(
            "MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS"
        ).consume()
