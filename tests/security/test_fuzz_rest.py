"""Property-based fuzzing of the REST endpoints from the app's OpenAPI document (schemathesis).

Every operation of ``/openapi.json`` except ``/graphql`` (fuzzed from its own schema), with
valid and invalid parameters: no 5xx and no stack trace in any response.
"""

from __future__ import annotations

from typing import Any

import pytest
import schemathesis
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from schemathesis import Case, GenerationMode

from tests.api.fixtures_graph import FixtureGraph
from tests.security.conftest import FUZZ_EXAMPLES
from tests.security.leaks import assert_no_leak
from tests.support.figures import record

pytestmark = [pytest.mark.neo4j, pytest.mark.slow]


def test_generated_rest_requests_never_crash_or_leak(
    small_graph: FixtureGraph, client: TestClient
) -> None:
    document = client.get("/openapi.json").json()
    schema = schemathesis.openapi.from_dict(document).exclude(path="/graphql")
    operations = {op.ok().label for op in schema.get_all_operations()}  # type: ignore[union-attr]
    assert {"GET /oruk/services", "GET /oruk/services/{service_id}", "GET /health"} <= operations
    cases = st.one_of(
        schema.as_strategy(generation_mode=GenerationMode.POSITIVE),
        schema.as_strategy(generation_mode=GenerationMode.NEGATIVE),
    )

    @settings(max_examples=FUZZ_EXAMPLES, deadline=None, derandomize=True, database=None,
              suppress_health_check=list(HealthCheck))  # fmt: skip
    @given(case=cases)
    def run(case: Case[Any]) -> None:
        kwargs = case.as_transport_kwargs(base_url="http://testserver")
        response = client.request(
            kwargs["method"], kwargs["url"], params=kwargs.get("params"),
            headers={k: v for k, v in kwargs["headers"].items() if k != "Connection"},
            content=kwargs.get("data") if isinstance(kwargs.get("data"), bytes) else None,
        )  # fmt: skip
        record("rest_requests_fuzzed")
        assert_no_leak(response, case.as_curl_command())

    run()
