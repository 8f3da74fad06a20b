"""The scale curve's section of docs/performance.md says what each step measured, and where
the machine stopped, from the saved results alone."""

from __future__ import annotations

from pathlib import Path

from bench.curve import Curve, Step, curve_section, latest_curve
from bench.machine import Machine
from bench.report import render
from bench.results import RunResult

MACHINE = Machine(
    date="2026-12-04", cpu="test cpu", cores=2, ram_gib=24.0, os="Linux", java="17",
    neo4j="5.26", python="3.11", node="v20", neo4j_graphql="7", wrk="not installed",
)  # fmt: skip


def _curve() -> Curve:
    done = Step(
        fraction=0.1, services=50_000, people=200_000, nodes=600_000, relationships=1_400_000,
        load_s=200.0, store_mib=900.0, neo4j_rss_mib=9_000.0, near_p50_ms=12.5,
        near_p95_ms=40.0, driver_p50_ms=10.0, near_samples=200, projection_s=30.0,
        projection_rss_mib=2_048.0, bottlenecks_s=95.0,
    )  # fmt: skip
    stopped = Step(
        fraction=1.0, services=500_000, people=2_000_000, nodes=6_000_000,
        relationships=14_000_000, load_s=2_000.0, projection_s=None,
        stopped="projection needed more than the 8 GiB ceiling",
    )  # fmt: skip
    return Curve(
        machine=MACHINE, seed=7, heap="4g", pagecache="8g", analysis_memory_gib=8.0,
        analysis_budget_s=1200.0, seconds=4_000.0, steps=[done, stopped],
    )  # fmt: skip


def test_each_step_is_a_row_with_its_rate_memory_and_where_it_stopped() -> None:
    lines = curve_section(_curve())
    rows = [line for line in lines if line.startswith("| 0.1 ") or line.startswith("| 1 ")]
    assert len(rows) == 2
    tenth, whole = rows
    assert "10,000" in tenth  # (600,000 + 1,400,000) writes in 200 s
    assert "2.0 GiB" in tenth and "8.8 GiB" in tenth and "900 MiB" in tenth
    assert "12.5 / 40.0 ms (10.0 ms)" in tenth
    assert whole.endswith("| projection needed more than the 8 GiB ceiling |")
    assert "8 GiB of address space and 1200 s" in " ".join(lines)


def test_the_page_has_its_past_one_machine_section_only_when_a_curve_was_measured() -> None:
    run = RunResult(size="small", seed=7, machine=MACHINE)
    assert "## Past one machine" not in render([run])
    page = render([run], _curve())
    assert "## Past one machine" in page
    assert page.index("## Past one machine") < page.index("## Where the time goes")


def test_a_saved_curve_reads_back_equal(tmp_path: Path) -> None:
    path = _curve().save(tmp_path / "uk.json")
    assert latest_curve(path) == _curve()
    assert latest_curve(tmp_path / "missing.json") is None
