"""Moderator and group in Chromium, English and Welsh: a new listing waits in the queue and is
rejected with a reason the group reads; a change to a public listing waits beside it, the
moderator sees before and after, accepts it, and the public listing changes only then."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.browser.conftest import SeededData, describe, run_axe, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.neo4j]

REGISTER = """mutation R($input: RegisterOfferingInput!) { registerOffering(input: $input) {
  __typename ... on OfferingPayload { service { id } }
  ... on PossibleDuplicates { candidates { id name distanceKm reasons } } } }"""
UPDATE = """mutation U($input: UpdateOfferingInput!) { updateOffering(input: $input) {
  __typename ... on OfferingPayload { outcome } } }"""
MINE = "{ myOfferings { id name version moderationStatus } }"
ENGLISH_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
                  "September", "October", "November", "December"]  # fmt: skip
WELSH_MONTHS = ["Ionawr", "Chwefror", "Mawrth", "Ebrill", "Mai", "Mehefin", "Gorffennaf", "Awst",
                "Medi", "Hydref", "Tachwedd", "Rhagfyr"]  # fmt: skip


def _gql(page: Page, key: str, query: str, variables: dict[str, Any]) -> dict[str, Any]:
    response = page.request.post(
        "/graphql",
        data={"query": query, "variables": variables},
        headers={"Authorization": f"Bearer {key}"},
    )
    body: dict[str, Any] = response.json()
    assert "errors" not in body, body
    data: dict[str, Any] = body["data"]
    return data


@pytest.mark.parametrize("language", ["en", "cy"])
def test_a_moderator_rejects_with_a_reason_and_reviews_a_change_before_it_is_public(
    page: Page, seeded: SeededData, artifacts_dir: Path, language: str
) -> None:
    editor, moderator = seeded.keys["editor"], seeded.keys["moderator"]
    # Two different groups in two towns (the same name at the same place would be flagged as
    # a likely duplicate, rightly).
    name, (latitude, longitude) = {
        "en": ("Port Talbot Singing for the Brain", (51.590, -3.780)),
        "cy": ("Canu i'r Ymennydd Aberystwyth", (52.415, -4.082)),
    }[language]
    made = _gql(
        page,
        editor,
        REGISTER,
        {"input": {"name": name, "latitude": latitude, "longitude": longitude}},
    )
    assert "service" in made["registerOffering"], made
    new_id = made["registerOffering"]["service"]["id"]
    public = next(
        o
        for o in _gql(page, editor, MINE, {})["myOfferings"]
        if o["moderationStatus"] == "approved"
    )
    changed = _gql(
        page,
        editor,
        UPDATE,
        {
            "input": {
                "id": public["id"],
                "version": public["version"],
                "name": f"{public['name']} ({language})",
            }
        },
    )
    assert changed["updateOffering"]["outcome"] == "waiting_for_moderator"

    page.goto("/#/moderation")
    if language == "cy":
        page.select_option("#language", "cy")
    sign_in(page, moderator)
    new = page.locator(f'#queue li[data-id="{new_id}"]')
    expect(new).to_be_visible()
    expect(new).to_contain_text("Rhestriad newydd" if language == "cy" else "New listing")
    today = datetime.now(UTC)
    month = (WELSH_MONTHS if language == "cy" else ENGLISH_MONTHS)[today.month - 1]
    expect(new.locator(".meta")).to_contain_text(f"{today.day} {month} {today.year}")
    change = page.locator(f'#queue li[data-id="{public["id"]}"]')
    expect(change.locator("table.changes")).to_contain_text(public["name"])
    expect(change.locator("table.changes")).to_contain_text(f"{public['name']} ({language})")
    page.screenshot(path=str(artifacts_dir / f"moderation-queue-{language}.png"), full_page=True)
    serious = run_axe(page, f"moderation-queue-{language}", artifacts_dir)
    assert serious == [], describe(serious)

    # Rejecting needs a reason; the group will read it.
    new.locator("button.reject").click()
    expect(new.locator(".action-message")).not_to_be_empty()
    new.locator("textarea").fill("Please say where you meet.")
    new.locator("button.reject").click()
    expect(page.locator(f'#queue li[data-id="{new_id}"]')).to_have_count(0)
    change.locator("button.approve").click()
    expect(page.locator(f'#queue li[data-id="{public["id"]}"]')).to_have_count(0)

    # The group sees the reason, and the accepted change is what is public now.
    page.click("#signout-button")
    page.goto("/#/group")
    page.reload()
    sign_in(page, editor)
    rejected = page.locator(f'#my-listings li[data-id="{new_id}"]')
    expect(rejected.locator(".reason")).to_have_text("Please say where you meet.")
    expect(page.locator(f'#my-listings li[data-id="{public["id"]}"] h3')).to_have_text(
        f"{public['name']} ({language})"
    )
    page.screenshot(
        path=str(artifacts_dir / f"group-after-moderation-{language}.png"), full_page=True
    )


def test_a_person_reports_a_problem_and_a_moderator_closes_it(
    page: Page, seeded: SeededData, artifacts_dir: Path
) -> None:
    page.goto("/#/find")
    page.fill("#postcode", "CF10 1AA")
    page.click("#search-button")
    first = page.locator("#results > li").first
    expect(first).to_be_visible()
    service_id = first.get_attribute("data-id")
    first.locator("button.details").click()
    page.locator(".report-problem summary").click()
    page.click("#report-send")
    expect(page.locator("#report-message")).to_contain_text("Say what is wrong first")
    page.fill("#report-text", "The café has moved to the library.")
    page.click("#report-send")
    expect(page.locator("#report-message")).to_contain_text("A moderator will check")

    page.goto("/#/moderation")
    sign_in(page, seeded.keys["moderator"])
    report = page.locator(f'#queue li.kind-report[data-id="{service_id}"]')
    expect(report.locator(".report-message")).to_have_text("The café has moved to the library.")
    report.locator("textarea").fill("Address updated.")
    report.locator("button.resolve").click()
    expect(page.locator(f'#queue li.kind-report[data-id="{service_id}"]')).to_have_count(0)
    expect(page.locator("#queue-message")).to_contain_text("report closed")


@pytest.mark.parametrize(
    ("route", "role"), [("/#/group", "editor"), ("/#/moderation", "moderator")]
)
def test_the_group_and_moderation_screens_fit_a_phone(
    browser: Browser, base_url: str, seeded: SeededData, artifacts_dir: Path, route: str, role: str
) -> None:
    context = browser.new_context(base_url=base_url, viewport={"width": 390, "height": 844})
    phone = context.new_page()
    try:
        phone.goto(route)
        sign_in(phone, seeded.keys[role])
        list_id = "#my-listings li.offering" if role == "editor" else "#queue li"
        expect(phone.locator(list_id).first).to_be_visible()
        if role == "editor":
            phone.locator("#my-listings li.offering button.edit").first.click()
            expect(phone.locator("#edit-form")).to_be_visible()
        name = route.strip("/#")
        phone.screenshot(path=str(artifacts_dir / f"phone-{name}.png"), full_page=True)
        width = phone.evaluate("document.scrollingElement.scrollWidth")
        assert width <= 390, f"{route} is {width} px wide on a 390 px screen"
        serious = run_axe(phone, f"phone-{name}", artifacts_dir)
        assert serious == [], describe(serious)
    finally:
        context.close()
