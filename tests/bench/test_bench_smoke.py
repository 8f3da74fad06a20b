"""A tiny run of each benchmark function, so `make bench` keeps working.

Seconds, tiny generated data, the test session's Neo4j; no Node peer, no npm, no wrk (the
httpx load loop stands in). The benchmarks themselves never run in `make test`.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import neo4j
import pytest

from bench.bodies import near_body
from bench.concurrency import map_body
from bench.data import Centre, Dataset, draw_centres, load_dataset
from bench.external import _rows_from_json, _rows_from_markdown
from bench.latency import measure_latency, repository_parameters
from bench.loadgen import drive
from bench.machine import describe_machine
from bench.profiling import profile_api
from bench.report import HEADER, render
from bench.results import RunResult
from bench.stack import PEER_DIR, ChildServer, start_api
from bench.stats import Row, percentile
from bench.ui import measure_map
from graph.settings import Neo4jSettings


@pytest.fixture(scope="module")
def tiny(driver: neo4j.Driver, neo4j_settings: Neo4jSettings) -> tuple[Dataset, list[Centre]]:
    dataset = load_dataset(driver, "tiny", seed=3, database=neo4j_settings.database)
    return dataset, draw_centres(driver, 6, seed=3, database=neo4j_settings.database)


@pytest.fixture(scope="module")
def api(
    neo4j_settings: Neo4jSettings,
    tiny: tuple[Dataset, list[Centre]],
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[ChildServer]:
    server = start_api(neo4j_settings, tmp_path_factory.mktemp("api-logs"))
    yield server
    server.stop()


@pytest.mark.neo4j
def test_tiny_dataset_loads_services_people_and_ties(tiny: tuple[Dataset, list[Centre]]) -> None:
    dataset, centres = tiny
    assert dataset.services > 100 and dataset.people > 100 and dataset.relationships > 1000
    assert len(centres) == 6


@pytest.mark.neo4j
def test_centres_are_the_same_for_the_same_seed(
    driver: neo4j.Driver, tiny: tuple[Dataset, list[Centre]]
) -> None:
    assert draw_centres(driver, 6, seed=3) == tiny[1]
    assert draw_centres(driver, 6, seed=4) != tiny[1]


def test_repository_parameters_are_those_the_api_would_send() -> None:
    name, params = repository_parameters(Centre(latitude=51.5, longitude=-3.2))
    assert name == "assets/assets_near"
    assert params["latitude"] == 51.5 and params["radius_km"] == 5.0


@pytest.mark.neo4j
def test_latency_pairs_the_api_with_the_driver_and_agrees(
    neo4j_settings: Neo4jSettings, api: ChildServer, tiny: tuple[Dataset, list[Centre]]
) -> None:
    result = measure_latency(neo4j_settings, api.url, tiny[1], rounds=1, warmup=2)
    assert result.samples == len(tiny[1])
    assert result.mismatches == 0
    assert all(ms > 0 for ms in result.api_ms + result.driver_ms)


@pytest.mark.neo4j
def test_load_loop_counts_requests_without_errors(
    api: ChildServer, tiny: tuple[Dataset, list[Centre]]
) -> None:
    bodies = [near_body(c) for c in tiny[1]]
    result = drive(api.url, bodies, connections=3, seconds=1.0, use_wrk=False)
    assert result.requests > 0 and result.errors == 0
    assert result.p50_ms <= result.p99_ms


@pytest.mark.neo4j
def test_load_loop_counts_graphql_errors(api: ChildServer) -> None:
    bad = json.dumps(
        {
            "query": "{ assetsNear(latitude: 99, longitude: 0, radiusKm: 1) "
            "{ edges { distanceKm } } }"
        }
    )
    result = drive(api.url, [bad], connections=1, seconds=0.5, use_wrk=False)
    assert result.requests > 0 and result.errors == result.requests


def test_load_is_only_ever_sent_to_loopback() -> None:
    with pytest.raises(ValueError, match="loopback"):
        drive("http://192.0.2.1/graphql", ["{}"], connections=1, seconds=0.1, use_wrk=False)


@pytest.mark.neo4j
def test_map_query_is_built_from_the_schema_or_explained(api: ChildServer) -> None:
    body, what = map_body(api.url)
    assert what
    if body is not None:
        assert "relationshipMap" in json.loads(body)["query"]


@pytest.mark.neo4j
def test_profile_names_the_layers_of_the_api_path(
    neo4j_settings: Neo4jSettings, tiny: tuple[Dataset, list[Centre]]
) -> None:
    result = profile_api(neo4j_settings, [near_body(c) for c in tiny[1]], rounds=1)
    assert result.requests == len(tiny[1])
    layers = dict(result.layers)
    assert "neo4j driver" in layers and abs(sum(layers.values()) - 100) < 1


def test_map_timing_is_skipped_with_a_reason_when_the_page_has_no_signal(tmp_path: Path) -> None:
    result = measure_map("http://127.0.0.1:9", dist=tmp_path)
    assert result.ready_ms is None and result.skipped


def test_rows_of_standalone_scripts_are_folded_in() -> None:
    rows, notes = _rows_from_json(
        {
            "rows": [
                {
                    "measure": "m",
                    "ours": 2.0,
                    "baseline": 4.0,
                    "ratio": 0.5,
                    "goal": "g",
                    "note": "n",
                }
            ]
        }
    )
    assert rows[0].render() == ["m", "2.00", "4.00", "0.50", "g"] and notes == ["m: n"]
    table = "\n".join(
        ["| measure | ours | baseline | ratio | goal |", "| --- | --- |", "| a | 1 | 2 | 0.5 | g |"]
    )
    assert [r.render() for r in _rows_from_markdown(table)] == [["a", "1", "2", "0.5", "g"]]


def test_report_rows_are_exactly_measure_ours_baseline_ratio_goal() -> None:
    run = RunResult(
        size="small",
        seed=1,
        machine=describe_machine(PEER_DIR),
        rows=[
            Row(measure="p50", ours=13.0, baseline=10.0, unit="ms", goal="≤ 1.3", met=True),
            Row(measure="ui", goal="report", skipped="no page"),
        ],
    )
    page = render([run])
    assert HEADER in page
    assert "| p50 | 13.0 ms | 10.0 ms | 1.30 ✓ | ≤ 1.3 |" in page
    assert "| ui | not measured: no page | — | — | report |" in page


def test_percentile_interpolates() -> None:
    assert percentile([1.0, 2.0, 3.0, 4.0], 50) == 2.5
