"""Where the REST endpoints read open data files: :func:`graph.open_data_files.open_data_dir`.

The shipped copies (unpacked once) unless ``COMMONGRAPH_DATA_DIR`` names another folder.
"""

from __future__ import annotations

from pathlib import Path

from graph.open_data_files import open_data_dir

__all__ = ["data_dir"]


def data_dir() -> Path:
    """The open data folder (``wales/``, ``trafford/``)."""
    return open_data_dir()
