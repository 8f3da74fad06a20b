"""Nothing is lost across backup, restore and upgrade.

Against the real Neo4j: a fixture graph plus what the Open Referral and GraphML exports
cannot carry (an API key, a shortlist, an audit event, a spatial point, datetimes) is backed
up, wiped and restored: every node and relationship comes back with every property (the
fingerprint, nothing ignored), and the key still authenticates. A restore that cannot finish
leaves the graph as it was. ``migrate`` brings a graph written before model versions to the
current one, once, and refuses a graph newer than the code.
"""

from __future__ import annotations

import gzip
from pathlib import Path

import neo4j
import pytest
from click.testing import CliRunner

from api.auth.keys import caller_from_header
from api.cli.main import cli
from graph.backup import backup_graph, restore_graph
from graph.database import Database
from graph.errors import ValidationFailed
from graph.model_version import MODEL_VERSION, migrate, model_version
from graph.settings import Neo4jSettings
from tests.api.fixtures_graph import generate, write_graph
from tests.support.figures import measure
from tests.support.fingerprint import graph_fingerprint
from tests.support.keys import make_key
from tests.support.loop import run_in_own_loop
from tests.support.wipe import wipe_graph

pytestmark = pytest.mark.neo4j

EXTRAS = """
CREATE (:Shortlist {id: 'sl-1', name: '3 December', token: 'tok-1', owner_key_id: 'k1',
                    created_at: '2026-01-02T10:00:00+00:00'})
CREATE (:AuditEvent {id: 'ev-1', operation: 'createShortlist', at: datetime('2026-01-02T10:00:00Z'),
                     on_day: date('2026-01-02'), took: duration('PT1.5S')})
CREATE (:Place {id: 'pl-1', point: point({latitude: 51.48, longitude: -3.18}),
                tags: ['a', 'b'], score: 0.25, count: 3, ok: true})
"""


def _graph(driver: neo4j.Driver) -> str:
    wipe_graph(driver, "neo4j")
    write_graph(driver, generate(seed=5, services=150, locations=120, people=80))
    driver.execute_query(EXTRAS)
    return make_key(driver, "leader")


def _authenticates(settings: Neo4jSettings, key: str) -> str:
    async def check() -> str:
        db = Database(settings)
        try:
            return (await caller_from_header(db, f"Bearer {key}")).role.value
        finally:
            await db.close()

    return run_in_own_loop(check())


def test_backup_wipe_restore_gives_back_every_node_relationship_and_key(
    driver: neo4j.Driver, neo4j_settings: Neo4jSettings, tmp_path: Path
) -> None:
    key = _graph(driver)
    before = graph_fingerprint(driver, ignore=())
    out = tmp_path / "graph.backup.gz"
    made = backup_graph(driver, "neo4j", out)
    assert made.nodes > 500 and made.relationships > 500
    wipe_graph(driver, "neo4j")
    assert graph_fingerprint(driver, ignore=()) != before
    done = restore_graph(driver, "neo4j", out)
    assert (done.nodes, done.relationships) == (made.nodes, made.relationships)
    assert graph_fingerprint(driver, ignore=()) == before
    assert _authenticates(neo4j_settings, key) == "leader"
    measure("backup: seconds for the fixture graph", made.seconds)
    measure("restore: seconds for the fixture graph", done.seconds)


def test_a_restore_that_cannot_finish_leaves_the_graph_as_it_was(
    driver: neo4j.Driver, tmp_path: Path
) -> None:
    _graph(driver)
    out = tmp_path / "graph.backup.gz"
    backup_graph(driver, "neo4j", out)
    before = graph_fingerprint(driver, ignore=())
    with pytest.raises(ValidationFailed, match="pass --replace"):
        restore_graph(driver, "neo4j", out)
    lines = gzip.decompress(out.read_bytes()).splitlines()
    truncated = tmp_path / "truncated.gz"
    truncated.write_bytes(gzip.compress(b"\n".join(lines[: len(lines) // 2]) + b"\n"))
    with pytest.raises(ValidationFailed, match="incomplete; nothing was restored"):
        restore_graph(driver, "neo4j", truncated, replace=True)
    assert graph_fingerprint(driver, ignore=()) == before
    forged = tmp_path / "forged.gz"
    bad = [*lines[:2], b'{"n": 999999, "l": ["Person`) DETACH DELETE n //"], "p": {}}']
    forged.write_bytes(gzip.compress(b"\n".join(bad) + b"\n"))
    with pytest.raises(ValidationFailed, match="is not a model name"):
        restore_graph(driver, "neo4j", forged, replace=True)
    assert graph_fingerprint(driver, ignore=()) == before


def test_migrate_brings_an_old_graph_to_the_current_model_once(
    driver: neo4j.Driver, tmp_path: Path
) -> None:
    _graph(driver)  # written as the previous release wrote it: no version, no expiry
    assert model_version(driver, "neo4j") == 1
    first = CliRunner().invoke(cli, ["migrate"])
    assert first.exit_code == 0, first.output
    assert f"now at model {MODEL_VERSION}" in first.output
    assert model_version(driver, "neo4j") == MODEL_VERSION
    expiry = driver.execute_query("MATCH (s:Shortlist {id: 'sl-1'}) RETURN s.expires_at AS e")
    assert expiry.records[0]["e"].startswith("2026-04-02T10:00")
    again = CliRunner().invoke(cli, ["migrate"])
    assert again.exit_code == 0 and "nothing to do" in again.output
    driver.execute_query("MATCH (m:ModelVersion) SET m.version = $v", v=MODEL_VERSION + 1)
    with pytest.raises(ValidationFailed, match="newer than this commongraph"):
        migrate(driver, "neo4j")
    newer = CliRunner().invoke(cli, ["migrate"])
    assert newer.exit_code == 1 and "upgrade commongraph" in newer.output


def test_the_cli_backs_up_and_restores_with_replace(driver: neo4j.Driver, tmp_path: Path) -> None:
    _graph(driver)
    migrate(driver, "neo4j")  # a current graph: restore's own migrate then changes nothing
    before = graph_fingerprint(driver, ignore=())
    out = tmp_path / "cli.backup.gz"
    made = CliRunner().invoke(cli, ["backup", str(out)])
    assert made.exit_code == 0, made.output
    assert "backed up" in made.output and out.is_file()
    driver.execute_query("MATCH (s:Service) WITH s LIMIT 5 DETACH DELETE s")
    restored = CliRunner().invoke(cli, ["restore", "--replace", str(out)])
    assert restored.exit_code == 0, restored.output
    assert graph_fingerprint(driver, ignore=()) == before
