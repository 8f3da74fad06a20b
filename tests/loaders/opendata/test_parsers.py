"""Each real file's parser, on a small slice of the file plus deliberately bad rows.

A bad row is named (file, row, field, reason) and nothing of it is kept; the good rows of
the same file still come through.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from loaders.opendata.care_homes import parse_care_homes
from loaders.opendata.charities import parse_charities
from loaders.opendata.libraries import parse_gm_libraries, parse_wales_libraries
from loaders.opendata.ods import parse_epraccur, parse_trafford_practices
from loaders.opendata.points import (
    parse_food_banks,
    parse_mental_health,
    parse_nhs_wales_sites,
    parse_pharmacies,
    parse_sports_clubs,
)
from loaders.opendata.postcodes import PostcodeIndex
from tests.loaders.opendata.slices import DATA, csv_slice, geojson_slice

W, T = DATA / "wales", DATA / "trafford"


@pytest.fixture(scope="module")
def postcodes() -> PostcodeIndex:
    return PostcodeIndex.from_tables([W / "wales_postcodes_2018.csv", T / "trafford_postcodes.csv"])


def test_epraccur_keeps_active_gp_practices_and_skips_the_rest(
    tmp_path: Path, postcodes: PostcodeIndex
) -> None:
    src = csv_slice(W / "wales_gp_practices_epraccur_2025-09.csv", tmp_path / "ep.csv", 40)
    result = parse_epraccur(src, postcodes)
    assert result.records and not result.rejected
    assert {(a.description, a.description_cy) for a in result.records} == {
        ("NHS general practice", "Meddygfa'r GIG")
    }
    assert all(a.id.startswith("gp:W") and a.tag == "gp" for a in result.records)
    assert len(result.records) + len(result.skipped) == 40
    first = result.records[0]
    assert first.organisation.identifier == ("ODS", first.source_id)
    assert first.latitude is not None  # found by postcode
    # The practice's commissioning health board, as the register states it: a fact, not made up.
    boards = {a.organisation.member_of for a in result.records}
    assert boards and boards <= {f"org:ods:7A{i}" for i in range(1, 8)}


def test_epraccur_row_without_code_is_rejected_and_named(tmp_path: Path) -> None:
    bad = ",NO CODE PRACTICE,W00,Q99,A,B,C,D,,CF10 1AA,20030301,,A,B,7A4,20091001,,029,0,7A4,4"
    src = csv_slice(W / "wales_gp_practices_epraccur_2025-09.csv", tmp_path / "ep.csv", 5, [bad])
    result = parse_epraccur(src)
    (rejection,) = result.rejected
    assert (rejection.file, rejection.row, rejection.field) == ("ep.csv", 6, "organisation_code")


def test_trafford_practices_get_codes_phones_and_coordinates(postcodes: PostcodeIndex) -> None:
    result = parse_trafford_practices(
        T / "trafford_gp_patient_registrations.csv",
        T / "trafford_general_practices.csv",
        T / "trafford_gp_practices_with_codes_2019.csv",
        postcodes,
    )
    assert len(result.records) == 26 and not result.rejected
    park = next(a for a in result.records if a.id == "gp:P91003")
    assert park.phone == "0161 9733485"
    assert park.latitude == pytest.approx(53.398559)


def test_geojson_feature_with_bad_point_is_rejected_rest_kept(tmp_path: Path) -> None:
    bad = {
        "type": "Feature",
        "properties": {"Name": "Nowhere Food Bank", "Postcode": "M1 1AA"},
        "geometry": {"type": "Point", "coordinates": ["east", 53.4]},
    }
    nameless = {
        "type": "Feature",
        "properties": {"Name": "  ", "Postcode": "M1 1AA"},
        "geometry": {"type": "Point", "coordinates": [-2.2, 53.4]},
    }
    src = geojson_slice(T / "gm_food_banks.geojson", tmp_path / "fb.geojson", 5, [bad, nameless])
    result = parse_food_banks(src)
    assert len(result.records) == 5
    assert [(r.row, r.field) for r in result.rejected] == [
        (6, "latitude/longitude"),
        (7, "name"),
    ]
    assert "not a number" in result.rejected[0].reason


def test_food_bank_ids_are_stable_across_parses(tmp_path: Path) -> None:
    src = geojson_slice(T / "gm_food_banks.geojson", tmp_path / "fb.geojson", 10)
    first = [a.id for a in parse_food_banks(src).records]
    assert first == [a.id for a in parse_food_banks(src).records]
    assert len(set(first)) == 10


def test_pharmacies_have_weekly_schedules_and_ods_ids() -> None:
    result = parse_pharmacies(T / "trafford_pharmacies.geojson")
    assert len(result.records) == 57 and not result.rejected
    pharmacy = result.records[0]
    assert pharmacy.id == "pharmacy:FKJ04"
    assert pharmacy.hours[0].byday == "MO,TU,WE,TH,FR"
    record = pharmacy.to_hsds()
    assert record["schedules"][0]["freq"] == "WEEKLY"
    assert record["attributes"][0]["taxonomy_term"]["code"] == "pharmacy"


@pytest.mark.parametrize(
    ("parse", "path", "tag"),
    [
        (parse_sports_clubs, T / "sports_clubs.geojson", "sport"),
        (parse_mental_health, T / "trafford_mental_health_services.geojson", "mental_health"),
    ],
)
def test_point_layers_become_tagged_assets(parse, path: Path, tag: str, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    result = parse(geojson_slice(path, tmp_path / path.name, 12))
    assert len(result.records) == 12 and not result.rejected
    assert {a.tag for a in result.records} == {tag}


def test_nhs_sites_are_provided_by_their_health_board() -> None:
    result = parse_nhs_wales_sites(
        W / "nhs_wales_sites_points.geojson", None, W / "nhs_wales_organisations.csv"
    )
    chirk = next(a for a in result.records if a.id == "hospital:7A1A7")
    assert chirk.organisation.id == "org:ods:7A1"
    assert chirk.organisation.name == "Betsi Cadwaladr University Health Board"
    english = next(a for a in result.records if a.id == "hospital:RXWAS")
    assert english.organisation.id == "org:hospital:RXWAS"


def test_nhs_sites_and_health_boards_keep_the_welsh_names_nhs_wales_publishes() -> None:
    result = parse_nhs_wales_sites(
        W / "nhs_wales_sites_points.geojson", None, W / "nhs_wales_organisations.csv"
    )
    uhw = next(a for a in result.records if a.id == "hospital:7A4BV")
    assert (uhw.name, uhw.name_cy) == ("University Hospital of Wales", "Ysbyty Athrofaol Cymru")
    assert uhw.organisation.name_cy == "Bwrdd Iechyd Prifysgol Caerdydd a'r Fro"
    assert uhw.description is None  # no longer standing in for the Welsh name
    record = uhw.to_hsds()  # HSDS has one name: the Welsh one travels as alternate_name
    assert record["alternate_name"] == "Ysbyty Athrofaol Cymru"
    assert record["organization"]["alternate_name"] == "Bwrdd Iechyd Prifysgol Caerdydd a'r Fro"
    assert all(a.name_cy for a in result.records)  # the file names all 83 sites in Welsh
    english = next(a for a in result.records if a.id == "hospital:RXWAS")
    assert english.name_cy == "Ysbyty Brenhinol Amwythig"  # English hospitals too
    assert english.organisation.name_cy is None  # its trust is not in the Welsh register


def test_wales_libraries_skip_closed_ones_and_find_coordinates_by_postcode(
    postcodes: PostcodeIndex,
) -> None:
    result = parse_wales_libraries(W / "wales_libraries_2025.csv", postcodes)
    assert len(result.records) == 263 and len(result.skipped) == 2 and not result.rejected
    located = [a for a in result.records if a.latitude is not None]
    assert len(located) >= 255
    assert result.records[0].organisation.id == "org:libraries:W06000001"


def test_a_welsh_library_service_is_named_in_welsh_from_its_council_s_welsh_name(
    postcodes: PostcodeIndex,
) -> None:
    result = parse_wales_libraries(
        W / "wales_libraries_2025.csv",
        postcodes,
        {"W06000015": "Cardiff", "W06000014": "Vale of Glamorgan"},
        {"W06000015": "Caerdydd", "W06000014": "Bro Morgannwg"},
    )
    services = {a.organisation.id: a.organisation for a in result.records}
    cardiff = services["org:libraries:W06000015"]
    assert (cardiff.name, cardiff.name_cy) == (
        "Cardiff library service",
        "Gwasanaeth llyfrgell Caerdydd",
    )
    assert services["org:libraries:W06000014"].name_cy == "Gwasanaeth llyfrgell Bro Morgannwg"
    # what kind of library it is, in both languages
    council_run = next(a for a in result.records if a.organisation.id.endswith("W06000015"))
    assert (council_run.description, council_run.description_cy) == (
        "Local authority run library",
        "Llyfrgell a redir gan yr awdurdod lleol",
    )
    kinds = {(a.description, a.description_cy) for a in result.records}
    assert ("Community library", "Llyfrgell gymunedol") in kinds
    # an authority whose Welsh name is not given gets no made-up one
    assert services["org:libraries:W06000001"].name_cy is None


def test_gm_library_with_out_of_range_latitude_is_rejected(tmp_path: Path) -> None:
    bad = 'Bad Library,"1 Road",M1 1AA,Local authority run library,,,Trafford,E08000009,-2.3,153.4'
    src = csv_slice(T / "gm_libraries.csv", tmp_path / "lib.csv", 3, [bad])
    result = parse_gm_libraries(src)
    assert len(result.records) == 3
    (rejection,) = result.rejected
    assert rejection.row == 4 and "latitude 153.4 out of range" in rejection.reason


def test_care_homes_share_their_provider_organisation() -> None:
    result = parse_care_homes(T / "trafford_care_homes.csv")
    assert len(result.records) == 56 and not result.rejected
    providers = {a.organisation.id for a in result.records}
    assert len(providers) < len(result.records)


def test_charities_get_keyword_tags_from_their_activities(tmp_path: Path) -> None:
    row = (
        '999001,NA,TRAFFORD FOOD HELP,CIO,"We run a food bank and mental health drop-in.",'
        '2020-01-01,"1 Road, Sale",M33 7XX,NA,NA,NA'
    )
    src = csv_slice(T / "charities_operating_in_trafford.csv", tmp_path / "ch.csv", 3, [row])
    result = parse_charities(src)
    food = next(a for a in result.records if a.id == "charity:999001")
    assert food.tags == ("charity", "food_bank", "mental_health")
    assert food.latitude is None  # unknown postcode: kept, with a warning
    assert any("charity:999001" in w for w in result.warnings)
