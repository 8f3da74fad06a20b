""" "My connections" in Chromium, in English and Welsh: a leader sees how complete the picture
is and invites a team; a member opens their link (a key linked to them, shown once), records
whom they work with by name, changes it, says the list is complete, sees themself on the map
and erases the tie; axe-core finds nothing serious on any screen."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from tests.browser.conftest import SeededData, describe, run_axe, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.neo4j]

WORDS = {
    "en": {"heading": "My connections", "weekly": "every week", "daily": "every day",
           "complete": "complete", "welcome": "Welcome", "nobody": "Nobody and nothing"},
    "cy": {"heading": "Fy nghysylltiadau", "weekly": "bob wythnos", "daily": "bob dydd",
           "complete": "gyflawn", "welcome": "Croeso", "nobody": "Ni chafwyd hyd i neb"},
}  # fmt: skip


@pytest.mark.parametrize("lang", ["en", "cy"])
def test_a_team_member_opens_their_invitation_and_maps_their_connections(
    page: Page, seeded: SeededData, artifacts_dir: Path, lang: str
) -> None:
    words = WORDS[lang]
    page.goto("/#/leader")
    if lang == "cy":
        page.select_option("#language", "cy")
    sign_in(page, seeded.keys["leader"])
    page.click("#survey-load")
    expect(page.locator("#survey-teams tbody tr").first).to_be_visible()
    # The team with most members is invited.
    sizes = Counter(p.team_id for p in seeded.graph.people.values())
    team = sizes.most_common(1)[0][0]
    page.locator(f'#survey-teams tr[data-id="{team}"] button.invite').click()
    links = page.locator("#invitations .invitation-links li")
    expect(links.first).to_be_visible()
    # Everyone in the team without a key gets a link (the other language's run already
    # gave one member a key), and the table counts their open invitations.
    sent = links.count()
    assert sizes[team] - 1 <= sent <= sizes[team]
    expect(page.locator(f'#survey-teams tr[data-id="{team}"] td').nth(4)).to_have_text(str(sent))
    page.screenshot(path=str(artifacts_dir / f"leader-survey-{lang}.png"), full_page=True)
    serious = run_axe(page, f"leader-survey-{lang}", artifacts_dir)
    assert serious == [], describe(serious)
    me_name = links.first.locator("strong").inner_text()
    link = links.first.locator("code").inner_text()

    # The member opens their link in a fresh browser (no key yet).
    page.click("#signout-button")
    page.goto(link)
    expect(page.locator("#invite-key")).to_contain_text(words["welcome"])
    key = page.locator("#invite-key-value").input_value()
    assert key.startswith("cg_")
    expect(page.locator("#connections-heading")).to_have_text(words["heading"])
    expect(page.locator("#mine-h")).to_contain_text(me_name)
    assert "invite=" not in page.url  # the single-use code is dropped from the address

    # A name nobody has is refused beside the field; then a real colleague by name.
    names = Counter(p.name for p in seeded.graph.people.values())
    other = next(
        p for p in sorted(seeded.graph.people.values(), key=lambda p: p.id)
        if names[p.name] == 1 and p.name != me_name and p.team_id != team
    )  # fmt: skip
    page.fill("#c-target", "Zzyzx Qwertyuiop")
    page.click("#add-save")
    expect(page.locator("#c-target-error")).not_to_be_empty()
    page.select_option("#c-frequency", "weekly")
    page.check('input[name="c-how"][value="share_information"]')
    page.fill("#c-since", "2019")
    # A name typed with a slip is never taken silently: the close names are offered, each
    # with what tells it apart (profession, organisation), and the person picks one.
    page.fill("#c-target", other.name[:-1])
    page.click("#add-save")
    offered = page.locator("#c-choices button", has_text=other.name)
    expect(offered.first).to_be_visible()
    offered.first.click()
    tie = page.locator("#my-ties li.tie.mine")
    expect(tie).to_have_count(1)
    expect(tie).to_contain_text(other.name)
    expect(tie.locator(".tie-how")).to_contain_text(words["weekly"])
    page.screenshot(path=str(artifacts_dir / f"connections-{lang}.png"), full_page=True)
    serious = run_axe(page, f"connections-{lang}", artifacts_dir)
    assert serious == [], describe(serious)

    # Change how often, then say the list is complete.
    tie.locator("button.edit").click()
    tie.locator("select").select_option("daily")
    tie.locator("button[type=submit]").click()
    expect(page.locator("#my-ties li.tie.mine .tie-how")).to_contain_text(words["daily"])
    page.click("#connections-complete")
    expect(page.locator("#connections-state")).to_contain_text(words["complete"])

    # Their place on the map: their neighbourhood, the new tie included.
    page.click("#connections-map")
    expect(page.locator("#graph-message")).to_contain_text(me_name)
    expect(page.locator("#graph-counts")).not_to_contain_text(" 0 ")
    page.screenshot(path=str(artifacts_dir / f"connections-map-{lang}.png"), full_page=True)

    # Erase it again.
    page.goto("/#/connections")
    tie = page.locator("#my-ties li.tie.mine")
    tie.locator("button.erase").click()
    tie.locator("button.erase-yes").click()
    expect(page.locator("#my-ties li.tie.mine")).to_have_count(0)
    expect(page.locator("#connections-message")).to_contain_text(other.name)

    # The link works once.
    page.click("#signin-summary")
    page.click("#signout-button")
    page.goto(link)
    expect(page.locator("#invite-error")).to_be_visible()
