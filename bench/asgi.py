"""The ASGI factory uvicorn serves in the benchmark: ``api.app.create_app(settings)``.

Settings come from the NEO4J_* variables the benchmark exports for its own Neo4j.
"""

from __future__ import annotations

from fastapi import FastAPI

from api.app import create_app
from api.guard import GuardSettings
from graph.settings import Neo4jSettings

__all__ = ["app"]


def app() -> FastAPI:
    """A fresh app for uvicorn's ``--factory``."""
    # Many simulated clients share one address here, so per-client limits are lifted.
    return create_app(Neo4jSettings.from_env(), guard=GuardSettings.unlimited())
