"""Small statistics and the result row every measure reports.

Medians and percentiles are linear-interpolated (numpy's default, Hyndman & Fan type 7).
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np
from pydantic import BaseModel

__all__ = ["Row", "fmt", "percentile", "vm_hwm_mib"]


def percentile(samples: Sequence[float], q: float) -> float:
    """The ``q``-th percentile (0–100) of ``samples``; NaN when there are none."""
    if not samples:
        return math.nan
    return float(np.percentile(np.asarray(samples, dtype=float), q))


def fmt(value: float | None, unit: str = "") -> str:
    """A number with three significant figures (thousands grouped) and its unit."""
    if value is None or math.isnan(value):
        return "—"
    if abs(value) >= 1000:
        text = f"{value:,.0f}"
    elif abs(value) >= 100:
        text = f"{value:.0f}"
    elif abs(value) >= 10:
        text = f"{value:.1f}"
    else:
        text = f"{value:.2f}"
    return f"{text} {unit}".strip()


def vm_hwm_mib(pid: int) -> float | None:
    """Peak resident set size (``VmHWM``) of a live process in MiB; None once it is gone."""
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as handle:
            for line in handle:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        return None
    return None


class Row(BaseModel):
    """One line of a table: ``| measure | ours | baseline | ratio | goal |``.

    ``ratio`` is ours ÷ baseline. A row that could not be measured keeps its reason in
    ``skipped`` and renders ``not measured: <reason>``. Rows folded in from another script
    arrive already formatted in ``cells``.
    """

    measure: str
    ours: float | None = None
    baseline: float | None = None
    unit: str = ""
    goal: str = ""
    met: bool | None = None
    skipped: str | None = None
    cells: list[str] | None = None

    @property
    def ratio(self) -> float | None:
        if self.ours is None or self.baseline is None or self.baseline == 0:
            return None
        return self.ours / self.baseline

    def render(self) -> list[str]:
        """The five cells of the row, as text."""
        if self.cells is not None:
            return [*self.cells, "", "", "", ""][:5]
        if self.skipped is not None:
            return [self.measure, f"not measured: {self.skipped}", "—", "—", self.goal]
        ratio = self.ratio
        ratio_text = "—" if ratio is None else f"{ratio:.2f}"
        if self.met is not None and ratio is not None:
            ratio_text += " ✓" if self.met else " ✗"
        return [
            self.measure,
            fmt(self.ours, self.unit),
            fmt(self.baseline, self.unit),
            ratio_text,
            self.goal,
        ]
