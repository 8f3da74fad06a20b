"""System-leader journey in Chromium: a relationship map from a person or an area, expanded
hop by hop, coloured and sized, a highlighted path, analytics panels, PNG and GEXF export."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from tests.browser.conftest import SeededData, describe, run_axe, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.neo4j]


def _counts(page: Page) -> tuple[int, int]:
    text = page.inner_text("#graph-counts")
    nodes, edges = (int(n) for n in re.findall(r"\d+", text)[:2])
    return nodes, edges


def _two_hops_apart(
    seeded: SeededData, unique_names: Counter[str] | None = None
) -> tuple[str, str]:
    """Two people with no direct tie but a common neighbour (with names no one else has,
    when ``unique_names`` counts the names)."""

    def ok(person: str) -> bool:
        return unique_names is None or unique_names[seeded.graph.people[person].name] == 1

    neighbours: dict[str, set[str]] = defaultdict(set)
    for a, b, *_ in seeded.graph.ties:
        if a in seeded.graph.people and b in seeded.graph.people:
            neighbours[a].add(b)
            neighbours[b].add(a)
    for person in sorted(neighbours):
        if not ok(person):
            continue
        for friend in sorted(neighbours[person]):
            for other in sorted(neighbours[friend] - neighbours[person] - {person}):
                if ok(other):
                    return person, other
    raise AssertionError("the seeded graph has no two-step path")


def test_map_from_a_person_expands_colours_and_highlights_a_path(
    page: Page, seeded: SeededData, artifacts_dir: Path
) -> None:
    page.goto("/#/leader")
    expect(page.locator("#leader-key")).to_be_visible()
    sign_in(page, seeded.keys["leader"])
    expect(page.locator("#leader-key")).to_be_hidden()
    start, target = _two_hops_apart(seeded)
    page.fill("#graph-start", start)
    page.click("#graph-show")
    expect(page.locator("#graph canvas").first).to_be_attached()
    expect(page.locator("#graph-counts")).not_to_contain_text(" 0 nodes")
    one_hop = _counts(page)
    assert one_hop[0] >= 2
    page.click("#graph-expand")
    expect(page.locator("#graph-counts")).not_to_have_text(re.compile(rf"^{one_hop[0]} nodes"))
    expect(page.locator("#graph-message")).to_contain_text("more on the map")  # says what changed
    two_hops = _counts(page)
    assert two_hops[0] > one_hop[0]
    expect(page.locator("#graph-size-note")).to_contain_text("betweenness")
    tribes = page.locator("#graph-legend li").count()
    assert tribes >= 2
    page.select_option("#colour-by", "sector")
    expect(page.locator("#graph-legend li").first).to_be_visible()

    page.fill("#path-from", start)
    page.fill("#path-to", target)
    page.click("#path-find")
    expect(page.locator("#path-message")).to_contain_text("→")
    highlighted = page.evaluate("() => window.commongraphLeader.view().pathSize()")
    assert highlighted["nodes"] >= 3
    assert highlighted["edges"] == highlighted["nodes"] - 1
    page.screenshot(path=str(artifacts_dir / "leader-path.png"), full_page=True)

    with page.expect_download() as png:
        page.click("#export-png")
    png_path = artifacts_dir / "leader-export.png"
    png.value.save_as(png_path)
    assert png_path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert png_path.stat().st_size > 5_000
    with page.expect_download() as gexf:
        page.click("#export-gexf")
    gexf_path = artifacts_dir / "leader-export.gexf"
    gexf.value.save_as(gexf_path)
    xml = gexf_path.read_text(encoding="utf-8")
    assert "<gexf" in xml
    assert xml.count("<node ") == two_hops[0]
    assert xml.count("<edge ") == two_hops[1]

    serious = run_axe(page, "leader", artifacts_dir)
    assert serious == [], describe(serious)


def test_map_from_an_area_and_the_analysis_panels_show_numbers(
    page: Page, seeded: SeededData, artifacts_dir: Path
) -> None:
    page.goto("/#/leader")
    sign_in(page, seeded.keys["leader"])
    page.select_option("#graph-kind", "area")
    local_authority = next(a for a, v in seeded.graph.areas.items() if v[1] == "local_authority")
    page.fill("#graph-start", local_authority)
    page.click("#graph-show")
    expect(page.locator("#graph-counts")).not_to_contain_text(" 0 nodes")
    assert _counts(page)[0] > 5

    area_name = seeded.graph.areas[local_authority][0]
    page.fill("#analyse-scope", area_name.lower())  # by name, in any case: no id, no prefix
    page.click("#analyse-run")
    for panel in ("gaps", "duplicates", "bottlenecks"):
        expect(page.locator(f"#panel-{panel} .report")).not_to_be_empty(timeout=60_000)
    expect(page.locator("#analyse-scope-said")).to_contain_text(area_name)
    brokers = page.locator("#measure-brokers table tbody tr")
    expect(brokers.first).to_be_visible()
    first_name = brokers.first.locator("td").nth(0).inner_text()
    graph = seeded.graph
    inside = {
        p.name
        for p in graph.people.values()
        if local_authority in graph.ancestors(graph.teams[p.team_id])
    }
    assert first_name in inside  # a name, of someone inside the chosen area
    score = float(brokers.first.locator("td").nth(2).inner_text())
    assert 0 < score <= 1
    expect(page.locator("#measure-brokers .count")).to_contain_text(re.compile(r"1–10 of \d+"))
    expect(page.locator("#measure-cut-points")).to_contain_text("Single points of failure")
    page.locator("#measure-brokers .pager button", has_text="Next").click()
    expect(page.locator("#measure-brokers .count")).to_contain_text("11–")
    with page.expect_download() as download:
        page.locator("#measure-brokers .pager button", has_text="Download CSV").click()
    rows = Path(download.value.path()).read_text(encoding="utf-8-sig").splitlines()
    assert rows[0].startswith("Person,Profession,Betweenness") and len(rows) > 11
    page.locator("#measure-brokers tbody button", has_text="Show on map").first.click()
    expect(page.locator("#graph-message")).to_contain_text("everyone tied to them")
    page.screenshot(path=str(artifacts_dir / "leader-analysis.png"), full_page=True)
    serious = run_axe(page, "leader-analysis", artifacts_dir)
    assert serious == [], describe(serious)


def test_an_analysis_scope_that_names_nothing_says_so(page: Page, seeded: SeededData) -> None:
    page.goto("/#/leader")
    sign_in(page, seeded.keys["leader"])
    page.fill("#analyse-scope", "Qwxzv Nowhere")
    page.click("#analyse-run")
    expect(page.locator("#analyse-scope-error")).to_contain_text("Qwxzv Nowhere")
    expect(page.locator("#panel-bottlenecks .report")).to_be_empty()


def test_a_leader_who_knows_names_not_ids_starts_the_map_and_finds_a_path(
    page: Page, seeded: SeededData, artifacts_dir: Path
) -> None:
    page.goto("/#/leader")
    sign_in(page, seeded.keys["leader"])
    names = Counter(p.name for p in seeded.graph.people.values())
    start, target = _two_hops_apart(seeded, unique_names=names)
    start_name = seeded.graph.people[start].name
    target_name = seeded.graph.people[target].name
    page.fill("#graph-start", start_name)
    page.click("#graph-show")
    expect(page.locator("#graph-origin")).to_contain_text(start_name)
    expect(page.locator("#graph-counts")).not_to_contain_text(" 0 nodes")
    assert page.evaluate(f"() => window.commongraphLeader.view().graph.hasNode({start!r})")
    page.fill("#path-from", start_name)
    page.fill("#path-to", target_name)
    page.click("#path-find")
    expect(page.locator("#path-message")).to_contain_text(target_name)
    page.screenshot(path=str(artifacts_dir / "leader-by-name.png"), full_page=True)
    swatch = page.locator("#graph-legend li", has_text="GP").locator(".swatch")
    gp_colour = swatch.get_attribute("style") if swatch.count() else None
    page.select_option("#graph-kind", "tribe")
    page.fill("#graph-start", "GP")
    page.click("#graph-show")
    expect(page.locator("#graph-origin")).to_contain_text("GP")
    expect(page.locator("#graph-legend li", has_text="GP")).to_be_visible()
    if gp_colour is not None:  # a category keeps its colour from one map to the next
        assert swatch.get_attribute("style") == gp_colour


def test_errors_appear_next_to_the_field_that_caused_them(page: Page, seeded: SeededData) -> None:
    page.goto("/#/leader")
    sign_in(page, seeded.keys["leader"])
    page.fill("#graph-start", "no-such-person")
    page.click("#graph-show")
    expect(page.locator("#graph-start-error")).to_contain_text("no-such-person")
    person = sorted(seeded.graph.people)[0]
    page.fill("#path-from", person)
    page.fill("#path-to", person)
    page.click("#path-find")
    expect(page.locator("#path-to-error")).to_contain_text("same node")


def test_the_leader_journey_reads_in_welsh_from_a_name_to_an_exported_report(
    page: Page, seeded: SeededData, artifacts_dir: Path
) -> None:
    page.goto("/#/leader")
    page.select_option("#language", "cy")
    sign_in(page, seeded.keys["leader"])
    names = Counter(p.name for p in seeded.graph.people.values())
    start, target = _two_hops_apart(seeded, unique_names=names)
    page.fill("#graph-start", seeded.graph.people[start].name)
    page.click("#graph-show")
    expect(page.locator("#graph-counts")).not_to_contain_text(" 0 ")
    page.fill("#path-from", seeded.graph.people[start].name)
    page.fill("#path-to", seeded.graph.people[target].name)
    page.click("#path-find")
    expect(page.locator("#path-message")).to_contain_text("Llwybr")
    page.click("#analyse-run")
    expect(page.locator("#measure-brokers")).to_contain_text(
        "Pobl sy'n dal y rhwydwaith at ei gilydd", timeout=60_000
    )
    expect(page.locator("#analyse-scope-said")).to_contain_text("Yn dadansoddi popeth")
    with page.expect_download() as download:
        page.locator("#measure-brokers .pager button", has_text="Lawrlwytho CSV").click()
    header = Path(download.value.path()).read_text(encoding="utf-8-sig").splitlines()[0]
    assert header.startswith("Person,Proffesiwn")
    page.screenshot(path=str(artifacts_dir / "leader-analysis-cy.png"), full_page=True)
    serious = run_axe(page, "leader-analysis-cy", artifacts_dir)
    assert serious == [], describe(serious)
