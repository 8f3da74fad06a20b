"""Figures the reliability and security tests measure, for docs/security.md.

Each call adds to a counter (or sets a measurement) of this test run and rewrites
``test-artifacts/security-figures.json`` (or ``$COMMONGRAPH_FIGURES_FILE``), so the
file always holds the latest run's figures.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from graph.server.config import PROJECT_ROOT

__all__ = ["FIGURES_FILE", "measure", "record"]

FIGURES_FILE = Path(
    os.environ.get("COMMONGRAPH_FIGURES_FILE")
    or PROJECT_ROOT / "test-artifacts" / "security-figures.json"
)
_FIGURES: dict[str, float] = {}


def _save() -> None:
    FIGURES_FILE.parent.mkdir(exist_ok=True)
    FIGURES_FILE.write_text(json.dumps(_FIGURES, indent=2, sort_keys=True) + "\n", "utf-8")


def record(name: str, amount: int = 1) -> None:
    """Add ``amount`` to the counter ``name`` (requests fuzzed, faults injected...)."""
    _FIGURES[name] = _FIGURES.get(name, 0) + amount
    _save()


def measure(name: str, value: float) -> None:
    """Keep the largest value seen for ``name`` (e.g. seconds to recover)."""
    _FIGURES[name] = max(_FIGURES.get(name, value), value)
    _save()
