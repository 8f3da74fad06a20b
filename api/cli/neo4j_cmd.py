"""``commongraph neo4j start|stop|status``: the local Neo4j of DESIGN.md decision 1."""

from __future__ import annotations

import sys
import time

import click

from api.cli.errors import EXIT_OK, EXIT_STOPPED, fail_cleanly
from graph.connection import sync_driver
from graph.schema import apply_schema
from graph.server import manager
from graph.server.config import ServerLayout, ServerSizing
from graph.settings import Neo4jSettings

__all__ = ["neo4j_group"]


@click.group("neo4j")
def neo4j_group() -> None:
    """Install, start, stop and check the local Neo4j Community server.

    The server's files live in $COMMONGRAPH_HOME/neo4j (default: .commongraph/neo4j in the
    checkout); ports come from COMMONGRAPH_BOLT_PORT (7687) and COMMONGRAPH_HTTP_PORT (7474).
    """


@neo4j_group.command("start")
@fail_cleanly
def start_command() -> None:
    """Start Neo4j (fetching it with Maven on first use), apply the schema, print the URI.

    Idempotent: returns at once when the server already runs. Returns only once Bolt answers
    RETURN 1.
    """
    layout = ServerLayout.default()
    began = time.monotonic()
    uri = manager.start(layout, ServerSizing.from_env())
    with sync_driver(Neo4jSettings.from_env(layout)) as driver:
        apply_schema(driver, Neo4jSettings.from_env(layout).database)
    click.echo(uri)
    click.echo(f"Neo4j answers on {uri} ({time.monotonic() - began:.1f} s)", err=True)


@neo4j_group.command("stop")
@fail_cleanly
def stop_command() -> None:
    """Stop the local Neo4j; leaves no process behind. Stopping a stopped server is fine."""
    stopped = manager.stop(ServerLayout.default())
    click.echo("stopped" if stopped else "not running")


@neo4j_group.command("status")
@fail_cleanly
def status_command() -> None:
    """Exit 0 while the local Neo4j runs and 3 when it does not."""
    state = manager.status(ServerLayout.default())
    click.echo(f"{state.detail}: {state.uri}" + (f" (pid {state.pid})" if state.pid else ""))
    sys.exit(EXIT_OK if state.running else EXIT_STOPPED)
