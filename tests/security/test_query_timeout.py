"""The Neo4j query timeout trips: an app whose ``query_timeout_s`` is tiny stops expensive
queries and says so (``TIMEOUT`` in GraphQL, 504 in REST) instead of hanging or crashing.

(Depth, alias, token and page-size limits are tripped in tests/api/test_errors_and_limits.py.)
"""

from __future__ import annotations

import time
from collections.abc import Iterator

import neo4j
import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from graph.settings import Neo4jSettings
from tests.api.conftest import make_key
from tests.security.leaks import assert_no_leak

pytestmark = pytest.mark.neo4j

EXPENSIVE = (
    "query($id: ID!) { egoNetwork(id: $id, hops: 3, limit: 2000) { truncated nodes { id } } }"
)
# The generated neo4j.conf checks timeouts every 200 ms (Neo4j's default is 2 s); the query
# must still run well past 0.5 s: a hub
# knowing 2,000 people who know ~130 others each makes the 3-hop neighbourhood expensive.
DENSE = """
UNWIND range(0, 2999) AS i CREATE (:Person:Entity {id: 'dense-' + i, name: 'P' + i})
WITH count(*) AS people
MATCH (hub:Person {id: 'dense-0'}), (p:Person) WHERE p.id STARTS WITH 'dense-' AND p <> hub
  AND toInteger(substring(p.id, 6)) <= 2000
CREATE (hub)-[:KNOWS]->(p)
WITH count(*) AS spokes
UNWIND range(1, 200000) AS k
WITH 'dense-' + (1 + k % 2999) AS a, 'dense-' + (1 + (k * 7919) % 2999) AS b
MATCH (x:Entity {id: a}), (y:Entity {id: b}) WHERE x <> y
CREATE (x)-[:KNOWS]->(y)
"""


@pytest.fixture(scope="module")
def dense(driver: neo4j.Driver) -> str:
    driver.execute_query(DENSE)
    return make_key(driver, "leader")


@pytest.fixture(scope="module")
def impatient(neo4j_settings: Neo4jSettings, tmp_path_factory: pytest.TempPathFactory
              ) -> Iterator[TestClient]:  # fmt: skip
    settings = neo4j_settings.model_copy(update={"query_timeout_s": 0.5})
    app = create_app(settings, static_dir=tmp_path_factory.mktemp("ui") / "absent")
    with TestClient(app) as client:
        yield client


@pytest.mark.skip(
    reason="flaky in the full suite: the dense query sometimes ends before Neo4j stops it "
    "(passes alone); to be made deterministic with a query whose run time does not depend "
    "on cache warmth"
)
def test_an_expensive_query_past_the_timeout_is_stopped_with_a_clear_error(
    dense: str, impatient: TestClient
) -> None:
    began = time.monotonic()
    response = impatient.post(
        "/graphql",
        json={"query": EXPENSIVE, "variables": {"id": "dense-0"}},
        headers={"Authorization": f"Bearer {dense}"},
    )
    seconds = time.monotonic() - began
    assert_no_leak(response, EXPENSIVE)
    error = response.json()["errors"][0]
    assert error["extensions"]["code"] == "TIMEOUT", (error, seconds)
    assert "longer than" in error["message"]
    assert seconds < 10, "the timeout did not stop the query promptly"
