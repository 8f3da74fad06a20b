"""Per-client limits, the worker's in-flight cap, CORS and security headers, on the real app.

The app is :func:`api.app.create_app` with small limits; the routes used need no database
(``/api/vocabulary``) or are meant to answer without it (``/health`` answers 503 quickly), so
Neo4j is pointed at a port where nothing listens. Concurrency is held open with requests to a
route that waits on an event the test controls, added to the same app.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from pydantic import SecretStr

from api.app import create_app
from api.guard import GuardSettings
from api.guard.buckets import ClientTable, TokenBucket
from api.guard.headers import SECURITY_HEADERS
from api.guard.settings import ClientLimits
from api.rest.developer_pages import GRAPHIQL_PAGE, SWAGGER_PAGE
from graph.server.config import PROJECT_ROOT
from graph.settings import Neo4jSettings
from tests.support.figures import measure
from tests.support.loop import run_in_own_loop
from tests.support.ports import free_port

# Refills so slowly (one request per 20 s) that a slow machine cannot earn a token back
# between a burst and the request that must be refused.
SMALL = GuardSettings(
    anonymous=ClientLimits(rate=0.05, burst=5, concurrency=2),
    keyed=ClientLimits(rate=0.05, burst=8, concurrency=2),
    max_in_flight=3,
)
NOWHERE = Neo4jSettings(uri=f"bolt://127.0.0.1:{free_port()}", password=SecretStr("x"))


def _app(guard: GuardSettings, ui: Path | None = None) -> FastAPI:
    return create_app(NOWHERE, static_dir=ui or Path("/nonexistent-ui"), guard=guard)


@pytest.fixture
def small() -> Iterator[TestClient]:
    with TestClient(_app(SMALL)) as client:
        yield client


# --- the bucket and the table, alone ----------------------------------------------------------


def test_a_token_bucket_lets_a_burst_through_then_holds_the_rate() -> None:
    bucket = TokenBucket(rate=2, burst=3)
    assert [bucket.take(0.0) for _ in range(3)] == [0.0, 0.0, 0.0]
    assert bucket.take(0.0) == pytest.approx(0.5)
    assert bucket.take(0.5) == 0.0  # one token back after half a second
    assert bucket.take(10.0) == 0.0 and bucket.tokens == pytest.approx(2)  # never above burst


def test_the_client_table_forgets_idle_clients_first_and_never_one_in_flight() -> None:
    table = ClientTable(max_clients=2)
    limits = ClientLimits(rate=1, burst=1, concurrency=1)
    assert table.admit("busy", limits) == 0.0  # in flight, never released
    for i in range(50):
        assert table.admit(f"idle{i}", limits) == 0.0
        table.release(f"idle{i}")
    assert len(table) == 2
    assert table.admit("busy", limits) == 1.0  # still remembered with its request in flight


# --- limits through the app ---------------------------------------------------------------------


def test_an_anonymous_flood_gets_429_with_retry_after_and_a_message_in_its_language(
    small: TestClient,
) -> None:
    statuses = [small.get("/api/vocabulary").status_code for _ in range(SMALL.anonymous.burst)]
    assert statuses == [200] * SMALL.anonymous.burst
    refused = small.get("/api/vocabulary")
    assert refused.status_code == 429
    assert int(refused.headers["retry-after"]) >= 1
    assert refused.json()["code"] == "RATE_LIMITED"
    assert "too many requests" in refused.json()["error"]
    welsh = small.get("/api/vocabulary", headers={"Accept-Language": "cy"})
    assert welsh.status_code == 429 and "gormod o geisiadau" in welsh.json()["error"]
    graphql = small.post("/graphql", json={"query": "{ me { role } }"})
    assert graphql.status_code == 429
    assert graphql.json()["errors"][0]["extensions"]["code"] == "RATE_LIMITED"


def test_health_and_the_ui_are_never_limited(tmp_path: Path) -> None:
    (tmp_path / "index.html").write_text("<!doctype html><title>ui</title>", "utf-8")
    with TestClient(_app(SMALL, ui=tmp_path)) as client:
        for _ in range(SMALL.anonymous.burst):
            client.get("/api/vocabulary")
        assert client.get("/api/vocabulary").status_code == 429
        assert {client.get("/").status_code for _ in range(20)} == {200}
        assert {client.get("/health").status_code for _ in range(20)} == {503}  # no Neo4j


def test_a_key_has_its_own_bucket_apart_from_its_address(small: TestClient) -> None:
    for _ in range(SMALL.anonymous.burst):
        small.get("/api/vocabulary")
    assert small.get("/api/vocabulary").status_code == 429
    keyed = small.get("/api/vocabulary", headers={"Authorization": "Bearer cg_a1_x"})
    assert keyed.status_code == 200


def test_keys_that_fail_with_401_are_charged_to_the_address() -> None:
    app = _app(SMALL)

    @app.get("/api/always-401")
    async def always_401() -> None:
        from fastapi import HTTPException

        raise HTTPException(401, "unknown key")

    with TestClient(app) as client:
        answers = [
            client.get(
                "/api/always-401", headers={"Authorization": f"Bearer cg_{i:04x}_invented"}
            ).status_code
            for i in range(20)
        ]
    # every invented key gets its first request through until the address has spent its
    # invented-key bucket; then none does, though each key is new
    assert answers[: SMALL.anonymous.burst] == [401] * SMALL.anonymous.burst
    assert answers[SMALL.anonymous.burst + 1 :].count(429) >= 12


def _held_app(guard: GuardSettings) -> tuple[FastAPI, asyncio.Event]:
    app = _app(guard)
    release = asyncio.Event()

    @app.get("/api/held")
    async def held() -> dict[str, bool]:
        await release.wait()
        return {"done": True}

    return app, release


async def _concurrent(guard: GuardSettings, clients: list[str]) -> list[int]:
    """Hold one request per entry of ``clients`` (its address) open, then one more each."""
    app, release = _held_app(guard)
    async with app.router.lifespan_context(app):
        transports = {
            address: httpx.ASGITransport(app=app, client=(address, 1234))
            for address in set(clients)
        }
        held = [
            asyncio.create_task(
                httpx.AsyncClient(transport=transports[a], base_url="http://t").get("/api/held")
            )
            for a in clients
        ]
        await asyncio.sleep(0.1)
        extra = await httpx.AsyncClient(transport=transports[clients[0]], base_url="http://t").get(
            "/api/vocabulary"
        )
        release.set()
        done = await asyncio.gather(*held)
    return [*(r.status_code for r in done), extra.status_code]


def test_one_client_may_hold_only_its_concurrency_in_flight() -> None:
    roomy = SMALL.model_copy(update={"max_in_flight": 100})
    statuses = run_in_own_loop(_concurrent(roomy, ["10.0.0.1", "10.0.0.1"]))
    assert statuses == [200, 200, 429]


def test_the_worker_refuses_with_503_beyond_its_in_flight_cap() -> None:
    statuses = run_in_own_loop(_concurrent(SMALL, ["10.0.0.1", "10.0.0.2", "10.0.0.3"]))
    assert statuses == [200, 200, 200, 503]


def test_default_limits_let_a_screen_load_and_stop_a_flood() -> None:
    """A screen's ~10 requests pass; 150 at once from one address mostly do not."""
    with TestClient(_app(GuardSettings())) as client:
        assert {client.get("/api/vocabulary").status_code for _ in range(10)} == {200}
        started = time.perf_counter()
        statuses = [client.get("/api/vocabulary").status_code for _ in range(300)]
        elapsed = time.perf_counter() - started
    allowed = statuses.count(200)
    # burst 100, then 20 a second while the loop runs
    assert 85 <= allowed <= 100 + 20 * elapsed + 5, (allowed, elapsed)
    measure("guard: anonymous requests admitted of 310 sent at once", allowed + 10)


# --- CORS and headers --------------------------------------------------------------------------


def test_no_other_origin_may_call_the_api_by_default(small: TestClient) -> None:
    response = small.get("/api/vocabulary", headers={"Origin": "https://evil.example"})
    assert "access-control-allow-origin" not in response.headers


def test_listed_origins_may_call_the_api_and_others_may_not() -> None:
    guard = GuardSettings(cors_origins=("https://partner.example",))
    with TestClient(_app(guard)) as client:
        ok = client.get("/api/vocabulary", headers={"Origin": "https://partner.example"})
        other = client.get("/api/vocabulary", headers={"Origin": "https://evil.example"})
    assert ok.headers["access-control-allow-origin"] == "https://partner.example"
    assert "access-control-allow-origin" not in other.headers


def test_an_origin_that_is_not_an_origin_is_refused_at_start() -> None:
    with pytest.raises(ValueError, match="not an origin"):
        GuardSettings.from_env({"COMMONGRAPH_CORS_ORIGINS": "partner.example"})


def test_every_response_carries_the_security_headers(small: TestClient, tmp_path: Path) -> None:
    (tmp_path / "index.html").write_text("<!doctype html><title>ui</title>", "utf-8")
    with TestClient(_app(SMALL, ui=tmp_path)) as client:
        responses = [
            client.get("/"),
            client.get("/api/vocabulary"),
            client.post("/graphql", json={"query": "{"}),
            client.get("/health"),
            client.get("/docs"),
        ]
        for _ in range(10):
            client.get("/api/vocabulary")
        responses.append(client.get("/api/vocabulary"))  # a 429
    assert responses[-1].status_code == 429
    for response in responses:
        for name, value in SECURITY_HEADERS.items():
            assert response.headers.get(name) == value, (response.url, name)
    assert "script-src 'self'" in SECURITY_HEADERS["Content-Security-Policy"]
    assert "frame-ancestors 'none'" in SECURITY_HEADERS["Content-Security-Policy"]


# --- developer pages ---------------------------------------------------------------------------


def test_graphiql_and_swagger_load_only_the_projects_own_files(small: TestClient) -> None:
    graphiql = small.get("/graphql", headers={"Accept": "text/html"})
    docs = small.get("/docs")
    assert graphiql.text == GRAPHIQL_PAGE and docs.text == SWAGGER_PAGE
    for page in (GRAPHIQL_PAGE, SWAGGER_PAGE):
        assert "http://" not in page and "https://" not in page and "<script>" not in page
    dist = PROJECT_ROOT / "frontend" / "dist"
    if dist.is_dir():  # built by `make frontend`, which `make test` runs first
        for page in (GRAPHIQL_PAGE, SWAGGER_PAGE):
            for name in page.split('"/vendor/')[1:]:
                assert (dist / "vendor" / name.split('"')[0]).is_file(), name


# --- /health --------------------------------------------------------------------------------------


def test_health_shows_no_address_to_the_public_and_answers_within_a_second_when_neo4j_hangs() -> (
    None
):
    """A Neo4j that accepts connections and never answers: /health says busy, in time."""
    import socket

    silent = socket.socket()
    silent.bind(("127.0.0.1", 0))
    silent.listen(16)
    port = silent.getsockname()[1]
    hanging = Neo4jSettings(uri=f"bolt://127.0.0.1:{port}", password=SecretStr("x"))
    try:
        with TestClient(create_app(hanging, static_dir=Path("/nonexistent-ui"))) as client:
            started = time.perf_counter()
            response = client.get("/health")
            elapsed = time.perf_counter() - started
    finally:
        silent.close()
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["neo4j"]["state"] == "busy" and "admin" not in body["neo4j"]
    assert str(port) not in response.text
    assert elapsed < 1.0, elapsed
    measure("health: seconds to answer with Neo4j hanging", round(elapsed, 3))
