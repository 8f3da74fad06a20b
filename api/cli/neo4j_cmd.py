"""``commongraph neo4j start|stop|status``: the local Neo4j of docs/decisions.md F1.

With ``NEO4J_URI`` set, the commands act on that server instead: ``start`` checks that it
answers and applies the schema, ``status`` reports whether it answers, ``stop`` refuses
(commongraph never stops a server it did not start).
"""

from __future__ import annotations

import sys
import time

import click

from api.cli.errors import EXIT_FAILURE, EXIT_OK, EXIT_STOPPED, fail_cleanly
from graph.connection import sync_driver
from graph.environment import environment
from graph.errors import DatabaseUnavailable
from graph.schema import apply_schema
from graph.server import manager
from graph.server.config import ServerLayout, ServerSizing
from graph.settings import Neo4jSettings

__all__ = ["neo4j_group"]


def _external() -> bool:
    return bool(environment().neo4j_uri)


@click.group("neo4j")
def neo4j_group() -> None:
    """Install, start, stop and check the local Neo4j Community server.

    The server's files live in $COMMONGRAPH_HOME/neo4j (default: .commongraph/neo4j in the
    checkout); ports come from COMMONGRAPH_BOLT_PORT (7687) and COMMONGRAPH_HTTP_PORT (7474);
    heap and page cache from COMMONGRAPH_NEO4J_HEAP / COMMONGRAPH_NEO4J_PAGECACHE (4g each).
    With NEO4J_URI set, start and status act on that server instead.
    """


@neo4j_group.command("start")
@fail_cleanly
def start_command() -> None:
    """Start Neo4j (fetching it with Maven on first use), apply the schema, print the URI.

    Idempotent: returns at once when the server already runs. Returns only once Bolt answers
    RETURN 1.
    """
    began = time.monotonic()
    if _external():
        settings = Neo4jSettings.from_env()
    else:
        layout = ServerLayout.default()
        manager.start(layout, ServerSizing.from_env())
        settings = Neo4jSettings.from_env(layout)
    with sync_driver(settings) as driver:
        apply_schema(driver, settings.database)
    click.echo(settings.uri)
    click.echo(f"Neo4j answers on {settings.uri} ({time.monotonic() - began:.1f} s)", err=True)


@neo4j_group.command("stop")
@fail_cleanly
def stop_command() -> None:
    """Stop the local Neo4j; leaves no process behind. Stopping a stopped server is fine."""
    if _external():
        click.echo("NEO4J_URI points at a server commongraph did not start: not stopping it.")
        sys.exit(EXIT_FAILURE)
    stopped = manager.stop(ServerLayout.default())
    click.echo("stopped" if stopped else "not running")


@neo4j_group.command("status")
@fail_cleanly
def status_command() -> None:
    """Exit 0 while Neo4j runs and answers, 3 when it does not (1 if it refuses our login)."""
    if _external():
        settings = Neo4jSettings.from_env()
        try:
            with sync_driver(settings):
                pass
        except DatabaseUnavailable as exc:
            if "refused user" in str(exc):
                raise
            click.echo(f"not running: {settings.uri}")
            sys.exit(EXIT_STOPPED)
        click.echo(f"running: {settings.uri}")
        sys.exit(EXIT_OK)
    state = manager.status(ServerLayout.default())
    click.echo(f"{state.detail}: {state.uri}" + (f" (pid {state.pid})" if state.pid else ""))
    sys.exit(EXIT_OK if state.running else EXIT_STOPPED)
