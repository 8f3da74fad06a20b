"""Wales-scale synthetic data for benchmarks: ~50k assets, ~100k people, ~1M relationships.

:func:`uk_spec` scales the same structure towards the size of the United Kingdom (about
0.5 M services, 2 M people, 10 M relationships): the made-up Wales is laid down as several
*tiles*, copies of its geography moved across Great Britain's extent with their own area
codes, so the density of services per square kilometre stays that of the Wales-scale set.

Vectorised with numpy and streamed in batches, so memory stays bounded (arrays of a few
hundred thousand integers; rows are materialised one batch at a time). Deterministic: the
same ``seed`` yields identical batches.

Structure follows :mod:`loaders.generator.network` at scale: people belong to organisations
of skewed size (log-normal), work densely with colleagues (``WORKS_WITH``), know people of
their tribe in their local authority (``KNOWS``), rarely anyone else; a few hundred
brokers know many; professionals sit in neighbourhood teams; referrers refer to services
of their local authority.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import numpy as np
from pydantic import BaseModel, Field

from loaders.areas import AreaRecord
from loaders.generator.synthetic import iter_synthetic_assets, synthetic_areas
from loaders.generator.vocab import FIRST_NAMES, LAST_NAMES, SECTOR_TRIBES, SECTORS, TRIBES
from loaders.opendata.asset import Asset

__all__ = ["ScaleSpec", "WalesScale", "tiled_areas", "uk_spec", "wales_scale"]

SOURCE_SCALE = "bench:wales-scale"
_REFERRERS = ("gp", "social_worker", "community_connector", "nurse")
#: Where each tile of the made-up Wales lies, as (latitude, longitude) offsets in degrees: a
#: grid that keeps every tile within Great Britain's latitudes (49.8–59.5) and longitudes.
_TILE_OFFSETS: tuple[tuple[float, float], ...] = (
    (0.0, 0.0), (0.0, 3.0), (-1.5, 0.0), (-1.5, 3.0), (2.0, 0.0),
    (2.0, 3.0), (4.0, 0.0), (4.0, 3.0), (6.0, 0.0), (6.0, 3.0),
)  # fmt: skip
_PROFESSIONALS = ("gp", "nurse", "social_worker", "ot", "physiotherapist", "cpn",
                  "support_worker", "community_connector", "pharmacist")  # fmt: skip


class ScaleSpec(BaseModel):
    """Sizes of the Wales-scale data set (defaults: the benchmark's)."""

    assets: int = 50_000
    people: int = 100_000
    community_share: float = 0.3
    colleagues: int = 8
    tribe_ties: int = 4
    neighbours: int = 3
    brokers: int = 200
    broker_ties: int = 100
    referrals: int = 4
    lsoas_per_team: int = 25
    batch_size: int = 10_000
    tiles: int = Field(default=1, ge=1, le=len(_TILE_OFFSETS))


def uk_spec(fraction: float = 1.0) -> ScaleSpec:
    """``fraction`` of a UK-size set: 0.5 M services, 2 M people, ~10 M relationships at 1.0.

    People have fewer ties each than in the Wales-scale set (3 colleagues, 2 tribe ties, 2
    neighbours, 2 referral targets), which keeps about five relationships per person, the
    proportion the UK-size target asks for; one tile per 50,000 services keeps the density.
    """
    return ScaleSpec(
        assets=round(500_000 * fraction), people=round(2_000_000 * fraction),
        colleagues=3, tribe_ties=2, neighbours=2, referrals=2,
        brokers=max(20, round(4_000 * fraction)), broker_ties=100,
        batch_size=20_000, tiles=max(1, min(len(_TILE_OFFSETS), round(10 * fraction))),
    )  # fmt: skip


def tiled_areas(rng: np.random.Generator, tiles: int) -> list[AreaRecord]:
    """The made-up Wales once per tile; tile 0 is the Wales-scale set's own, unchanged.

    Each further tile is a fresh draw moved by its offset (degrees of latitude and
    longitude), its codes suffixed ``-t<k>`` so no two tiles share an area.
    """
    areas, _ = synthetic_areas(rng, 1.0)
    for k in range(1, tiles):
        d_lat, d_lon = _TILE_OFFSETS[k]
        drawn, _ = synthetic_areas(rng, 1.0)
        areas += [
            area.model_copy(
                update={
                    "id": f"{area.id}-t{k}",
                    "parent_id": f"{area.parent_id}-t{k}" if area.parent_id else None,
                    "name": f"{area.name} ({k + 1})",
                    "latitude": round((area.latitude or 0.0) + d_lat, 6),
                    "longitude": round((area.longitude or 0.0) + d_lon, 6),
                }
            )
            for area in drawn
        ]
    return areas


class WalesScale:
    """A Wales-scale data set, generated lazily; iterate its parts in batches."""

    def __init__(self, seed: int = 0, spec: ScaleSpec | None = None) -> None:
        self.seed = seed
        self.spec = spec or ScaleSpec()
        rng = np.random.default_rng(seed)
        self.areas = tiled_areas(rng, self.spec.tiles)
        self.lsoas = [a for a in self.areas if a.kind == "lsoa"]
        la_ids = sorted({a.parent_id or "" for a in self.lsoas})
        self._la_index = {la: i for i, la in enumerate(la_ids)}
        self._lsoa_la = np.array([self._la_index[a.parent_id or ""] for a in self.lsoas])
        per_lsoa = 2.03 * 0.9 * (1 + 0.03)  # ASSET_RATES sum x non-empty share x duplicates
        self._asset_scale = self.spec.assets / (per_lsoa * len(self.lsoas))
        self._people_built = False

    # -- assets ---------------------------------------------------------------------------
    def iter_assets(self) -> Iterator[tuple[Asset, str]]:
        """``(asset, lsoa_id)``, about ``spec.assets`` of them (same seed → same assets)."""
        rng = np.random.default_rng([self.seed, 1])
        yield from iter_synthetic_assets(rng, self.lsoas, self._asset_scale)

    def asset_batches(self) -> Iterator[list[dict[str, Any]]]:
        """HSDS service records in batches of ``spec.batch_size``."""
        batch: list[dict[str, Any]] = []
        for asset, _ in self.iter_assets():
            batch.append(asset.to_hsds())
            if len(batch) >= self.spec.batch_size:
                yield batch
                batch = []
        if batch:
            yield batch

    # -- people ---------------------------------------------------------------------------
    def _build_people(self) -> None:
        if self._people_built:
            return
        spec = self.spec
        rng = np.random.default_rng([self.seed, 2])
        org_ids: list[str] = []
        org_lsoa: list[int] = []
        org_sector: list[int] = []
        service_ids: list[str] = []
        lsoa_pos = {a.id: i for i, a in enumerate(self.lsoas)}
        sector_pos = {s: i for i, s in enumerate(SECTORS)}
        for asset, lsoa in self.iter_assets():
            if asset.source != "demo:synthetic":
                continue  # second listings share staff with the first
            org_ids.append(asset.organisation.id)
            org_lsoa.append(lsoa_pos[lsoa])
            org_sector.append(sector_pos[asset.organisation.sector])
            service_ids.append(asset.id)
        self.org_ids = org_ids
        self.service_ids = service_ids
        o_lsoa, o_sector = np.array(org_lsoa), np.array(org_sector)
        self._service_la = self._lsoa_la[o_lsoa]
        self._org_sector = o_sector
        n = spec.people
        n_staff = int(n * (1 - spec.community_share))
        weight = rng.lognormal(0.0, 1.0, len(org_ids)) * np.where(
            o_sector == sector_pos["secondary_care"], 20.0, 1.0
        )
        org = np.full(n, -1, dtype=np.int64)
        org[:n_staff] = np.sort(rng.choice(len(org_ids), n_staff, p=weight / weight.sum()))
        home = np.empty(n, dtype=np.int64)
        home[:n_staff] = o_lsoa[org[:n_staff]]
        home[n_staff:] = rng.integers(0, len(self.lsoas), n - n_staff)
        tribe_pos = {t: i for i, t in enumerate(TRIBES)}
        tribe = np.full(n, tribe_pos["community_member"], dtype=np.int64)
        staff_sector = o_sector[org[:n_staff]]
        for sector, index in sector_pos.items():
            mask = np.flatnonzero(staff_sector == index)
            pairs = SECTOR_TRIBES[sector]
            p = np.array([w for _, w in pairs])
            tribe[mask] = np.array([tribe_pos[t] for t, _ in pairs])[
                rng.choice(len(pairs), mask.size, p=p / p.sum())
            ]
        self.p_org, self.p_lsoa, self.p_tribe = org, home, tribe
        self.p_la = self._lsoa_la[home]
        self.n_staff = n_staff
        self._people_built = True

    def person_id(self, index: int) -> str:
        return f"wales:person:{index + 1:06d}"

    def team_of_lsoa(self) -> np.ndarray:
        """Team number of each LSOA: bands of ``lsoas_per_team`` within a local authority."""
        team = np.empty(len(self.lsoas), dtype=np.int64)
        next_team = 0
        for la in range(len(self._la_index)):
            idx = np.flatnonzero(self._lsoa_la == la)
            order = idx[np.argsort([-(self.lsoas[i].latitude or 0) for i in idx], kind="stable")]
            k = max(1, round(idx.size / self.spec.lsoas_per_team))
            team[order] = next_team + (np.arange(idx.size) * k) // max(1, idx.size)
            next_team += k
        return team

    def node_batches(self) -> Iterator[list[dict[str, Any]]]:
        """Person and team node rows (``load_relationship_rows`` shape), batched."""
        self._build_people()
        rng = np.random.default_rng([self.seed, 3])
        first = rng.integers(0, len(FIRST_NAMES), self.spec.people)
        last = rng.integers(0, len(LAST_NAMES), self.spec.people)
        team = self.team_of_lsoa()
        rows: list[dict[str, Any]] = [
            {
                "id": f"wales:team:{t + 1:04d}", "kind": "team",
                "name": f"Neighbourhood team {t + 1}", "source": SOURCE_SCALE,
            }
            for t in range(int(team.max()) + 1)
        ]  # fmt: skip
        for i in range(self.spec.people):
            org = int(self.p_org[i])
            area = self.lsoas[int(self.p_lsoa[i])]
            rows.append(
                {
                    "id": self.person_id(i), "kind": "person",
                    "name": f"{FIRST_NAMES[first[i]]} {LAST_NAMES[last[i]]}",
                    "tribe": TRIBES[int(self.p_tribe[i])],
                    "organisation_id": self.org_ids[org] if org >= 0 else None,
                    "area_id": area.id, "latitude": area.latitude, "longitude": area.longitude,
                    "source": SOURCE_SCALE,
                }
            )  # fmt: skip
            if len(rows) >= self.spec.batch_size:
                yield rows
                rows = []
        if rows:
            yield rows

    # -- relationships --------------------------------------------------------------------
    @staticmethod
    def _within_groups(
        rng: np.random.Generator, members: np.ndarray, keys: np.ndarray, k: int
    ) -> tuple[np.ndarray, np.ndarray]:
        """``k`` random partners per member, drawn inside the member's group (same key)."""
        order = np.argsort(keys[members], kind="stable")
        sorted_members = members[order]
        sorted_keys = keys[sorted_members]
        starts = np.searchsorted(sorted_keys, sorted_keys, side="left")
        ends = np.searchsorted(sorted_keys, sorted_keys, side="right")
        sizes = ends - starts
        src = np.repeat(sorted_members, k)
        offs = (rng.random(src.size) * np.repeat(sizes, k)).astype(np.int64)
        dst = sorted_members[np.repeat(starts, k) + offs]
        keep = (src != dst) & (np.repeat(sizes, k) > 1)
        return src[keep], dst[keep]

    def edge_batches(self) -> Iterator[list[dict[str, Any]]]:
        """Relationship rows (``source,target,type,weight`` + ``since``/``resident``/``count``)."""
        self._build_people()
        spec = self.spec
        rng = np.random.default_rng([self.seed, 4])
        n = spec.people
        staff = np.arange(self.n_staff)
        everyone = np.arange(n)
        team = self.team_of_lsoa()

        def emit(
            kind: str, src: np.ndarray, dst: np.ndarray, low: float, high: float,
            target: list[str] | None = None, extra: dict[str, np.ndarray] | None = None,
        ) -> Iterator[list[dict[str, Any]]]:  # fmt: skip
            weight = np.round(rng.uniform(low, high, src.size), 3)
            year = rng.integers(2005, 2026, src.size)
            for lo in range(0, src.size, spec.batch_size):
                hi = min(src.size, lo + spec.batch_size)
                rows = []
                for j in range(lo, hi):
                    row: dict[str, Any] = {
                        "source": self.person_id(int(src[j])),
                        "target": target[int(dst[j])] if target else self.person_id(int(dst[j])),
                        "type": kind, "weight": float(weight[j]), "since": f"{year[j]}-01-01",
                    }  # fmt: skip
                    for key, values in (extra or {}).items():
                        row[key] = values[j].item()
                    rows.append(row)
                yield rows

        yield from emit("WORKS_FOR", staff, self.p_org[staff], 1.0, 1.0, self.org_ids)
        a, b = self._within_groups(rng, staff, self.p_org, spec.colleagues)
        yield from emit("WORKS_WITH", a, b, 0.5, 1.0)
        sector = np.full(n, len(SECTORS), dtype=np.int64)
        sector[staff] = self._org_sector[self.p_org[staff]]
        group = (self.p_la * (len(SECTORS) + 1) + sector) * len(TRIBES) + self.p_tribe
        a, b = self._within_groups(rng, staff, group, spec.tribe_ties)
        yield from emit("KNOWS", a, b, 0.3, 0.8)
        community = everyone[self.n_staff :]
        a, b = self._within_groups(rng, community, self.p_la, spec.neighbours)
        yield from emit("KNOWS", a, b, 0.3, 0.9)
        # Rare ties across anything within a local authority (incl. primary ↔ secondary care).
        movers = everyone[rng.random(n) < 0.05]
        a, b = self._within_groups(rng, movers, self.p_la, 1)
        yield from emit("KNOWS", a, b, 0.1, 0.4)
        brokers = rng.choice(staff, min(spec.brokers, staff.size), replace=False)
        a = np.repeat(np.sort(brokers), spec.broker_ties)
        b = rng.integers(0, n, a.size)
        keep = a != b
        yield from emit("KNOWS", a[keep], b[keep], 0.2, 0.7)
        team_ids = [f"wales:team:{t + 1:04d}" for t in range(int(team.max()) + 1)]
        pro_codes = np.array([TRIBES.index(t) for t in _PROFESSIONALS])
        pros = staff[np.isin(self.p_tribe[staff], pro_codes)]
        yield from emit(
            "MEMBER_OF", pros, team[self.p_lsoa[pros]], 1.0, 1.0, team_ids,
            {"resident": rng.random(pros.size) < 0.8},
        )  # fmt: skip
        ref_codes = np.array([TRIBES.index(t) for t in _REFERRERS])
        referrers = staff[np.isin(self.p_tribe[staff], ref_codes)]
        a = np.repeat(referrers, spec.referrals)
        la_of_service = self._service_la
        order = np.argsort(la_of_service, kind="stable")
        sorted_la = la_of_service[order]
        starts = np.searchsorted(sorted_la, self.p_la[a], side="left")
        ends = np.searchsorted(sorted_la, self.p_la[a], side="right")
        ok = ends > starts
        pick = order[
            starts[ok] + (rng.random(int(ok.sum())) * (ends - starts)[ok]).astype(np.int64)
        ]
        yield from emit(
            "REFERS_TO", a[ok], pick, 1.0, 1.0, self.service_ids,
            {"count": rng.integers(1, 40, int(ok.sum()))},
        )  # fmt: skip


def wales_scale(seed: int = 0, spec: ScaleSpec | None = None) -> WalesScale:
    """The Wales-scale data set for ``seed`` (nothing is generated until iterated)."""
    return WalesScale(seed, spec)
