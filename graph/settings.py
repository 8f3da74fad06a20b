"""Which Neo4j commongraph talks to.

``NEO4J_URI`` / ``NEO4J_USER`` / ``NEO4J_PASSWORD`` / ``NEO4J_DATABASE`` point everything at
any Neo4j (a user's own server, a cluster, Aura). Without ``NEO4J_URI`` the local server that
``commongraph neo4j start`` runs is used, with the password it generated.
"""

from __future__ import annotations

from pydantic import BaseModel, SecretStr

from graph.environment import environment
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
        env = environment()
        if env.neo4j_uri:
            return cls(
                uri=env.neo4j_uri,
                user=env.neo4j_user,
                password=env.neo4j_password or SecretStr(""),
                database=env.neo4j_database,
                query_timeout_s=env.query_timeout_s,
            )
        layout = layout or ServerLayout.default()
        return cls(
            uri=layout.bolt_uri,
            user="neo4j",
            password=env.neo4j_password or SecretStr(read_password(layout)),
            database=env.neo4j_database,
            query_timeout_s=env.query_timeout_s,
        )
