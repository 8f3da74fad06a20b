"""Third-sector group journey in Chromium: sign in with the group's key, register an
offering (validated as you type, likely duplicates shown first), see its moderation status,
edit it and confirm it is still correct."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from tests.browser.conftest import SeededData, describe, run_axe, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.neo4j]

QUEUE = "{ moderationQueue(first: 100) { service { name organisation { id } } } }"
APPROVE = """mutation($id: ID!) { approveOffering(serviceId: $id) { __typename } }"""


def _existing(seeded: SeededData) -> tuple[str, float, float]:
    """An approved listing's name and where it is (to register a look-alike)."""
    for service in sorted(seeded.graph.services.values(), key=lambda s: s.id):
        if service.moderation_status in (None, "approved") and service.sals:
            loc = seeded.graph.locations[service.sals[0].location_id]
            return service.name, loc.latitude, loc.longitude
    raise AssertionError("no approved service in the seeded graph")


def test_group_registers_edits_and_confirms_an_offering(
    page: Page, seeded: SeededData, artifacts_dir: Path
) -> None:
    page.goto("/#/group")
    expect(page.locator("#group-key")).to_be_visible()
    sign_in(page, seeded.keys["editor"])
    expect(page.locator("#register-form")).to_be_visible()
    # The group's own organisation, by name: no id to know or type.
    own_name = seeded.graph.organisations[seeded.organisation_id][0]
    expect(page.locator("#o-organisationId")).to_have_value(own_name)
    expect(page.locator("#o-organisationId")).to_have_attribute("readonly", "")

    # Validation as you type, next to the field.
    page.fill("#o-email", "not-an-email")
    expect(page.locator("#o-email-error")).to_contain_text("email address")
    page.fill("#o-email", "hello@example.org")
    expect(page.locator("#o-email-error")).to_be_empty()
    page.fill("#o-minimumAge", "70")
    page.fill("#o-maximumAge", "20")
    expect(page.locator("#o-maximumAge-error")).to_contain_text("minimum age is above")
    page.fill("#o-maximumAge", "99")
    expect(page.locator("#o-minimumAge-error")).to_be_empty()
    page.fill("#o-opensAt", "9am")
    expect(page.locator("#o-opensAt-error")).to_contain_text("HH:MM")
    page.fill("#o-opensAt", "09:30")
    expect(page.locator("#o-days-error")).to_contain_text("at least one day")
    page.check("#o-day-TU")
    page.fill("#o-closesAt", "12:00")
    expect(page.locator("#o-days-error")).to_be_empty()

    # Needs are picked from the vocabulary, in words: there is nothing to mistype.
    needs = page.locator('#o-needs input[name="needs"]')
    expect(needs.first).to_be_attached()
    assert needs.count() >= 10
    expect(page.locator("#o-needs")).to_contain_text("Loneliness")
    page.locator("#o-needs label", has_text="Loneliness").locator("input").check()

    # Likely duplicates while typing, before submitting.
    name, latitude, longitude = _existing(seeded)
    page.fill("#o-latitude", str(latitude))
    page.fill("#o-longitude", str(longitude))
    page.fill("#o-name", name)
    page.fill("#o-nameCy", "Paned a Sgwrs")  # its Welsh name, kept beside the English one
    expect(page.locator("#similar-list li").first).to_contain_text(name)
    page.screenshot(path=str(artifacts_dir / "group-form-similar.png"), full_page=True)
    serious = run_axe(page, "group-form", artifacts_dir)
    assert serious == [], describe(serious)

    # The server's verdict: likely duplicates, then registered anyway.
    page.click("#register-submit")
    expect(page.locator("#duplicates")).to_be_visible()
    expect(page.locator("#duplicates-list")).to_contain_text(name)
    page.click("#register-anyway")
    expect(page.locator("#register-message")).to_contain_text("waiting for a moderator")
    # Listings needing confirmation come first; the new one is the pending one with this name.
    listing = page.locator("#my-listings li.offering.status-pending", has_text=name).first
    expect(listing.locator("h3")).to_have_text(name)
    expect(listing.locator(".moderation")).to_have_text("Waiting for a moderator")
    service_id = listing.get_attribute("data-id")
    assert service_id

    # Edit with the version read; the version goes up.
    listing.locator("button.edit").click()
    expect(page.locator("#edit-heading")).to_be_focused()
    expect(page.locator("#e-nameCy")).to_have_value("Paned a Sgwrs")
    page.fill("#e-description", "Tea, talk and a short walk every Tuesday.")
    page.fill("#e-phone", "01792 000 222")
    page.locator("#e-accessibility label", has_text="Step-free access").locator("input").check()
    page.click("#e-add-hours")
    row = page.locator("#e-schedules .schedule-row").last
    row.locator('input[value="TH"]').check()
    row.locator('input[name^="opens-"]').fill("14:00")
    row.locator('input[name^="closes-"]').fill("16:00")
    page.click("#edit-save")
    expect(page.locator("#edit-form")).to_be_hidden()
    listing = page.locator(f'#my-listings li[data-id="{service_id}"]')
    expect(listing).to_contain_text("Version 2")
    # It says what happened: saved, and still waiting for a moderator (not "confirmed").
    expect(page.locator(f"#msg-{service_id}")).to_have_text(
        "Saved as version 2; waiting for a moderator."
    )

    # Still correct, in one step.
    listing.locator("button.confirm").click()
    expect(page.locator(f"#msg-{service_id}")).to_contain_text("Confirmed as still correct")
    expect(listing.locator(".verified")).not_to_have_text("Never verified")

    # A moderator approves it; the group sees the new status after a reload.
    response = page.request.post(
        "/graphql",
        data={"query": APPROVE, "variables": {"id": service_id}},
        headers={"Authorization": f"Bearer {seeded.keys['moderator']}"},
    )
    assert response.json()["data"]["approveOffering"]["__typename"] == "OfferingPayload"
    page.reload()
    expect(page.locator(f'#my-listings li[data-id="{service_id}"] .moderation')).to_have_text(
        "Approved: visible to everyone"
    )
    page.screenshot(path=str(artifacts_dir / "group-listings.png"), full_page=True)
    serious = run_axe(page, "group-listings", artifacts_dir)
    assert serious == [], describe(serious)


def test_server_rejections_are_shown_next_to_the_field(page: Page, seeded: SeededData) -> None:
    page.goto("/#/group")
    sign_in(page, seeded.keys["editor"])
    page.fill("#o-name", "Zebra knitting circle for night owls")
    page.fill("#o-latitude", "51.6")
    page.fill("#o-longitude", "-3.9")
    page.fill("#o-postalCode", "ZZ9 9ZZZ")
    page.click("#register-submit")
    expect(page.locator("#o-postalCode-error")).to_contain_text("not a UK postcode")
    expect(page.locator("#register-message")).to_contain_text("not a UK postcode")


def test_a_moderator_registers_for_an_organisation_chosen_by_name(
    page: Page, seeded: SeededData
) -> None:
    organisation = sorted(seeded.graph.organisations)[1]
    name = seeded.graph.organisations[organisation][0]
    page.goto("/#/group")
    sign_in(page, seeded.keys["moderator"])
    page.fill("#o-name", "Zebra knitting circle for early birds")
    page.fill("#o-latitude", "51.6")
    page.fill("#o-longitude", "-3.9")
    page.fill("#o-organisationId", "No Such Group Anywhere")
    page.click("#register-submit")
    expect(page.locator("#o-organisationId-error")).to_contain_text("No organisation is called")
    page.fill("#o-organisationId", name)
    expect(page.locator("#o-organisation-suggestions option").first).to_be_attached()
    page.click("#register-submit")
    expect(page.locator("#register-message")).to_contain_text("moderator")
    made = page.evaluate(
        """async ([key, query]) => (await (await fetch('/graphql', {method: 'POST',
             headers: {'content-type': 'application/json', authorization: 'Bearer ' + key},
             body: JSON.stringify({query})})).json())""",
        [seeded.keys["moderator"], QUEUE],
    )
    entries = made["data"]["moderationQueue"]
    mine = [e for e in entries if e["service"]["name"] == "Zebra knitting circle for early birds"]
    assert [e["service"]["organisation"]["id"] for e in mine] == [organisation]


def test_a_bad_key_is_refused_next_to_the_key_field(page: Page, seeded: SeededData) -> None:
    page.goto("/#/group")
    page.click("#signin-summary")
    page.fill("#api-key", "cg_nothere_0123456789")
    page.click("#signin-button")
    expect(page.locator("#api-key-error")).to_contain_text("This key is not known")
    page.fill("#api-key", "password")
    page.click("#signin-button")
    expect(page.locator("#api-key-error")).to_contain_text("cg_")


def test_the_same_key_in_a_fresh_browser_shows_every_listing_of_the_organisation(
    page: Page, seeded: SeededData
) -> None:
    """Listings come from the server, not this browser's storage."""
    provided = sorted(
        s.id for s in seeded.graph.services.values() if s.organisation_id == seeded.organisation_id
    )
    assert provided, "the seeded organisation provides listings"
    page.goto("/#/group")
    sign_in(page, seeded.keys["editor"])
    for service_id in provided:
        expect(page.locator(f'#my-listings li[data-id="{service_id}"]')).to_be_visible()


def test_listings_that_need_confirming_come_first_and_are_counted(
    page: Page, seeded: SeededData
) -> None:
    page.goto("/#/group")
    sign_in(page, seeded.keys["editor"])
    items = page.locator("#my-listings li.offering")
    expect(items.first).to_be_visible()
    classes = [c or "" for c in items.evaluate_all("els => els.map(e => e.className)")]
    due = [c for c in classes if "needs-confirming" in c]
    # Every listing needing confirmation is listed before every one that does not.
    assert classes[: len(due)] == due
    summary = page.locator("#confirm-summary")
    if due:
        expect(summary).to_contain_text(
            f"{len(due)} of your {len(classes)} listings need confirming"
        )
        expect(items.first.locator(".badge")).to_contain_text("Needs confirming")
    else:
        expect(summary).to_contain_text("All your listings were confirmed")
