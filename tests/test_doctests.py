"""Every example in a docstring runs and gives what it shows (``>>>`` lines are tests too)."""

from __future__ import annotations

import doctest
import importlib
from pathlib import Path

import pytest

from graph.server.config import PROJECT_ROOT

PACKAGES = ("graph", "api", "loaders", "queries")


def _modules_with_examples() -> list[str]:
    found = []
    for package in PACKAGES:
        for path in sorted((PROJECT_ROOT / package).rglob("*.py")):
            if ">>> " in path.read_text("utf-8"):
                module = path.relative_to(PROJECT_ROOT).with_suffix("").as_posix().replace("/", ".")
                found.append(module.removesuffix(".__init__"))
    return found


@pytest.mark.parametrize("module", _modules_with_examples())
def test_the_docstring_examples_hold(module: str) -> None:
    result = doctest.testmod(importlib.import_module(module), optionflags=doctest.ELLIPSIS)
    assert result.failed == 0, f"{result.failed} of {result.attempted} examples failed in {module}"


def test_there_are_examples_to_run() -> None:
    assert len(_modules_with_examples()) >= 10
    assert Path(__file__).name == "test_doctests.py"
