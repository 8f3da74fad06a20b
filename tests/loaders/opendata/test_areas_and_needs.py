"""Area hierarchy, point in polygon, and per-area need levels from the real files."""

from __future__ import annotations

from pathlib import Path

import pytest

from loaders.areas import health_board_for_ods, merge_indexes, trafford_areas, wales_areas
from loaders.opendata.indicators import (
    parse_census_general_health,
    parse_census_unpaid_care,
    parse_imd_england,
    parse_qof_prevalence,
    parse_wimd,
)
from loaders.opendata.needs import NEEDS, need_tags, needs_for_tags
from queries.vocabulary import TYPE_NEEDS
from tests.loaders.opendata.slices import DATA, csv_slice

W, T = DATA / "wales", DATA / "trafford"


@pytest.fixture(scope="module")
def wales():  # type: ignore[no-untyped-def]
    return wales_areas(
        W / "wales_lsoa11_boundaries_bsc.geojson",
        W / "wimd2019_lsoa_geography_lookup.csv",
        W / "wales_local_authorities_lad13.geojson",
        W / "wales_lsoa11_popweighted_centroids.geojson",
    )


def test_wales_hierarchy_is_lsoa_to_local_authority_to_health_board(wales) -> None:  # type: ignore[no-untyped-def]
    result, _ = wales
    kinds: dict[str, int] = {}
    for area in result.records:
        kinds[area.kind] = kinds.get(area.kind, 0) + 1
    assert kinds == {"lsoa": 1909, "local_authority": 22, "health_board": 7}
    by_id = {a.id: a for a in result.records}
    lsoa = by_id["W01000001"]
    assert by_id[lsoa.parent_id or ""].kind == "local_authority"
    assert by_id[by_id[lsoa.parent_id or ""].parent_id or ""].id == "W11000023"
    assert not result.rejected


def test_point_in_polygon_places_cardiff_castle_in_a_cardiff_lsoa(wales) -> None:  # type: ignore[no-untyped-def]
    result, index = wales
    parent = {a.id: a.parent_id for a in result.records}
    lsoa = index.locate(51.4822, -3.1812)
    assert lsoa is not None and parent[lsoa] == "W06000015"
    assert index.locate(48.0, 0.0) is None  # France is in no Welsh LSOA


def test_trafford_and_wales_share_one_index() -> None:
    result, index = trafford_areas(T / "trafford_lsoa21_generalised.geojson")
    assert {a.kind for a in result.records} == {"lsoa", "local_authority", "health_board"}
    both = merge_indexes([index])
    assert (both.locate(53.4456, -2.3339) or "").startswith("E01")  # Sale


def test_health_boards_match_by_name_whatever_the_spelling() -> None:
    boards = {
        "W11000024": "Powys Teaching Health Board",
        "W11000029": "Cardiff and Vale University Health Board",
    }
    got = health_board_for_ods(W / "nhs_wales_organisations.csv", boards)
    assert got["7A7"] == "W11000024"


def test_wimd_deciles_become_levels_where_most_deprived_is_highest(tmp_path: Path) -> None:
    src = csv_slice(W / "wimd2019_lsoa11.csv", tmp_path / "wimd.csv", 3)
    result = parse_wimd(src)
    assert len(result.records) == 3 * 7
    for level in result.records:
        assert level.level == pytest.approx((11 - level.value) / 10)
        assert level.need_id in NEEDS


def test_a_decile_out_of_range_rejects_that_value_only(tmp_path: Path) -> None:
    bad = "W01999999,11" + ",5" * 8 + ",1.0" * 9 + ",1.0" * 9
    src = csv_slice(W / "wimd2019_lsoa11.csv", tmp_path / "wimd.csv", 1, [bad])
    result = parse_wimd(src)
    (rejection,) = result.rejected
    assert (rejection.row, rejection.field, rejection.record_id) == (2, "IMD_decile", "W01999999")
    assert len(result.records) == 7 + 6


def test_qof_imd_and_census_give_levels_in_range() -> None:
    qof = parse_qof_prevalence(W / "wales_lhb_qof_prevalence_2024.csv")
    assert len(qof.records) == 7 * 9 and not qof.rejected
    imd = parse_imd_england(T / "imd2019_lsoa11_trafford.csv")
    assert len(imd.records) == 137 * 6
    health, population = parse_census_general_health(T / "2021_general_health_lsoa_trafford.csv")
    assert len(health.records) == 139
    assert 230_000 < sum(population.values()) < 240_000  # Trafford's residents, 2021
    care = parse_census_unpaid_care(T / "2021_unpaid_care_lsoa_trafford.csv")
    assert all(0 < lv.level < 0.3 for lv in care.records)


def test_every_tag_maps_to_known_needs() -> None:
    assert all(need in NEEDS for needs in TYPE_NEEDS.values() for need in needs)
    assert needs_for_tags(["food_bank"]) == ["food_poverty"]


def test_a_gp_practice_addresses_general_health_by_its_kind_and_nothing_more() -> None:
    assert [(t.need, t.rule) for t in need_tags(["gp"], "CLARE ROAD MEDICAL CENTRE")] == [
        ("poor_health", "type:gp")
    ]


def test_a_charity_is_tagged_by_what_its_own_words_say() -> None:
    tags = need_tags(["charity"], "Alzheimer's Society", "Support for carers of people")
    assert [(t.need, t.rule) for t in tags] == [
        ("dementia", "text:alzheimers"),
        ("unpaid_care", "text:carers"),
    ]
    assert need_tags(["charity"], "Stretford Bowling Club", "Friendly sport") != []
    assert need_tags(["charity"], "St Mary's Church", "Upkeep of the church building") == []


def test_every_welsh_area_counts_its_people_from_the_ons_estimates() -> None:
    """Mid-2020 ONS estimates: Wales 3,169,586 people (ONS, "Population estimates for the
    UK... mid-2020"); Cardiff 369,202 and the Vale of Glamorgan 135,295."""
    from loaders.opendata.catalog import parse_all

    areas = [a for r in parse_all(DATA).areas for a in r.records if a.id.startswith("W")]
    lsoas = [a for a in areas if a.kind == "lsoa"]
    assert len(lsoas) == 1909 and all(a.population for a in lsoas)
    assert sum(a.population or 0 for a in lsoas) == 3_169_586
    by_id = {a.id: a.population for a in areas}
    assert by_id["W06000015"] == 369_202  # Cardiff
    assert by_id["W06000014"] == 135_295  # Vale of Glamorgan
    assert by_id["W11000029"] == 369_202 + 135_295  # Cardiff and Vale health board
    assert sum(a.population or 0 for a in areas if a.kind == "health_board") == 3_169_586


def test_a_bad_population_row_is_named_and_the_rest_are_kept(tmp_path: Path) -> None:
    from loaders.opendata.population import parse_lsoa_population

    table = tmp_path / "people.csv"
    table.write_text(
        "lsoa11_code,lsoa11_name,all_ages,aged_65_plus\n"
        "W01000001,A,1027,365\n,B,5,1\nW01000003,C,many,1\nW01000004,D,-4,0\n",
        encoding="utf-8",
    )
    result = parse_lsoa_population(table)
    assert result.records == [("W01000001", 1027)]
    assert [(r.row, r.field) for r in result.rejected] == [
        (3, "lsoa11_code"),
        (4, "all_ages"),
        (5, "all_ages"),
    ]
    assert "many" in result.rejected[1].reason


def test_every_welsh_health_board_has_its_welsh_name_from_the_nhs_wales_list() -> None:
    """The Welsh analysis screen read "Cardiff and Vale University Health Board (Ardal)"."""
    from loaders.opendata.catalog import parse_all

    boards = {
        a.id: a.name_cy
        for r in parse_all(DATA).areas
        for a in r.records
        if a.kind == "health_board" and a.id.startswith("W")
    }
    assert len(boards) == 7 and all(boards.values())
    assert boards["W11000029"] == "Bwrdd Iechyd Prifysgol Caerdydd a'r Fro"
