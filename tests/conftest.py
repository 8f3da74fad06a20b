"""Session fixtures: one real Neo4j for the whole test run, wiped between test modules.

The server is started exactly as `commongraph neo4j start` starts it (same manager, same
generated config), but in its own state folder on free ports, so a developer's `make run`
server is never touched. Set COMMONGRAPH_TEST_NEO4J_URI (+ _PASSWORD) to use another server
instead: it will be WIPED.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import neo4j
import pytest

from graph.schema import apply_schema
from graph.server import manager
from graph.server.config import PROJECT_ROOT, ServerLayout, ServerSizing
from graph.settings import Neo4jSettings
from tests.support.ports import free_port
from tests.support.wipe import wipe_graph

_TEST_SERVER: dict[str, ServerLayout] = {}

# Every record the API reads is checked for nodes nested in its values (graph/database.py).
os.environ.setdefault("COMMONGRAPH_CHECK_RECORDS", "1")


def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]) -> None:
    """When a test fails because Neo4j went away, say so in one line instead of a driver trace."""
    layout = _TEST_SERVER.get("layout")
    if call.excinfo is None or layout is None:
        return
    if manager.status(layout).running:
        return
    item.add_report_section(
        call.when,
        "neo4j",
        f"the test Neo4j ({layout.bolt_uri}) is no longer running; its log: {layout.console_log}",
    )


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Every test that reaches Neo4j carries the ``neo4j`` marker, whether or not its module
    says so: a test needs the server exactly when its fixtures (transitively) include
    ``neo4j_settings``. So ``make test-fast`` (``-m 'not neo4j and not browser'``) never
    starts one, and the tiers are decided by what a test uses, not by hand."""
    for item in items:
        if "neo4j_settings" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.neo4j)


@pytest.fixture(scope="session")
def neo4j_settings() -> Iterator[Neo4jSettings]:
    """A running Neo4j for this test session; its settings are exported as NEO4J_* too."""
    external = os.environ.get("COMMONGRAPH_TEST_NEO4J_URI")
    layout: ServerLayout | None = None
    if external:
        settings = Neo4jSettings.model_validate(
            {"uri": external, "password": os.environ.get("COMMONGRAPH_TEST_NEO4J_PASSWORD", "")}
        )
    else:
        state = PROJECT_ROOT / ".commongraph" / f"test-{os.getpid()}"
        shutil.rmtree(state, ignore_errors=True)
        layout = ServerLayout(state_dir=state, bolt_port=free_port(), http_port=free_port())
        manager.start(layout, ServerSizing.from_env(small=True))
        _TEST_SERVER["layout"] = layout
        settings = Neo4jSettings(
            uri=layout.bolt_uri,
            password=manager.read_password(layout),
        )
    saved = {k: os.environ.get(k) for k in ("NEO4J_URI", "NEO4J_USER", "NEO4J_PASSWORD")}
    os.environ.update(
        NEO4J_URI=settings.uri,
        NEO4J_USER=settings.user,
        NEO4J_PASSWORD=settings.password.get_secret_value(),
    )
    try:
        yield settings
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value
        if layout is not None:
            manager.stop(layout)
            shutil.rmtree(layout.state_dir, ignore_errors=True)


@pytest.fixture(scope="session")
def _session_driver(neo4j_settings: Neo4jSettings) -> Iterator[neo4j.Driver]:
    with neo4j.GraphDatabase.driver(neo4j_settings.uri, auth=neo4j_settings.auth) as driver:
        apply_schema(driver, neo4j_settings.database)
        yield driver


@pytest.fixture(scope="module")
def driver(_session_driver: neo4j.Driver, neo4j_settings: Neo4jSettings) -> neo4j.Driver:
    """A sync driver on an empty graph (wiped at the start of each test module)."""
    wipe_graph(_session_driver, neo4j_settings.database)
    return _session_driver


@pytest.fixture
def artifacts_dir() -> Path:
    """Where tests keep screenshots and reports (kept by CI as test artifacts)."""
    path = PROJECT_ROOT / "test-artifacts"
    path.mkdir(exist_ok=True)
    return path
