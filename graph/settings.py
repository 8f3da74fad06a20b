"""Which Neo4j commongraph talks to.

``NEO4J_URI`` / ``NEO4J_USER`` / ``NEO4J_PASSWORD`` / ``NEO4J_DATABASE`` point everything at
any Neo4j (a user's own server, a cluster, Aura). Without ``NEO4J_URI`` the local server that
``commongraph neo4j start`` runs is used, with the password it generated.
"""

from __future__ import annotations

import os

from pydantic import BaseModel, SecretStr

from graph.server.config import ServerLayout
from graph.server.manager import read_password

__all__ = ["Neo4jSettings"]


class Neo4jSettings(BaseModel):
    """Connection settings for the official driver."""

    uri: str
    user: str = "neo4j"
    password: SecretStr
    database: str = "neo4j"
    query_timeout_s: float = 30.0

    @property
    def auth(self) -> tuple[str, str]:
        return (self.user, self.password.get_secret_value())

    @classmethod
    def from_env(cls, layout: ServerLayout | None = None) -> Neo4jSettings:
        """Settings from the environment, falling back to the local server's layout."""
        database = os.environ.get("NEO4J_DATABASE", "neo4j")
        timeout = float(os.environ.get("COMMONGRAPH_QUERY_TIMEOUT", "30"))
        uri = os.environ.get("NEO4J_URI")
        if uri:
            return cls(
                uri=uri,
                user=os.environ.get("NEO4J_USER", "neo4j"),
                password=SecretStr(os.environ.get("NEO4J_PASSWORD", "")),
                database=database,
                query_timeout_s=timeout,
            )
        layout = layout or ServerLayout.default()
        return cls(
            uri=layout.bolt_uri,
            user="neo4j",
            password=SecretStr(os.environ.get("NEO4J_PASSWORD") or read_password(layout)),
            database=database,
            query_timeout_s=timeout,
        )
