"""Measure 6: time until a 5,000-node relationship map is interactive in Chromium.

Debian's Chromium (``/usr/bin/chromium``) through Playwright's ``executable_path`` — no
browser is ever downloaded. The leader journey's map page (``frontend/``, sigma.js) is to set
``window.__commongraphMapReady`` to ``performance.now()`` once its graph is drawn and takes
input; the measure is that value (milliseconds since navigation started), then one wheel-zoom
frame is timed on the canvas. Until the page exposes the signal, the row says so.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from pydantic import BaseModel

from graph.server.config import PROJECT_ROOT

__all__ = ["MAP_NODES", "MAP_PATH", "UiResult", "measure_map"]

CHROMIUM = "/usr/bin/chromium"
SIGNAL = "__commongraphMapReady"
MAP_NODES = 5_000
MAP_PATH = f"/#/leader/map?limit={MAP_NODES}"


class UiResult(BaseModel):
    """Milliseconds to interactive and to the first zoom frame, or why not measured."""

    ready_ms: float | None = None
    zoom_frame_ms: float | None = None
    skipped: str | None = None


def _signal_in_build(dist: Path) -> bool:
    return dist.is_dir() and any(
        SIGNAL in path.read_text(errors="ignore") for path in dist.rglob("*.js")
    )


def measure_map(base_url: str, *, dist: Path | None = None, timeout_s: float = 60.0) -> UiResult:
    """Open the map page of the API at ``base_url`` and time it, or say why it cannot be."""
    dist = dist or PROJECT_ROOT / "frontend" / "dist"
    if not Path(CHROMIUM).exists() and shutil.which("chromium") is None:
        return UiResult(skipped="Debian's chromium is not installed")
    if not _signal_in_build(dist):
        return UiResult(
            skipped=f"the leader map in frontend/ does not set window.{SIGNAL} yet "
            "(no relationship map page to time)"
        )
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--enable-unsafe-swiftshader"])
        try:
            page = browser.new_page(viewport={"width": 1280, "height": 800})
            page.goto(base_url.rstrip("/") + MAP_PATH)
            page.wait_for_function(f"window.{SIGNAL} !== undefined", timeout=timeout_s * 1000)
            ready = float(page.evaluate(f"window.{SIGNAL}"))
            page.mouse.move(640, 400)
            zoom = float(
                page.evaluate(
                    """() => new Promise((resolve) => {
                        const t0 = performance.now();
                        const canvas = document.querySelector('canvas');
                        canvas.dispatchEvent(new WheelEvent('wheel',
                          {deltaY: -240, clientX: 640, clientY: 400, bubbles: true}));
                        requestAnimationFrame(() => requestAnimationFrame(
                          () => resolve(performance.now() - t0)));
                    })"""
                )
            )
        finally:
            browser.close()
    return UiResult(ready_ms=ready, zoom_frame_ms=zoom)
