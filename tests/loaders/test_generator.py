"""The seeded generators: deterministic, Wales-shaped, and of a realistic structure."""

from __future__ import annotations

from collections import Counter

import networkx as nx
import pytest

from loaders.generator.network import AreaSeed, OrgSeed, generate_network
from loaders.generator.scale import ScaleSpec, uk_spec, wales_scale
from loaders.generator.synthetic import synthetic_wales
from loaders.generator.vocab import TRIBES


def _small_world(seed: int = 3):  # type: ignore[no-untyped-def]
    data = synthetic_wales(seed, lsoa_fraction=0.1)
    names = {a.id: a.name for a in data.areas}
    areas = [
        AreaSeed(id=a.id, la_id=a.parent_id or "", la_name=names[a.parent_id or ""],
                 latitude=a.latitude or 0, longitude=a.longitude or 0)
        for a in data.areas if a.kind == "lsoa"
    ]  # fmt: skip
    la_of = {a.id: a.la_id for a in areas}
    orgs = [
        OrgSeed(id=x.organisation.id, name=x.name, sector=x.organisation.sector,
                la_id=la_of[data.lsoa_of_asset[x.id]], area_id=data.lsoa_of_asset[x.id],
                service_ids=(x.id,), service_tags=x.tags)
        for x in data.assets
    ]  # fmt: skip
    return areas, orgs


def test_same_seed_gives_identical_rows_and_another_seed_does_not() -> None:
    areas, orgs = _small_world()
    a = generate_network(areas, orgs, seed=11)
    b = generate_network(areas, orgs, seed=11)
    c = generate_network(areas, orgs, seed=12)
    assert a.nodes == b.nodes and a.edges == b.edges
    assert a.edges != c.edges


def test_generated_teams_and_organisations_are_named_in_english_and_welsh() -> None:
    areas, orgs = _small_world()
    la = areas[0].la_id
    welsh = [a.model_copy(update={"la_name_cy": "Lle"}) if a.la_id == la else a for a in areas]
    net = generate_network(welsh, orgs, seed=1)
    by_id = {n["id"]: n for n in net.nodes}
    council, team = by_id[f"gen:org:{la}:council"], by_id[f"gen:team:{la}:1"]
    place = areas[0].la_name
    assert (council["name"], council["name_cy"]) == (f"{place} Council", "Cyngor Lle")
    assert (team["name"], team["name_cy"]) == (
        f"{place} neighbourhood team 1",
        "Tîm cymdogaeth Lle 1",
    )
    # an authority without a Welsh name keeps its own name inside the Welsh words
    other = next(a for a in areas if a.la_id != la)
    assert by_id[f"gen:org:{other.la_id}:council"]["name_cy"] == f"Cyngor {other.la_name}"


def test_people_have_known_tribes_and_every_edge_type_is_present() -> None:
    areas, orgs = _small_world()
    net = generate_network(areas, orgs, seed=1)
    people = [n for n in net.nodes if n["kind"] == "person"]
    assert {p["tribe"] for p in people} <= set(TRIBES)
    assert {"gp", "nurse", "volunteer", "community_member"} <= {p["tribe"] for p in people}
    types = Counter(e["type"] for e in net.edges)
    assert set(types) == {
        "WORKS_FOR",
        "WORKS_WITH",
        "KNOWS",
        "MEMBER_OF",
        "REFERS_TO",
        "SERVES_AREA",
    }
    assert {e["resident"] for e in net.edges if e["type"] == "MEMBER_OF"} == {True, False}


def test_ties_are_dense_within_organisations_and_sparse_across_care_sectors() -> None:
    areas, orgs = _small_world()
    net = generate_network(areas, orgs, seed=5)
    org_of = {n["id"]: n["organisation_id"] for n in net.nodes if n["kind"] == "person"}
    sector = {o.id: o.sector for o in orgs} | {o.id: o.sector for o in net.organisations}
    ties = [e for e in net.edges if e["type"] in {"KNOWS", "WORKS_WITH"}]
    same_org = sum(
        1 for e in ties if org_of[e["source"]] and org_of[e["source"]] == org_of[e["target"]]
    )
    assert same_org > 0.4 * len(ties)

    def sectors(e: dict) -> set[str]:  # type: ignore[type-arg]
        return {sector.get(org_of[e["source"]] or "", "community"),
                sector.get(org_of[e["target"]] or "", "community")}  # fmt: skip

    across = sum(1 for e in ties if sectors(e) == {"primary_care", "secondary_care"})
    within_primary = sum(1 for e in ties if sectors(e) == {"primary_care"})
    assert 0 < across < 0.2 * within_primary


def test_a_handful_of_brokers_have_the_highest_betweenness() -> None:
    areas, orgs = _small_world()
    net = generate_network(areas, orgs, seed=2, brokers_per_la=1)
    graph = nx.Graph()
    graph.add_edges_from(
        (e["source"], e["target"]) for e in net.edges if e["type"] in {"KNOWS", "WORKS_WITH"}
    )
    tribe = {n["id"]: n["tribe"] for n in net.nodes if n["kind"] == "person"}
    reach = {v: len({tribe[u] for u in graph[v]}) for v in graph}
    top = sorted(reach.values(), reverse=True)
    assert top[0] >= 10  # someone knows people of ten or more tribes
    assert sum(1 for r in reach.values() if r >= 10) < 0.05 * len(reach)


def test_synthetic_wales_is_inside_wales_with_duplicates_and_gaps() -> None:
    data = synthetic_wales(4)
    assert synthetic_wales(4).model_dump() == data.model_dump()
    kinds = Counter(a.kind for a in data.areas)
    assert kinds["health_board"] == 7 and kinds["local_authority"] == 22
    for asset in data.assets:
        if asset.latitude is not None:
            assert 51.3 <= asset.latitude <= 53.5 and -5.4 <= (asset.longitude or 0) <= -2.6
    assert any(a.source == "demo:synthetic-directory-b" for a in data.assets)  # duplicates
    assert any(a.latitude is None for a in data.assets)  # gaps
    assert any(a.phone is None for a in data.assets)
    lsoas = {a.id for a in data.areas if a.kind == "lsoa"}
    assert len(lsoas - set(data.lsoa_of_asset.values())) > 0  # LSOAs with no asset


def test_wales_scale_is_deterministic_and_sized_by_its_spec() -> None:
    spec = ScaleSpec(assets=2_000, people=3_000, brokers=10, batch_size=500)
    a, b = wales_scale(9, spec), wales_scale(9, spec)
    edges_a = [row for batch in a.edge_batches() for row in batch]
    assert edges_a == [row for batch in b.edge_batches() for row in batch]
    nodes = [row for batch in a.node_batches() for row in batch]
    assert sum(1 for n in nodes if n["kind"] == "person") == 3_000
    assets = [r for batch in a.asset_batches() for r in batch]
    assert 1_500 < len(assets) < 2_500
    assert all(len(batch) <= 500 for batch in a.edge_batches())
    types = Counter(e["type"] for e in edges_a)
    assert types["WORKS_WITH"] > types["REFERS_TO"] > 0
    ids = (
        {n["id"] for n in nodes}
        | {r["organization"]["id"] for r in assets}
        | {r["id"] for r in assets}
    )
    assert all(e["source"] in ids and e["target"] in ids for e in edges_a)


@pytest.mark.slow
def test_wales_scale_default_has_about_a_million_relationships() -> None:
    data = wales_scale(0)
    edges = sum(len(batch) for batch in data.edge_batches())
    assert 900_000 <= edges <= 1_200_000


def test_tiles_spread_the_made_up_wales_across_great_britain_with_distinct_codes() -> None:
    one = wales_scale(3, ScaleSpec(assets=1_000, people=1_000))
    four = wales_scale(3, ScaleSpec(assets=1_000, people=1_000, tiles=4))
    assert four.areas[: len(one.areas)] == one.areas  # tile 0 is the Wales-scale set itself
    assert len(four.areas) > 3.5 * len(one.areas)
    ids = [a.id for a in four.areas]
    assert len(ids) == len(set(ids))
    known = set(ids)
    assert all(a.parent_id in known for a in four.areas if a.parent_id)
    assert all(49.8 <= (a.latitude or 0) <= 59.5 for a in four.areas)
    assert all(-5.4 <= (a.longitude or 0) <= 0.4 for a in four.areas)
    tile_3 = [a for a in four.areas if a.id.endswith("-t3")]
    assert tile_3 and all(a.latitude is not None and a.latitude < 52.0 for a in tile_3)


def test_uk_spec_scales_services_people_and_tiles_with_the_share_of_uk_size() -> None:
    whole, tenth = uk_spec(1.0), uk_spec(0.1)
    assert (whole.assets, whole.people, whole.tiles) == (500_000, 2_000_000, 10)
    assert (tenth.assets, tenth.people, tenth.tiles) == (50_000, 200_000, 1)
    data = wales_scale(0, uk_spec(0.004))
    people = sum(1 for b in data.node_batches() for n in b if n["kind"] == "person")
    edges = sum(len(b) for b in data.edge_batches())
    assert people == 8_000
    assert 4 * people <= edges <= 6 * people  # about five ties a person, as at UK size
