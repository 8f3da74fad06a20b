"""Which files in the data folder feed which parser: the real-data half of ``load demo``.

:func:`parse_all` reads everything present under ``data_dir`` (``wales/`` and
``trafford/``, each optional) into areas, need levels and assets, without touching Neo4j,
so the parse can be tested on its own and the load is all-or-nothing per batch.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field

from graph.area_index import AreaIndex
from graph.open_data_files import open_data_dir
from loaders.areas import (
    AreaRecord,
    health_board_for_ods,
    health_board_welsh_names,
    merge_indexes,
    trafford_areas,
    wales_areas,
)
from loaders.opendata.asset import Asset
from loaders.opendata.care_homes import parse_care_homes
from loaders.opendata.charities import parse_charities
from loaders.opendata.indicators import (
    NeedLevel,
    parse_census_general_health,
    parse_census_unpaid_care,
    parse_imd_england,
    parse_qof_prevalence,
    parse_wimd,
)
from loaders.opendata.libraries import parse_gm_libraries, parse_wales_libraries
from loaders.opendata.ods import parse_epraccur, parse_trafford_practices
from loaders.opendata.points import (
    parse_food_banks,
    parse_mental_health,
    parse_nhs_wales_sites,
    parse_pharmacies,
    parse_sports_clubs,
)
from loaders.opendata.population import parse_lsoa_population
from loaders.opendata.postcodes import PostcodeIndex
from loaders.opendata.rows import ParseResult

__all__ = ["AssetSource", "OpenData", "default_data_dir", "parse_all"]


def default_data_dir() -> Path:
    """``$COMMONGRAPH_DATA_DIR``, else the open data the project ships (unpacked once)."""
    return open_data_dir()


class AssetSource(BaseModel):
    """The assets of one file, with what was rejected and skipped."""

    source: str
    result: ParseResult[Asset]


class OpenData(BaseModel):
    """Everything parsed from the data folder."""

    model_config = ConfigDict(arbitrary_types_allowed=True)

    areas: list[ParseResult[AreaRecord]] = Field(default_factory=list)
    needs: list[ParseResult[NeedLevel]] = Field(default_factory=list)
    assets: list[AssetSource] = Field(default_factory=list)
    index: AreaIndex | None = None
    ods_boards: dict[str, str] = Field(default_factory=dict)


def _with_population(
    result: ParseResult[AreaRecord], people: dict[str, int], *, whole_boards: bool
) -> None:
    """Set each LSOA's population, each local authority's to the sum of its LSOAs, and (when
    the data holds every authority of each board, as in Wales) each health board's too."""
    records = result.records
    for i, area in enumerate(records):
        if area.kind == "lsoa" and area.id in people:
            records[i] = area.model_copy(update={"population": people[area.id]})
    for parent_kind, child_kind in (
        ("local_authority", "lsoa"),
        ("health_board", "local_authority"),
    ):
        if parent_kind == "health_board" and not whole_boards:
            continue
        sums: dict[str, int] = {}
        for area in records:
            if area.kind == child_kind and area.parent_id and area.population is not None:
                sums[area.parent_id] = sums.get(area.parent_id, 0) + area.population
        for i, area in enumerate(records):
            if area.kind == parent_kind and area.id in sums:
                records[i] = area.model_copy(update={"population": sums[area.id]})


def _each(pairs: list[tuple[str, Path, Callable[[], ParseResult[Asset]]]]) -> list[AssetSource]:
    return [AssetSource(source=src, result=parse()) for src, path, parse in pairs if path.is_file()]


def parse_all(data_dir: Path) -> OpenData:
    """Parse every known file present in ``data_dir`` (missing files are simply absent)."""
    w, t = data_dir / "wales", data_dir / "trafford"
    out = OpenData()
    indexes: list[AreaIndex] = []
    lookup = w / "wimd2019_lsoa_geography_lookup.csv"
    if lookup.is_file() and (w / "wales_lsoa11_boundaries_bsc.geojson").is_file():
        result, index = wales_areas(
            w / "wales_lsoa11_boundaries_bsc.geojson",
            lookup,
            w / "wales_local_authorities_lad13.geojson",
            w / "wales_lsoa11_popweighted_centroids.geojson",
        )
        people = w / "wales_lsoa11_population_mid2020.csv"
        if people.is_file():
            counted = parse_lsoa_population(people)
            _with_population(result, dict(counted.records), whole_boards=True)
            result.rejected.extend(counted.rejected)
        out.areas.append(result)
        indexes.append(index)
        if (w / "nhs_wales_organisations.csv").is_file():
            boards = {a.id: a.name for a in result.records if a.kind == "health_board"}
            out.ods_boards = health_board_for_ods(w / "nhs_wales_organisations.csv", boards)
            welsh = health_board_welsh_names(w / "nhs_wales_organisations.csv", out.ods_boards)
            result.records = [
                a.model_copy(update={"name_cy": welsh[a.id]}) if a.id in welsh else a
                for a in result.records
            ]
    population: dict[str, int] = {}
    if (t / "2021_general_health_lsoa_trafford.csv").is_file():
        health, population = parse_census_general_health(
            t / "2021_general_health_lsoa_trafford.csv"
        )
        out.needs.append(health)
    if (t / "trafford_lsoa21_generalised.geojson").is_file():
        result, index = trafford_areas(t / "trafford_lsoa21_generalised.geojson")
        _with_population(result, population, whole_boards=False)  # GM's other boroughs absent
        out.areas.append(result)
        indexes.append(index)
    if indexes:
        out.index = merge_indexes(indexes)
    for path, parse in (
        (w / "wimd2019_lsoa11.csv", parse_wimd),
        (w / "wales_lhb_qof_prevalence_2024.csv", parse_qof_prevalence),
        (t / "imd2019_lsoa11_trafford.csv", parse_imd_england),
        (t / "2021_unpaid_care_lsoa_trafford.csv", parse_census_unpaid_care),
    ):
        if path.is_file():
            out.needs.append(parse(path))

    postcodes = PostcodeIndex.from_tables(
        [w / "wales_postcodes_2018.csv", t / "trafford_postcodes.csv"]
    )
    las = [a for r in out.areas for a in r.records if a.kind == "local_authority"]
    la_names = {a.id: a.name for a in las}
    la_names_cy = {a.id: a.name_cy for a in las if a.name_cy}
    out.assets = _each(
        [
            ("ods:epraccur", w / "wales_gp_practices_epraccur_2025-09.csv",
             lambda: parse_epraccur(w / "wales_gp_practices_epraccur_2025-09.csv", postcodes)),
            ("geojson:nhs_wales_sites", w / "nhs_wales_sites_points.geojson",
             lambda: parse_nhs_wales_sites(
                 w / "nhs_wales_sites_points.geojson", postcodes, w / "nhs_wales_organisations.csv"
             )),
            ("csv:wales_libraries", w / "wales_libraries_2025.csv",
             lambda: parse_wales_libraries(
                 w / "wales_libraries_2025.csv", postcodes, la_names, la_names_cy
             )),
            ("ods:trafford_gp_registrations", t / "trafford_gp_patient_registrations.csv",
             lambda: parse_trafford_practices(
                 t / "trafford_gp_patient_registrations.csv",
                 t / "trafford_general_practices.csv",
                 t / "trafford_gp_practices_with_codes_2019.csv",
                 postcodes,
             )),
            ("geojson:trafford_pharmacies", t / "trafford_pharmacies.geojson",
             lambda: parse_pharmacies(t / "trafford_pharmacies.geojson", postcodes)),
            ("geojson:gm_food_banks", t / "gm_food_banks.geojson",
             lambda: parse_food_banks(t / "gm_food_banks.geojson", postcodes)),
            ("csv:gm_libraries", t / "gm_libraries.csv",
             lambda: parse_gm_libraries(t / "gm_libraries.csv", postcodes)),
            ("geojson:sports_clubs", t / "sports_clubs.geojson",
             lambda: parse_sports_clubs(t / "sports_clubs.geojson", postcodes)),
            ("geojson:trafford_mental_health_services",
             t / "trafford_mental_health_services.geojson",
             lambda: parse_mental_health(t / "trafford_mental_health_services.geojson", postcodes)),
            ("csv:trafford_care_homes", t / "trafford_care_homes.csv",
             lambda: parse_care_homes(t / "trafford_care_homes.csv", postcodes)),
            ("csv:charity_commission_trafford", t / "charities_operating_in_trafford.csv",
             lambda: parse_charities(t / "charities_operating_in_trafford.csv", postcodes)),
        ]
    )  # fmt: skip
    return out
