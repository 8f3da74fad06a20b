"""The raw results of one run, as written to ``bench/results/<size>.json``."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pydantic import BaseModel, Field

from bench.data import Dataset
from bench.machine import Machine
from bench.profiling import ProfileResult
from bench.stats import Row

__all__ = ["RESULTS_DIR", "RunResult", "latest_results"]

RESULTS_DIR = Path(__file__).resolve().parent / "results"
SIZE_ORDER = ("small", "wales", "tiny")


class RunResult(BaseModel):
    """Everything one ``bench.run`` measured."""

    size: str
    seed: int
    seconds: float = 0.0
    machine: Machine
    dataset: Dataset | None = None
    rows: list[Row] = Field(default_factory=list)
    notes: list[str] = Field(default_factory=list)
    profile: ProfileResult | None = None
    raw: dict[str, Any] = Field(default_factory=dict)

    def save(self, directory: Path = RESULTS_DIR) -> Path:
        directory.mkdir(parents=True, exist_ok=True)
        path = directory / f"{self.size}.json"
        path.write_text(json.dumps(self.model_dump(mode="json"), indent=2) + "\n")
        return path


def latest_results(directory: Path = RESULTS_DIR) -> list[RunResult]:
    """The last run of each size found in ``directory``, small before wales."""
    found = []
    for size in SIZE_ORDER:
        path = directory / f"{size}.json"
        if path.is_file() and size != "tiny":
            found.append(RunResult.model_validate_json(path.read_text()))
    return found
