"""Entry point of the ``commongraph`` console script.

Exit codes of every command: 0 success; 1 failure, nothing changed; 2 partial success (a load
stored its good records and rejected some, each named); ``neo4j status`` exits 3 when the
server is not running.
"""

from __future__ import annotations

import logging

import click

from api.cli.analyse_cmd import analyse_group
from api.cli.backup_cmd import backup_command, migrate_command, restore_command
from api.cli.demo_cmd import generate_command  # also adds `load demo` to load_group
from api.cli.erase_cmd import erase_group
from api.cli.export_cmd import export_group
from api.cli.keys_cmd import keys_group
from api.cli.load_cmd import load_group
from api.cli.neo4j_cmd import neo4j_group
from api.cli.serve_cmd import serve_command

__all__ = ["cli", "main"]

EPILOG = """\b
Exit codes: 0 success; 1 failure, nothing changed; 2 partial success (a load stored its good
records and rejected some, each named with file, record index or id, field and reason);
`neo4j status` exits 3 when the server is not running.

\b
Neo4j: NEO4J_URI, NEO4J_USER, NEO4J_PASSWORD and NEO4J_DATABASE point every command at
another Neo4j; without NEO4J_URI the local server of `commongraph neo4j start` is used.
"""


@click.group(epilog=EPILOG, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="commongraph")
def cli() -> None:
    """commongraph: community assets and the relationships between the people around them."""


cli.add_command(neo4j_group)
cli.add_command(analyse_group)
cli.add_command(serve_command)
cli.add_command(load_group)
cli.add_command(export_group)
cli.add_command(keys_group)
cli.add_command(generate_command)
cli.add_command(erase_group)
cli.add_command(backup_command)
cli.add_command(restore_command)
cli.add_command(migrate_command)


def main() -> None:
    """Run the CLI (the console script's target)."""
    # The driver logs each retry as a warning; our errors say it in one line instead.
    logging.getLogger("neo4j").addHandler(logging.NullHandler())
    cli()
