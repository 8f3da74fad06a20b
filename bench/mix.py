"""The load a real deployment sees: many clients sending a mix of operations, per operation.

Mostly connectors searching (``assetsNear`` 50 %, ``searchAssets`` 20 %), opening a listing's
detail (``node``, 15 %), saving shortlists (``createShortlist``, a write, 10 %) and leaders
opening relationship maps (``relationshipMap``, 5 %). Each client walks one fixed, interleaved
schedule of those operations (so every run sends the same mix), for a bounded time, on
loopback only. Every answer is checked: an HTTP status other than 200, a GraphQL ``errors``
member, a timeout or a dropped connection is an error, counted by kind and by operation.

The clients are asyncio tasks of one Python process on the same machine as the API and Neo4j,
so at 200 clients they compete with the server for the two cores: the figures are what this
machine sustains with its own load generator, not the server alone (``wrk`` measures the
single-operation throughput elsewhere in the suite).
"""

from __future__ import annotations

import asyncio
import json
import time
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

import httpx
from pydantic import BaseModel

from bench.stats import percentile

__all__ = ["MIX", "MixResult", "OperationStats", "Request", "drive_mix", "schedule"]

#: operation → share of requests (sums to 100)
MIX: dict[str, int] = {
    "assetsNear": 50,
    "searchAssets": 20,
    "node": 15,
    "createShortlist": 10,
    "relationshipMap": 5,
}
SEARCH_WORDS = ("library", "walking group", "food bank", "dementia", "GP", "pharmacy", "cafe")
SEARCH_QUERY = """query S($text: String!, $latitude: Float, $longitude: Float) {
  searchAssets(text: $text, latitude: $latitude, longitude: $longitude, radiusKm: 10, first: 20)
  { totalCount edges { distanceKm node { id name } } } }"""
NODE_QUERY = """query D($id: ID!) { node(id: $id) { __typename ... on Service { id name
  description phones { number } schedules { byday opensAt closesAt }
  locations { name address } organisation { name } } } }"""
SHORTLIST = """mutation { createShortlist(name: "load test") { __typename
  ... on ShortlistPayload { shortlist { id } } } }"""


@dataclass(frozen=True)
class Request:
    """One request of the mix: which operation, its body, and the key it needs (if any)."""

    operation: str
    body: str
    key: str | None = None


class OperationStats(BaseModel):
    operation: str
    requests: int
    errors: int
    p50_ms: float
    p95_ms: float
    p99_ms: float


class MixResult(BaseModel):
    clients: int
    seconds: float
    requests: int
    errors: int
    operations: list[OperationStats]
    error_kinds: dict[str, int]

    @property
    def rps(self) -> float:
        return self.requests / self.seconds if self.seconds else 0.0


def schedule(
    near: Sequence[str],
    *,
    centres: Sequence[tuple[float, float]],
    service_ids: Sequence[str],
    map_body: str | None,
    connector_key: str,
    leader_key: str | None,
) -> list[Request]:
    """A deterministic list of 100 requests in the :data:`MIX` proportions, interleaved."""
    counts = dict(MIX)
    if map_body is None or leader_key is None:  # no map: its share goes to assetsNear
        counts["assetsNear"] += counts.pop("relationshipMap")
    pools: dict[str, list[Request]] = defaultdict(list)
    for i in range(counts["assetsNear"]):
        pools["assetsNear"].append(Request("assetsNear", near[i % len(near)]))
    for i in range(counts["searchAssets"]):
        lat, lon = centres[i % len(centres)]
        variables = {"text": SEARCH_WORDS[i % len(SEARCH_WORDS)], "latitude": lat, "longitude": lon}
        body = json.dumps({"query": SEARCH_QUERY, "variables": variables})
        pools["searchAssets"].append(Request("searchAssets", body))
    for i in range(counts["node"]):
        body = json.dumps(
            {"query": NODE_QUERY, "variables": {"id": service_ids[i % len(service_ids)]}}
        )
        pools["node"].append(Request("node", body))
    for _ in range(counts["createShortlist"]):
        body = json.dumps({"query": SHORTLIST})
        pools["createShortlist"].append(Request("createShortlist", body, connector_key))
    if map_body is not None and leader_key is not None:
        for _ in range(counts["relationshipMap"]):
            pools["relationshipMap"].append(Request("relationshipMap", map_body, leader_key))
    # Interleave: at each step take from the pool furthest behind its share.
    total = sum(len(p) for p in pools.values())
    taken: Counter[str] = Counter()
    out: list[Request] = []
    for step in range(1, total + 1):
        name = max(pools, key=lambda n: (len(pools[n]) * step / total - taken[n], n))
        out.append(pools[name][taken[name]])
        taken[name] += 1
    return out


def _kind(status: int | None, body: bytes | None, exc: BaseException | None) -> str | None:
    if exc is not None:
        return "timeout" if isinstance(exc, httpx.TimeoutException) else "connection"
    if status != 200:
        return f"HTTP {status}"
    if body is not None and b'"errors"' in body:
        try:
            code = json.loads(body)["errors"][0].get("extensions", {}).get("code", "GraphQL")
        except (ValueError, KeyError, IndexError, TypeError):
            code = "GraphQL"
        return f"GraphQL {code}"
    if body is not None and b'"__typename":"Forbidden"' in body:
        return "Forbidden"
    return None


async def _run(url: str, plan: Sequence[Request], clients: int, seconds: float) -> MixResult:
    latencies: dict[str, list[float]] = defaultdict(list)
    errors: Counter[str] = Counter()
    kinds: Counter[str] = Counter()
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
    began = time.perf_counter()
    deadline = began + seconds

    async def client(worker: int, http: httpx.AsyncClient) -> None:
        i = worker
        while time.perf_counter() < deadline:
            request = plan[i % len(plan)]
            i += clients
            headers = {"content-type": "application/json"}
            if request.key:
                headers["authorization"] = f"Bearer {request.key}"
            t0 = time.perf_counter()
            status: int | None = None
            content: bytes | None = None
            failure: BaseException | None = None
            try:
                response = await http.post(url, content=request.body, headers=headers)
                status, content = response.status_code, response.content
            except httpx.HTTPError as exc:
                failure = exc
            latencies[request.operation].append((time.perf_counter() - t0) * 1000)
            kind = _kind(status, content, failure)
            if kind is not None:
                errors[request.operation] += 1
                kinds[kind] += 1

    async with httpx.AsyncClient(timeout=30.0, limits=limits) as http:
        await asyncio.gather(*(client(w, http) for w in range(clients)))
    elapsed = time.perf_counter() - began
    operations = [
        OperationStats(
            operation=name,
            requests=len(values),
            errors=errors[name],
            p50_ms=percentile(values, 50),
            p95_ms=percentile(values, 95),
            p99_ms=percentile(values, 99),
        )
        for name, values in sorted(latencies.items(), key=lambda kv: -len(kv[1]))
    ]
    return MixResult(
        clients=clients,
        seconds=elapsed,
        requests=sum(o.requests for o in operations),
        errors=sum(errors.values()),
        operations=operations,
        error_kinds=dict(kinds),
    )


def drive_mix(url: str, plan: Sequence[Request], *, clients: int, seconds: float) -> MixResult:
    """Send the ``plan`` (cycled) from ``clients`` concurrent clients for ``seconds``."""
    host = httpx.URL(url).host
    if not (host == "localhost" or host.startswith("127.") or host == "::1"):
        raise ValueError(f"load is only ever sent to loopback, not to {host!r}")
    return asyncio.run(_run(url, plan, clients, seconds))
