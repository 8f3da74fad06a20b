"""Fixtures for the fault tests: a private Neo4j that tests may stop, and CLI subprocesses.

The session's shared test server is never stopped: tests that take Neo4j away use
``private_neo4j``, a second server on its own free ports and state folder, started the same
way (``graph.server.manager.start``) and stopped at the end of the session.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import neo4j
import pytest

from graph.schema import apply_schema
from graph.server import manager
from graph.server.config import PROJECT_ROOT, ServerLayout, ServerSizing
from graph.settings import Neo4jSettings
from tests.support.bulk import RELATIONSHIP_TYPES, write_relationship_tables, write_services
from tests.support.fingerprint import Fingerprint, graph_fingerprint
from tests.support.ports import free_port
from tests.support.wipe import wipe_graph

COMMONGRAPH = str(Path(sys.executable).parent / "commongraph")


@dataclass
class PrivateNeo4j:
    """A Neo4j only this test session's fault tests use; they may stop and start it."""

    layout: ServerLayout
    settings: Neo4jSettings

    @property
    def env(self) -> dict[str, str]:
        """The environment of a subprocess that should talk to this server."""
        return {
            **os.environ,
            "NEO4J_URI": self.settings.uri,
            "NEO4J_USER": self.settings.user,
            "NEO4J_PASSWORD": self.settings.password.get_secret_value(),
        }

    def stop(self) -> None:
        assert manager.stop(self.layout), "the private Neo4j did not stop"

    def start(self) -> None:
        manager.start(self.layout, ServerSizing.from_env(small=True))

    def driver(self) -> neo4j.Driver:
        return neo4j.GraphDatabase.driver(self.settings.uri, auth=self.settings.auth)


@pytest.fixture(scope="session")
def private_neo4j() -> Iterator[PrivateNeo4j]:
    """A second Neo4j on free ports, in its own state folder; stopped at session end."""
    state = Path(tempfile.mkdtemp(prefix="private-", dir=PROJECT_ROOT / ".commongraph"))
    layout = ServerLayout(state_dir=state, bolt_port=free_port(), http_port=free_port())
    manager.start(layout, ServerSizing.from_env(small=True))
    settings = Neo4jSettings(uri=layout.bolt_uri, password=manager.read_password(layout))
    server = PrivateNeo4j(layout=layout, settings=settings)
    with server.driver() as driver:
        apply_schema(driver, settings.database)
    try:
        yield server
    finally:
        manager.stop(layout)
        shutil.rmtree(state, ignore_errors=True)


def commongraph(
    *args: str, env: dict[str, str] | None = None, timeout: float = 300
) -> subprocess.CompletedProcess[str]:
    """Run the installed ``commongraph`` console script to completion."""
    return subprocess.run(
        [COMMONGRAPH, *args],
        env=env or dict(os.environ),
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )


def start_commongraph(*args: str, env: dict[str, str] | None = None) -> subprocess.Popen[str]:
    """Start ``commongraph`` in the background (output captured)."""
    return subprocess.Popen(
        [COMMONGRAPH, *args],
        env=env or dict(os.environ),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


#: sizes of the fault tests' inputs; each load takes several seconds at the defaults
#: (COMMONGRAPH_FAULT_SERVICES=20000 COMMONGRAPH_FAULT_EDGES=50000 for a long run)
SERVICES = int(os.environ.get("COMMONGRAPH_FAULT_SERVICES", "2500"))
EDGES = int(os.environ.get("COMMONGRAPH_FAULT_EDGES", "8000"))
PEOPLE = max(EDGES // 4, 10)


@dataclass
class BulkLoad:
    """The fault tests' input files, their load commands and the reference graph."""

    services: Path
    nodes: Path
    edges: Path
    reference: Fingerprint

    @property
    def oruk_args(self) -> list[str]:
        return ["load", "oruk", str(self.services)]

    @property
    def relationship_args(self) -> list[str]:
        return ["load", "relationships", str(self.nodes), str(self.edges)]


@pytest.fixture(scope="session")
def bulk(
    _session_driver: neo4j.Driver,
    neo4j_settings: Neo4jSettings,
    tmp_path_factory: pytest.TempPathFactory,
) -> BulkLoad:
    """Write the inputs, and fingerprint an uninterrupted load of them into an empty graph.

    The reference is made on the shared test server, which is wiped before and after.
    """
    folder = tmp_path_factory.mktemp("bulk")
    services = write_services(folder / "services.json", SERVICES)
    nodes, edges = write_relationship_tables(folder, PEOPLE, EDGES)
    wipe_graph(_session_driver, neo4j_settings.database)
    for args in (
        ["load", "oruk", str(services)],
        ["load", "relationships", str(nodes), str(edges)],
    ):
        result = commongraph(*args)
        assert result.returncode == 0, result.stderr
    reference = graph_fingerprint(_session_driver)
    assert reference.nodes.get("Entity:Service") == SERVICES
    assert sum(reference.relationships.get(t, 0) for t in RELATIONSHIP_TYPES) == EDGES
    wipe_graph(_session_driver, neo4j_settings.database)
    return BulkLoad(services=services, nodes=nodes, edges=edges, reference=reference)
