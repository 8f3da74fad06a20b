"""Browser fixtures: the real app (API + built UI) on a free port, Debian's Chromium via
Playwright, seeded data with an API key per role, and axe-core checks.

Chromium is the distribution's ``/usr/bin/chromium`` (``COMMONGRAPH_CHROMIUM`` overrides);
nothing is downloaded. Each test gets a fresh browser context (its own storage), and the
browser itself starts with a fresh temporary profile.
"""

from __future__ import annotations

import json
import os
import threading
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import neo4j
import pytest
import uvicorn
from playwright.sync_api import Browser, Page, expect, sync_playwright

from api.app import FRONTEND_DIST, create_app
from api.auth.keys import hash_key
from graph.server.config import PROJECT_ROOT
from graph.settings import Neo4jSettings
from tests.api.fixtures_graph import FixtureGraph, generate, write_graph
from tests.support.keys import make_key
from tests.support.ports import free_port
from tests.support.wipe import wipe_graph

CHROMIUM = os.environ.get("COMMONGRAPH_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
AXE = PROJECT_ROOT / "frontend" / "node_modules" / "axe-core" / "axe.min.js"
CARDIFF = "CF10 1AA"

# Generous: a shared CI machine can pause for seconds; a real failure still fails.
expect.set_options(timeout=15_000)


@dataclass(frozen=True)
class SeededData:
    """What the browser tests may rely on: the fixture graph and a key per role."""

    graph: FixtureGraph
    keys: dict[str, str]
    organisation_id: str


def _seed(driver: neo4j.Driver, database: str) -> SeededData:
    wipe_graph(driver, database)
    graph = generate(seed=5, services=400, locations=320, people=200, prefix="b")
    write_graph(driver, graph)
    organisation = sorted(graph.organisations)[0]
    keys = {
        "connector": make_key(driver, "connector"),
        "leader": make_key(driver, "leader"),
        "editor": make_key(driver, "group_editor", organisation),
        "moderator": make_key(driver, "moderator"),
    }
    return SeededData(graph=graph, keys=keys, organisation_id=organisation)


_SEEDED: dict[str, SeededData] = {}


@pytest.fixture(scope="module")
def seeded(_session_driver: neo4j.Driver, neo4j_settings: Neo4jSettings) -> SeededData:
    """A small Wales-shaped graph (400 services, 200 people) and a key per role.

    Written once per session (it takes a while); each module checks that no other test
    module wiped it in between and writes it again if so.
    """
    data = _SEEDED.get("data")
    if data is not None:
        records, _, _ = _session_driver.execute_query(
            "MATCH (k:ApiKey {key_hash: $hash}) RETURN count(k) AS n",
            hash=hash_key(data.keys["leader"]),
            database_=neo4j_settings.database,
        )
        if records[0]["n"] == 1:
            return data
    data = _SEEDED["data"] = _seed(_session_driver, neo4j_settings.database)
    return data


@pytest.fixture(scope="session")
def base_url(neo4j_settings: Neo4jSettings) -> Iterator[str]:
    """`commongraph serve`'s app (GraphQL, REST, the built UI) on a free port, in a thread."""
    if not (FRONTEND_DIST / "index.html").is_file():
        pytest.fail("the web UI is not built: run `make frontend` (npm ci && npm run build)")
    port = free_port()
    config = uvicorn.Config(
        create_app(neo4j_settings),
        host="127.0.0.1",
        port=port,
        log_level="warning",
        ws="none",
        lifespan="on",
    )
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, name="ui-server", daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            pytest.fail("the UI server did not start within 20 s")
        time.sleep(0.05)
    url = f"http://127.0.0.1:{port}"
    # Warm the lazy indexes (postcodes, LSOAs, boundaries) so no test pays for them.
    for path in ("/api/boundaries", f"/api/postcodes/{CARDIFF}"):
        urllib.request.urlopen(url + path.replace(" ", "%20"), timeout=60).read()
    yield url
    server.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    if not Path(CHROMIUM).is_file():
        pytest.fail(f"Chromium not found at {CHROMIUM}: apt-get install chromium")
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
        )
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser: Browser, base_url: str) -> Iterator[Page]:
    """A page in a fresh context (empty localStorage); uncaught errors and anything the
    Content-Security-Policy refuses fail the test."""
    context = browser.new_context(
        base_url=base_url, viewport={"width": 1280, "height": 900}, accept_downloads=True
    )
    context.set_default_timeout(30_000)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.on(
        "console",
        lambda message: (
            errors.append(message.text)
            if message.type == "error" and "Content Security Policy" in message.text
            else None
        ),
    )
    # Kept for a failing test's report: what the server refused or never answered, and when.
    started = time.monotonic()
    trouble: list[str] = []
    page.on(
        "requestfailed",
        lambda request: trouble.append(
            f"{time.monotonic() - started:6.1f}s failed {request.method} {request.url}: "
            f"{request.failure}"
        ),
    )
    page.on(
        "response",
        lambda response: (
            trouble.append(
                f"{time.monotonic() - started:6.1f}s {response.status} "
                f"{response.request.method} {response.url}"
            )
            if response.status >= 400
            else None
        ),
    )
    yield page
    context.close()
    if trouble:
        print("requests that failed:", *trouble, sep="\n  ")
    assert errors == [], f"uncaught errors or CSP refusals in the page: {errors}"


def sign_in(page: Page, key: str) -> None:
    """Paste an API key into the header's sign-in box, as a person would."""
    page.click("#signin-summary")
    page.fill("#api-key", key)
    page.click("#signin-button")
    page.wait_for_selector("#signout-button:visible")


def run_axe(page: Page, name: str, artifacts: Path) -> list[dict[str, Any]]:
    """Run axe-core on the page; keep the report; return serious and critical violations."""
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        # Evaluated through the DevTools protocol, which the page's CSP (no inline script)
        # does not govern; a <script> tag would be refused, as it should be.
        page.evaluate(AXE.read_text(encoding="utf-8") + "\n;true")
    result: dict[str, Any] = page.evaluate(
        """async () => await axe.run(document, {
             runOnly: {type: 'tag',
                       values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']},
             resultTypes: ['violations'],
           })"""
    )
    violations = result["violations"]
    (artifacts / f"axe-{name}.json").write_text(json.dumps(violations, indent=1), encoding="utf-8")
    summary = ", ".join(f"{v['id']}({v['impact']})x{len(v['nodes'])}" for v in violations)
    print(f"axe {name}: {len(violations)} violation kinds {summary or '-'}")
    return [v for v in violations if v["impact"] in ("serious", "critical")]


def describe(violations: list[dict[str, Any]]) -> str:
    return "; ".join(
        f"{v['id']}: {v['help']} at {[n['target'] for n in v['nodes'][:3]]}" for v in violations
    )
