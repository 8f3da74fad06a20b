"""The per-request GraphQL context: the process's Database, the caller and DataLoaders."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from strawberry.fastapi import BaseContext

from api.auth.roles import Caller
from api.graphql.dataloaders import Loaders
from api.reports import ReportRunner
from graph.database import Database
from graph.messages import Said
from graph.repositories.audit import Actor
from graph.repositories.outcomes import NotAllowed
from graph.repositories.published_ids import graph_ids

__all__ = ["Context", "refuse_unless"]


@dataclass
class Context(BaseContext):
    """What every resolver may use; built fresh for each request."""

    db: Database
    caller: Caller = field(default_factory=Caller)
    #: the app's analytics runner (shared by all requests); a fresh one outside an app
    reports: ReportRunner = field(default_factory=ReportRunner)
    loaders: Loaders = field(init=False)

    def __post_init__(self) -> None:
        self.loaders = Loaders(self.db)

    @property
    def actor(self) -> Actor:
        """The caller as recorded in audit events (key id, role, organisation)."""
        return Actor(
            key_id=self.caller.key_id,
            role=self.caller.role.value,
            organisation_id=self.caller.organisation_id,
        )

    async def graph_id(self, given: object) -> str:
        """The graph id of a node a caller named by its id or by its ORUK UUID."""
        return (await graph_ids(self.db, [str(given)]))[0]

    async def graph_ids(self, given: list[Any]) -> list[str]:
        """:meth:`graph_id` of each, in one read."""
        return await graph_ids(self.db, [str(g) for g in given])


def refuse_unless(allowed: bool, refusal: Said) -> None:
    """The role check a resolver makes before it reads or writes anything: ``NotAllowed``
    saying ``refusal`` (in the caller's language) unless ``allowed``."""
    if not allowed:
        raise NotAllowed(refusal)
