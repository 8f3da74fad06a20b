"""The graph-writing steps of ``load demo`` on one borough: areas, needs, assets, links."""

from __future__ import annotations

import neo4j
import pytest

from graph.repositories import areas as repo
from loaders.areas import trafford_areas
from loaders.opendata.catalog import default_data_dir
from loaders.opendata.indicators import parse_imd_england
from loaders.opendata.needs import NEEDS
from loaders.opendata.points import parse_pharmacies
from loaders.oruk import load_service_records

DATA = default_data_dir()
# The project ships its open data (unpacked on first use): missing data fails, never skips.
pytestmark = pytest.mark.neo4j
T = DATA / "trafford"


def _load(driver: neo4j.Driver) -> dict[str, repo.WriteCounts]:
    result, index = trafford_areas(T / "trafford_lsoa21_generalised.geojson")
    out = {"areas": repo.upsert_areas(driver, [a.row() for a in result.records])}
    out["part_of"] = repo.link_part_of(
        driver, [{"child": a.id, "parent": a.parent_id} for a in result.records if a.parent_id]
    )
    repo.upsert_needs(driver, NEEDS)
    levels = parse_imd_england(T / "imd2019_lsoa11_trafford.csv").records
    out["levels"] = repo.set_need_levels(driver, [lv.model_dump() for lv in levels])
    assets = parse_pharmacies(T / "trafford_pharmacies.geojson").records
    load_service_records(driver, (a.to_hsds() for a in assets), "geojson:trafford_pharmacies")
    located = index.locate_many([(a.latitude or 0, a.longitude or 0) for a in assets])
    out["in_area"] = repo.link_in_area(
        driver,
        [
            {"node_id": f"{a.id}/location", "area_id": lsoa}
            for a, lsoa in zip(assets, located, strict=True)
            if lsoa
        ],
    )
    out["addresses"] = repo.link_addresses(
        driver,
        [
            {"service_id": a.id, "need_id": t.need, "rule": t.rule}
            for a in assets
            for t in a.need_tags()
        ],
    )
    return out


def test_areas_needs_and_assets_are_linked_and_a_rerun_changes_nothing(
    driver: neo4j.Driver,
) -> None:
    first = _load(driver)
    assert first["areas"].created == 141
    assert first["part_of"].created == 140
    assert first["levels"].created == 137 * 6
    assert first["in_area"].created >= 50  # pharmacies inside Trafford's LSOAs
    assert first["addresses"].created == 57  # each pharmacy: general health, by its kind
    second = _load(driver)
    assert second["areas"].unchanged == 141 and second["areas"].created == 0
    assert second["levels"].unchanged == 137 * 6
    assert (
        second["part_of"].created == second["in_area"].created == second["addresses"].created == 0
    )

    lsoas = repo.list_areas(driver, kind="lsoa")
    assert len(lsoas) == 139 and all(a.parent_id == "E08000009" for a in lsoas)
    assert any(a.population is None for a in lsoas)  # population comes from the census step
    needs = repo.area_needs(driver, lsoas[0].id)
    assert {n.need_id for n in needs} >= {"deprivation", "food_poverty"}
    assert needs == sorted(needs, key=lambda n: (-n.level, n.need_id, n.indicator))
    counts = repo.graph_counts(driver)
    assert counts["relationship:IN_AREA"] == first["in_area"].created
    assert counts["node:Need"] == len(NEEDS)
