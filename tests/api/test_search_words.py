"""``searchAssets`` answers the words connectors type: Welsh or English, compounds or spaced,
a kind of service or a need, every word before some words, and nearer before farther.

Services are written the way ``load demo`` writes open data: an :class:`Asset` (with its kind
as a taxonomy term) through the Open Referral loader, and its needs by the tagging rules.
"""

from __future__ import annotations

from typing import Any

import neo4j
import pytest

from graph.repositories import areas as repo
from loaders.opendata.asset import Asset
from loaders.opendata.needs import NEEDS
from loaders.oruk import load_service_records
from tests.api.conftest import GraphQL

pytestmark = pytest.mark.neo4j

CARDIFF = (51.4816, -3.1791)

SEARCH = """query S($text: String!, $lat: Float, $lon: Float, $r: Float) {
  searchAssets(text: $text, latitude: $lat, longitude: $lon, radiusKm: $r, first: 20) {
    totalCount edges { matchedAllWords distanceKm node { id name kind { id en cy } } }
  }
}"""

# (id, name, kind, description, km east of the centre)
SERVICES: list[tuple[str, str, str, str | None, float]] = [
    ("fb:stretford", "STRETFORD FOODBANK", "food_bank", None, 1.0),
    ("fb:trafford", "Trafford Food Bank", "food_bank", "Emergency food parcels", 2.0),
    ("ch:band", "Stretford Brass Band", "charity", "Music for all ages", 0.5),
    ("lib:central", "Cardiff Central Library", "library", None, 0.3),
    ("lib:canton", "Canton Library", "library", None, 1.5),
    ("lib:canton-far", "Canton Library", "library", None, 3.0),
    ("gp:clare", "CLARE ROAD MEDICAL CENTRE", "gp", None, 2.5),
    ("ph:surgery-road", "Surgery Road Pharmacy", "pharmacy", None, 0.2),
    (
        "ch:alz",
        "Alzheimer's Society Trafford",
        "charity",
        "Support for people with memory loss",
        4.0,
    ),
    ("sp:walk", "Cardiff Ramblers", "sport", "Weekly walking group", 1.2),
    ("ch:sale-fb", "SALE FOODBANK", "charity", None, 6.0),  # a food bank listed as a charity
]


def _asset(sid: str, name: str, kind: str, description: str | None, east_km: float) -> Asset:
    return Asset.model_validate(
        {
            "id": sid,
            "source": "test:search",
            "source_id": sid,
            "name": name,
            "tag": kind,
            "description": description,
            "organisation": {"id": f"org:{sid}", "name": f"Provider {sid}", "sector": "community"},
            "latitude": CARDIFF[0],
            "longitude": CARDIFF[1] + east_km / 69.4,  # ~69.4 km per degree at 51.5°N
        }
    )


@pytest.fixture(scope="module")
def search(driver: neo4j.Driver, gql: GraphQL) -> Any:
    assets = [_asset(*row) for row in SERVICES]
    summary = load_service_records(driver, [a.to_hsds() for a in assets], "test:search")
    assert not summary.rejects, summary.rejects
    repo.upsert_needs(driver, NEEDS)
    repo.link_addresses(
        driver,
        [
            {"service_id": a.id, "need_id": t.need, "rule": t.rule}
            for a in assets
            for t in a.need_tags()
        ],
    )

    def run(text: str, near: bool = True) -> list[dict[str, Any]]:
        variables: dict[str, Any] = {"text": text}
        if near:
            variables |= {"lat": CARDIFF[0], "lon": CARDIFF[1], "r": 10.0}
        body = gql(SEARCH, variables)
        assert "errors" not in body, body
        return list(body["data"]["searchAssets"]["edges"])

    return run


def _ids(edges: list[dict[str, Any]], exact_only: bool = True) -> list[str]:
    return [e["node"]["id"] for e in edges if e["matchedAllWords"] or not exact_only]


@pytest.mark.parametrize("text", ["foodbank", "food bank", "banc bwyd", "Food Banks"])
def test_compounds_spaced_forms_and_welsh_find_every_food_bank(search: Any, text: str) -> None:
    assert set(_ids(search(text))) == {"fb:stretford", "fb:trafford"}


@pytest.mark.parametrize("text", ["llyfrgell", "library", "Llyfrgelloedd"])
def test_welsh_and_english_words_for_library_find_the_libraries(search: Any, text: str) -> None:
    assert set(_ids(search(text))) == {"lib:central", "lib:canton", "lib:canton-far"}


def test_a_kind_of_service_ranks_services_of_that_kind_first(search: Any) -> None:
    assert _ids(search("gp surgery"))[0] == "gp:clare"
    assert _ids(search("meddygfa")) == ["gp:clare"]


def test_every_word_must_match_before_looser_matches(search: Any) -> None:
    edges = search("Cardiff Central Library")
    assert _ids(edges) == ["lib:central"]
    looser = _ids(edges, exact_only=False)[1:]
    assert set(looser) >= {"lib:canton", "lib:canton-far"}
    assert [e["matchedAllWords"] for e in edges] == sorted(
        (e["matchedAllWords"] for e in edges), reverse=True
    )


def test_distance_breaks_ties_inside_a_radius(search: Any) -> None:
    ids = _ids(search("Canton Library"))
    assert ids.index("lib:canton") < ids.index("lib:canton-far")


def test_a_need_finds_services_whose_own_words_address_it(search: Any) -> None:
    assert _ids(search("dementia", near=False)) == ["ch:alz"]
    assert _ids(search("grŵp cerdded")) == ["sp:walk"]


def test_brass_bands_are_not_food_banks(search: Any) -> None:
    assert "ch:band" not in _ids(search("banc bwyd"), exact_only=False)


def test_every_result_says_what_kind_of_service_it_is(search: Any) -> None:
    kinds = {e["node"]["id"]: e["node"]["kind"] for e in search("library")}
    assert kinds["lib:central"] == {"id": "library", "en": "Library", "cy": "Llyfrgell"}
    gp = search("meddygfa")[0]["node"]["kind"]
    assert (gp["en"], gp["cy"]) == ("GP practice", "Meddygfa")


NEAR_TEXT = """query N($text: String!, $r: Float!, $free: Boolean!) {
  assetsNear(latitude: 51.4816, longitude: -3.1791, radiusKm: $r, text: $text,
             freeOnly: $free, includeUnknown: true, first: 50) {
    totalCount edges { distanceKm unknown node { id } }
  }
}"""


@pytest.mark.parametrize(
    ("text", "radius"),
    [("banc bwyd", 10.0), ("library", 2.0), ("library", 10.0), ("grŵp cerdded", 10.0)],
)
def test_assets_near_with_text_keeps_the_every_word_matches_nearest_first(
    search: Any, gql: GraphQL, text: str, radius: float
) -> None:
    """The connector's text box: the same services as searchAssets' every-word tier within
    the radius, ordered by distance, with the filters still applied."""
    body = gql(SEARCH, {"text": text, "lat": CARDIFF[0], "lon": CARDIFF[1], "r": radius})
    want = {
        e["node"]["id"]: e["distanceKm"]
        for e in body["data"]["searchAssets"]["edges"]
        if e["matchedAllWords"]
    }
    near = gql(NEAR_TEXT, {"text": text, "r": radius, "free": False})["data"]["assetsNear"]
    got = [(e["node"]["id"], e["distanceKm"]) for e in near["edges"]]
    assert want, "the text matched nothing: the comparison proves little"
    assert [i for i, _ in got] == sorted(want, key=lambda i: (want[i], i))
    assert near["totalCount"] == len(want)
    # freeOnly with unknowns included: the same services, each marked COST unknown
    # (none of these test services states a cost), none dropped silently.
    free = gql(NEAR_TEXT, {"text": text, "r": radius, "free": True})["data"]["assetsNear"]
    unknown = {e["node"]["id"]: e["unknown"] for e in free["edges"]}
    assert set(unknown) <= set(want)
    assert all("COST" in u for i, u in unknown.items() if not i.startswith(("lib:", "fb:")))


def test_a_typed_name_finds_that_listing_first_whatever_kind_it_is_listed_as(
    search: Any,
) -> None:
    """Listed as a charity, SALE FOODBANK is not of the kind "foodbank" names; typed by its
    name it still comes first, ahead of every food bank nearer the centre."""
    edges = search("Sale Foodbank")
    assert edges[0]["node"]["id"] == "ch:sale-fb" and edges[0]["matchedAllWords"]
    assert search("stretford foodbank")[0]["node"]["id"] == "fb:stretford"
