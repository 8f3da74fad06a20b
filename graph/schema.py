"""Apply the idempotent schema in ``queries/cypher/schema/schema.cypher``."""

from __future__ import annotations

import neo4j

from queries.catalog import statements

__all__ = ["apply_schema", "schema_statements"]


def schema_statements() -> tuple[str, ...]:
    """The constraint and index statements, in file order."""
    return statements("schema/schema")


def apply_schema(driver: neo4j.Driver, database: str) -> int:
    """Create every constraint and index that does not exist yet; return how many statements ran.

    Each statement is ``... IF NOT EXISTS`` (or ``DROP ... IF EXISTS`` for an index that was
    replaced), so applying twice changes nothing. Waits for the
    indexes to come online so that a following query can use them.
    """
    count = 0
    for statement in statements("schema/schema"):
        driver.execute_query(statement, database_=database)
        count += 1
    driver.execute_query("CALL db.awaitIndexes(300)", database_=database)
    return count
