"""Analytics reports: twenty leaders asking at once cost one computation, never a stale one.

Against the real Neo4j with the small fixture graph: twenty concurrent ``bottlenecks`` with
the same parameters run the report once and all get the same answer; after a write the next
request computes again; more waiting than the runner allows are refused at once with BUSY.
"""

from __future__ import annotations

import asyncio
import time
from typing import Any

import neo4j
import pytest

from api.reports import ReportRunner
from graph.database import Database
from graph.errors import Busy
from graph.settings import Neo4jSettings
from tests.api.fixtures_graph import FixtureGraph
from tests.support.figures import measure
from tests.support.loop import run_in_own_loop

pytestmark = pytest.mark.neo4j


async def _twenty_then_write_then_one(
    settings: Neo4jSettings, driver: neo4j.Driver
) -> tuple[list[dict[str, Any]], int, int, float]:
    db = Database(settings)
    runner = ReportRunner()
    try:
        started = time.perf_counter()
        reports = await asyncio.gather(
            *(
                runner.run(db, "bottlenecks", prefix=None, top=5, group_attr="tribe")
                for _ in range(20)
            )
        )
        elapsed = time.perf_counter() - started
        computed_first = runner.computed
        driver.execute_query("CREATE (:Person:Entity {id: 'runner-probe', name: 'Probe'})")
        await runner.run(db, "bottlenecks", prefix=None, top=5, group_attr="tribe")
        driver.execute_query("MATCH (p:Person {id: 'runner-probe'}) DETACH DELETE p")
    finally:
        await db.close()
    return list(reports), computed_first, runner.computed, elapsed


def test_twenty_identical_reports_at_once_are_computed_once_and_again_after_a_write(
    small_graph: FixtureGraph, driver: neo4j.Driver, neo4j_settings: Neo4jSettings
) -> None:
    reports, first, after_write, elapsed = run_in_own_loop(
        _twenty_then_write_then_one(neo4j_settings, driver)
    )
    assert first == 1
    assert after_write == 2
    assert all(report is reports[0] for report in reports)
    assert reports[0]["articulation_points"]  # a real report, not an empty shell
    measure("analytics: seconds for 20 concurrent identical bottlenecks", round(elapsed, 2))


async def _more_than_may_wait(settings: Neo4jSettings) -> list[object]:
    db = Database(settings)
    runner = ReportRunner(max_running=1, max_waiting=1)
    try:
        calls = [
            runner.run(db, "duplicates", prefix=None, top=top, group_attr="tribe")
            for top in (1, 2, 3, 4)
        ]
        done: list[object] = await asyncio.gather(*calls, return_exceptions=True)
        return done
    finally:
        await db.close()


def test_reports_beyond_the_waiting_room_are_refused_at_once_as_busy(
    small_graph: FixtureGraph, neo4j_settings: Neo4jSettings
) -> None:
    outcomes = run_in_own_loop(_more_than_may_wait(neo4j_settings))
    busy = [o for o in outcomes if isinstance(o, Busy)]
    done = [o for o in outcomes if isinstance(o, dict)]
    assert len(done) == 2 and len(busy) == 2
    assert "analytics are busy" in str(busy[0])
