"""The duplicate rule measured on the data the project ships, against pairs judged by hand.

``data/judged_duplicates.csv`` holds every pair the rule flagged on the shipped listings (2,128
services), every candidate pair it scored from 0.55 up, and the verdict of a person who read
their names, addresses, postcodes and phones: the same place listed twice, or not. This test
fails when the rule flags a pair nobody has judged (judge it and add it), and measures
precision and recall on the judged set.
"""

from __future__ import annotations

import csv
from itertools import combinations
from pathlib import Path

import neo4j
import pytest

from graph.settings import Neo4jSettings
from loaders.demo import load_demo
from queries import projection
from queries.analytics.duplicates import duplicate_groups
from tests.support.wipe import wipe_graph

pytestmark = pytest.mark.neo4j

JUDGED = Path(__file__).parent / "data" / "judged_duplicates.csv"


def _judged() -> dict[frozenset[str], bool]:
    with JUDGED.open(encoding="utf-8") as handle:
        return {
            frozenset((row["id_a"], row["id_b"])): row["same_place"] == "yes"
            for row in csv.DictReader(handle)
        }


@pytest.fixture(scope="module")
def flagged(driver: neo4j.Driver, neo4j_settings: Neo4jSettings) -> set[frozenset[str]]:
    wipe_graph(driver, neo4j_settings.database)
    load_demo(driver, seed=0)
    listings = projection.listings(driver, neo4j_settings.database)
    assert len(listings) >= 2000
    return {
        frozenset(pair)
        for group in duplicate_groups(listings)
        for pair in combinations(group["ids"], 2)
    }


def test_every_pair_the_rule_flags_on_the_shipped_data_has_been_judged(
    flagged: set[frozenset[str]],
) -> None:
    unjudged = flagged - set(_judged())
    assert not unjudged, (
        f"judge these and add them to {JUDGED.name}: {sorted(map(sorted, unjudged))}"
    )


def test_the_rule_is_precise_and_finds_most_places_listed_twice(
    flagged: set[frozenset[str]],
) -> None:
    judged = _judged()
    same = {pair for pair, verdict in judged.items() if verdict}
    precision = len(flagged & same) / len(flagged)
    recall = len(flagged & same) / len(same)
    # Measured 2026-12-04: 14 pairs flagged, all the same place (precision 1.0); 14 of the 17
    # judged the same place (recall 0.82). Missed: the Hale congregation's old and new
    # charities (two postcodes), "The Counselling and Family Centre, Altrincham" beside
    # "The Counselling and Family Centre", "Trussel Trust Oldham" beside "Trussell Trust".
    assert precision == 1.0
    assert recall >= 14 / 17
