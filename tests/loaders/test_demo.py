"""``load demo`` end to end: the generated data set when asked (fast), never silently, and
the real data the project ships (slow)."""

from __future__ import annotations

from pathlib import Path

import neo4j
import pytest
from click.testing import CliRunner

from graph.repositories import areas as repo
from loaders.demo import load_demo
from queries.catalog import cypher

pytestmark = pytest.mark.neo4j


def test_asked_for_a_synthetic_wales_it_is_loaded_and_said_so(
    driver: neo4j.Driver, tmp_path: Path
) -> None:
    report = load_demo(driver, seed=7, synthetic=True)
    assert report.mode == "synthetic" and report.exit_code == 0
    counts = repo.graph_counts(driver)
    assert counts["node:Area"] > 400 and counts["node:Service"] > 500
    assert counts["node:Person"] > 1000 and counts["relationship:KNOWS"] > 1000
    for rel in ("IN_AREA", "PART_OF", "HAS_NEED", "ADDRESSES", "WORKS_FOR", "MEMBER_OF",
                "WORKS_WITH", "REFERS_TO", "SERVES_AREA"):  # fmt: skip
        assert counts.get(f"relationship:{rel}", 0) > 0, rel
    again = load_demo(driver, seed=7, synthetic=True)
    assert repo.graph_counts(driver) == counts  # re-running is a no-op
    generated = next(s for s in again.sources if s.source == "demo:generator")
    assert generated.created == 0


def test_graph_counts_from_the_count_store_equal_those_of_a_scan(driver: neo4j.Driver) -> None:
    load_demo(driver, seed=7, synthetic=True)
    counts = repo.graph_counts(driver)
    records, _, _ = driver.execute_query(cypher("areas/graph_counts_scan"))
    scanned = {f"{r['kind']}:{r['name']}": int(r["count"]) for r in records if r["count"]}
    assert counts == scanned
    assert counts["node:Person"] > 1000 and counts["relationship:KNOWS"] > 1000


def test_the_cli_says_which_data_set_it_loaded(driver: neo4j.Driver, tmp_path: Path) -> None:
    from api.cli.main import cli

    result = CliRunner().invoke(cli, ["load", "demo", "--synthetic", "--seed", "7"])
    assert result.exit_code == 0, result.output
    assert "SYNTHETIC Wales-shaped" in result.output
    assert "Done in" in result.output


def test_a_missing_data_folder_is_an_error_never_a_silent_switch_to_generated_data(
    driver: neo4j.Driver, tmp_path: Path
) -> None:
    from api.cli.main import cli

    before = repo.graph_counts(driver)
    result = CliRunner().invoke(cli, ["load", "demo", "--data-dir", str(tmp_path / "none")])
    assert result.exit_code != 0
    assert "no open data in" in result.output and "Traceback" not in result.output
    assert repo.graph_counts(driver) == before


@pytest.mark.slow
def test_the_real_open_data_loads_completely_and_a_rerun_changes_nothing(
    driver: neo4j.Driver,
) -> None:
    from tests.support.wipe import wipe_graph

    wipe_graph(driver, "neo4j")
    report = load_demo(driver, seed=0)
    assert report.mode == "real" and report.exit_code == 0, report.rejections[:5]
    by_source = {s.source: s for s in report.sources}
    assert by_source["ods:epraccur"].records == 398
    assert by_source["csv:charity_commission_trafford"].records == 736
    counts = repo.graph_counts(driver)
    assert counts["node:Service"] >= 2100
    assert counts["node:Area"] == 1938 + 141
    assert counts["relationship:IN_AREA"] > 1000
    # Every imported listing says who published it and when.
    gp = driver.execute_query(
        "MATCH (s:Service {id: 'gp:W97018'}) RETURN s.listed_by AS by, s.listed_on AS on"
    ).records[0]
    assert (gp["by"], gp["on"]) == ("NHS England (ODS)", "2025-09-01")
    unlisted = driver.execute_query(
        "MATCH (s:Service) WHERE s.listed_by IS NULL RETURN count(s) AS n"
    ).records[0]["n"]
    assert unlisted == 0
    # Needs are tagged faithfully: GPs are not dementia services; Alzheimer's Society is.
    tagged = driver.execute_query(
        "MATCH (s:Service)-[:ADDRESSES]->(:Need {id: 'dementia'}) "
        "RETURN sum(CASE WHEN s.id STARTS WITH 'gp:' THEN 1 ELSE 0 END) AS gps, "
        "sum(CASE WHEN s.name CONTAINS 'Alzheimer' THEN 1 ELSE 0 END) AS alz"
    ).records[0]
    assert tagged["gps"] == 0 and tagged["alz"] >= 1
    # Ties the registers state: practice → commissioning board; library service → its council.
    facts = driver.execute_query(
        "MATCH (p:Organization)-[m:MEMBER_OF {source: 'ods:epraccur'}]->(:Organization) "
        "WITH count(m) AS practices "
        "MATCH (o:Organization)-[:IN_AREA]->(a:Area {kind: 'local_authority'}) "
        "WHERE o.id STARTS WITH 'org:libraries:' "
        "RETURN practices, count(o) AS services, "
        "sum(CASE WHEN o.id = 'org:libraries:' + a.id THEN 1 ELSE 0 END) AS own"
    ).records[0]
    assert facts["practices"] == 398
    assert facts["services"] == facts["own"] == 23  # 22 Welsh councils and Trafford
    # Welsh names as NHS Wales publishes them, and the library services' from the councils'.
    welsh = driver.execute_query(
        "MATCH (s:Service {id: 'hospital:7A4BV'}), (b:Organization {id: 'org:ods:7A4'}), "
        "(l:Organization {id: 'org:libraries:W06000015'}) "
        "RETURN s.name_cy AS uhw, s.alternate_name AS alt, b.name_cy AS board, l.name_cy AS lib"
    ).records[0]
    assert welsh.data() == {
        "uhw": "Ysbyty Athrofaol Cymru",
        "alt": "Ysbyty Athrofaol Cymru",
        "board": "Bwrdd Iechyd Prifysgol Caerdydd a'r Fro",
        "lib": "Gwasanaeth llyfrgell Caerdydd",
    }
    found = driver.execute_query(
        "CALL db.index.fulltext.queryNodes('service_search', 'athrofaol') YIELD node "
        "RETURN collect(node.id) AS ids"
    ).records[0]["ids"]
    # The descriptions the loaders write themselves are in Welsh too.
    described = driver.execute_query(
        "MATCH (s:Service) WHERE s.id STARTS WITH 'gp:' AND s.description IS NOT NULL "
        "RETURN count(s) AS all, count(s.description_cy) AS welsh, "
        "collect(s.description_cy)[0] AS one"
    ).records[0]
    assert described["all"] == described["welsh"] > 398
    assert described["one"].startswith("Meddygfa'r GIG")
    # text search reads the Welsh names: the two "Ysbyty Athrofaol" (university hospitals)
    assert sorted(found) == ["hospital:7A4BV", "hospital:7A6G9"]
    again = load_demo(driver, seed=0)
    assert repo.graph_counts(driver) == counts
    assert all(s.created == 0 for s in again.sources), [s for s in again.sources if s.created]
