"""Small slices of the shipped open-data files, written to a temp folder for fast tests.

The open data is read in place; a test that needs a bad row copies the header and the
first rows of a file into ``tmp_path`` and appends the bad row there (nothing is ever
written into the repository or the data folder).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from loaders.opendata.catalog import default_data_dir

DATA = default_data_dir()


def csv_slice(src: Path, dest: Path, rows: int, extra: list[str] | None = None) -> Path:
    """Header + the first ``rows`` data lines of ``src`` (+ ``extra`` lines) into ``dest``."""
    lines = src.read_text(encoding="utf-8").splitlines()
    dest.write_text("\n".join(lines[: rows + 1] + (extra or [])) + "\n", encoding="utf-8")
    return dest


def geojson_slice(
    src: Path, dest: Path, rows: int, extra: list[dict[str, Any]] | None = None
) -> Path:
    """The first ``rows`` features of ``src`` (+ ``extra`` features) into ``dest``."""
    data = json.loads(src.read_text(encoding="utf-8"))
    data["features"] = data["features"][:rows] + (extra or [])
    dest.write_text(json.dumps(data), encoding="utf-8")
    return dest
