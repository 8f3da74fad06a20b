"""Hand-written text the generated ``docs/performance.md`` carries: how each figure is taken,
and what was changed because of what the profile showed (kept here, beside the code that
measures, so the page itself is only ever generated)."""

from __future__ import annotations

__all__ = ["CHANGES", "HOW"]

HOW: list[str] = [
    "- **assetsNear latency**: the GraphQL query over HTTP to `api.app.create_app(settings)` "
    "under one uvicorn worker (httpx, keep-alive, one request at a time) ÷ the catalogue "
    "statement `assets/assets_near` run directly through the Python driver with the parameters "
    "the repository builds. Pairs are interleaved; random centres near the data (seeded), 5 km "
    "radius, first 20. Every pair's ids are compared.",
    "- **Throughput**: the same GraphQL bodies against ours (1 uvicorn worker) and against the "
    "Neo4j GraphQL Library peer in `bench/peer/` (1 Node process: `@neo4j/graphql` 7 on "
    "`graphql@16`, Apollo Server 5, `neo4j-driver` 6), driven by `wrk` (Lua script "
    "`bench/wrk/graphql.lua`) on 127.0.0.1. The peer's `assetsNear` is a top-level `@cypher` "
    "field whose statement is our `assets_near.cypher` with the parameters GraphQL arguments do "
    "not carry bound to constants (optional filters null), wrapped in `CALL () { … }` to shape "
    "the connection; its types are named `AssetsPage`/`NearPageInfo` because the library "
    "reserves `*Connection`/`PageInfo`. Responses are checked equal (data, field by field) "
    "before timing.",
    "- **Load test** (issue 8): many concurrent wrk connections for a bounded time, "
    "`assetsNear` and `relationshipMap` (leader key) interleaved; any non-200 status, GraphQL "
    "`errors` member, socket error or timeout counts as an error.",
    "- **Memory**: `VmHWM` (peak RSS) of the API process read from `/proc` after the "
    "throughput run (baseline: the Node peer after the same load) and after the load test; "
    "the analytics script's peak RSS from the kernel when it is reaped (`wait4`).",
    "- **Loader and analytics** rows come from `bench/bench_load.py` and "
    "`bench/bench_analytics.py`, run as child processes in the same run.",
]

CHANGES: list[str] = [
    "In the benchmark itself: the API runs with uvicorn's access log off (as the Node peer "
    "has none); the equality check before timing covers 20 bodies, not all, so the quick "
    "run fits in its budget.",
    "",
    "In the API, nothing has been changed yet on the strength of this profile (those modules "
    "belong to the API and graph owners). What the profile points at, largest first:",
    "",
    "1. **GraphQL parsing and validation on every request** (graphql-core's parser and "
    "visitors, plus the depth/alias/token limiters walking the document): the same query "
    "text is parsed and validated again each time. Strawberry's `ParserCache` and "
    "`ValidationCache` extensions in `api/graphql/schema.py` remove most of it.",
    "2. **Driver notifications**: on data without optional fields (age limits, languages, "
    "catchments), every `assetsNear` run returns about six 'unknown property / "
    "relationship type' notifications, and driver 6 logs each at WARNING with the whole "
    'statement text. `notifications_min_severity="OFF"` (or disabled categories '
    "`UNRECOGNIZED`) on the API's async driver in `graph/connection.py` stops both the "
    "server-side work and the logging.",
    "3. **Result decoding**: `properties(s)` ships every stored service property for each "
    "hit and packstream decodes it; returning only the fields a page shows would cut the "
    "driver's share.",
]
