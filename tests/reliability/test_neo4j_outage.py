"""Neo4j stops half-way through a load while the API serves; then it comes back.

One outage of the private server (never the shared one), watched from two sides:

* a ``commongraph load oruk`` running at the time must exit with one clear line (code 1 or
  2, no traceback), and after Neo4j returns a rerun (plus the relationship load) must give
  exactly the reference graph of an uninterrupted load;
* a real ``commongraph serve`` (uvicorn subprocess) must answer GraphQL and REST requests
  with 503 and a message a person can act on, ``/health`` must say Neo4j is unreachable,
  and once Neo4j answers again the API must recover by itself, without a restart, within
  seconds (measured).
"""

from __future__ import annotations

import signal
import subprocess
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import httpx
import pytest

from tests.reliability.conftest import (
    COMMONGRAPH,
    SERVICES,
    BulkLoad,
    PrivateNeo4j,
    commongraph,
    start_commongraph,
)
from tests.reliability.graph_checks import count, duplicated_ids, incomplete_services, wait_until
from tests.support.figures import measure, record
from tests.support.fingerprint import graph_fingerprint
from tests.support.ports import free_port
from tests.support.wipe import wipe_graph

pytestmark = [pytest.mark.neo4j, pytest.mark.slow]

NEAR = "{ assetsNear(latitude: 51.9, longitude: -3.5, radiusKm: 20, first: 3) { totalCount } }"
RECOVERY_LIMIT_S = 15.0


@dataclass
class Outage:
    """What was observed before, during and after the outage."""

    loader: subprocess.CompletedProcess[str] | None = None
    down: dict[str, httpx.Response] = field(default_factory=dict)
    recovered_after_s: float = -1.0
    up: dict[str, httpx.Response] = field(default_factory=dict)
    api_pid_before: int = 0
    api_pid_after: int = 0
    #: seconds since the fixture began at each step (shown when a test fails)
    timeline: dict[str, float] = field(default_factory=dict)


def _probe(base: str) -> dict[str, httpx.Response]:
    with httpx.Client(base_url=base, timeout=60) as http:
        return {
            "graphql": http.post("/graphql", json={"query": NEAR}),
            "graphql_with_key": http.post(
                "/graphql",
                json={"query": "{ me { role } }"},
                headers={"Authorization": "Bearer cg_abc_def"},
            ),
            "rest": http.get("/oruk/services", params={"per_page": 3}),
            "rest_one": http.get("/oruk/services/no-such-id"),
            "health": http.get("/health"),
        }


@pytest.fixture(scope="module")
def api(private_neo4j: PrivateNeo4j) -> Iterator[tuple[str, subprocess.Popen[str]]]:
    """``commongraph serve`` on a free port, talking to the private Neo4j."""
    port = free_port()
    process = subprocess.Popen(
        [COMMONGRAPH, "serve", "--port", str(port)],
        env=private_neo4j.env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    base = f"http://127.0.0.1:{port}"

    def answers() -> bool:
        try:
            return httpx.get(f"{base}/health", timeout=5).status_code == 200
        except httpx.TransportError:
            return False

    try:
        wait_until(answers, timeout=60, step=0.2)
        yield base, process
    finally:
        process.send_signal(signal.SIGTERM)
        process.wait(timeout=30)


@pytest.fixture(scope="module")
def outage(
    private_neo4j: PrivateNeo4j, api: tuple[str, subprocess.Popen[str]], bulk: BulkLoad
) -> Outage:
    """Stop the private Neo4j half-way through a load while the API serves; start it again."""
    base, server = api
    seen = Outage(api_pid_before=server.pid)
    t0 = time.monotonic()

    def mark(step: str) -> None:
        seen.timeline[step] = round(time.monotonic() - t0, 2)

    with private_neo4j.driver() as driver:
        wipe_graph(driver, private_neo4j.settings.database)
        loader = start_commongraph(*bulk.oruk_args, env=private_neo4j.env)
        wait_until(lambda: count(driver, "MATCH (s:Service) RETURN count(s) AS n") > 0, 120, 0.02)
    mark("load running")
    private_neo4j.stop()
    mark("neo4j stopped")
    record("faults_injected")
    out, err = loader.communicate(timeout=120)
    mark("loader exited")
    measure(
        "loader_seconds_to_fail", seen.timeline["loader exited"] - seen.timeline["neo4j stopped"]
    )
    seen.loader = subprocess.CompletedProcess(loader.args, loader.returncode, out, err)
    seen.down = _probe(base)
    mark("probed while down")

    private_neo4j.start()  # returns when Bolt answers RETURN 1
    mark("neo4j answers")
    began = time.monotonic()
    wait_until(lambda: httpx.get(f"{base}/health", timeout=10).status_code == 200, 60, 0.1)
    seen.recovered_after_s = time.monotonic() - began
    measure("api_recovery_seconds", seen.recovered_after_s)
    mark("api healthy")
    seen.up = _probe(base)
    mark("probed after")
    seen.api_pid_after = server.pid if server.poll() is None else -1
    return seen


def _body(response: httpx.Response) -> dict[str, Any]:
    body: dict[str, Any] = response.json()
    return body


def test_a_load_interrupted_by_neo4j_stopping_exits_with_one_clear_line(outage: Outage) -> None:
    assert outage.loader is not None
    assert outage.loader.returncode in (1, 2), outage.loader.stderr
    assert "Traceback" not in outage.loader.stderr
    errors = [line for line in outage.loader.stderr.splitlines() if line.strip()]
    assert len(errors) == 1, outage.loader.stderr
    assert errors[0].startswith("commongraph: error: ") and "Neo4j" in errors[0]


def test_graphql_and_rest_answer_503_with_a_clear_message_while_neo4j_is_down(
    outage: Outage,
) -> None:
    for name in ("graphql", "graphql_with_key", "rest", "rest_one"):
        response = outage.down[name]
        assert response.status_code == 503, (name, response.text)
        assert "Traceback" not in response.text and 'File "' not in response.text
        assert "unreachable" in response.text or "Neo4j" in response.text, response.text
    errors = _body(outage.down["graphql"])["errors"]
    assert errors[0]["extensions"]["code"] == "UNAVAILABLE"


def test_health_says_neo4j_is_unreachable(outage: Outage) -> None:
    health = outage.down["health"]
    assert health.status_code == 503
    assert _body(health)["neo4j"]["state"] == "unreachable"


def test_the_api_recovers_by_itself_within_seconds_without_a_restart(outage: Outage) -> None:
    assert outage.api_pid_after == outage.api_pid_before, "the API process restarted or died"
    assert outage.recovered_after_s < RECOVERY_LIMIT_S, outage.timeline
    assert outage.up["health"].status_code == 200
    assert _body(outage.up["health"])["neo4j"]["state"] == "up"
    assert outage.up["graphql"].status_code == 200 and "errors" not in _body(outage.up["graphql"])
    assert outage.up["rest"].status_code == 200
    assert outage.up["rest_one"].status_code == 404


def test_after_neo4j_returns_a_rerun_converges_to_the_reference(
    outage: Outage, private_neo4j: PrivateNeo4j, bulk: BulkLoad
) -> None:
    with private_neo4j.driver() as driver:
        stored = count(driver, "MATCH (s:Service) RETURN count(s) AS n")
        assert stored < SERVICES, "Neo4j stopped only after the load had finished"
        assert incomplete_services(driver) == []
        for args in (bulk.oruk_args, bulk.relationship_args):
            rerun = commongraph(*args, env=private_neo4j.env)
            assert rerun.returncode == 0, rerun.stderr
        after = graph_fingerprint(driver)
        assert after == bulk.reference, after.difference(bulk.reference)
        assert duplicated_ids(driver) == []
    record("records_compared", after.items)
