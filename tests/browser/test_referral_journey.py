"""Referrals in Chromium: a connector refers from a service's detail and sees it under "Your
referrals" (flagged when nobody at the service uses commongraph); the receiving group accepts
it from its inbox and marks it done."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from tests.browser.conftest import CARDIFF, SeededData, describe, run_axe, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.neo4j]

REFER = """mutation R($s: ID!) { createReferral(serviceId: $s, note: "Lift needed") {
  __typename ... on ReferralPayload { referral { id } } } }"""


def test_a_connector_refers_and_the_group_accepts_it(
    page: Page, seeded: SeededData, artifacts_dir: Path
) -> None:
    page.goto("/#/find")
    sign_in(page, seeded.keys["connector"])
    page.fill("#postcode", CARDIFF)
    page.click("#search-button")
    first = page.locator("#results > li").first
    expect(first).to_be_visible()
    name = first.locator(".name").inner_text()
    first.locator("button.details").click()
    page.locator(".refer summary").click()
    page.fill("#refer-note", "Needs a lift on Tuesdays")
    page.click("#refer-send")
    expect(page.locator("#refer-message")).to_contain_text(name)
    expect(page.locator("#referrals-sent")).to_contain_text(name)
    page.screenshot(path=str(artifacts_dir / "connector-referral.png"), full_page=True)
    serious = run_axe(page, "connector-referral", artifacts_dir)
    assert serious == [], describe(serious)

    # A referral to the signed-in group's own service, then its inbox.
    own = next(
        s for s in sorted(seeded.graph.services.values(), key=lambda s: s.id)
        if s.organisation_id == seeded.organisation_id
        and (s.moderation_status or "approved") == "approved"
    )  # fmt: skip
    made = page.request.post(
        "/graphql",
        data={"query": REFER, "variables": {"s": own.id}},
        headers={"Authorization": f"Bearer {seeded.keys['connector']}"},
    ).json()
    rid = made["data"]["createReferral"]["referral"]["id"]
    page.click("#signout-button")
    page.goto("/#/group")
    page.reload()
    sign_in(page, seeded.keys["editor"])
    item = page.locator(f'#referrals-inbox li[data-id="{rid}"]')
    expect(item).to_contain_text("Lift needed")
    item.locator("button.referral-accepted").click()
    accepted = page.locator(f'#referrals-inbox li.status-accepted[data-id="{rid}"]')
    expect(accepted).to_contain_text("accepted")
    accepted.locator("button.referral-done").click()
    done = page.locator(f'#referrals-inbox li.status-done[data-id="{rid}"]')
    expect(done).to_contain_text("— done")
    expect(done.locator("button")).to_have_count(0)
    page.screenshot(path=str(artifacts_dir / "group-referrals-inbox.png"), full_page=True)
