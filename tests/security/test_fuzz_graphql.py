"""Property-based fuzzing of the GraphQL API from its own schema (hypothesis-graphql).

Valid and invalid (``Mode.NEGATIVE``: one schema violation each) queries and mutations,
sent as the public role and with connector and admin keys: none may produce a 5xx, a stack
trace, or an unexpected (masked) error. ``COMMONGRAPH_FUZZ_EXAMPLES`` sets how many.
"""

from __future__ import annotations

import gc
import warnings

import pytest
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis_graphql import Mode, mutations, queries

from api.graphql.schema import build_schema
from tests.api.fixtures_graph import FixtureGraph
from tests.security.conftest import FUZZ_EXAMPLES
from tests.security.leaks import assert_no_leak
from tests.support.figures import record

pytestmark = [pytest.mark.neo4j, pytest.mark.slow]

SDL = build_schema().as_str()
FUZZ = settings(
    max_examples=FUZZ_EXAMPLES,
    deadline=None,
    suppress_health_check=list(HealthCheck),
    derandomize=True,
    database=None,
)
DOCUMENTS = st.one_of(
    queries(SDL),
    queries(SDL, mode=Mode.NEGATIVE),
    mutations(SDL),
    mutations(SDL, mode=Mode.NEGATIVE),
)


def test_generated_graphql_operations_never_crash_or_leak(
    small_graph: FixtureGraph, client: TestClient, keys: dict[str, str]
) -> None:
    callers = st.sampled_from([None, keys["connector"], keys["editor_a"], keys["admin"]])

    @FUZZ
    @given(document=DOCUMENTS, key=callers)
    def run(document: str, key: str | None) -> None:
        headers = {"Authorization": f"Bearer {key}"} if key else {}
        response = client.post("/graphql", json={"query": document}, headers=headers)
        record("graphql_requests_fuzzed")
        assert_no_leak(response, document)

    # A Bolt socket left for the garbage collector instead of being closed (seen in the
    # first session's fuzzing) is counted over the whole run and a final collection, so it
    # is neither lost to pytest's warning filters nor blamed on a later test.
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", ResourceWarning)
        run()
        gc.collect()
    record("graphql_fuzz_sockets_left_open", sum(w.category is ResourceWarning for w in caught))
