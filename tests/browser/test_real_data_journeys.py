"""Journeys in Chromium on the real data the project ships, in English and in Welsh.

The connector's, on a desktop and on a 390 px phone: a postcode or place, the words a
connector types, filters that keep unknowns visible, the detail with the publisher's phone
number, the printable handout, and Welsh names where the publishers give them. The leader's
map of a generated team, labelled in Welsh. Screenshots of each step go to test-artifacts/;
axe-core must be clean.
"""

from __future__ import annotations

import re
from pathlib import Path

import neo4j
import pytest
from playwright.sync_api import Browser, Page, expect

from loaders.demo import load_demo
from tests.browser.conftest import describe, run_axe, sign_in
from tests.support.keys import make_key
from tests.support.wipe import wipe_graph

pytestmark = [pytest.mark.browser, pytest.mark.neo4j, pytest.mark.slow]


@pytest.fixture(scope="module")
def shipped(_session_driver: neo4j.Driver) -> None:
    """The graph `make run` serves: the shipped Wales and Trafford open data."""
    wipe_graph(_session_driver, "neo4j")
    report = load_demo(_session_driver, seed=0)
    assert report.mode == "real" and report.exit_code == 0


def _find(page: Page, place: str, words: str) -> None:
    page.goto("/#/find")
    page.fill("#postcode", place)
    page.fill("#f-text", words)
    page.click("#search-button")
    expect(page.locator("#results > li").first).to_be_visible()


def _distances(page: Page) -> list[float]:
    texts = page.eval_on_selector_all("#results .distance", "els => els.map(e => e.textContent)")
    return [float(re.sub(r"[^0-9.]", "", t)) for t in texts]


def test_a_link_worker_in_cardiff_finds_a_gp_with_its_phone_in_english(
    page: Page, shipped: None, artifacts_dir: Path
) -> None:
    _find(page, "CF10 1AA", "meddygfa")
    kinds = page.eval_on_selector_all("#results .kind", "els => els.map(e => e.textContent)")
    assert kinds and set(kinds) == {"GP practice"}, kinds
    assert _distances(page) == sorted(_distances(page))
    expect(page.locator("#results .verified").first).to_contain_text("Listed by NHS England")
    page.screenshot(path=str(artifacts_dir / "real-find-gp-en.png"), full_page=True)
    page.select_option("#f-day", "TU")  # no Welsh source publishes GP hours
    expect(page.locator("#results .unknown").first).to_have_text("Opening times unknown")
    page.locator("#results > li").first.locator("button.details").click()
    detail = page.locator("#detail")
    expect(detail).to_contain_text("Phone:")
    expect(detail).to_contain_text("GP practice")
    expect(detail.locator("a[href^='tel:']").first).to_be_visible()
    page.screenshot(path=str(artifacts_dir / "real-detail-gp-en.png"), full_page=True)
    serious = run_axe(page, "real-connector-en", artifacts_dir)
    assert serious == [], describe(serious)
    page.emulate_media(media="print")
    page.evaluate("document.body.dataset.print = 'results'")
    expect(page.locator("#results .handout").first).to_contain_text("Phone:")
    page.screenshot(path=str(artifacts_dir / "real-handout-en.png"), full_page=True)


def test_the_same_journey_in_welsh_with_a_place_name_and_welsh_words(
    page: Page, shipped: None, artifacts_dir: Path
) -> None:
    page.goto("/#/find")
    page.select_option("#language", "cy")
    _find(page, "Caerdydd", "llyfrgell")
    expect(page.locator("#search-status")).to_contain_text("Caerdydd")
    kinds = page.eval_on_selector_all("#results .kind", "els => els.map(e => e.textContent)")
    assert kinds and set(kinds) == {"Llyfrgell"}, kinds
    expect(page.locator("#results .verified").first).to_contain_text("Wedi'i restru gan")
    page.locator("#results > li").first.locator("button.details").click()
    expect(page.locator("#detail")).to_contain_text("Llyfrgell a redir gan yr awdurdod lleol")
    page.check("#f-freeOnly")  # public libraries are free at the point of use (a named rule)
    expect(page.locator("#result-count")).to_contain_text("km")
    assert page.locator("#results > li").count() > 0
    page.screenshot(path=str(artifacts_dir / "real-find-library-cy.png"), full_page=True)
    serious = run_axe(page, "real-connector-cy", artifacts_dir)
    assert serious == [], describe(serious)


def test_a_welsh_reader_sees_nhs_wales_sites_and_their_boards_by_their_welsh_names(
    page: Page, shipped: None, artifacts_dir: Path
) -> None:
    page.goto("/#/find")
    page.select_option("#language", "cy")
    _find(page, "CF14 4XW", "ysbyty")
    first = page.locator("#results > li").first
    expect(first.locator(".name")).to_have_text("Ysbyty Athrofaol Cymru")
    first.locator("button.details").click()
    detail = page.locator("#detail")
    expect(detail.locator("h3")).to_have_text("Ysbyty Athrofaol Cymru")
    expect(detail).to_contain_text("Bwrdd Iechyd Prifysgol Caerdydd a'r Fro")
    expect(detail).to_contain_text("Ysbyty Athrofaol Cymru, CF14 4XW")  # where: the place too
    first.locator("button.add").click()
    shortlisted = page.locator("#shortlist-items li").first
    expect(shortlisted).to_contain_text("Ysbyty Athrofaol Cymru")
    page.screenshot(path=str(artifacts_dir / "real-hospital-cy.png"), full_page=True)
    page.select_option("#language", "en")  # the same listing, redrawn in English
    expect(first.locator(".name")).to_have_text("University Hospital of Wales")
    expect(detail.locator("h3")).to_have_text("University Hospital of Wales")
    expect(shortlisted).to_contain_text("University Hospital of Wales")


def test_on_a_phone_the_real_results_are_in_view_and_nothing_overflows(
    browser: Browser, base_url: str, shipped: None, artifacts_dir: Path
) -> None:
    context = browser.new_context(base_url=base_url, viewport={"width": 390, "height": 844})
    phone = context.new_page()
    try:
        _find(phone, "M33", "banc bwyd")
        expect(phone.locator("#results > li").first).to_be_in_viewport()
        phone.screenshot(path=str(artifacts_dir / "real-phone-foodbanks.png"))
        phone.locator("#results > li").first.locator("button.details").click()
        expect(phone.locator("#detail-heading")).to_be_in_viewport()
        phone.screenshot(path=str(artifacts_dir / "real-phone-detail.png"))
        width = phone.evaluate("document.scrollingElement.scrollWidth")
        assert width <= 390, f"the page is {width} px wide on a 390 px screen"
    finally:
        context.close()


def test_a_welsh_leader_maps_a_team_and_its_council_by_their_welsh_names(
    page: Page, shipped: None, _session_driver: neo4j.Driver, artifacts_dir: Path
) -> None:
    key = make_key(_session_driver, "leader")
    page.goto("/#/leader")
    page.select_option("#language", "cy")
    sign_in(page, key)
    page.fill("#graph-start", "Tîm cymdogaeth Caerdydd 1")  # the Welsh name, as typed
    page.click("#graph-show")
    expect(page.locator("#graph-origin")).to_contain_text("Tîm cymdogaeth Caerdydd 1")
    option = page.locator("#graph-node-ids option")
    expect(option.filter(has_text="Tîm cymdogaeth Caerdydd 1")).to_be_attached()
    page.fill("#graph-start", "Cyngor Caerdydd")  # the council, by its Welsh name
    page.click("#graph-show")
    expect(page.locator("#graph-origin")).to_contain_text("Cyngor Caerdydd")
    expect(option.filter(has_text="Cyngor Caerdydd")).to_be_attached()
    page.screenshot(path=str(artifacts_dir / "real-leader-team-cy.png"), full_page=True)
    page.select_option("#language", "en")  # the same map, relabelled
    expect(option.filter(has_text="Cardiff Council")).to_be_attached()
