"""Where the open data files are: the copies the project ships, unpacked once, or your own.

The project ships the published open data it serves (Wales and Trafford) compressed in
``loaders/opendata/published/`` with a ``MANIFEST.json`` (publisher, licence, edition,
sha256 of every file). :func:`open_data_dir` answers the folder every reader uses — the
loaders, the postcode and place search, the map outlines:

* ``$COMMONGRAPH_DATA_DIR`` when set (your own copy, in the same ``wales/``, ``trafford/``
  layout);
* otherwise the shipped copies, unpacked on first use into
  ``$COMMONGRAPH_HOME/opendata/<manifest hash>/`` (``COMMONGRAPH_HOME`` defaults to the
  project's ``.commongraph``). Unpacking checks every file against the manifest's sha256,
  writes into a temporary folder and renames it into place, so processes that start together
  (several API workers) never read a half-written folder. A new manifest unpacks afresh.
"""

from __future__ import annotations

import hashlib
import json
import lzma
import shutil
import tempfile
from pathlib import Path

from graph.environment import environment
from graph.errors import ServerSetupError
from graph.server.config import PROJECT_ROOT

__all__ = ["PUBLISHED_DIR", "open_data_dir", "shipped_manifest", "unpack_published"]

PUBLISHED_DIR = PROJECT_ROOT / "loaders" / "opendata" / "published"


def shipped_manifest(published: Path = PUBLISHED_DIR) -> dict[str, object]:
    """The manifest of the shipped copies."""
    return dict(json.loads((published / "MANIFEST.json").read_text(encoding="utf-8")))


def _home() -> Path:
    return environment().home


def unpack_published(target_root: Path, published: Path = PUBLISHED_DIR) -> Path:
    """Unpack the shipped copies under ``target_root``; return the folder (idempotent)."""
    manifest_bytes = (published / "MANIFEST.json").read_bytes()
    folder = target_root / hashlib.sha256(manifest_bytes).hexdigest()[:12]
    if (folder / "MANIFEST.json").is_file():
        return folder
    target_root.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".unpacking-", dir=target_root))
    try:
        for entry in json.loads(manifest_bytes)["files"]:
            packed = (published / entry["shipped_file"]).read_bytes()
            if hashlib.sha256(packed).hexdigest() != entry["shipped_sha256"]:
                raise ServerSetupError(
                    f"open data: {entry['shipped_file']} does not match MANIFEST.json; "
                    "restore it from the repository"
                )
            out = staging / entry["path"]
            out.parent.mkdir(parents=True, exist_ok=True)
            out.write_bytes(lzma.decompress(packed))
        (staging / "MANIFEST.json").write_bytes(manifest_bytes)
        try:
            staging.rename(folder)
        except OSError:  # another process renamed its copy first: use that one
            if not (folder / "MANIFEST.json").is_file():
                raise
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return folder


def open_data_dir() -> Path:
    """``$COMMONGRAPH_DATA_DIR``, else the shipped copies (unpacked on first use)."""
    configured = environment().data_dir
    if configured:
        return configured
    return unpack_published(_home() / "opendata")
