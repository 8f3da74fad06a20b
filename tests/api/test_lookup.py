"""``lookup``: a leader starts from a name, not an id — typos forgiven, Welsh names too, and
people only for roles that may see them."""

from __future__ import annotations

from typing import Any

import neo4j
import pytest

from graph.repositories import areas as repo
from loaders.relationships import load_relationship_rows
from tests.api.conftest import GraphQL
from tests.support.keys import make_key

pytestmark = pytest.mark.neo4j

LOOKUP = """query L($text: String!, $first: Int) {
  lookup(text: $text, first: $first) { id name nameCy kind detail context similarity }
}"""

NODES = [
    {"id": "p:sioned", "kind": "person", "name": "Sioned Edwards", "tribe": "nurse"},
    {"id": "p:aled", "kind": "person", "name": "Aled Jones", "tribe": "gp"},
    {"id": "org:clare", "kind": "organisation", "name": "Clare Road Medical Centre"},
    {"id": "org:clarence", "kind": "organisation", "name": "Clarence House Surgery"},
    {"id": "team:canton", "kind": "team", "name": "Canton neighbourhood team"},
]
EDGES = [
    {"source": "p:sioned", "target": "p:aled", "type": "KNOWS"},
    {"source": "p:aled", "target": "org:clare", "type": "WORKS_FOR"},
]


@pytest.fixture(scope="module")
def found(driver: neo4j.Driver, gql: GraphQL) -> Any:
    summary = load_relationship_rows(driver, NODES, EDGES, "test:lookup")
    assert not summary.rejects, summary.rejects
    repo.upsert_areas(
        driver,
        [
            {"id": "W06000015", "name": "Cardiff", "name_cy": "Caerdydd",
             "kind": "local_authority", "latitude": 51.5, "longitude": -3.2, "population": None,
             "source": "test", "source_id": "W06000015", "hash": "1"},
        ],
    )  # fmt: skip
    leader = make_key(driver, "leader")

    def run(text: str, key: str | None = leader, first: int = 5) -> list[dict[str, Any]]:
        body = gql(LOOKUP, {"text": text, "first": first}, key=key)
        assert "errors" not in body, body
        return list(body["data"]["lookup"])

    return run


def test_a_person_is_found_by_name_with_a_typo(found: Any) -> None:
    top = found("Sioned Edwrds")[0]
    assert (top["id"], top["kind"], top["detail"]) == ("p:sioned", "person", "nurse")


def test_people_are_not_found_without_a_role_that_sees_them(found: Any) -> None:
    assert all(h["kind"] != "person" for h in found("Sioned Edwards", key=None))


def test_an_area_is_found_by_its_welsh_name(found: Any) -> None:
    top = found("Caerdydd")[0]
    assert (top["id"], top["name"], top["nameCy"]) == ("W06000015", "Cardiff", "Caerdydd")


def test_the_exact_name_comes_before_similar_names(found: Any) -> None:
    hits = found("CLARE ROAD MEDICAL CENTRE")
    assert hits[0]["id"] == "org:clare" and hits[0]["similarity"] == 100.0


def test_an_abbreviated_word_still_finds_the_name(found: Any) -> None:
    assert found("Clare Rd medical")[0]["id"] == "org:clare"


def test_professions_and_sectors_come_from_the_vocabulary(found: Any) -> None:
    assert ("nurse", "profession") in {(h["id"], h["kind"]) for h in found("Nyrs")}
    assert ("third_sector", "sector") in {(h["id"], h["kind"]) for h in found("third sector")}


def test_a_name_that_matches_nothing_returns_an_empty_list(found: Any) -> None:
    assert found("zzqxv") == []


def test_a_hit_says_where_it_belongs_so_same_names_can_be_told_apart(found: Any) -> None:
    aled = next(h for h in found("Aled Jones") if h["id"] == "p:aled")
    assert (aled["detail"], aled["context"]) == ("gp", "Clare Road Medical Centre")
    sioned = next(h for h in found("Sioned Edwards") if h["id"] == "p:sioned")
    assert sioned["context"] is None  # works for no organisation in this graph
