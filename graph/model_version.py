"""The version of the graph's data model, and the migrations that bring a graph up to it.

The graph records its model version on one node, ``(:ModelVersion {id: "commongraph"})``.
Each change to what the code expects of stored data ships a migration: a numbered Cypher
statement (``queries/cypher/migrations/``) that turns a graph of the previous version into
one of the next, idempotently. ``commongraph migrate`` (run by ``make run`` after Neo4j
starts) applies the missing ones in order, each in its own transaction together with the new
version number, so a migration that fails leaves the graph at the version before it. A graph
newer than the code is refused: running old code on it could lose what it does not know.

A graph without the node was written before versions were recorded (version 1).
"""

from __future__ import annotations

from dataclasses import dataclass

import neo4j

from graph.errors import ValidationFailed
from queries.catalog import cypher

__all__ = ["MIGRATIONS", "MODEL_VERSION", "Migration", "migrate", "model_version"]


@dataclass(frozen=True)
class Migration:
    """Version ``to`` of the model, reached by the catalogue statement ``statement``."""

    to: int
    statement: str
    what: str


MIGRATIONS: tuple[Migration, ...] = (
    Migration(
        2,
        "migrations/v2_shortlist_expiry",
        "shortlists made before share links expired get expires_at = created_at + 90 days",
    ),
)
MODEL_VERSION = MIGRATIONS[-1].to


def model_version(driver: neo4j.Driver, database: str) -> int:
    """The graph's recorded model version (1 when none is recorded)."""
    record = driver.execute_query(cypher("migrations/read_version"), database_=database).records
    return int(record[0]["version"]) if record else 1


def migrate(driver: neo4j.Driver, database: str) -> list[Migration]:
    """Apply every migration the graph lacks, in order; return those applied."""
    current = model_version(driver, database)
    if current > MODEL_VERSION:
        raise ValidationFailed(
            f"model: the graph is at version {current}, newer than this commongraph "
            f"({MODEL_VERSION}); upgrade commongraph before using it"
        )
    applied = []
    for migration in MIGRATIONS:
        if migration.to <= current:
            continue
        with driver.session(database=database) as session, session.begin_transaction() as tx:
            tx.run(cypher(migration.statement)).consume()
            tx.run(cypher("migrations/write_version"), version=migration.to).consume()
            tx.commit()
        applied.append(migration)
    return applied
