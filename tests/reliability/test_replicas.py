"""The path past one machine: API replicas are stateless and causally consistent, and a
``neo4j://`` routing URI works.

Two ``commongraph serve`` processes run on two ports in front of the session's Neo4j, reached
through a loopback round-robin balancer (each request to the next replica, as a load balancer
would). A write through one answers with its bookmark (``Commongraph-Bookmark``); a read through
the other that carries it waits for that transaction, so a person never sees their own change
vanish because the next request went elsewhere (in a Neo4j cluster, to a lagging reader).
"""

from __future__ import annotations

import itertools
import os
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import httpx
import neo4j
import pytest

from graph.database import Database
from graph.settings import Neo4jSettings
from tests.reliability.graph_checks import wait_until
from tests.support.keys import make_key
from tests.support.loop import run_in_own_loop
from tests.support.ports import free_port

pytestmark = pytest.mark.neo4j

COMMONGRAPH = str(Path(sys.executable).parent / "commongraph")
CREATE = 'mutation { createShortlist(name: "Replica list") { __typename ' \
    "... on ShortlistPayload { shortlist { id } } } }"  # fmt: skip
MINE = "{ myShortlists { id name } }"


class RoundRobin:
    """A loopback balancer: each request goes to the next replica in turn."""

    def __init__(self, bases: list[str]) -> None:
        self.bases = bases
        self._next = itertools.cycle(range(len(bases)))
        self.client = httpx.Client(timeout=60)
        self.served_by: list[int] = []

    def post(self, body: dict[str, object], headers: dict[str, str]) -> httpx.Response:
        index = next(self._next)
        self.served_by.append(index)
        return self.client.post(f"{self.bases[index]}/graphql", json=body, headers=headers)


def _serve(port: int, env: dict[str, str]) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [COMMONGRAPH, "serve", "--port", str(port), "--workers", "1"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        text=True,
    )


@pytest.fixture(scope="module")
def replicas(neo4j_settings: Neo4jSettings, driver: neo4j.Driver) -> Iterator[RoundRobin]:
    env = {
        **os.environ,
        "NEO4J_URI": neo4j_settings.uri,
        "NEO4J_USER": neo4j_settings.user,
        "NEO4J_PASSWORD": neo4j_settings.password.get_secret_value(),
    }
    ports = [free_port(), free_port()]
    processes = [_serve(port, env) for port in ports]
    bases = [f"http://127.0.0.1:{port}" for port in ports]

    def answers(base: str) -> bool:
        try:
            return httpx.get(f"{base}/health", timeout=5).status_code == 200
        except httpx.TransportError:
            return False

    try:
        for base in bases:
            wait_until(lambda base=base: answers(base), timeout=90, step=0.2)  # type: ignore[misc]
        balancer = RoundRobin(bases)
        yield balancer
        balancer.client.close()
    finally:
        for process in processes:
            process.send_signal(signal.SIGTERM)
        for process in processes:
            process.wait(timeout=30)


def test_a_write_through_one_replica_is_read_through_the_other_at_once(
    replicas: RoundRobin, driver: neo4j.Driver
) -> None:
    key = make_key(driver, "connector")
    auth = {"Authorization": f"Bearer {key}"}
    for _ in range(5):
        written = replicas.post({"query": CREATE}, auth)
        assert written.status_code == 200, written.text
        shortlist = written.json()["data"]["createShortlist"]["shortlist"]["id"]
        bookmark = written.headers.get("commongraph-bookmark")
        assert bookmark, "a write answers with the bookmark of its transaction"
        read = replicas.post({"query": MINE}, {**auth, "Commongraph-Bookmark": bookmark})
        assert read.status_code == 200, read.text
        assert shortlist in {s["id"] for s in read.json()["data"]["myShortlists"]}
        assert "commongraph-bookmark" not in read.headers  # a read changes nothing
    # Every write and every read alternated between the two processes.
    assert replicas.served_by == [0, 1] * 5


def test_a_malformed_bookmark_is_refused_with_a_clear_error(replicas: RoundRobin) -> None:
    refused = replicas.post({"query": "{ me { role } }"}, {"Commongraph-Bookmark": "x" * 5000})
    assert refused.status_code == 400
    assert "Commongraph-Bookmark" in refused.json()["error"]


def test_a_routing_uri_reads_and_writes_through_the_local_server(
    neo4j_settings: Neo4jSettings, driver: neo4j.Driver
) -> None:
    """``neo4j://`` asks the server for a routing table (readers, writers); a single server
    lists itself in every role, a cluster its members: the same code serves both."""
    routed = neo4j_settings.model_copy(
        update={"uri": neo4j_settings.uri.replace("bolt://", "neo4j://")}
    )
    assert routed.uri.startswith("neo4j://")
    # Its own loop in a worker thread: the browser tests leave Playwright's loop running.
    run_in_own_loop(_write_and_read(routed))


async def _write_and_read(routed: Neo4jSettings) -> None:
    db = Database(routed)
    try:
        await db.write(
            "users/create_api_key",
            id="routed-key",
            key_hash="routed-hash",
            role="connector",
            organisation_id=None,
            key_name="routing test",
            person_id=None,
            now="2026-01-01T00:00:00+00:00",
        )
        found = await db.read("users/find_api_key", key_hash="routed-hash")
        assert [r["id"] for r in found] == ["routed-key"]
        table = await db.driver.get_server_info()
        assert table.address is not None
    finally:
        await db.close()
