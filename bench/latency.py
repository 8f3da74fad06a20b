"""Measure 1: the price of the API layer on ``assetsNear``.

Each sample pairs the same search twice: the catalogue statement ``assets/assets_near`` run
directly through the Python driver (sync ``execute_query``, the same parameters the
repository builds), then the GraphQL query over HTTP to the API in its own uvicorn process
(one keep-alive `http.client` connection). Requests are sequential, interleaved pair by
pair, so drift in the machine hits both sides alike. The parameters are taken from the
repository itself (:func:`graph.repositories.assets.assets_near` called on a recording
gateway), so the two sides can never drift apart as filters are added.
"""

from __future__ import annotations

import asyncio
import http.client
import json
import time
from collections.abc import Sequence
from contextlib import closing
from typing import Any, cast
from urllib.parse import urlsplit

import neo4j
from pydantic import BaseModel

from bench.bodies import PAGE, RADIUS_KM, near_body
from bench.data import Centre
from bench.stats import percentile
from graph.database import Database
from graph.repositories.assets import NearQuery, assets_near
from graph.settings import Neo4jSettings
from queries.catalog import cypher

__all__ = ["LatencyResult", "measure_latency", "repository_parameters"]


class LatencyResult(BaseModel):
    """Per-request wall times in milliseconds, both sides."""

    samples: int
    api_ms: list[float]
    driver_ms: list[float]
    mismatches: int

    def p(self, side: str, q: float) -> float:
        return percentile(self.api_ms if side == "api" else self.driver_ms, q)


class _Recorder:
    """Stands in for :class:`Database` only to capture the statement and its parameters."""

    def __init__(self) -> None:
        self.calls: list[tuple[str, dict[str, Any]]] = []

    async def read(self, name: str, **params: Any) -> list[dict[str, Any]]:
        self.calls.append((name, params))
        return [{"total": 0, "page": []}]  # the statement's one row, for an empty page


def repository_parameters(centre: Centre) -> tuple[str, dict[str, Any]]:
    """The statement name and parameters the API's repository would run for ``centre``."""
    recorder = _Recorder()
    query = NearQuery(
        latitude=centre.latitude, longitude=centre.longitude, radius_km=RADIUS_KM, first=PAGE
    )
    asyncio.run(assets_near(cast(Database, recorder), query))
    (name, params), *_ = recorder.calls
    return name, params


def _driver_ids(records: Sequence[neo4j.Record]) -> list[str]:
    """The ids on the page the statement returned (its one row carries the page as a list)."""
    return [hit["id"] for hit in records[0]["page"]][:PAGE]


def measure_latency(
    settings: Neo4jSettings,
    api_url: str,
    centres: Sequence[Centre],
    *,
    rounds: int = 3,
    warmup: int = 20,
) -> LatencyResult:
    """Time ``rounds`` passes over ``centres`` on both sides; return every sample."""
    prepared = [(repository_parameters(c), near_body(c)) for c in centres]
    api_ms: list[float] = []
    driver_ms: list[float] = []
    mismatches = 0
    headers = {"content-type": "application/json"}
    where = urlsplit(api_url)
    # The standard library's keep-alive client: httpx costs ~0.3 ms more per request on the
    # benchmark's side, which is not the API's price.
    client = http.client.HTTPConnection(where.hostname or "127.0.0.1", where.port, timeout=30.0)
    with (
        # Notifications off, as on the API's driver (graph/connection.py): otherwise the
        # baseline alone would pay for the server's advisory warnings and their logging.
        neo4j.GraphDatabase.driver(
            settings.uri, auth=settings.auth, notifications_min_severity="OFF"
        ) as driver,
        closing(client),
    ):
        for index in range(warmup + rounds * len(prepared)):
            (name, params), body = prepared[index % len(prepared)]
            query = neo4j.Query(cypher(name), timeout=settings.query_timeout_s)
            t0 = time.perf_counter()
            records, _, _ = driver.execute_query(
                query, params, database_=settings.database, routing_=neo4j.RoutingControl.READ
            )
            t1 = time.perf_counter()
            client.request("POST", where.path, body=body, headers=headers)
            response = client.getresponse()
            content = response.read()
            t2 = time.perf_counter()
            if response.status != 200:
                raise RuntimeError(f"the API answered {response.status}: {content[:300]!r}")
            if index < warmup:
                continue
            driver_ms.append((t1 - t0) * 1000)
            api_ms.append((t2 - t1) * 1000)
            edges = json.loads(content)["data"]["assetsNear"]["edges"]
            if [e["node"]["id"] for e in edges] != _driver_ids(records):
                mismatches += 1
    return LatencyResult(
        samples=len(api_ms), api_ms=api_ms, driver_ms=driver_ms, mismatches=mismatches
    )
