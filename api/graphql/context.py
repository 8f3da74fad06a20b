"""The per-request GraphQL context: the process's Database (and, later, loaders and caller)."""

from __future__ import annotations

from dataclasses import dataclass

from strawberry.fastapi import BaseContext

from graph.database import Database

__all__ = ["Context"]


@dataclass
class Context(BaseContext):
    """What every resolver may use; built fresh for each request."""

    db: Database
