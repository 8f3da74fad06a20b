"""``commongraph serve``: the API and the UI on one port."""

from __future__ import annotations

import click
import uvicorn

from api.app import create_app
from api.cli.errors import fail_cleanly

__all__ = ["serve_command"]


@click.command("serve")
@click.option("--host", default="127.0.0.1", show_default=True, help="Interface to listen on.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(1, 65535))
@fail_cleanly
def serve_command(host: str, port: int) -> None:
    """Serve GraphQL (/graphql), Open Referral UK (/oruk/), /health and the web UI."""
    uvicorn.run(create_app(), host=host, port=port, log_level="info")
