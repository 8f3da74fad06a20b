"""Bad input through the API, and bad data already stored, never become a 500.

* A registration postcode must be shaped like a UK postcode; anything else is a
  ``ValidationError`` naming ``postalCode`` (it used to be stored as given).
* Text from every mutation loses control characters before it is stored (graph/text.py).
* ``egoNetwork`` answered "Unexpected error." at ``edges.N.weight`` once a NaN weight was
  stored; a weight that is not a finite number now reads as 1.0, as a missing one does.
"""

from __future__ import annotations

import neo4j
import pytest

from tests.api.conftest import GraphQL
from tests.api.fixtures_graph import FixtureGraph
from tests.support.keys import make_key

pytestmark = pytest.mark.neo4j

REGISTER = """mutation R($input: RegisterOfferingInput!) { registerOffering(input: $input) {
  __typename ... on OfferingPayload { service { id name description } }
  ... on ValidationError { field message } } }"""
UPDATE = """mutation U($input: UpdateOfferingInput!) { updateOffering(input: $input) {
  __typename ... on OfferingPayload { service { name } } ... on ValidationError { field } } }"""
SHORTLIST = """mutation S($n: String!) { createShortlist(name: $n) {
  __typename ... on ShortlistPayload { shortlist { name } } } }"""
EGO = """query E($id: ID!) { egoNetwork(id: $id, hops: 1, limit: 50) {
  nodes { id label } edges { source target type weight } } }"""
ADDRESS = """MATCH (s:Service {id: $id})<-[:OF_SERVICE]-(:ServiceAtLocation)
  -[:AT_LOCATION]->(:Location)-[:HAS_ADDRESS]->(a:Address) RETURN a.postal_code AS postcode"""
BAD_WEIGHTS = """
CREATE (c:Person:Entity {id: 'bw-centre', name: 'Centre', tribe: 'gp'})
CREATE (a:Person:Entity {id: 'bw-a', name: 'Ann'}), (b:Person:Entity {id: 'bw-b', name: 'Bob'})
CREATE (d:Person:Entity {id: 'bw-d', name: 'Dai'}), (e:Person:Entity {id: 'bw-e', name: 'Eve'})
CREATE (c)-[:KNOWS {weight: $nan}]->(a)
CREATE (c)-[:WORKS_WITH {weight: $inf, strength: $inf}]->(b)
CREATE (d)-[:KNOWS {strength: $ninf}]->(c)
CREATE (c)-[:KNOWS {weight: 'heavy'}]->(e)
CREATE (e)-[:KNOWS {weight: 0.25}]->(c)
"""


def _offering(org: str, **extra: object) -> dict[str, object]:
    return {"name": "Cwtch Cafe", "latitude": 51.48, "longitude": -3.18, "organisationId": org,
            "confirmNotDuplicate": True, **extra}  # fmt: skip


@pytest.mark.parametrize("postcode", ["not a postcode", "CF10", "12345", "CF10 1AA 1AA", "<b>"])
def test_a_registration_postcode_that_is_not_a_uk_postcode_is_refused_naming_the_field(
    small_graph: FixtureGraph, gql: GraphQL, keys: dict[str, str], postcode: str
) -> None:
    org = next(iter(small_graph.organisations))
    result = gql(REGISTER, {"input": _offering(org, postalCode=postcode)}, key=keys["admin"])
    answer = result["data"]["registerOffering"]
    assert answer == {
        "__typename": "ValidationError",
        "field": "postalCode",
        "message": f"{postcode.strip()!r} is not a UK postcode (e.g. CF10 1AA)",
    }


def test_a_registration_postcode_is_stored_in_its_normal_form(
    small_graph: FixtureGraph, gql: GraphQL, keys: dict[str, str], driver: neo4j.Driver
) -> None:
    org = next(iter(small_graph.organisations))
    made = gql(REGISTER, {"input": _offering(org, postalCode=" cf10  1aa ")}, key=keys["admin"])
    service = made["data"]["registerOffering"]["service"]
    assert driver.execute_query(ADDRESS, id=service["id"]).records[0]["postcode"] == "CF10 1AA"


def test_mutations_store_text_without_control_characters(
    small_graph: FixtureGraph, gql: GraphQL, keys: dict[str, str], driver: neo4j.Driver
) -> None:
    org = next(iter(small_graph.organisations))
    offering = _offering(org, name="Knit\u0001 and Natter", description="nul\u0000byte\u0085")
    made = gql(REGISTER, {"input": offering}, key=keys["admin"])["data"]["registerOffering"]
    assert made["__typename"] == "OfferingPayload", made
    assert (made["service"]["name"], made["service"]["description"]) == (
        "Knit and Natter",
        "nulbyte",
    )
    update = {"id": made["service"]["id"], "version": 1, "name": "Knit\u0007 Club"}
    updated = gql(UPDATE, {"input": update}, key=keys["admin"])["data"]["updateOffering"]
    assert updated == {"__typename": "OfferingPayload", "service": {"name": "Knit Club"}}
    listed = gql(SHORTLIST, {"n": "Tuesday\u001b list"}, key=keys["connector"])
    assert listed["data"]["createShortlist"]["shortlist"]["name"] == "Tuesday list"
    blank = gql(REGISTER, {"input": _offering(org, name="\u0001\u0002")}, key=keys["admin"])
    assert blank["data"]["registerOffering"]["__typename"] == "ValidationError"
    assert blank["data"]["registerOffering"]["field"] == "name"


def test_ego_network_answers_with_weights_that_are_not_finite_numbers_stored(
    driver: neo4j.Driver, gql: GraphQL
) -> None:
    driver.execute_query(BAD_WEIGHTS, nan=float("nan"), inf=float("inf"), ninf=float("-inf"))
    body = gql(EGO, {"id": "bw-centre"}, key=make_key(driver, "leader"))
    assert "errors" not in body, body
    edges = {(e["source"], e["target"], e["type"]): e["weight"]
             for e in body["data"]["egoNetwork"]["edges"]}  # fmt: skip
    assert edges == {
        ("bw-centre", "bw-a", "KNOWS"): 1.0,
        ("bw-centre", "bw-b", "WORKS_WITH"): 1.0,
        ("bw-d", "bw-centre", "KNOWS"): 1.0,
        ("bw-centre", "bw-e", "KNOWS"): 1.0,
        ("bw-e", "bw-centre", "KNOWS"): 0.25,
    }
