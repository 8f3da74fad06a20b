"""Drive an HTTP GraphQL endpoint with concurrent clients for a bounded time.

``wrk`` (Debian's package) with ``bench/wrk/graphql.lua`` when it is installed, otherwise an
asyncio loop of httpx clients. Either way: loopback only, bounded in time, every response
checked (an HTTP status other than 200 or a GraphQL ``errors`` member is an error).
"""

from __future__ import annotations

import asyncio
import json
import shutil
import subprocess
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from urllib.parse import urlsplit

import httpx
from pydantic import BaseModel

from bench.stats import percentile

__all__ = ["LoadResult", "drive"]

LUA = Path(__file__).resolve().parent / "wrk" / "graphql.lua"


class LoadResult(BaseModel):
    """What one bounded load run saw."""

    tool: str
    connections: int
    seconds: float
    requests: int
    errors: int
    p50_ms: float
    p95_ms: float
    p99_ms: float
    error_kinds: dict[str, int] = {}

    @property
    def rps(self) -> float:
        return self.requests / self.seconds if self.seconds else 0.0


def _loopback(url: str) -> None:
    host = urlsplit(url).hostname or ""
    if not (host == "localhost" or host.startswith("127.") or host == "::1"):
        raise ValueError(f"load is only ever sent to loopback, not to {host!r}")


def _wrk(
    url: str, bodies: Sequence[str], connections: int, seconds: float, token: str | None
) -> LoadResult:
    wrk = shutil.which("wrk")
    assert wrk is not None
    threads = min(2, connections)
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False) as handle:
        handle.write("\n".join(bodies) + "\n")
        path = handle.name
    try:
        run = subprocess.run(
            [
                wrk,
                f"-t{threads}",
                f"-c{connections}",
                f"-d{max(1, round(seconds))}s",
                "--timeout",
                "30s",
                "-s",
                str(LUA),
                url,
                "--",
                path,
                *([token] if token else []),
            ],
            capture_output=True,
            text=True,
            check=True,
            timeout=seconds + 60,
        )
    finally:
        Path(path).unlink(missing_ok=True)
    line = next(ln for ln in reversed(run.stdout.splitlines()) if ln.startswith("{"))
    raw = json.loads(line)
    errors = raw["bad_responses"] + sum(
        raw[k] for k in ("connect", "read", "write", "timeout")
    )  # status errors are already among bad_responses
    return LoadResult(
        tool="wrk",
        connections=connections,
        seconds=raw["duration_us"] / 1e6,
        requests=raw["requests"],
        errors=errors,
        p50_ms=raw["p50_us"] / 1000,
        p95_ms=raw["p95_us"] / 1000,
        p99_ms=raw["p99_us"] / 1000,
        error_kinds={
            "bad response": raw["bad_responses"],
            **{k: raw[k] for k in ("connect", "read", "write", "timeout")},
        },
    )


async def _httpx_loop(
    url: str, bodies: Sequence[str], connections: int, seconds: float, token: str | None
) -> LoadResult:
    latencies: list[float] = []
    errors = 0
    limits = httpx.Limits(max_connections=connections, max_keepalive_connections=connections)
    headers = {"content-type": "application/json"}
    if token:
        headers["authorization"] = f"Bearer {token}"
    began = time.perf_counter()
    deadline = began + seconds

    async def client(worker: int, http: httpx.AsyncClient) -> None:
        nonlocal errors
        i = worker
        while time.perf_counter() < deadline:
            body = bodies[i % len(bodies)]
            i += connections
            t0 = time.perf_counter()
            try:
                response = await http.post(url, content=body)
                ok = response.status_code == 200 and b'"errors"' not in response.content
            except httpx.HTTPError:
                ok = False
            latencies.append((time.perf_counter() - t0) * 1000)
            errors += 0 if ok else 1

    async with httpx.AsyncClient(timeout=30.0, limits=limits, headers=headers) as http:
        await asyncio.gather(*(client(w, http) for w in range(connections)))
    elapsed = time.perf_counter() - began
    return LoadResult(
        tool="httpx",
        connections=connections,
        seconds=elapsed,
        requests=len(latencies),
        errors=errors,
        p50_ms=percentile(latencies, 50),
        p95_ms=percentile(latencies, 95),
        p99_ms=percentile(latencies, 99),
    )


def drive(
    url: str,
    bodies: Sequence[str],
    *,
    connections: int,
    seconds: float,
    use_wrk: bool = True,
    token: str | None = None,
) -> LoadResult:
    """Send ``bodies`` (cycled) from ``connections`` clients for ``seconds``; loopback only.

    ``token`` is an API key sent as ``Authorization: Bearer``.
    """
    _loopback(url)
    if not bodies:
        raise ValueError("no request bodies to send")
    if use_wrk and shutil.which("wrk"):
        return _wrk(url, bodies, connections, seconds, token)
    return asyncio.run(_httpx_loop(url, bodies, connections, seconds, token))
