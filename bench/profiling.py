"""Where the API's time goes on ``assetsNear``: pyinstrument over in-process requests.

The app is ``api.app.create_app(settings)`` driven through httpx's ASGI transport (so the
profile holds the API's own Python — FastAPI, Strawberry, our resolvers and repository, the
async Neo4j driver — without uvicorn's HTTP parsing), for the same bodies the other measures
send. Self-time is summed by package so the reading names layers, not lines.
"""

from __future__ import annotations

import asyncio
from collections import defaultdict
from collections.abc import Sequence
from typing import Any

import httpx
from pydantic import BaseModel
from pyinstrument import Profiler

from api.app import create_app
from api.guard import GuardSettings
from graph.settings import Neo4jSettings

__all__ = ["ProfileResult", "profile_api"]

# (label, substring of the frame's file path) — first match wins.
LAYERS: tuple[tuple[str, str], ...] = (
    ("neo4j driver", "/neo4j/"),
    ("strawberry (GraphQL)", "/strawberry/"),
    ("graphql-core", "/graphql/"),
    ("pydantic", "/pydantic"),
    ("fastapi/starlette", "/starlette/"),
    ("fastapi/starlette", "/fastapi/"),
    ("httpx client (benchmark side)", "/httpx/"),
    ("httpx client (benchmark side)", "/httpcore/"),
    ("logging", "/logging/"),
    ("asyncio event loop", "/asyncio/"),
    ("json", "/json/"),
    ("uvicorn/anyio", "/anyio/"),
    ("commongraph api/", "/api/"),
    ("commongraph graph/", "/graph/"),
    ("commongraph queries/", "/queries/"),
)


class ProfileResult(BaseModel):
    """Self-time by layer and the heaviest functions, from one pyinstrument session."""

    requests: int
    seconds: float
    layers: list[tuple[str, float]]
    top_frames: list[tuple[str, float]]
    text: str


def _layer(path: str) -> str:
    for label, needle in LAYERS:
        if needle in path:
            return label
    return "other"


async def _drive(settings: Neo4jSettings, url: str, bodies: Sequence[str], rounds: int) -> None:
    app = create_app(settings, guard=GuardSettings.unlimited())
    async with app.router.lifespan_context(app):
        transport = httpx.ASGITransport(app=app)
        headers = {"content-type": "application/json"}
        async with httpx.AsyncClient(transport=transport, base_url="http://bench") as client:
            for body in bodies[:10]:  # warm-up, not profiled
                await client.post(url, content=body, headers=headers)
            profiler = Profiler(interval=0.0005, async_mode="enabled")
            profiler.start()
            for _ in range(rounds):
                for body in bodies:
                    response = await client.post(url, content=body, headers=headers)
                    response.raise_for_status()
            profiler.stop()
    _drive.profiler = profiler  # type: ignore[attr-defined]


def profile_api(
    settings: Neo4jSettings, bodies: Sequence[str], *, rounds: int = 2, top: int = 12
) -> ProfileResult:
    """Profile ``rounds`` passes over ``bodies`` through the app; summarise by layer."""
    asyncio.run(_drive(settings, "/graphql", bodies, rounds))
    profiler: Profiler = _drive.profiler  # type: ignore[attr-defined]
    session = profiler.last_session
    assert session is not None
    layers: dict[str, float] = defaultdict(float)
    functions: dict[str, float] = defaultdict(float)
    root = session.root_frame()
    stack: list[Any] = [root] if root is not None else []
    while stack:
        frame = stack.pop()
        stack.extend(frame.children)
        self_time = frame.time - sum(child.time for child in frame.children)
        if self_time <= 0:
            continue
        path = frame.file_path or ""
        identifier = frame.function or "?"
        if identifier.startswith("[") or not path:  # pyinstrument's synthetic frames (await, self)
            parent = frame.parent
            path = (parent.file_path or "") if parent is not None else ""
            identifier = parent.function if parent is not None and parent.function else identifier
            if frame.function == "[await]":
                layers["waiting on Neo4j / I/O (await)"] += self_time
                continue
        owner = frame
        while owner is not None and (
            not (owner.file_path or "") or (owner.file_path or "").startswith("<")
        ):
            owner = owner.parent  # built-ins and generated code count for their caller
        layers[_layer(path if owner is None else owner.file_path or path)] += self_time
        short = path.split("site-packages/")[-1].split("/work/main/")[-1]
        functions[f"{identifier} ({short})"] += self_time
    total = sum(layers.values()) or 1.0
    ranked = sorted(layers.items(), key=lambda kv: -kv[1])
    return ProfileResult(
        requests=rounds * len(bodies),
        seconds=session.duration,
        layers=[(name, round(100 * t / total, 1)) for name, t in ranked],
        top_frames=[
            (name, round(100 * t / total, 1))
            for name, t in sorted(functions.items(), key=lambda kv: -kv[1])[:top]
        ],
        text=profiler.output_text(unicode=True, color=False, show_all=False),
    )
