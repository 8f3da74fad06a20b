"""``commongraph load demo``: the real open data in place, plus generated people and ties.

Steps (each idempotent, so re-running changes nothing):

1. areas and their hierarchy (``Area``, ``PART_OF``), needs and per-area need levels
   (``Need``, ``HAS_NEED``);
2. every asset as an HSDS service record through ``load_service_records``, one source at a
   time (provenance ``source`` per file);
3. each location's LSOA by point in polygon (``IN_AREA``), health boards' seats, and which
   needs each service addresses (``ADDRESSES``);
4. people, teams and relationships from the seeded generator through
   ``load_relationship_rows``.

The data is the open data the project ships (or ``data_dir``); only when asked
(``synthetic=True``, ``load demo --synthetic``) does :mod:`loaders.generator.synthetic` make a
Wales-shaped data set instead, and the report says so (``mode == "synthetic"``);
``scale="wales"`` loads the Wales-scale benchmark set instead (~50k assets, ~100k people,
~1M relationships).
"""

from __future__ import annotations

import time
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any, Literal

import neo4j
from pydantic import BaseModel, Field

from graph.area_index import AreaIndex
from graph.errors import ValidationFailed
from graph.repositories import areas as repo
from loaders.areas import AreaRecord
from loaders.generator.network import AreaSeed, OrgSeed, generate_network
from loaders.generator.scale import ScaleSpec, wales_scale
from loaders.generator.synthetic import synthetic_wales
from loaders.opendata.asset import Asset
from loaders.opendata.catalog import default_data_dir, parse_all
from loaders.opendata.indicators import NeedLevel
from loaders.opendata.libraries import LIBRARY_SERVICE_PREFIX, LIBRARY_SOURCES
from loaders.opendata.needs import NEEDS
from loaders.opendata.relationship_writer import write_generated_rows
from loaders.opendata.rows import Rejection
from loaders.opendata.sources import full_date, source_of
from loaders.oruk import load_service_records
from loaders.report import LoadSummary

__all__ = ["DemoReport", "SourceCount", "default_data_dir", "load_demo", "load_scale"]

Mode = Literal["real", "synthetic", "wales-scale"]
Progress = Callable[[str], None]


class SourceCount(BaseModel):
    """One source's outcome: rows read into records, rejected, skipped; what was written."""

    source: str
    file: str
    records: int = 0
    rejected: int = 0
    skipped: int = 0
    warnings: int = 0
    created: int = 0
    updated: int = 0
    unchanged: int = 0


class DemoReport(BaseModel):
    """What ``load demo`` did."""

    mode: Mode
    data_dir: str | None = None
    seed: int = 0
    sources: list[SourceCount] = Field(default_factory=list)
    rejections: list[Rejection] = Field(default_factory=list)
    graph: dict[str, int] = Field(default_factory=dict)
    seconds: float = 0.0

    @property
    def exit_code(self) -> int:
        """0 when every row was stored; 2 when some were rejected (each named)."""
        return 2 if self.rejections else 0


def _problems(summary: LoadSummary, source: str) -> list[Rejection]:
    return [
        Rejection(
            file=p.file or source, row=p.record or 0, field=p.field or "(record)",
            reason=p.reason, record_id=p.record_id,
        )
        for p in summary.rejects
    ]  # fmt: skip


def _load_areas(
    driver: neo4j.Driver, areas: Sequence[AreaRecord], database: str | None
) -> repo.WriteCounts:
    counts = repo.upsert_areas(driver, [a.row() for a in areas], database=database)
    repo.link_part_of(
        driver,
        [{"child": a.id, "parent": a.parent_id} for a in areas if a.parent_id],
        database=database,
    )
    return counts


def _load_needs(
    driver: neo4j.Driver, levels: Iterable[NeedLevel], database: str | None
) -> repo.WriteCounts:
    repo.upsert_needs(driver, NEEDS, database=database)
    return repo.set_need_levels(driver, [lv.model_dump() for lv in levels], database=database)


def _load_assets(
    driver: neo4j.Driver,
    source: str,
    file: str,
    assets: Sequence[Asset],
    lsoa_of: dict[str, str | None],
    database: str | None,
    report: DemoReport,
    count: SourceCount,
) -> None:
    summary = load_service_records(driver, (a.to_hsds() for a in assets), source)
    count.created, count.updated, count.unchanged = (
        summary.created, summary.updated, summary.unchanged
    )  # fmt: skip
    count.rejected += summary.rejected
    report.rejections.extend(_problems(summary, file))
    repo.link_in_area(
        driver,
        [
            {"node_id": f"{a.id}/location", "area_id": lsoa_of[a.id]}
            for a in assets
            if lsoa_of.get(a.id)
        ],
        database=database,
    )
    tags = {a.id: a.need_tags() for a in assets}
    repo.link_addresses(
        driver,
        [
            {"service_id": sid, "need_id": tag.need, "rule": tag.rule}
            for sid, found in tags.items()
            for tag in found
        ],
        database=database,
    )
    repo.unlink_other_addresses(
        driver,
        [{"service_id": sid, "need_ids": [t.need for t in found]} for sid, found in tags.items()],
        database=database,
    )
    # The Welsh an HSDS record has no slot for: each listing's, and its provider's once.
    welsh = [{"id": a.id, "name_cy": a.name_cy, "description_cy": a.description_cy} for a in assets]
    providers = {a.organisation.id: a.organisation.name_cy for a in assets}
    welsh += [{"id": org_id, "name_cy": name_cy} for org_id, name_cy in providers.items()]
    repo.set_welsh_text(driver, welsh, database=database)
    published = source_of(file)
    if published is not None:
        repo.set_provenance(
            driver,
            [
                {
                    "service_id": a.id,
                    "publisher": published.publisher,
                    "edition": full_date(published.edition),
                }
                for a in assets
            ],
            database=database,
        )


def _locate(index: AreaIndex | None, assets: Sequence[Asset]) -> dict[str, str | None]:
    located = [a for a in assets if a.latitude is not None and a.longitude is not None]
    if index is None or not located:
        return {}
    found = index.locate_many([(a.latitude or 0.0, a.longitude or 0.0) for a in located])
    return {a.id: area for a, area in zip(located, found, strict=True)}


def _org_seeds(
    assets: Iterable[Asset], lsoa_of: dict[str, str | None], la_of: dict[str, str]
) -> list[OrgSeed]:
    """One seed per organisation with a located asset (its first asset fixes its place)."""
    grouped: dict[str, list[Asset]] = defaultdict(list)
    for asset in assets:
        grouped[asset.organisation.id].append(asset)
    seeds = []
    for org_id in sorted(grouped):
        items = grouped[org_id]
        placed = next((a for a in items if lsoa_of.get(a.id)), None)
        if placed is None:
            continue
        lsoa = lsoa_of[placed.id] or ""
        seeds.append(
            OrgSeed(
                id=org_id, name=placed.organisation.name, sector=placed.organisation.sector,
                la_id=la_of.get(lsoa, ""), area_id=lsoa, latitude=placed.latitude,
                longitude=placed.longitude, service_ids=tuple(a.id for a in items),
                service_tags=tuple(sorted({t for a in items for t in a.tags})),
            )
        )  # fmt: skip
    return seeds


def _org_rows(assets: Iterable[Asset]) -> list[dict[str, Any]]:
    """Node rows giving every real organisation its (graph-native) sector."""
    rows = {
        a.organisation.id: {
            "id": a.organisation.id, "kind": "organisation", "name": a.organisation.name,
            "sector": a.organisation.sector,
        }
        for a in assets
    }  # fmt: skip
    return [rows[k] for k in sorted(rows)]


def _generate(
    driver: neo4j.Driver,
    areas: Sequence[AreaRecord],
    assets: Sequence[Asset],
    lsoa_of: dict[str, str | None],
    seed: int,
    report: DemoReport,
) -> None:
    names = {a.id: a.name for a in areas}
    names_cy = {a.id: a.name_cy for a in areas if a.name_cy}
    la_of = {a.id: a.parent_id or "" for a in areas if a.kind == "lsoa"}
    seeds = [
        AreaSeed(
            id=a.id, la_id=a.parent_id or "", la_name=names.get(a.parent_id or "", ""),
            la_name_cy=names_cy.get(a.parent_id or ""),
            latitude=a.latitude, longitude=a.longitude,
        )
        for a in areas
        if a.kind == "lsoa" and a.latitude is not None and a.longitude is not None
    ]  # fmt: skip
    network = generate_network(seeds, _org_seeds(assets, lsoa_of, la_of), seed=seed)
    summary = write_generated_rows(
        driver, "demo:generator", nodes=_org_rows(assets) + network.nodes, edges=network.edges
    )
    report.sources.append(
        SourceCount(
            source="demo:generator", file="(generated)",
            records=len(network.nodes) + len(network.edges),
            rejected=summary.rejected, created=summary.created, updated=summary.updated,
            unchanged=summary.unchanged,
        )
    )  # fmt: skip
    report.rejections.extend(_problems(summary, "demo:generator"))


def _real(
    driver: neo4j.Driver, data_dir: Path, seed: int, database: str | None,
    report: DemoReport, say: Progress,
) -> None:  # fmt: skip
    say(f"reading the open data in {data_dir}")
    data = parse_all(data_dir)
    areas = [a for r in data.areas for a in r.records]
    for result in data.areas:
        report.rejections.extend(result.rejected)
    say(f"areas: {len(areas)}")
    written = _load_areas(driver, areas, database)
    report.sources.append(
        SourceCount(
            source="areas", file=", ".join(r.file for r in data.areas), records=len(areas),
            rejected=sum(len(r.rejected) for r in data.areas), created=written.created,
            updated=written.updated, unchanged=written.unchanged,
        )
    )  # fmt: skip
    for levels in data.needs:
        say(f"need levels: {levels.file}")
        written = _load_needs(driver, levels.records, database)
        report.rejections.extend(levels.rejected)
        report.sources.append(
            SourceCount(
                source=levels.records[0].source if levels.records else levels.file,
                file=levels.file, records=len(levels.records), rejected=len(levels.rejected),
                created=written.created, updated=written.updated, unchanged=written.unchanged,
            )
        )  # fmt: skip
    all_assets: list[Asset] = []
    lsoa_of: dict[str, str | None] = {}
    for item in data.assets:
        parsed = item.result
        say(f"assets: {item.source} ({len(parsed.records)})")
        located = _locate(data.index, parsed.records)
        lsoa_of.update(located)
        count = SourceCount(
            source=item.source, file=parsed.file, records=len(parsed.records),
            rejected=len(parsed.rejected), skipped=len(parsed.skipped),
            warnings=len(parsed.warnings),
        )  # fmt: skip
        report.rejections.extend(parsed.rejected)
        _load_assets(
            driver, item.source, parsed.file, parsed.records, located, database, report, count
        )
        report.sources.append(count)
        all_assets.extend(parsed.records)
    repo.link_in_area(
        driver,
        [{"node_id": f"org:ods:{ods}", "area_id": ons} for ods, ons in data.ods_boards.items()],
        database=database,
    )
    # Each council's library service serves its own authority (the libraries' files state the
    # authority code); rows whose authority is not a loaded area are ignored by the statement.
    services = sorted({a.organisation.id for a in all_assets if a.source in LIBRARY_SOURCES})
    councils = repo.link_in_area(
        driver,
        [{"node_id": o, "area_id": o.removeprefix(LIBRARY_SERVICE_PREFIX)} for o in services],
        database=database,
    )
    say(f"library services tied to their local authorities: {councils.matched}")
    # Ties that are facts, not generated: each GP practice and its commissioning health board.
    members = {
        a.organisation.id: a.organisation.member_of
        for a in all_assets
        if a.organisation.member_of is not None
    }
    linked = repo.link_member_of(
        driver,
        [{"member_id": m, "body_id": b} for m, b in sorted(members.items())],
        source="ods:epraccur",
        basis="commissioner",
        database=database,
    )
    say(f"practices tied to their health boards: {linked.matched}")
    say("generating people, teams and relationships")
    _generate(driver, areas, all_assets, lsoa_of, seed, report)


def _synthetic(
    driver: neo4j.Driver, seed: int, database: str | None, report: DemoReport, say: Progress
) -> None:
    say("generating a synthetic Wales-shaped data set (--synthetic)")
    data = synthetic_wales(seed)
    written = _load_areas(driver, data.areas, database)
    report.sources.append(
        SourceCount(source="demo:synthetic areas", file="(generated)", records=len(data.areas),
                    created=written.created, updated=written.updated, unchanged=written.unchanged)
    )  # fmt: skip
    _load_needs(driver, data.needs, database)
    by_source: dict[str, list[Asset]] = defaultdict(list)
    for asset in data.assets:
        by_source[asset.source].append(asset)
    lsoa_of: dict[str, str | None] = dict(data.lsoa_of_asset)
    for source, assets in sorted(by_source.items()):
        count = SourceCount(source=source, file="(generated)", records=len(assets))
        _load_assets(driver, source, "(generated)", assets, lsoa_of, database, report, count)
        report.sources.append(count)
    _generate(driver, data.areas, data.assets, lsoa_of, seed, report)


def _wales_scale(
    driver: neo4j.Driver,
    seed: int,
    database: str | None,
    report: DemoReport,
    say: Progress,
    spec: ScaleSpec,
) -> None:
    say(
        f"generating and loading a generated data set (~{spec.assets:,} assets, "
        f"~{spec.people:,} people, {spec.tiles} tile(s) of the made-up Wales)"
    )
    data = wales_scale(seed, spec)
    _load_areas(driver, data.areas, database)
    lsoa_of: dict[str, str | None] = {}
    count = SourceCount(source="bench:wales-scale assets", file="(generated)")
    batch: list[Asset] = []
    for asset, lsoa in data.iter_assets():
        lsoa_of[asset.id] = lsoa
        batch.append(asset)
        if len(batch) >= 5_000:
            _load_assets(
                driver, asset.source, "(generated)", batch, lsoa_of, database, report, count
            )
            write_generated_rows(driver, "bench:wales-scale", nodes=_org_rows(batch))
            count.records += len(batch)
            batch = []
    if batch:
        _load_assets(
            driver, batch[0].source, "(generated)", batch, lsoa_of, database, report, count
        )
        write_generated_rows(driver, "bench:wales-scale", nodes=_org_rows(batch))
        count.records += len(batch)
    report.sources.append(count)
    say(f"{count.records:,} assets written")
    people = SourceCount(source="bench:wales-scale people", file="(generated)")
    for nodes in data.node_batches():
        summary = write_generated_rows(driver, "bench:wales-scale", nodes=nodes)
        people.records += len(nodes)
        people.created += summary.created
    say(f"{people.records:,} people and teams written")
    for index, edges in enumerate(data.edge_batches()):
        began = time.monotonic()
        summary = write_generated_rows(driver, "bench:wales-scale", edges=edges)
        people.records += len(edges)
        people.created += summary.created
        report.rejections.extend(_problems(summary, "bench:wales-scale"))
        took = time.monotonic() - began
        if index % 50 == 49 or took > 20:
            say(f"{people.records:,} rows written; the last {len(edges):,} "
                f"{edges[0]['type']} ties in {took:.1f} s")  # fmt: skip
    report.sources.append(people)


def load_scale(
    driver: neo4j.Driver,
    spec: ScaleSpec,
    *,
    seed: int = 0,
    database: str | None = None,
    progress: Progress | None = None,
) -> DemoReport:
    """Load a generated data set of any size (:mod:`loaders.generator.scale`): the
    Wales-scale one for ``load_demo(scale="wales")``, larger ones for the scale benchmark."""
    began = time.monotonic()
    report = DemoReport(mode="wales-scale", seed=seed)
    _wales_scale(driver, seed, database, report, progress or (lambda _msg: None), spec)
    report.graph = repo.graph_counts(driver, database=database)
    report.seconds = round(time.monotonic() - began, 1)
    return report


def load_demo(
    driver: neo4j.Driver,
    data_dir: Path | None = None,
    *,
    seed: int = 0,
    scale: Literal["small", "wales"] = "small",
    database: str | None = None,
    progress: Progress | None = None,
    synthetic: bool = False,
) -> DemoReport:
    """Load the demo data set into the graph behind ``driver``; see the module docstring.

    The real open data (shipped, or ``data_dir``) unless ``synthetic`` asks for the
    generator: a missing data folder is an error, never a silent switch to generated data.
    """
    if scale == "wales":
        return load_scale(driver, ScaleSpec(), seed=seed, database=database, progress=progress)
    began = time.monotonic()
    say: Progress = progress or (lambda _msg: None)
    folder = data_dir or default_data_dir()
    if synthetic:
        report = DemoReport(mode="synthetic", data_dir=None, seed=seed)
        _synthetic(driver, seed, database, report, say)
    elif folder.is_dir() and any(folder.iterdir()):
        report = DemoReport(mode="real", data_dir=str(folder), seed=seed)
        _real(driver, folder, seed, database, report, say)
    else:
        raise ValidationFailed(
            f"data-dir: no open data in {folder} (expected wales/ and trafford/ files); "
            "leave COMMONGRAPH_DATA_DIR and --data-dir unset to load the shipped data"
        )
    report.graph = repo.graph_counts(driver, database=database)
    report.seconds = round(time.monotonic() - began, 1)
    return report
