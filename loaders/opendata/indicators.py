"""Per-area need indicators: WIMD 2019, IMD 2019, QOF prevalence, Census 2021.

Each indicator becomes ``(Area)-[:HAS_NEED {indicator, level, value, year, source}]->(Need)``.
``value`` is the figure as published (a decile, a percentage, a share); ``level`` puts every
indicator on one scale, 0 to 1 with higher meaning more need, so coverage can compare them:

* deciles (1 = most deprived 10 %): ``level = (11 - decile) / 10``;
* percentages (QOF registers): ``level = percent / 100``;
* shares of residents (census): ``level = share``.
"""

from __future__ import annotations

from pathlib import Path

from pydantic import BaseModel, Field

from loaders.opendata.rows import ParseResult, read_csv

__all__ = [
    "IMD_DOMAINS",
    "QOF_COLUMNS",
    "WIMD_DOMAINS",
    "NeedLevel",
    "parse_census_general_health",
    "parse_census_unpaid_care",
    "parse_imd_england",
    "parse_qof_prevalence",
    "parse_wimd",
]

#: WIMD 2019 domain decile column → need.
WIMD_DOMAINS: dict[str, str] = {
    "IMD_decile": "deprivation",
    "Income_decile": "food_poverty",
    "Health_decile": "poor_health",
    "Access_decile": "isolation",
    "Housing_decile": "housing",
    "Employment_decile": "employment",
    "Education_decile": "education",
}
#: English IMD 2019 domain decile column → need.
IMD_DOMAINS: dict[str, str] = {
    "IMD_decile": "deprivation",
    "Income_decile": "food_poverty",
    "Health_decile": "poor_health",
    "Housing_and_Access_decile": "housing",
    "Employment_decile": "employment",
    "Education_decile": "education",
}
#: QOF prevalence column (per cent of registered patients) → need.
QOF_COLUMNS: dict[str, str] = {
    "dementia_pct": "dementia",
    "diabetes_17plus_pct": "diabetes",
    "cancer_pct": "cancer",
    "mental_health_pct": "mental_health",
    "hypertension_pct": "hypertension",
    "obesity_16plus_pct": "obesity",
    "rheumatoid_arthritis_16plus_pct": "musculoskeletal",
    "mean_asthma_copd_pct": "respiratory",
    "mean_af_chd_hf_stroke_pct": "cardiovascular",
}


class NeedLevel(BaseModel):
    """One ``HAS_NEED`` row."""

    area_id: str = Field(min_length=1)
    need_id: str
    indicator: str
    level: float = Field(ge=0, le=1)
    value: float
    year: int
    source: str


def _deciles(
    path: Path, domains: dict[str, str], prefix: str, source: str, year: int
) -> ParseResult[NeedLevel]:
    result: ParseResult[NeedLevel] = ParseResult(file=path.name)
    for row_no, row in read_csv(path, result.warnings):
        area = row.get("lsoa11_code")
        if not area:
            result.reject(row_no, "lsoa11_code", "no LSOA code")
            continue
        for column, need in domains.items():
            raw = row.get(column)
            try:
                decile = float(raw) if raw is not None else None
            except ValueError:
                decile = None
            if decile is None or not 1 <= decile <= 10 or decile != int(decile):
                result.reject(row_no, column, f"not a decile 1..10: {raw!r}", area)
                continue
            result.records.append(
                NeedLevel(
                    area_id=area,
                    need_id=need,
                    indicator=f"{prefix}_{column.removesuffix('_decile').lower()}_decile",
                    level=(11 - decile) / 10,
                    value=decile,
                    year=year,
                    source=source,
                )
            )
    return result


def parse_wimd(path: Path) -> ParseResult[NeedLevel]:
    """Welsh Index of Multiple Deprivation 2019 deciles per LSOA (1 = most deprived)."""
    return _deciles(path, WIMD_DOMAINS, "wimd2019", "wimd:2019", 2019)


def parse_imd_england(path: Path) -> ParseResult[NeedLevel]:
    """English Indices of Deprivation 2019 deciles per LSOA (1 = most deprived)."""
    return _deciles(path, IMD_DOMAINS, "imd2019", "imd:2019", 2019)


def parse_qof_prevalence(path: Path) -> ParseResult[NeedLevel]:
    """QOF disease-register prevalence per health board (StatsWales HLTH1113)."""
    result: ParseResult[NeedLevel] = ParseResult(file=path.name)
    for row_no, row in read_csv(path, result.warnings):
        area = row.get("lhb_code_in_lookup")
        try:
            year = int(row.get("year") or "")
        except ValueError:
            result.reject(row_no, "year", f"not a year: {row.get('year')!r}", area)
            continue
        if not area:
            result.reject(row_no, "lhb_code_in_lookup", "no health board code")
            continue
        for column, need in QOF_COLUMNS.items():
            try:
                pct = float(row.get(column) or "")
            except ValueError:
                result.reject(row_no, column, f"not a number: {row.get(column)!r}", area)
                continue
            if not 0 <= pct <= 100:
                result.reject(row_no, column, f"percentage {pct} out of range 0..100", area)
                continue
            result.records.append(
                NeedLevel(
                    area_id=area, need_id=need, indicator=f"qof_{column}", level=pct / 100,
                    value=pct, year=year, source="statswales:qof",
                )
            )  # fmt: skip
    return result


def _census_counts(
    path: Path, category: str
) -> tuple[ParseResult[NeedLevel], dict[str, dict[str, int]]]:
    result: ParseResult[NeedLevel] = ParseResult(file=path.name)
    counts: dict[str, dict[str, int]] = {}
    for row_no, row in read_csv(path, result.warnings):
        area, label = row.get("area_code"), row.get(category)
        if not area or not label:
            result.reject(row_no, "area_code" if not area else category, "missing", area)
            continue
        try:
            value = int(row.get("value") or "")
        except ValueError:
            result.reject(row_no, "value", f"not a count: {row.get('value')!r}", area)
            continue
        if value < 0:
            result.reject(row_no, "value", f"negative count {value}", area)
            continue
        counts.setdefault(area, {})[label] = value
    return result, counts


def parse_census_general_health(path: Path) -> tuple[ParseResult[NeedLevel], dict[str, int]]:
    """Census 2021 self-reported health: share in bad or very bad health → ``poor_health``.

    Also returns each LSOA's population (usual residents: the sum of the five categories).
    """
    result, counts = _census_counts(path, "general_health")
    population: dict[str, int] = {}
    for area, by_label in sorted(counts.items()):
        total = sum(by_label.values())
        population[area] = total
        if total == 0:
            continue
        bad = by_label.get("Bad health", 0) + by_label.get("Very bad health", 0)
        result.records.append(
            NeedLevel(
                area_id=area, need_id="poor_health", indicator="census2021_bad_health_share",
                level=bad / total, value=round(bad / total, 6), year=2021, source="ons:census2021",
            )
        )  # fmt: skip
    return result, population


def parse_census_unpaid_care(path: Path) -> ParseResult[NeedLevel]:
    """Census 2021 unpaid care: share of residents (5+) giving any → ``unpaid_care``."""
    result, counts = _census_counts(path, "unpaid_care")
    for area, by_label in sorted(counts.items()):
        total = sum(by_label.values())
        if total == 0:
            continue
        carers = total - by_label.get("Provides no unpaid care", 0)
        result.records.append(
            NeedLevel(
                area_id=area, need_id="unpaid_care", indicator="census2021_unpaid_care_share",
                level=carers / total, value=round(carers / total, 6), year=2021,
                source="ons:census2021",
            )
        )  # fmt: skip
    return result
