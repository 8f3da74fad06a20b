"""Open-data names and addresses read well: capitals recased (acronyms kept), no address line
that repeats the name, and the publisher's own spelling kept as the alternate name."""

from __future__ import annotations

from loaders.opendata.asset import Asset
from loaders.opendata.build import add_asset
from loaders.opendata.readable import address_lines, readable_case
from loaders.opendata.rows import ParseResult


def test_capitals_are_recased_and_acronyms_kept() -> None:
    assert readable_case("CLARE ROAD MEDICAL CENTRE") == "Clare Road Medical Centre"
    assert readable_case("ST MARY'S NHS HEALTH CENTRE") == "St Mary's NHS Health Centre"
    assert readable_case("GLAN YR AFON SURGERY") == "Glan yr Afon Surgery"


def test_mixed_case_from_the_publisher_is_left_alone() -> None:
    assert readable_case("BRASS Bolton") == "BRASS Bolton"
    assert readable_case("McDonald House") == "McDonald House"


def test_an_address_line_that_repeats_the_name_is_dropped() -> None:
    assert address_lines("NORTH COURT", "NORTH COURT", "DAVID STREET", "BRIDGEND") == [
        "David Street",
        "Bridgend",
    ]


def test_an_asset_keeps_the_publishers_spelling_as_its_alternate_name() -> None:
    result: ParseResult[Asset] = ParseResult(file="epraccur.csv")
    asset = add_asset(
        result,
        1,
        None,
        id="gp:W97018",
        source="ods:epraccur",
        source_id="W97018",
        name="BETTWS HEALTH CENTRE",
        tag="gp",
        organisation={"id": "org:W97018", "name": "Bettws", "sector": "primary_care"},
        address_1="BETTWS HEALTH CENTRE, MONNOW WAY",
        city="NEWPORT",
        latitude=51.6,
        longitude=-3.0,
    )
    assert asset is not None
    assert (asset.name, asset.alternate_name) == ("Bettws Health Centre", "BETTWS HEALTH CENTRE")
    assert (asset.address_1, asset.city) == ("Monnow Way", "Newport")
