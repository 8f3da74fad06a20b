"""Fold in the standalone benchmark scripts other engineers own.

``bench/bench_load.py`` (loader rate ÷ bare UNWIND, issue 3) and ``bench/bench_analytics.py``
(brokers/betweenness vs networkx, issue 5) each print a markdown table and write JSON with
``--json OUT``. They run here as child processes, pointed at the benchmark's Neo4j through
NEO4J_*; their peak RSS is read from the kernel when they are reaped (``wait4``), and their
rows become rows of this report.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from bench.stats import Row, fmt
from graph.server.config import PROJECT_ROOT

__all__ = ["ScriptRun", "run_script"]

BENCH_DIR = Path(__file__).resolve().parent


class ScriptRun(BaseModel):
    """One standalone script's outcome."""

    script: str
    ran: bool
    seconds: float = 0.0
    peak_rss_mib: float | None = None
    rows: list[Row] = []
    notes: list[str] = []
    reason: str | None = None


def _cell(value: Any) -> str:
    if isinstance(value, int | float) and not isinstance(value, bool):
        return fmt(float(value))
    return "—" if value is None else str(value)


def _rows_from_json(data: dict[str, Any]) -> tuple[list[Row], list[str]]:
    rows, notes = [], []
    for raw in data.get("rows", []):
        measure = str(raw.get("measure", "?"))
        ratio = raw.get("ratio")
        rows.append(
            Row(
                measure=measure,
                cells=[
                    measure,
                    _cell(raw.get("ours")),
                    _cell(raw.get("baseline")),
                    "—" if ratio is None else f"{float(ratio):.2f}",
                    str(raw.get("goal", "")),
                ],
            )
        )
        if raw.get("note"):
            notes.append(f"{measure}: {raw['note']}")
    return rows, notes


def _rows_from_markdown(text: str) -> list[Row]:
    rows = []
    for line in text.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if not line.startswith("|") or len(cells) != 5 or cells[0] in ("measure", "---"):
            continue
        if set(cells[0]) <= {"-", ":"}:
            continue
        rows.append(Row(measure=cells[0], cells=cells))
    return rows


def run_script(
    name: str, args: list[str], *, env: dict[str, str], out_dir: Path, timeout: float
) -> ScriptRun:
    """Run ``bench/<name>`` with ``--json``; fold its rows in, or say why it could not run."""
    script = BENCH_DIR / name
    if not script.is_file():
        return ScriptRun(script=name, ran=False, reason=f"bench/{name} is not in the tree yet")
    out = out_dir / f"{script.stem}.json"
    log = out_dir / f"{script.stem}.log"
    began = time.monotonic()
    with log.open("w") as handle:
        process = subprocess.Popen(
            [sys.executable, str(script), "--json", str(out), *args],
            cwd=PROJECT_ROOT,
            env={**os.environ, **env},
            stdout=handle,
            stderr=subprocess.STDOUT,
        )
        deadline = began + timeout
        status, usage = 0, None
        while True:
            pid, status, usage = os.wait4(process.pid, os.WNOHANG)
            if pid:
                process.returncode = os.waitstatus_to_exitcode(status)
                break
            if time.monotonic() > deadline:
                process.kill()
                _, status, usage = os.wait4(process.pid, 0)
                process.returncode = -9
                break
            time.sleep(0.2)
    seconds = round(time.monotonic() - began, 1)
    peak = usage.ru_maxrss / 1024 if usage is not None else None  # ru_maxrss is in KiB
    text = log.read_text(errors="replace")
    if process.returncode != 0:
        lines = text.strip().splitlines() or ["(no output)"]
        tail = lines[-1].split(" {gql_status:")[0][:240]
        return ScriptRun(
            script=name,
            ran=False,
            seconds=seconds,
            peak_rss_mib=peak,
            reason=f"bench/{name} exited {process.returncode}: {tail}",
        )
    notes: list[str] = []
    if out.is_file():
        rows, notes = _rows_from_json(json.loads(out.read_text()))
    else:
        rows = _rows_from_markdown(text)
    return ScriptRun(
        script=name, ran=True, seconds=seconds, peak_rss_mib=peak, rows=rows, notes=notes
    )
