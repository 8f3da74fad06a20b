"""Connector journey in Chromium: postcode → nearest services with filters → detail →
shortlist → share and print; the map works offline with local-authority outlines."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.browser.conftest import CARDIFF, SeededData, describe, run_axe, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.neo4j]

NEAR = """query($lat: Float!, $lon: Float!, $r: Float!, $free: Boolean!, $lang: String) {
  assetsNear(latitude: $lat, longitude: $lon, radiusKm: $r, freeOnly: $free, language: $lang,
             first: 20) { totalCount edges { node { id } } } }"""


def _search(page: Page, postcode: str) -> None:
    page.fill("#postcode", postcode)
    page.click("#search-button")


def _result_ids(page: Page) -> list[str]:
    ids: list[str] = page.eval_on_selector_all("#results > li", "els => els.map(e => e.dataset.id)")
    return ids


def _distances(page: Page) -> list[float]:
    texts = page.eval_on_selector_all("#results .distance", "els => els.map(e => e.textContent)")
    return [float(re.sub(r"[^0-9.]", "", t)) for t in texts]


def test_postcode_search_lists_services_nearest_first_with_offline_map(
    page: Page, seeded: SeededData, artifacts_dir: Path
) -> None:
    page.goto("/#/find")
    expect(page.locator("#map")).to_have_attribute("data-boundaries", re.compile(r"^[1-9]\d*$"))
    assert page.locator("#map path.leaflet-interactive, #map svg path").count() >= 20
    _search(page, CARDIFF)
    expect(page.locator("#results > li").first).to_be_visible()
    distances = _distances(page)
    assert len(distances) >= 3
    assert distances == sorted(distances)
    assert max(distances) <= 5.0
    expect(page.locator("#result-count")).to_contain_text("5 km")
    assert page.locator(".leaflet-marker-icon").count() == len(distances)
    page.screenshot(path=str(artifacts_dir / "connector-results.png"), full_page=True)
    serious = run_axe(page, "connector-results", artifacts_dir)
    assert serious == [], describe(serious)


def test_filters_send_the_same_question_as_the_api_answers(page: Page, seeded: SeededData) -> None:
    page.goto("/#/find")
    _search(page, CARDIFF)
    expect(page.locator("#results > li").first).to_be_visible()
    page.uncheck("#f-includeUnknown")
    page.check("#f-freeOnly")
    page.select_option("#f-language", "cy")
    page.select_option("#radius", "10")
    # No second press of Search: the list follows the filters as they change.
    expected = page.request.post(
        "/graphql",
        data={
            "query": NEAR,
            "variables": {"lat": 51.479102, "lon": -3.178085, "r": 10, "free": True, "lang": "cy"},
        },
    ).json()["data"]["assetsNear"]
    ids = [e["node"]["id"] for e in expected["edges"]]
    assert ids, "the seeded data has free Welsh-language services near Cardiff"
    expect(page.locator("#result-count")).to_contain_text(f"{expected['totalCount']} found")
    expect(page.locator("#results > li")).to_have_count(len(ids))
    assert _result_ids(page) == ids


UNKNOWN = """query($lat: Float!, $lon: Float!, $text: String) {
  assetsNear(latitude: $lat, longitude: $lon, radiusKm: 5, freeOnly: true, text: $text,
             includeUnknown: true, first: 20) { totalCount edges { unknown node { id } } } }"""


def test_services_that_do_not_state_a_fact_are_kept_and_marked_unknown(
    page: Page, seeded: SeededData
) -> None:
    page.goto("/#/find")
    _search(page, CARDIFF)
    expect(page.locator("#results > li").first).to_be_visible()
    page.check("#f-freeOnly")  # "Include services that do not say" is ticked by default
    expected = page.request.post(
        "/graphql", data={"query": UNKNOWN, "variables": {"lat": 51.479102, "lon": -3.178085}}
    ).json()["data"]["assetsNear"]
    unknown = [e["node"]["id"] for e in expected["edges"] if "COST" in e["unknown"]]
    assert unknown, "the seeded data has services near Cardiff that state no cost"
    expect(page.locator("#result-count")).to_contain_text(f"{expected['totalCount']} found")
    first_unknown = page.locator(f'#results > li[data-id="{unknown[0]}"]')
    expect(first_unknown.locator(".unknown")).to_have_text("Cost unknown")


def test_the_words_a_connector_types_narrow_the_list(page: Page, seeded: SeededData) -> None:
    page.goto("/#/find")
    page.fill("#f-text", "dementia")
    _search(page, CARDIFF)
    expected = page.request.post(
        "/graphql",
        data={
            "query": UNKNOWN.replace("freeOnly: true", "freeOnly: false"),
            "variables": {"lat": 51.479102, "lon": -3.178085, "text": "dementia"},
        },
    ).json()["data"]["assetsNear"]
    assert expected["totalCount"] > 0, "the seeded data has dementia services near Cardiff"
    expect(page.locator("#result-count")).to_contain_text(f"{expected['totalCount']} found")
    assert _result_ids(page) == [e["node"]["id"] for e in expected["edges"]]


def test_unknown_postcode_is_explained_next_to_the_field(page: Page, seeded: SeededData) -> None:
    page.goto("/#/find")
    _search(page, "ZZ9 9ZZ")
    expect(page.locator("#postcode-error")).to_have_text("We do not know this postcode or place.")
    expect(page.locator("#postcode")).to_have_attribute("aria-invalid", "true")
    _search(page, "")
    expect(page.locator("#postcode-error")).to_contain_text("postcode or click the map")


def test_a_district_or_a_place_in_welsh_is_searched_around_and_typos_get_suggestions(
    page: Page, seeded: SeededData
) -> None:
    page.goto("/#/find")
    _search(page, "Caerdydd")
    expect(page.locator("#search-status")).to_contain_text("Caerdydd")
    expect(page.locator("#results > li").first).to_be_visible()
    _search(page, "Swansee")
    expect(page.locator("#postcode-error")).to_contain_text("Did you mean Swansea?")


def test_clicking_the_map_searches_around_that_point(page: Page, seeded: SeededData) -> None:
    page.goto("/#/find")
    expect(page.locator("#map")).to_have_attribute("data-boundaries", re.compile(r"^[1-9]"))
    _search(page, CARDIFF)
    expect(page.locator("#results > li").first).to_be_visible()
    page.locator("#map").scroll_into_view_if_needed()
    box = page.locator("#map path.search-centre").bounding_box()
    assert box is not None
    cx, cy = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
    free_spot = page.evaluate(
        """([cx, cy]) => {
             for (const r of [30, 45, 60, 80]) for (let a = 0; a < 16; a++) {
               const x = cx + r * Math.cos(a * Math.PI / 8), y = cy + r * Math.sin(a * Math.PI / 8);
               const el = document.elementFromPoint(x, y);
               const taken = el && el.closest('.leaflet-marker-icon, .leaflet-control');
               if (el && el.closest('#map') && !taken) return [x, y];
             }
             return null;
           }""",
        [cx, cy],
    )
    assert free_spot is not None, "no empty spot of map near the searched point"
    page.mouse.click(*free_spot)
    expect(page.locator("#search-status")).to_contain_text("point you chose")
    expect(page.locator("#results > li").first).to_be_visible()
    distances = _distances(page)
    assert distances == sorted(distances)


def test_detail_shortlist_share_and_print(
    page: Page, seeded: SeededData, artifacts_dir: Path
) -> None:
    page.goto("/#/find")
    _search(page, CARDIFF)
    first = page.locator("#results > li").first
    expect(first).to_be_visible()
    name = first.locator(".name").inner_text()
    first.locator("button.details").click()
    detail = page.locator("#detail")
    expect(detail).to_be_visible()
    expect(detail.locator("h3")).to_have_text(name)
    expect(detail).to_contain_text("How up to date")
    expect(detail).to_contain_text("When it is open")
    page.click("#detail-add")
    expect(page.locator("#shortlist-items > li[data-id]")).to_have_count(1)
    page.locator("#results > li").nth(1).locator("button.add").click()
    expect(page.locator("#shortlist-items > li[data-id]")).to_have_count(2)
    serious = run_axe(page, "connector-detail", artifacts_dir)
    page.screenshot(path=str(artifacts_dir / "connector-detail-shortlist.png"), full_page=True)
    assert serious == [], describe(serious)

    page.click("#share-shortlist")
    link = page.locator("#share-link")
    expect(link).to_have_value(re.compile(r"#/list\?ids="))
    page.emulate_media(media="print")
    expect(page.locator(".site-header")).to_be_hidden()
    page.screenshot(path=str(artifacts_dir / "connector-shortlist-print.png"), full_page=True)
    page.emulate_media(media="screen")

    page.goto(link.input_value())
    expect(page.locator("#shared-items .service-detail")).to_have_count(2)
    expect(page.locator("#shared-items")).to_contain_text(name)
    page.screenshot(path=str(artifacts_dir / "connector-shared-list.png"), full_page=True)
    serious = run_axe(page, "connector-shared", artifacts_dir)
    assert serious == [], describe(serious)


def test_signed_in_connector_shares_a_server_shortlist_by_token(
    page: Page, seeded: SeededData
) -> None:
    page.goto("/#/find")
    sign_in(page, seeded.keys["connector"])
    _search(page, CARDIFF)
    page.locator("#results > li").first.locator("button.add").click()
    page.locator("#results > li").nth(2).locator("button.add").click()
    page.click("#share-shortlist")
    link = page.locator("#share-link")
    expect(link).to_have_value(re.compile(r"/shortlist/[\w-]{20,}$"))
    url = link.input_value()
    page.context.clear_cookies()
    page.evaluate("localStorage.clear()")
    page.goto(url)
    expect(page.locator("#shared-items .service-detail")).to_have_count(2)


def test_on_a_phone_results_come_into_view_and_nothing_is_wider_than_the_screen(
    browser: Browser, base_url: str, seeded: SeededData, artifacts_dir: Path
) -> None:
    context = browser.new_context(base_url=base_url, viewport={"width": 390, "height": 844})
    phone = context.new_page()
    try:
        phone.goto("/#/find")
        _search(phone, CARDIFF)
        expect(phone.locator("#results > li").first).to_be_in_viewport()
        phone.screenshot(path=str(artifacts_dir / "connector-phone-results.png"))
        phone.locator("#results > li").first.locator("button.details").click()
        expect(phone.locator("#detail-heading")).to_be_in_viewport()
        phone.screenshot(path=str(artifacts_dir / "connector-phone-detail.png"))
        width = phone.evaluate("document.scrollingElement.scrollWidth")
        assert width <= 390, f"the page is {width} px wide on a 390 px screen"
    finally:
        context.close()
