"""One place listed twice, put right in Chromium, English and Welsh: a moderator merges two
listings by typing their names (search then shows one) and undoes it; a group that finds its
own place among the likely duplicates opens it and claims it instead of registering it again,
and later reads on its own screen how a moderator decided the claim."""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Page, expect

from tests.browser.conftest import SeededData, describe, run_axe, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.neo4j]

SEARCH = """query S($t: String!) { searchAssets(text: $t, first: 20) { edges { node { id } } } }"""
QUEUE = "{ moderationQueue(first: 100) { kind claimant claimId service { id } } }"
CLAIM = "mutation C($id: ID!) { claimListing(serviceId: $id) { __typename } }"
DECIDE = """mutation D($id: ID!, $why: String) {
  decideClaim(claimId: $id, approve: false, reason: $why) { __typename } }"""


def _gql(page: Page, query: str, variables: dict[str, Any], key: str | None = None) -> Any:
    headers = {"Authorization": f"Bearer {key}"} if key else {}
    body = page.request.post(
        "/graphql", data={"query": query, "variables": variables}, headers=headers
    ).json()
    assert "errors" not in body, body
    return body["data"]


def _two_public_listings(seeded: SeededData, which: int) -> tuple[Any, Any]:
    """Two approved listings with names no other listing has, from the end of the list (the
    other journeys copy the first ones' names); each test takes its own pair."""
    counts = Counter(s.name for s in seeded.graph.services.values())
    unique = sorted(
        (s for s in seeded.graph.services.values()
         if counts[s.name] == 1 and s.moderation_status in (None, "approved") and s.sals),
        key=lambda s: s.id,
        reverse=True,
    )  # fmt: skip
    return unique[2 * which], unique[2 * which + 1]


@pytest.mark.parametrize("language", ["en", "cy"])
def test_a_moderator_merges_two_listings_by_name_and_undoes_it(
    page: Page, seeded: SeededData, artifacts_dir: Path, language: str
) -> None:
    keep, other = _two_public_listings(seeded, ["en", "cy"].index(language))
    page.goto("/#/moderation")
    page.select_option("#language", language)
    sign_in(page, seeded.keys["moderator"])
    expect(page.locator("#merge-heading")).to_be_visible()
    page.fill("#merge-keep", keep.name)
    page.fill("#merge-duplicate", other.name)
    page.click("#merge-submit")
    done = {"en": "Merged", "cy": "Wedi cyfuno"}[language]
    expect(page.locator("#merge-message")).to_contain_text(done)
    expect(page.locator("#merge-message")).to_contain_text(other.name)
    found = _gql(page, SEARCH, {"t": other.name})["searchAssets"]["edges"]
    assert other.id not in {e["node"]["id"] for e in found}  # search shows the place once
    page.screenshot(path=str(artifacts_dir / f"moderation-merge-{language}.png"), full_page=True)
    serious = run_axe(page, f"moderation-merge-{language}", artifacts_dir)
    assert serious == [], describe(serious)

    page.click("#merge-undo-button")
    expect(page.locator("#merge-message")).to_contain_text(
        {"en": "stands on its own again", "cy": "ar ei ben ei hun eto"}[language]
    )
    found = _gql(page, SEARCH, {"t": other.name})["searchAssets"]["edges"]
    assert other.id in {e["node"]["id"] for e in found}


def test_a_merge_refuses_one_listing_twice_beside_the_field(page: Page, seeded: SeededData) -> None:
    keep, _ = _two_public_listings(seeded, 2)
    page.goto("/#/moderation")
    sign_in(page, seeded.keys["moderator"])
    page.fill("#merge-keep", keep.name)
    page.fill("#merge-duplicate", keep.name)
    page.click("#merge-submit")
    expect(page.locator("#merge-duplicate-error")).to_have_text("Choose two different listings.")


def test_a_group_opens_a_likely_duplicate_and_claims_it(
    page: Page, seeded: SeededData, artifacts_dir: Path
) -> None:
    own = seeded.organisation_id
    theirs = next(
        s for s in sorted(seeded.graph.services.values(), key=lambda s: s.id)
        if s.organisation_id != own and s.moderation_status in (None, "approved") and s.sals
    )  # fmt: skip
    location = seeded.graph.locations[theirs.sals[0].location_id]
    page.goto("/#/group")
    sign_in(page, seeded.keys["editor"])
    page.fill("#o-latitude", str(location.latitude))
    page.fill("#o-longitude", str(location.longitude))
    page.fill("#o-name", theirs.name)
    page.click("#register-submit")
    candidate = page.locator(f'#duplicates-list li[data-id="{theirs.id}"]')
    expect(candidate).to_be_visible()
    # Openable: its own page, in a new tab so the form is kept.
    link = candidate.locator("a.candidate-open")
    expect(link).to_have_attribute("href", f"#/listing/{theirs.id}")
    expect(link).to_have_attribute("target", "_blank")
    # It opens as one listing, as the public sees it (not as a shared shortlist).
    opened = page.context.new_page()
    opened.goto(f"/#/listing/{theirs.id}")
    expect(opened.locator("#shared-heading")).to_have_text("A listing as the public sees it")
    expect(opened.locator("#shared-items")).to_contain_text(theirs.name)
    opened.close()
    candidate.locator("button.claim").click()
    expect(candidate).to_contain_text("a moderator will decide your claim")
    page.screenshot(path=str(artifacts_dir / "group-claim-duplicate.png"), full_page=True)
    queue = _gql(page, QUEUE, {}, seeded.keys["moderator"])["moderationQueue"]
    assert any(e["kind"] == "claim" and e["service"]["id"] == theirs.id for e in queue)


def test_a_group_reads_how_its_claim_was_decided_in_english_and_welsh(
    page: Page, seeded: SeededData, artifacts_dir: Path
) -> None:
    own = seeded.organisation_id
    theirs = max(
        (s for s in seeded.graph.services.values()
         if s.organisation_id != own and s.moderation_status in (None, "approved")),
        key=lambda s: s.id,
    )  # fmt: skip
    _gql(page, CLAIM, {"id": theirs.id}, seeded.keys["editor"])
    queue = _gql(page, QUEUE, {}, seeded.keys["moderator"])["moderationQueue"]
    claim = next(e for e in queue if e["kind"] == "claim" and e["service"]["id"] == theirs.id)
    why = "The other charity still runs it"
    _gql(page, DECIDE, {"id": claim["claimId"], "why": why}, seeded.keys["moderator"])

    page.goto("/#/group")
    sign_in(page, seeded.keys["editor"])
    mine = page.locator(f'#my-claims li[data-id="{theirs.id}"]')
    expect(page.locator("#claims-heading")).to_have_text("Your claims")
    expect(mine.locator(".claim-status")).to_have_text("Turned down")
    expect(mine.locator(".claim-reason")).to_have_text(why)
    expect(mine.locator("a")).to_have_attribute("href", f"#/listing/{theirs.id}")
    page.select_option("#language", "cy")
    expect(page.locator("#claims-heading")).to_have_text("Eich hawliadau")
    expect(mine.locator(".claim-status")).to_have_text("Wedi'i wrthod")
    expect(mine).to_contain_text("Penderfynwyd ar")
    # The rest of the screen, drawn in English before the switch, speaks Welsh too.
    expect(page.locator("#referrals-inbox-h")).to_have_text("Atgyfeiriadau i'ch sefydliad")
    expect(page.locator("#o-languages-label")).to_have_text("Ieithoedd y'i cynigir ynddynt")
    expect(page.locator('#o-needs label:has(input[value="food_poverty"])')).to_have_text(
        "Tlodi bwyd"
    )
    expect(page.locator('#register-slot label:has(input[value="en"])')).to_have_text("Saesneg")
    page.screenshot(path=str(artifacts_dir / "group-claims-cy.png"), full_page=True)
    serious = run_axe(page, "group-claims-cy", artifacts_dir)
    assert serious == [], describe(serious)
