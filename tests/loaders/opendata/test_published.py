"""The open data ships with the project: every file with its publisher, licence and date,
checked against its manifest, unpacked once (safely when processes race), and no product
code reaches outside the repository for data."""

from __future__ import annotations

import hashlib
import json
import re
import threading
from pathlib import Path

from graph.open_data_files import PUBLISHED_DIR, shipped_manifest, unpack_published
from graph.server.config import PROJECT_ROOT
from loaders.opendata.sources import SOURCES


def test_every_shipped_file_matches_its_manifest_and_names_publisher_licence_and_date() -> None:
    entries = shipped_manifest()["files"]
    assert isinstance(entries, list)
    assert {e["path"] for e in entries} == {s.path for s in SOURCES}
    for entry in entries:
        packed = (PUBLISHED_DIR / entry["shipped_file"]).read_bytes()
        assert hashlib.sha256(packed).hexdigest() == entry["shipped_sha256"], entry["path"]
        assert entry["publisher"] and entry["licence"] and entry["edition"], entry["path"]
        assert re.match(r"^\d{4}(-\d{2})?(-\d{2})?$", entry["edition"]), entry["edition"]
    total = sum((PUBLISHED_DIR / e["shipped_file"]).stat().st_size for e in entries)
    assert total < 15_000_000, f"{total:,} bytes shipped"


def test_unpacking_is_idempotent_and_safe_when_processes_race(tmp_path: Path) -> None:
    folders: list[Path] = []
    threads = [
        threading.Thread(target=lambda: folders.append(unpack_published(tmp_path)))
        for _ in range(4)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(set(folders)) == 1
    folder = folders[0]
    manifest = json.loads((folder / "MANIFEST.json").read_text(encoding="utf-8"))
    for entry in manifest["files"]:
        assert (folder / entry["path"]).stat().st_size > 0
    assert [p.name for p in tmp_path.iterdir()] == [folder.name]  # no half-written leftovers
    assert unpack_published(tmp_path) == folder


def test_no_product_code_reads_data_from_outside_the_repository() -> None:
    offenders = []
    for package in ("api", "graph", "loaders", "queries"):
        for path in (PROJECT_ROOT / package).rglob("*.py"):
            text = path.read_text(encoding="utf-8")
            if "../shared" in text or re.search(r"\.parent\s*/\s*[\"']shared[\"']", text):
                offenders.append(str(path.relative_to(PROJECT_ROOT)))
    assert offenders == []
