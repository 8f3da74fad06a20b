"""People living in each LSOA, from a published population table.

Coverage is measured per person (:mod:`queries.analytics.coverage`), so each area needs its
population: Wales from the ONS mid-2020 small area population estimates (LSOA 2011, the
geography of WIMD 2019 and of the Welsh boundaries shipped), Trafford from Census 2021 usual
residents (:func:`loaders.opendata.indicators.parse_census_general_health`).
"""

from __future__ import annotations

import csv
from pathlib import Path

from loaders.opendata.rows import ParseResult

__all__ = ["parse_lsoa_population"]


def parse_lsoa_population(path: Path) -> ParseResult[tuple[str, int]]:
    """``(lsoa code, all ages)`` per row; rows with a missing code or a bad count are rejected.

    The table's columns are ``lsoa11_code`` and ``all_ages`` (see
    ``loaders/opendata/rebuild_published.py`` for how it is cut from the ONS release).
    """
    result: ParseResult[tuple[str, int]] = ParseResult(file=path.name)
    with path.open(encoding="utf-8", newline="") as handle:
        for row_no, row in enumerate(csv.DictReader(handle), start=2):
            code = (row.get("lsoa11_code") or "").strip()
            if not code:
                result.reject(row_no, "lsoa11_code", "missing LSOA code", None)
                continue
            try:
                people = int(row.get("all_ages") or "")
            except ValueError:
                result.reject(
                    row_no, "all_ages", f"not a whole number: {row.get('all_ages')!r}", code
                )
                continue
            if people < 0:
                result.reject(row_no, "all_ages", f"negative count {people}", code)
                continue
            result.records.append((code, people))
    return result
