"""Rebuild the shipped open data from the published files: ``python -m
loaders.opendata.rebuild_published SOURCE_DIR``.

``SOURCE_DIR`` holds the files as published (``wales/…``, ``trafford/…``, the names in
:data:`loaders.opendata.sources.SOURCES`). Each is compacted where that loses nothing the
product reads (GeoJSON coordinates rounded to about a metre, unused postcode columns left
out), compressed with xz (LZMA preset 9, no timestamps, so the same input gives the same
bytes) and written to ``loaders/opendata/published/``, with ``MANIFEST.json`` recording for
each file its publisher, licence, edition, origin, what was compacted, and the sha256 and
size of both the published and the shipped file.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import lzma
import sys
from pathlib import Path
from typing import Any

from loaders.opendata.sources import SOURCES, Source

__all__ = ["PUBLISHED_DIR", "compact", "rebuild"]

PUBLISHED_DIR = Path(__file__).resolve().parent / "published"
_LZMA = {"format": lzma.FORMAT_XZ, "check": lzma.CHECK_CRC64, "preset": 9 | lzma.PRESET_EXTREME}


def _round(value: Any, digits: int) -> Any:
    if isinstance(value, float):
        return round(value, digits)
    if isinstance(value, list):
        return [_round(v, digits) for v in value]
    return value


def _compact_geojson(raw: bytes, digits: int) -> bytes:
    document = json.loads(raw)
    for feature in document.get("features", []):
        geometry = feature.get("geometry") or {}
        if "coordinates" in geometry:
            geometry["coordinates"] = _round(geometry["coordinates"], digits)
    return json.dumps(document, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def _drop_columns(raw: bytes, drop: set[str]) -> bytes:
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    keep = [i for i, name in enumerate(rows[0]) if name not in drop]
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    for row in rows:
        writer.writerow([row[i] for i in keep if i < len(row)])
    return out.getvalue().encode("utf-8")


def _population_from_rda(raw: bytes) -> bytes:
    """ONS LSOA population estimates saved as R data → Welsh rows as CSV.

    Needs the ``rdata`` package (``pip install rdata``), used by this rebuild only.
    """
    import rdata  # type: ignore[import-not-found]

    frame = rdata.read_rda(io.BytesIO(raw))["population20_lsoa11"]
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["lsoa11_code", "lsoa11_name", "all_ages", "aged_65_plus"])
    older = [str(age) for age in range(65, 90)] + ["90+"]
    for _, row in frame.sort_values("lsoa11_code").iterrows():
        if str(row["lsoa11_code"]).startswith("W01"):
            aged = int(sum(row[c] for c in older))
            writer.writerow(
                [row["lsoa11_code"], row["lsoa11_name"], int(row["total_population"]), aged]
            )
    return out.getvalue().encode("utf-8")


def compact(source: Source, raw: bytes) -> bytes:
    """The published bytes, compacted as ``source.compacted`` says."""
    if source.published_name.endswith(".rda"):
        return _population_from_rda(raw)
    if "rounded to 5 decimals" in source.compacted:
        return _compact_geojson(raw, 5)
    if "rounded to 6 decimals" in source.compacted:
        return _compact_geojson(raw, 6)
    if "easting and northing" in source.compacted:
        return _drop_columns(raw, {"easting", "northing"})
    return raw


def rebuild(source_dir: Path, out_dir: Path = PUBLISHED_DIR) -> dict[str, Any]:
    """Write every shipped file and the manifest; return the manifest."""
    entries = []
    for source in SOURCES:
        raw = (source_dir / (source.published_name or source.path)).read_bytes()
        shipped = lzma.compress(compact(source, raw), **_LZMA)  # type: ignore[arg-type]
        target = out_dir / f"{source.path}.xz"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(shipped)
        entries.append(
            {
                "path": source.path,
                "publisher": source.publisher,
                "licence": source.licence,
                "edition": source.edition,
                "origin": source.origin,
                "compacted": source.compacted or "no: byte for byte",
                "published_sha256": hashlib.sha256(raw).hexdigest(),
                "published_bytes": len(raw),
                "shipped_file": f"{source.path}.xz",
                "shipped_sha256": hashlib.sha256(shipped).hexdigest(),
                "shipped_bytes": len(shipped),
            }
        )
    manifest = {"files": entries}
    (out_dir / "MANIFEST.json").write_text(
        json.dumps(manifest, indent=1, ensure_ascii=False) + "\n", encoding="utf-8"
    )
    return manifest


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print("usage: python -m loaders.opendata.rebuild_published SOURCE_DIR", file=sys.stderr)
        return 2
    manifest = rebuild(Path(argv[0]))
    total = sum(e["shipped_bytes"] for e in manifest["files"])
    published = sum(e["published_bytes"] for e in manifest["files"])
    print(f"{len(manifest['files'])} files: {published:,} bytes published → {total:,} shipped")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
