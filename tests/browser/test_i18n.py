"""English and Welsh on every screen: no Welsh string missing, the choice remembered, the
screens readable in Welsh (screenshots kept) and accessible in both languages."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from tests.browser.conftest import SeededData, describe, run_axe, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.neo4j]

WELSH_ON_SCREEN = {
    "find": [
        "Chwilio",
        "Cod post",
        "Pellter",
        "Am ddim",
        "Ar agor",
        "Hygyrchedd",
        "Iaith",
        "Rhestr fer",
    ],
    "leader": ["Map perthnasoedd", "Bylchau", "Dyblygu", "Tagfeydd"],
    "group": ["Cofrestru cynnig", "Eich rhestrau"],
}


def test_every_english_string_has_a_welsh_translation(page: Page) -> None:
    page.goto("/")
    expect(page.locator("body[data-ready=true]")).to_be_attached()
    assert page.evaluate("window.commongraphI18n.missingWelsh()") == []
    assert page.evaluate("window.commongraphI18n.placeholderMismatches()") == []


def test_language_choice_is_remembered_and_every_screen_is_welsh(
    page: Page, seeded: SeededData, artifacts_dir: Path
) -> None:
    page.goto("/#/find")
    page.select_option("#language", "cy")
    expect(page.locator("html")).to_have_attribute("lang", "cy")
    page.reload()
    expect(page.locator("#language")).to_have_value("cy")
    expect(page.locator("nav")).to_contain_text("Chwilio am help")
    sign_in(page, seeded.keys["editor"])
    for screen, words in WELSH_ON_SCREEN.items():
        page.goto(f"/#/{screen}")
        expect(page.locator("main h1")).to_be_visible()
        text = page.inner_text("main")
        missing = [w for w in words if w not in text]
        assert missing == [], f"{screen}: {missing}"
        page.screenshot(path=str(artifacts_dir / f"cy-{screen}.png"), full_page=True)
        serious = run_axe(page, f"cy-{screen}", artifacts_dir)
        assert serious == [], describe(serious)
    # Shown on a listing once there is one; the dictionary entry is what the page uses.
    assert page.evaluate("window.commongraphI18n.t('group.confirm')") == "Yn dal yn gywir"


def test_switching_language_translates_results_already_shown(
    page: Page, seeded: SeededData
) -> None:
    page.goto("/#/find")
    page.fill("#postcode", "CF10 1AA")
    page.click("#search-button")
    expect(page.locator("#results > li").first).to_be_visible()
    expect(page.locator("#results button.add").first).to_have_text("Add to shortlist")
    page.select_option("#language", "cy")
    expect(page.locator("#results button.add").first).to_have_text("Ychwanegu at y rhestr fer")
    expect(page.locator("#result-count")).to_contain_text("wedi'u canfod")
