"""Limits trip with a clear message; expected errors keep theirs; unexpected ones are masked."""

from __future__ import annotations

import pytest
import strawberry
from click.testing import CliRunner

from api.cli.main import cli
from api.graphql.errors import ErrorPolicy
from api.graphql.schema import MAX_ALIASES, MAX_DEPTH, MAX_TOKENS
from graph import messages as say
from graph.errors import NotFoundError
from tests.api.conftest import GraphQL
from tests.api.fixtures_graph import FixtureGraph

pytestmark = pytest.mark.neo4j

NEAR = "{ assetsNear(latitude: 51.48, longitude: -3.18, radiusKm: 5, first: %d) { totalCount } }"


def test_page_size_above_100_is_a_validation_error_naming_first(
    small_graph: FixtureGraph, gql: GraphQL
) -> None:
    body = gql(NEAR % 101)
    assert body["data"] is None
    error = body["errors"][0]
    assert error["extensions"]["code"] == "VALIDATION" and error["message"].startswith("first:")
    assert "100" in error["message"]


def test_bad_cursor_and_bad_time_are_validation_errors(
    small_graph: FixtureGraph, gql: GraphQL
) -> None:
    body = gql(
        '{ assetsNear(latitude: 51.4, longitude: -3.1, radiusKm: 5, after: "junk") { totalCount } }'
    )
    assert body["errors"][0]["message"].startswith("after:")
    body = gql(
        "{ assetsNear(latitude: 51.4, longitude: -3.1, radiusKm: 5, "
        'openAt: {day: MO, time: "25:99"}) { totalCount } }'
    )
    error = body["errors"][0]
    assert error["extensions"]["field"] == "openAt.time"
    assert error["message"] == "openAt.time: is a 24-hour time such as 10:30 (HH:MM)"


def test_depth_alias_and_token_limits_trip(small_graph: FixtureGraph, gql: GraphQL) -> None:
    deep = "{ me { " + "a { " * MAX_DEPTH + "b" + " }" * MAX_DEPTH + " } }"
    [error] = gql(deep, status=400)["errors"]
    assert "12 levels deep" in error["message"] and error["extensions"]["limit"] == "depth"
    aliases = "{ " + " ".join(f"a{i}: me {{ role }}" for i in range(MAX_ALIASES + 1)) + " }"
    assert "aliases" in gql(aliases, status=400)["errors"][0]["message"].lower()
    tokens = "{ me { role " + "__typename " * MAX_TOKENS + "} }"
    assert "tokens" in gql(tokens, status=400)["errors"][0]["message"]
    ok = "{ " + " ".join(f"a{i}: me {{ role }}" for i in range(MAX_ALIASES)) + " }"
    assert "errors" not in gql(ok)


def test_unknown_or_malformed_key_is_refused_with_401(client: object, gql: GraphQL) -> None:
    gql("{ me { role } }", key="cg_nope_nope", status=401)
    gql("{ me { role } }", key="not-a-commongraph-key", status=401)
    assert gql("{ me { role } }")["data"]["me"]["role"] == "public"


def test_keys_create_prints_a_key_once_that_then_authenticates(
    small_graph: FixtureGraph, gql: GraphQL
) -> None:
    org = next(iter(small_graph.organisations))
    result = CliRunner().invoke(
        cli, ["keys", "create", "--role", "group_editor", "--organisation", org, "--name", "test"]
    )
    assert result.exit_code == 0, result.output
    key = result.stdout.strip()
    me = gql("{ me { role organisationId } }", key=key)["data"]["me"]
    assert me == {"role": "group_editor", "organisationId": org}
    missing = CliRunner().invoke(cli, ["keys", "create", "--role", "group_editor"])
    assert missing.exit_code == 1 and "--organisation" in missing.stderr
    unknown = CliRunner().invoke(
        cli, ["keys", "create", "--role", "connector", "--organisation", "no-such-org"]
    )
    assert unknown.exit_code == 1 and "no-such-org" in unknown.stderr


def _schema_that_fails() -> strawberry.Schema:
    """A one-field schema whose resolvers fail as a bug would, or as a refusal does."""

    class Boom(Exception):
        pass

    @strawberry.type
    class Query:
        @strawberry.field
        def broken(self) -> int:
            raise Boom("secret internals")

        @strawberry.field
        def refused(self) -> int:
            raise NotFoundError(say.NO_SUCH(kind="service", id="x"))

    return strawberry.Schema(query=Query, extensions=[ErrorPolicy])


def test_unexpected_errors_are_masked_outside_development(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    schema = _schema_that_fails()
    monkeypatch.delenv("COMMONGRAPH_ENV", raising=False)
    result = schema.execute_sync("{ broken }")
    assert [(e.message, e.extensions) for e in result.errors or []] == [
        ("Unexpected error.", {"code": "INTERNAL"})
    ]
    refused = schema.execute_sync("{ refused }")
    assert [(e.message, (e.extensions or {}).get("code")) for e in refused.errors or []] == [
        ("no service with id x", "NOT_FOUND")
    ]
    monkeypatch.setenv("COMMONGRAPH_ENV", "development")
    result = schema.execute_sync("{ broken }")
    assert [e.message for e in result.errors or []] == ["secret internals"]
