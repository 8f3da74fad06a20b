"""Where the shipped open data lives: ``../shared/data`` beside the checkout, read in place.

``COMMONGRAPH_DATA_DIR`` points the API at another copy. The data is never copied into the
repository (DESIGN.md, ``commongraph load demo``).
"""

from __future__ import annotations

import os
from pathlib import Path

from graph.server.config import PROJECT_ROOT

__all__ = ["data_dir"]


def data_dir() -> Path:
    """The shared data folder (it may be absent: callers answer 404 with a clear message)."""
    configured = os.environ.get("COMMONGRAPH_DATA_DIR")
    return Path(configured) if configured else PROJECT_ROOT.parent / "shared" / "data"
