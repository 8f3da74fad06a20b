"""Every environment variable commongraph reads, in one place, with its default and meaning.

Code never reads ``os.environ`` itself: it asks :func:`environment` (fresh on each call, so a
test or a CLI run that sets a variable is heard) and uses the typed field. The table of
variables in docs/contract.md is written from this class (``tests/test_environment.py`` checks
that the two agree).

Parsing is pydantic-settings' (https://docs.pydantic.dev/latest/concepts/pydantic_settings/):
a value of the wrong type ("COMMONGRAPH_WORKERS=two") fails with the variable's name instead
of a traceback deep in the code that used it.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from pydantic import Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict

__all__ = ["PROJECT_ROOT", "Environment", "environment"]

PROJECT_ROOT = Path(__file__).resolve().parents[1]
"""The checkout (or installed tree): ``graph/environment.py`` → project root."""


class Environment(BaseSettings):
    """The variables, by the name code uses; ``validation_alias`` is the variable's name."""

    model_config = SettingsConfigDict(extra="ignore", frozen=True)

    # Which Neo4j (graph/settings.py)
    neo4j_uri: str | None = Field(
        None,
        validation_alias="NEO4J_URI",
        description="a Neo4j to use instead of the local server (bolt://, neo4j://, +s)",
    )
    neo4j_user: str = Field(
        "neo4j", validation_alias="NEO4J_USER", description="the user for NEO4J_URI"
    )
    neo4j_password: SecretStr | None = Field(
        None,
        validation_alias="NEO4J_PASSWORD",
        description="the password for NEO4J_URI (default: the local server's generated one)",
    )
    neo4j_database: str = Field(
        "neo4j", validation_alias="NEO4J_DATABASE", description="the database"
    )
    query_timeout_s: float = Field(
        30.0,
        validation_alias="COMMONGRAPH_QUERY_TIMEOUT",
        description="seconds a statement may run before it is stopped",
    )

    # Where things live
    home: Path = Field(
        PROJECT_ROOT / ".commongraph",
        validation_alias="COMMONGRAPH_HOME",
        description="state folder: the local Neo4j, unpacked open data, the server secret",
    )
    data_dir: Path | None = Field(
        None,
        validation_alias="COMMONGRAPH_DATA_DIR",
        description="open data to load instead of the shipped copies",
    )
    openreferral_dir: Path | None = Field(
        None,
        validation_alias="COMMONGRAPH_OPENREFERRAL_DIR",
        description="Open Referral UK schemas instead of the shipped ones",
    )
    secret: SecretStr | None = Field(
        None,
        validation_alias="COMMONGRAPH_SECRET",
        description="key for hashed ids (default: generated into the state folder)",
    )

    # The local Neo4j server (graph/server)
    bolt_port: int = Field(
        7687, validation_alias="COMMONGRAPH_BOLT_PORT", description="the local server's Bolt port"
    )
    http_port: int = Field(
        7474, validation_alias="COMMONGRAPH_HTTP_PORT", description="the local server's HTTP port"
    )
    neo4j_heap: str | None = Field(
        None,
        validation_alias="COMMONGRAPH_NEO4J_HEAP",
        description="the local server's heap (e.g. 4g)",
    )
    neo4j_pagecache: str | None = Field(
        None,
        validation_alias="COMMONGRAPH_NEO4J_PAGECACHE",
        description="the local server's page cache (e.g. 4g)",
    )
    neo4j_tx_timeout: str | None = Field(
        None,
        validation_alias="COMMONGRAPH_NEO4J_TX_TIMEOUT",
        description="the local server's transaction timeout (e.g. 60s)",
    )

    # The API
    workers: int | None = Field(
        None,
        validation_alias="COMMONGRAPH_WORKERS",
        description="`serve` worker processes (default: one per core)",
    )
    development: str = Field(
        "",
        validation_alias="COMMONGRAPH_ENV",
        description="`development` shows unexpected errors unmasked",
    )
    check_records: bool = Field(
        False,
        validation_alias="COMMONGRAPH_CHECK_RECORDS",
        description="check every returned value for graph entities (tests)",
    )

    # Per-client limits (api/guard/settings.py); unset = the documented default
    anonymous_rate: float | None = Field(
        None,
        validation_alias="COMMONGRAPH_ANONYMOUS_RATE",
        description="requests/s per address without a key (unset: docs/security.md)",
    )
    anonymous_burst: int | None = Field(
        None,
        validation_alias="COMMONGRAPH_ANONYMOUS_BURST",
        description="requests at once per address",
    )
    anonymous_concurrency: int | None = Field(
        None,
        validation_alias="COMMONGRAPH_ANONYMOUS_CONCURRENCY",
        description="requests in flight per address",
    )
    key_rate: float | None = Field(
        None, validation_alias="COMMONGRAPH_KEY_RATE", description="requests/s per API key"
    )
    key_burst: int | None = Field(
        None, validation_alias="COMMONGRAPH_KEY_BURST", description="requests at once per API key"
    )
    key_concurrency: int | None = Field(
        None,
        validation_alias="COMMONGRAPH_KEY_CONCURRENCY",
        description="requests in flight per API key",
    )
    max_in_flight: int | None = Field(
        None,
        validation_alias="COMMONGRAPH_MAX_IN_FLIGHT",
        description="requests in flight in one worker",
    )
    cors_origins: str = Field(
        "",
        validation_alias="COMMONGRAPH_CORS_ORIGINS",
        description="comma-separated origins allowed from a browser",
    )

    @property
    def is_development(self) -> bool:
        return self.development.strip().lower() == "development"


def environment(values: Mapping[str, str] | None = None) -> Environment:
    """The variables now (``values``: from this mapping only, not the process environment)."""
    if values is not None:
        return Environment.model_validate(dict(values))
    return Environment()
