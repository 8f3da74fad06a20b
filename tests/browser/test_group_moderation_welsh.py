"""The life of a listing in Welsh, in Chromium: a group registers in Cymraeg; a moderator
asks for changes; the group reads the request, edits, and reads the listing's history; the
moderator approves. Every screen axe-core clean, screenshots kept."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from tests.browser.conftest import SeededData, describe, run_axe, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.neo4j]


def _sign_out(page: Page) -> None:
    page.evaluate("document.getElementById('signin').open = true")
    page.click("#signout-button")
    page.evaluate("document.getElementById('signin').open = false")


def test_a_listing_lives_through_registration_a_request_and_approval_in_welsh(
    page: Page, seeded: SeededData, artifacts_dir: Path
) -> None:
    name = "Clwb Gwau Gŵyr"
    page.goto("/#/group")
    page.select_option("#language", "cy")
    sign_in(page, seeded.keys["editor"])
    expect(page.locator("#group-heading")).not_to_have_text("Your offerings")
    page.fill("#o-name", name)
    page.fill("#o-latitude", "51.6030")
    page.fill("#o-longitude", "-3.9580")
    page.click("#register-submit")
    expect(page.locator("#register-message")).to_contain_text("aros am gymedrolwr")
    listing = page.locator("#my-listings li.offering", has_text=name).first
    service_id = listing.get_attribute("data-id")
    assert service_id

    # The moderator, in Welsh, asks for changes instead of deciding.
    _sign_out(page)
    page.goto("/#/moderation")
    sign_in(page, seeded.keys["moderator"])
    item = page.locator(f'#queue li.queue-item[data-id="{service_id}"]')
    expect(item).to_be_visible()
    item.locator("button.ask").click()
    expect(item.locator(".action-message")).to_contain_text("Dywedwch beth")
    item.locator("textarea").fill("Ym mha ystafell, ac a oes mynediad heb risiau?")
    item.locator("button.ask").click()
    expect(page.locator("#queue-message")).to_contain_text("wedi'i anfon yn ôl")
    expect(page.locator(f'#queue li.queue-item[data-id="{service_id}"]')).to_have_count(0)
    page.screenshot(path=str(artifacts_dir / "moderation-asked-cy.png"), full_page=True)
    serious = run_axe(page, "moderation-asked-cy", artifacts_dir)
    assert serious == [], describe(serious)

    # The group reads the request, answers with an edit, and reads the history.
    _sign_out(page)
    page.goto("/#/group")
    sign_in(page, seeded.keys["editor"])
    listing = page.locator(f'#my-listings li[data-id="{service_id}"]')
    expect(listing.locator(".changes-requested")).to_have_text(
        "Ym mha ystafell, ac a oes mynediad heb risiau?"
    )
    listing.locator("button.edit").click()
    page.fill("#e-locationName", "Ystafell 2, heb risiau")
    page.click("#edit-save")
    expect(page.locator(f"#msg-{service_id}")).to_contain_text("aros am gymedrolwr")
    listing = page.locator(f'#my-listings li[data-id="{service_id}"]')
    expect(listing.locator(".changes-requested")).to_have_count(0)
    listing.locator(".listing-history summary").click()
    history = listing.locator(".listing-history ol.history li")
    expect(history.first).to_contain_text("Golygwyd")
    expect(listing.locator(".listing-history")).to_contain_text("Gofynnwyd am newidiadau")
    expect(listing.locator(".listing-history")).to_contain_text("Cofrestrwyd")
    page.screenshot(path=str(artifacts_dir / "group-history-cy.png"), full_page=True)
    serious = run_axe(page, "group-history-cy", artifacts_dir)
    assert serious == [], describe(serious)

    # Back in the queue for the moderator, who approves it.
    _sign_out(page)
    page.goto("/#/moderation")
    sign_in(page, seeded.keys["moderator"])
    item = page.locator(f'#queue li.queue-item[data-id="{service_id}"]')
    item.locator("button.approve").click()
    expect(page.locator("#queue-message")).to_contain_text(name)
