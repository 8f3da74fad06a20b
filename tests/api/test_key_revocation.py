"""API keys can be listed (never shown again) and revoked; a revoked key is refused at once."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from api.cli.main import cli
from tests.api.conftest import GraphQL
from tests.api.fixtures_graph import FixtureGraph

pytestmark = pytest.mark.neo4j


def test_a_revoked_key_is_refused_from_the_next_request_and_listed_as_revoked(
    small_graph: FixtureGraph, gql: GraphQL
) -> None:
    created = CliRunner().invoke(cli, ["keys", "create", "--role", "leader", "--name", "Ann"])
    assert created.exit_code == 0, created.output
    key = created.stdout.strip()
    key_id = key.split("_")[1]
    assert gql("{ me { role } }", key=key)["data"]["me"]["role"] == "leader"

    listed = CliRunner().invoke(cli, ["keys", "list", "--json"])
    assert listed.exit_code == 0, listed.output
    rows = {r["id"]: r for r in map(json.loads, listed.stdout.splitlines())}
    assert rows[key_id]["role"] == "leader" and rows[key_id]["revoked"] is False
    assert key not in listed.stdout and key.split("_")[2] not in listed.stdout

    revoked = CliRunner().invoke(cli, ["keys", "revoke", key_id])
    assert revoked.exit_code == 0 and "revoked" in revoked.output
    body = gql("{ me { role } }", key=key, status=401)
    assert "unknown or revoked" in json.dumps(body)

    again = CliRunner().invoke(cli, ["keys", "revoke", key])  # the whole key works too
    assert again.exit_code == 0 and "already revoked" in again.output
    listed = CliRunner().invoke(cli, ["keys", "list", "--json"])
    row = next(r for r in map(json.loads, listed.stdout.splitlines()) if r["id"] == key_id)
    assert row["revoked"] is True and row["revoked_at"]


def test_revoking_a_key_that_does_not_exist_says_so(small_graph: FixtureGraph) -> None:
    result = CliRunner().invoke(cli, ["keys", "revoke", "nosuchkey"])
    assert result.exit_code != 0
    assert "no key with id 'nosuchkey'" in result.output and "Traceback" not in result.output
