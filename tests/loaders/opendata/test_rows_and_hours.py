"""Edge validation of coordinates and rows, postcodes and opening hours (no Neo4j)."""

from __future__ import annotations

from pathlib import Path

import pytest

from loaders.opendata.hours import hours_from_day_columns, hours_from_text
from loaders.opendata.postcodes import PostcodeIndex, normalise_postcode
from loaders.opendata.rows import check_coordinates, read_csv


@pytest.mark.parametrize(
    ("lat", "lon", "reason"),
    [
        ("abc", "-3.1", "not a number"),
        (None, "-3.1", "not a number"),
        ("91", "-3.1", "out of range"),
        ("51.4", "-181", "out of range"),
        ("nan", "-3.1", "not a finite number"),
        ("-3.18", "51.48", "look swapped"),
    ],
)
def test_bad_coordinates_are_named_with_the_reason(lat: str, lon: str, reason: str) -> None:
    result = check_coordinates(lat, lon)
    assert isinstance(result, str)
    assert reason in result


def test_good_coordinates_become_floats() -> None:
    assert check_coordinates("51.4791", "-3.1780") == (51.4791, -3.178)


def test_read_csv_turns_na_and_blanks_into_none_and_numbers_rows_from_one(tmp_path: Path) -> None:
    path = tmp_path / "x.csv"
    path.write_text("a,b,c\n1,NA, \n2,x,N/A\n", encoding="utf-8")
    rows = list(read_csv(path))
    assert rows == [(1, {"a": "1", "b": None, "c": None}), (2, {"a": "2", "b": "x", "c": None})]


def test_postcodes_are_found_whatever_their_spacing(tmp_path: Path) -> None:
    table = tmp_path / "pc.csv"
    table.write_text("postcode,lat,lon\nCH5 1XS,53.2,-3.03\nBAD,1,1\n", encoding="utf-8")
    index = PostcodeIndex.from_tables([table])
    assert index.lookup("ch51xs") == (53.2, -3.03)
    assert index.lookup("CH5  1XS") == (53.2, -3.03)
    assert index.lookup("SA1 1AA") is None
    assert normalise_postcode("L8  7SS") == "L8 7SS"
    assert len(index) == 1


def test_pharmacy_day_columns_group_days_with_the_same_hours() -> None:
    hours = hours_from_day_columns(
        {
            0: "09:00-13:00,14:00-18:00",
            1: "09:00-13:00,14:00-18:00",
            2: "09:00-17:30",
            5: "CLOSED",
            6: "by arrangement",
        }
    )
    got = [(h.byday, h.opens_at, h.closes_at, h.description) for h in hours]
    assert got == [
        ("MO,TU", "09:00:00", "13:00:00", None),
        ("MO,TU", "14:00:00", "18:00:00", None),
        ("WE", "09:00:00", "17:30:00", None),
        ("SU", None, None, "by arrangement"),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Monday - Friday 10:30am - 4pm", ("MO,TU,WE,TH,FR", "10:30:00", "16:00:00")),
        ("Tuesday & Thursday 10am - 2pm", ("TU,TH", "10:00:00", "14:00:00")),
        ("Friday 2 - 4.30pm", ("FR", "14:00:00", "16:30:00")),
        ("Mon 11am - 12noon", ("MO", "11:00:00", "12:00:00")),
        ("By appointment", (None, None, None)),
    ],
)
def test_free_text_hours_parse_simple_patterns_and_keep_the_text(
    text: str, expected: tuple[str | None, str | None, str | None]
) -> None:
    (hours,) = hours_from_text(text)
    assert (hours.byday, hours.opens_at, hours.closes_at) == expected
    assert hours.description == text


def test_unknown_hours_give_no_schedule() -> None:
    assert hours_from_text("Not known") == []
    assert hours_from_text(None) == []
