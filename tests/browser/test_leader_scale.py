"""5,000 nodes stay interactive: time to first render and pan/zoom frame times, measured in
Chromium (software WebGL here, so a real GPU only does better). The figures are printed
and kept in test-artifacts/leader-scale.json."""

from __future__ import annotations

import json
import statistics
import time
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from bench.ui import network

pytestmark = [pytest.mark.browser]

NODES = 5_000


def test_five_thousand_nodes_render_and_pan_interactively(page: Page, artifacts_dir: Path) -> None:
    nodes, edges = network(NODES)
    page.goto("/#/leader")
    expect(page.locator("#graph")).to_be_visible()
    wall = time.perf_counter()
    first_render_ms, total_ms = page.evaluate(
        """async ([n, e]) => { const began = performance.now();
             const first = await window.commongraphLeader.show(n, e);
             return [first, performance.now() - began]; }""",
        [nodes, edges],
    )
    wall_ms = (time.perf_counter() - wall) * 1000
    expect(page.locator("#graph-counts")).to_contain_text(f"{NODES} nodes")
    frames: list[float] = page.evaluate(
        """() => {
             const renderer = window.commongraphLeader.view().renderer;
             const camera = renderer.getCamera();
             const times = [];
             for (let i = 0; i < 10; i++) {
               const state = { x: 0.5 + 0.2 * Math.sin(i / 6), y: 0.5 + 0.2 * Math.cos(i / 6),
                               ratio: 1 / (1 + (i % 20) / 8), angle: 0 };
               camera.setState(state);
               const began = performance.now();
               renderer.refresh();
               window.commongraphLeader.view().finish();
               times.push(performance.now() - began);
             }
             return times;
           }"""
    )
    animated: dict[str, float] = page.evaluate(
        """() => new Promise(resolve => {
             const view = window.commongraphLeader.view();
             const renderer = view.renderer;
             const camera = renderer.getCamera();
             const costs = [], stamps = [];
             let began = 0, animating = true;
             const before = () => { began = performance.now(); };
             const after = () => { view.finish(); costs.push(performance.now() - began); };
             renderer.on("beforeRender", before);
             renderer.on("afterRender", after);
             const tick = t => { stamps.push(t); if (animating) requestAnimationFrame(tick); };
             requestAnimationFrame(tick);
             camera.animate({ ratio: 0.3, x: 0.3, y: 0.6 }, { duration: 600 }, () => {
               animating = false;
               renderer.off("beforeRender", before);
               renderer.off("afterRender", after);
               const q = (xs, p) => { const s = [...xs].sort((a, b) => a - b);
                                      return s[Math.min(s.length - 1, Math.floor(s.length * p))]; };
               const gaps = stamps.slice(1).map((t, i) => t - stamps[i]);
               resolve({ frames: costs.length, median: q(costs, 0.5), p95: q(costs, 0.95),
                         interval: q(gaps, 0.5) });
             });
           })"""
    )
    figures = {
        "nodes": NODES,
        "edges": len(edges),
        "first_render_ms": round(first_render_ms, 1),
        "show_in_page_ms": round(total_ms, 1),
        "show_wall_ms_with_transfer": round(wall_ms, 1),
        "full_redraw_median_ms": round(statistics.median(frames), 1),
        "full_redraw_p95_ms": round(sorted(frames)[int(len(frames) * 0.95)], 1),
        "pan_zoom_frame_median_ms": round(animated["median"], 1),
        "pan_zoom_frame_p95_ms": round(animated["p95"], 1),
        "pan_zoom_frames": animated["frames"],
        "headless_frame_interval_ms": round(animated["interval"], 1),
    }
    print("leader scale:", json.dumps(figures))
    (artifacts_dir / "leader-scale.json").write_text(json.dumps(figures, indent=1), "utf-8")
    page.screenshot(path=str(artifacts_dir / "leader-5000-nodes.png"))
    assert figures["first_render_ms"] < 5_000
    assert figures["pan_zoom_frame_median_ms"] < 100, "a pan/zoom frame must cost under 100 ms"
    assert figures["full_redraw_median_ms"] < 1_000, "a full redraw with every edge under 1 s"
