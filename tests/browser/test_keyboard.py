"""Keyboard-only use: the whole connector journey with Tab, typing and Enter (no mouse)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from tests.browser.conftest import CARDIFF, SeededData

pytestmark = [pytest.mark.browser, pytest.mark.neo4j]

MAX_TABS = 120


def _tab_to(page: Page, selector: str) -> int:
    """Press Tab until the element matching ``selector`` has focus; return the presses."""
    for presses in range(1, MAX_TABS + 1):
        page.keyboard.press("Tab")
        if page.evaluate("s => document.activeElement?.matches(s) ?? false", selector):
            return presses
    raise AssertionError(f"{selector} never received focus within {MAX_TABS} Tab presses")


def test_connector_journey_works_from_the_keyboard_alone(
    page: Page, seeded: SeededData, artifacts_dir: Path
) -> None:
    page.goto("/#/find")
    expect(page.locator("body[data-ready=true]")).to_be_attached()
    first_stop = _tab_to(page, ".skip-link")
    assert first_stop == 1, "the skip link is the first thing Tab reaches"
    _tab_to(page, "#postcode")
    page.keyboard.type(CARDIFF)
    page.keyboard.press("Enter")
    expect(page.locator("#results > li").first).to_be_visible()

    _tab_to(page, "#results > li:first-child button.details")
    page.keyboard.press("Enter")
    expect(page.locator("#detail")).to_be_visible()
    expect(page.locator("#detail-heading")).to_be_focused()

    _tab_to(page, "#detail-add")
    page.keyboard.press("Enter")
    expect(page.locator("#shortlist-items > li[data-id]")).to_have_count(1)

    _tab_to(page, "#detail-close")
    page.keyboard.press("Enter")
    expect(page.locator("#results > li:first-child button.details")).to_be_focused()

    _tab_to(page, "#share-shortlist")
    page.keyboard.press("Enter")
    expect(page.locator("#share-link")).to_be_focused()
    expect(page.locator("#share-link")).to_have_value(re.compile(r"#/list\?ids="))
    page.screenshot(path=str(artifacts_dir / "keyboard-connector.png"), full_page=True)


def test_focus_is_visible_on_every_control(page: Page, seeded: SeededData) -> None:
    page.goto("/#/find")
    expect(page.locator("body[data-ready=true]")).to_be_attached()
    unstyled = []
    for _ in range(25):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement === document.body"):
            break  # past the last control: focus has left the page
        outline = page.evaluate(
            """() => { const s = getComputedStyle(document.activeElement);
                       return s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2
                              || s.boxShadow !== 'none'; }"""
        )
        if not outline:
            unstyled.append(page.evaluate("document.activeElement.outerHTML.slice(0, 200)"))
    assert unstyled == [], "\n".join(unstyled)
