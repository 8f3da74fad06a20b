"""``commongraph serve``: the API and the UI on one port, one worker process per core.

Several workers mean one busy or stuck request never stops the site: the operating system
shares connections among them (uvicorn's process manager restarts a worker that dies). Each
worker keeps only caches that are checked against Neo4j's bookmark before use
(:mod:`graph.result_cache`), so no worker ever answers from data another has changed.
Per-client limits (:mod:`api.guard`) are counted per worker.
"""

from __future__ import annotations

import os

import click
import uvicorn

from api.cli.errors import fail_cleanly
from graph.environment import environment

__all__ = ["default_workers", "serve_command"]


def default_workers() -> int:
    """``COMMONGRAPH_WORKERS`` if set, else one per core the process may use."""
    configured = environment().workers
    if configured:
        return max(1, configured)
    return max(1, len(os.sched_getaffinity(0)))


@click.command("serve")
@click.option("--host", default="127.0.0.1", show_default=True, help="Interface to listen on.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(1, 65535))
@click.option(
    "--workers",
    type=click.IntRange(1, 64),
    default=None,
    help="Worker processes [default: one per core, or COMMONGRAPH_WORKERS].",
)
@click.option(
    "--forwarded-allow-ips",
    default=None,
    metavar="IPS",
    help=(
        "Addresses of reverse proxies whose X-Forwarded-For names the client (comma-"
        "separated). Without it the connection's own address is the client, so a caller "
        "cannot dodge the per-client limits by sending that header."
    ),
)
@fail_cleanly
def serve_command(
    host: str, port: int, workers: int | None, forwarded_allow_ips: str | None
) -> None:
    """Serve GraphQL (/graphql), Open Referral UK (/oruk/), /health and the web UI."""
    uvicorn.run(
        "api.app:create_app",
        factory=True,
        host=host,
        port=port,
        workers=workers or default_workers(),
        proxy_headers=forwarded_allow_ips is not None,
        forwarded_allow_ips=forwarded_allow_ips,
        log_level="info",
    )
