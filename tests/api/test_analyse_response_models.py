"""The analytics reports keep their JSON now their shapes are declared (report_models.py).

Each report is served through its pydantic model; these tests read the same report straight
from :func:`graph.repositories.analytics.run_report` and require the served bytes to be the
bytes the report itself serialises to: no key dropped, added, renamed or reordered, no
number turned into another. The graph is the demo data (open data and a generated network),
so every list of every report has rows.
"""

from __future__ import annotations

from typing import Any

import neo4j
import pytest
from fastapi.testclient import TestClient
from pydantic import TypeAdapter

from graph.repositories.analytics import ReportName, run_report
from graph.settings import Neo4jSettings
from loaders.demo import load_demo
from tests.support.keys import make_key

REPORTS: tuple[ReportName, ...] = ("gaps", "duplicates", "bottlenecks")
#: What the route answered with before the models: the report as ``dict[str, Any]``.
AS_BEFORE = TypeAdapter(dict[str, Any])


@pytest.fixture(scope="module")
def leader(driver: neo4j.Driver) -> str:
    load_demo(driver, seed=0)
    return make_key(driver, "leader")


def _served(client: TestClient, key: str, report: str, **params: Any) -> bytes:
    response = client.get(
        f"/api/analyse/{report}", params=params, headers={"Authorization": f"Bearer {key}"}
    )
    assert response.status_code == 200, response.text
    return response.content


@pytest.mark.parametrize("report", REPORTS)
def test_each_report_is_served_byte_for_byte_as_the_report_serialises(
    client: TestClient, leader: str, neo4j_settings: Neo4jSettings, report: ReportName
) -> None:
    raw = run_report(neo4j_settings, report, top=1000)
    assert _served(client, leader, report, top=1000) == AS_BEFORE.dump_json(raw)


def test_every_list_of_the_reports_has_rows_so_every_model_is_exercised(
    leader: str, neo4j_settings: Neo4jSettings
) -> None:
    gaps = run_report(neo4j_settings, "gaps", top=1000)
    duplicates = run_report(neo4j_settings, "duplicates", top=1000)
    bottlenecks = run_report(neo4j_settings, "bottlenecks", top=1000)
    lists = {
        **{f"gaps.{k}": gaps[k] for k in ("coverage", "unreached", "group_gaps", "team_gaps")},
        **{f"duplicates.{k}": duplicates[k] for k in ("listings", "overlaps")},
        **{
            f"bottlenecks.{k}": bottlenecks[k]
            for k in ("brokers", "other_brokers", "articulation_points", "bridges", "constraint")
        },
        "bottlenecks.group_cuts": bottlenecks["group_cuts"],
        "bottlenecks.brokerage.top": bottlenecks["brokerage"]["top"],
    }
    assert [name for name, rows in lists.items() if not rows] == []


@pytest.mark.parametrize("report", REPORTS)
def test_a_scoped_report_is_served_as_it_serialises_with_its_scope_described(
    client: TestClient, leader: str, neo4j_settings: Neo4jSettings, report: ReportName
) -> None:
    team = run_report(neo4j_settings, "gaps", top=1)["team_gaps"][0]
    scope = str(team["area"] or team["team"])
    raw = run_report(neo4j_settings, report, scope=scope, top=50, group_attr="sector")
    assert raw["assumptions"]["scope"]["id"] == scope
    served = _served(client, leader, report, scope=scope, top=50, group_attr="sector")
    assert served == AS_BEFORE.dump_json(raw)


@pytest.mark.parametrize("scope", ["E08000009", "W06000015"])  # Trafford, Cardiff
def test_each_report_answers_for_a_whole_local_authority(
    client: TestClient, leader: str, scope: str
) -> None:
    """Trafford's duplicates report answered HTTP 500 (a listing paired with itself)."""
    for report in REPORTS:
        _served(client, leader, report, scope=scope, top=5)


def test_an_organisation_scope_narrows_coverage_to_the_areas_it_serves(
    leader: str, neo4j_settings: Neo4jSettings, driver: neo4j.Driver
) -> None:
    """A leader who scopes the analysis to a GP practice reads the coverage of the area the
    practice is in, not of the whole of Wales and Trafford."""
    row = driver.execute_query(
        "MATCH (o:Organization)-[:PROVIDES]->(:Service)<-[:OF_SERVICE]-(:ServiceAtLocation)"
        "-[:AT_LOCATION]->(:Location)-[:IN_AREA]->(a:Area {kind: 'lsoa'}) "
        "WHERE o.id STARTS WITH 'org:ods:W' RETURN o.id AS org, collect(DISTINCT a.id) AS areas "
        "ORDER BY o.id LIMIT 1"
    ).records[0]
    whole = run_report(neo4j_settings, "gaps", top=1000)
    scoped = run_report(neo4j_settings, "gaps", scope=row["org"], top=1000)
    areas = {c["area"] for c in scoped["coverage"]}
    assert areas and areas <= set(row["areas"])
    assert scoped["totals"]["area_needs"] < whole["totals"]["area_needs"]


def test_reports_carry_welsh_names_for_places_that_have_them(
    leader: str, neo4j_settings: Neo4jSettings
) -> None:
    """The Welsh analysis screen read "Denbighshire" and "Isle of Anglesey"."""
    report = run_report(neo4j_settings, "gaps", top=1000)
    welsh = {report["names"][i]: name for i, name in report["names_cy"].items()}
    assert welsh and all(report["names"][i] != "" for i in report["names_cy"])
    assert welsh.get("Denbighshire", "Sir Ddinbych") == "Sir Ddinbych"
    assert any(english != cy for english, cy in welsh.items())
    lsoas = [c["area"] for c in report["coverage"]]
    assert lsoas and not any(a in report["names_cy"] for a in lsoas)  # labels, not names
