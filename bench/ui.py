"""Measure 6: time until a 5,000-node relationship map is interactive in Chromium.

Debian's Chromium (``/usr/bin/chromium``) through Playwright's ``executable_path`` — no
browser is ever downloaded. The leader journey's map page (``#/leader``, sigma.js) exposes
``window.commongraphLeader.show(nodes, edges)``, which resolves with the time of its first
drawn frame; a seeded 5,000-node network of the shape leaders see (communities of ~50 people
with a few bridges) is handed to it. Reported: milliseconds from the hand-over to the first
frame (graph built, laid out, drawn), and the median time of a full redraw after a camera
move (one pan/zoom frame). The API caps one relationshipMap answer at 2,000 nodes, so the
data is handed over in the page rather than fetched.
"""

from __future__ import annotations

import random
import shutil
import statistics
from pathlib import Path

from pydantic import BaseModel

from graph.server.config import PROJECT_ROOT

__all__ = ["MAP_NODES", "UiResult", "measure_map"]

CHROMIUM = "/usr/bin/chromium"
ENTRY = "commongraphLeader"
MAP_NODES = 5_000
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--enable-unsafe-swiftshader",
]
TRIBES = ["gp", "nurse", "social_worker", "ot", "community_connector", "volunteer", "planner"]


class UiResult(BaseModel):
    """Milliseconds to interactive and of one pan/zoom redraw, or why not measured."""

    ready_ms: float | None = None
    zoom_frame_ms: float | None = None
    skipped: str | None = None


def network(
    n: int = MAP_NODES, seed: int = 11
) -> tuple[list[dict[str, object]], list[dict[str, object]]]:
    """Communities of ~50 people, 3 ties each inside, a few bridges between them (seeded)."""
    rng = random.Random(seed)
    nodes: list[dict[str, object]] = [
        {
            "id": f"p{i}",
            "label": f"Person {i}",
            "kind": "Person",
            "tribe": rng.choice(TRIBES),
            "sector": None,
            "organisationId": None,
            "hop": None,
        }
        for i in range(n)
    ]
    pairs: set[tuple[int, int]] = set()
    for i in range(n):
        block = i // 50 * 50
        for _ in range(3):
            j = rng.randrange(block, min(block + 50, n))
            if j != i:
                pairs.add((min(i, j), max(i, j)))
        if rng.random() < 0.05:
            j = rng.randrange(n)
            if j != i:
                pairs.add((min(i, j), max(i, j)))
    edges: list[dict[str, object]] = [
        {"source": f"p{a}", "target": f"p{b}", "type": "KNOWS", "weight": 1.0}
        for a, b in sorted(pairs)
    ]
    return nodes, edges


def _entry_in_build(dist: Path) -> bool:
    return dist.is_dir() and any(
        ENTRY in path.read_text(errors="ignore") for path in dist.rglob("*.js")
    )


def measure_map(base_url: str, *, dist: Path | None = None, timeout_s: float = 60.0) -> UiResult:
    """Open the leader map of the app at ``base_url`` and time it, or say why it cannot be."""
    dist = dist or PROJECT_ROOT / "frontend" / "dist"
    if not Path(CHROMIUM).exists() and shutil.which("chromium") is None:
        return UiResult(skipped="Debian's chromium is not installed")
    if not _entry_in_build(dist):
        return UiResult(skipped=f"frontend/dist has no window.{ENTRY} (run `make frontend`)")
    from playwright.sync_api import sync_playwright

    nodes, edges = network()
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": 1280, "height": 800})
            page.goto(base_url.rstrip("/") + "/#/leader")
            page.wait_for_function(f"window.{ENTRY} !== undefined", timeout=timeout_s * 1000)
            ready = float(
                page.evaluate(
                    f"""async ([n, e]) => {{ const began = performance.now();
                         await window.{ENTRY}.show(n, e);
                         return performance.now() - began; }}""",
                    [nodes, edges],
                )
            )
            frames: list[float] = page.evaluate(
                f"""() => {{
                     const view = window.{ENTRY}.view();
                     const camera = view.renderer.getCamera();
                     const times = [];
                     for (let i = 0; i < 15; i++) {{
                       camera.setState({{ x: 0.5 + 0.2 * Math.sin(i / 6),
                                          y: 0.5 + 0.2 * Math.cos(i / 6),
                                          ratio: 1 / (1 + (i % 20) / 8), angle: 0 }});
                       const began = performance.now();
                       view.renderer.refresh();
                       view.finish();
                       times.push(performance.now() - began);
                     }}
                     return times;
                   }}"""
            )
        finally:
            browser.close()
    return UiResult(ready_ms=ready, zoom_frame_ms=statistics.median(frames))
