"""A fully synthetic, Wales-shaped data set for ``load demo --synthetic`` (and for
the Wales-scale benchmark): health boards, local authorities, LSOAs with Welsh-sounding
names and coordinates inside Wales, assets of every type with realistic flaws (duplicate
listings under a variant name, missing phones, missing coordinates, LSOAs with nothing),
and need levels driven by one latent deprivation score per LSOA.

The 7 health boards and 22 local authorities are the real ones (names and ONS codes, with
approximate centres); LSOAs are invented, with codes ``W019xxxxx`` that no real LSOA has
(real ones stop at W01001958), so synthetic rows never collide with real ones.
"""

from __future__ import annotations

from collections.abc import Iterator

import numpy as np
from pydantic import BaseModel, Field

from loaders.areas import AreaRecord
from loaders.generator.vocab import PLACE_PREFIXES, PLACE_SUFFIXES
from loaders.opendata.asset import ASSET_TAGS, Asset, OpeningHours
from loaders.opendata.indicators import NeedLevel

__all__ = [
    "HEALTH_BOARDS",
    "LOCAL_AUTHORITIES",
    "SOURCE_SYNTHETIC",
    "SyntheticWales",
    "iter_synthetic_assets",
    "synthetic_areas",
    "synthetic_wales",
]

SOURCE_SYNTHETIC = "demo:synthetic"
SOURCE_SYNTHETIC_B = "demo:synthetic-directory-b"

HEALTH_BOARDS: dict[str, str] = {
    "W11000023": "Betsi Cadwaladr University Health Board",
    "W11000024": "Powys Teaching Health Board",
    "W11000025": "Hywel Dda University Health Board",
    "W11000028": "Aneurin Bevan University Health Board",
    "W11000029": "Cardiff and Vale University Health Board",
    "W11000030": "Cwm Taf Morgannwg University Health Board",
    "W11000031": "Swansea Bay University Health Board",
}

#: code → (name, health board, latitude, longitude, spread in degrees, real LSOA count)
LOCAL_AUTHORITIES: dict[str, tuple[str, str, float, float, float, int]] = {
    "W06000001": ("Isle of Anglesey", "W11000023", 53.28, -4.37, 0.08, 44),
    "W06000002": ("Gwynedd", "W11000023", 52.92, -3.95, 0.15, 75),
    "W06000003": ("Conwy", "W11000023", 53.15, -3.73, 0.08, 71),
    "W06000004": ("Denbighshire", "W11000023", 53.10, -3.35, 0.07, 58),
    "W06000005": ("Flintshire", "W11000023", 53.20, -3.15, 0.05, 92),
    "W06000006": ("Wrexham", "W11000023", 53.02, -3.00, 0.05, 85),
    "W06000023": ("Powys", "W11000024", 52.35, -3.40, 0.2, 79),
    "W06000008": ("Ceredigion", "W11000025", 52.25, -4.00, 0.12, 46),
    "W06000009": ("Pembrokeshire", "W11000025", 51.82, -4.90, 0.1, 71),
    "W06000010": ("Carmarthenshire", "W11000025", 51.88, -4.20, 0.12, 112),
    "W06000011": ("Swansea", "W11000031", 51.63, -3.98, 0.04, 148),
    "W06000012": ("Neath Port Talbot", "W11000031", 51.67, -3.75, 0.05, 91),
    "W06000013": ("Bridgend", "W11000030", 51.54, -3.58, 0.04, 88),
    "W06000014": ("Vale of Glamorgan", "W11000029", 51.44, -3.38, 0.04, 79),
    "W06000015": ("Cardiff", "W11000029", 51.50, -3.19, 0.03, 214),
    "W06000016": ("Rhondda Cynon Taf", "W11000030", 51.63, -3.40, 0.05, 154),
    "W06000024": ("Merthyr Tydfil", "W11000030", 51.75, -3.37, 0.03, 36),
    "W06000018": ("Caerphilly", "W11000028", 51.64, -3.20, 0.04, 110),
    "W06000019": ("Blaenau Gwent", "W11000028", 51.77, -3.20, 0.03, 47),
    "W06000020": ("Torfaen", "W11000028", 51.70, -3.05, 0.03, 60),
    "W06000021": ("Monmouthshire", "W11000028", 51.75, -2.85, 0.06, 56),
    "W06000022": ("Newport", "W11000028", 51.58, -2.99, 0.03, 95),
}

#: Asset type → assets per LSOA on average (the directory's mix).
ASSET_RATES: dict[str, float] = {
    "gp": 0.2, "pharmacy": 0.35, "library": 0.14, "food_bank": 0.12, "charity": 0.5,
    "sport": 0.3, "mental_health": 0.08, "care_home": 0.3, "hospital": 0.04,
}  # fmt: skip
_SECTOR = {
    "gp": "primary_care", "pharmacy": "primary_care", "library": "local_government",
    "food_bank": "third_sector", "charity": "third_sector", "sport": "third_sector",
    "mental_health": "third_sector", "care_home": "social_care", "hospital": "secondary_care",
}  # fmt: skip
_NOUN = {
    "gp": "Medical Practice", "pharmacy": "Pharmacy", "library": "Library",
    "food_bank": "Food Bank", "charity": "Community Trust", "sport": "Sports Club",
    "mental_health": "Wellbeing Hub", "care_home": "Care Home", "hospital": "Community Hospital",
}  # fmt: skip
# Wales, roughly: coordinates are clipped to this box.
_LAT = (51.38, 53.42)
_LON = (-5.25, -2.70)


class SyntheticWales(BaseModel):
    """Areas (with hierarchy), assets and need levels of a made-up Wales."""

    areas: list[AreaRecord] = Field(default_factory=list)
    assets: list[Asset] = Field(default_factory=list)
    needs: list[NeedLevel] = Field(default_factory=list)
    lsoa_of_asset: dict[str, str] = Field(default_factory=dict)


_WEEKDAYS = OpeningHours(byday="MO,TU,WE,TH,FR", opens_at="09:00:00", closes_at="17:00:00")


def _phone(rng: np.random.Generator) -> str:
    return f"01{int(rng.integers(100, 999))} {int(rng.integers(100000, 999999))}"


def _place(rng: np.random.Generator) -> str:
    prefix = PLACE_PREFIXES[int(rng.integers(len(PLACE_PREFIXES)))]
    suffix = PLACE_SUFFIXES[int(rng.integers(len(PLACE_SUFFIXES)))]
    return prefix + suffix


def synthetic_areas(
    rng: np.random.Generator, lsoa_fraction: float = 1.0
) -> tuple[list[AreaRecord], np.ndarray]:
    """Areas of a made-up Wales and each LSOA's latent deprivation score (0 = least)."""
    areas: list[AreaRecord] = []
    for code, name in HEALTH_BOARDS.items():
        members = [v for v in LOCAL_AUTHORITIES.values() if v[1] == code]
        areas.append(
            AreaRecord(
                id=code, name=name, kind="health_board", source=SOURCE_SYNTHETIC,
                latitude=round(float(np.mean([m[2] for m in members])), 6),
                longitude=round(float(np.mean([m[3] for m in members])), 6),
            )
        )  # fmt: skip
    lsoa_number = 900_000
    scores: list[float] = []
    for code, (name, board, lat, lon, spread, count) in LOCAL_AUTHORITIES.items():
        areas.append(
            AreaRecord(
                id=code, name=name, kind="local_authority", parent_id=board,
                latitude=lat, longitude=lon, source=SOURCE_SYNTHETIC,
            )
        )  # fmt: skip
        n = max(3, round(count * lsoa_fraction))
        lats = np.clip(rng.normal(lat, spread, n), *_LAT)
        lons = np.clip(rng.normal(lon, spread * 1.5, n), *_LON)
        # Valleys and city centres are more deprived: a latent score with local noise.
        base = 0.6 if name in {"Blaenau Gwent", "Merthyr Tydfil", "Rhondda Cynon Taf"} else 0.4
        latent = np.clip(rng.normal(base, 0.2, n), 0, 1)
        places = [_place(rng) for _ in range(max(1, n // 4))]
        for i in range(n):
            lsoa_number += 1
            areas.append(
                AreaRecord(
                    id=f"W01{lsoa_number:06d}",
                    name=f"{places[i % len(places)]} {i // len(places) + 1}",
                    kind="lsoa", parent_id=code,
                    latitude=round(float(lats[i]), 6), longitude=round(float(lons[i]), 6),
                    population=int(rng.integers(1200, 2200)), source=SOURCE_SYNTHETIC,
                )
            )  # fmt: skip
            scores.append(float(latent[i]))
    return areas, np.array(scores)


def iter_synthetic_assets(
    rng: np.random.Generator,
    lsoas: list[AreaRecord],
    scale: float = 1.0,
    duplicate_rate: float = 0.03,
) -> Iterator[tuple[Asset, str]]:
    """Assets with their LSOA: ``ASSET_RATES × scale`` per LSOA, with deliberate flaws.

    About ``duplicate_rate`` of them are listed a second time by another directory
    (source ``demo:synthetic-directory-b``) under a variant name, ~60 m away; ~10 % have
    no phone; ~4 % have no coordinates; a tenth of LSOAs get no assets at all (gaps).
    """
    tags = list(ASSET_RATES)
    rates = np.array([ASSET_RATES[t] for t in tags]) * scale
    serial = 0
    for area in lsoas:
        if rng.random() < 0.1:
            continue
        counts = rng.poisson(rates)
        for tag, count in zip(tags, counts.tolist(), strict=True):
            for _ in range(count):
                serial += 1
                name = f"{area.name.rsplit(' ', 1)[0]} {_NOUN[tag]}"
                lat = float(area.latitude or 52.3) + float(rng.normal(0, 0.004))
                lon = float(area.longitude or -3.6) + float(rng.normal(0, 0.006))
                has_point = rng.random() >= 0.04
                base = {
                    "source": SOURCE_SYNTHETIC, "name": name, "tag": tag,
                    "description": f"{ASSET_TAGS[tag]} (synthetic)",
                    "latitude": round(lat, 6) if has_point else None,
                    "longitude": round(lon, 6) if has_point else None,
                    "postal_code": None, "region": area.name,
                    "phone": None if rng.random() < 0.1 else _phone(rng),
                    "hours": [_WEEKDAYS] if tag in {"gp", "pharmacy", "library"} else [],
                }  # fmt: skip
                sid = f"syn:{tag}:{serial:06d}"
                org = {"id": f"syn:org:{serial:06d}", "name": name, "sector": _SECTOR[tag]}
                yield (
                    Asset(id=sid, source_id=sid, organisation=org, **base),
                    area.id,
                )
                if rng.random() < duplicate_rate:
                    dup = dict(base)
                    dup.update(
                        source=SOURCE_SYNTHETIC_B,
                        name=name.upper() if rng.random() < 0.5 else f"The {name}",
                        latitude=round(lat + 0.0005, 6) if has_point else None,
                        longitude=round(lon + 0.0005, 6) if has_point else None,
                    )  # fmt: skip
                    did = f"syn-b:{tag}:{serial:06d}"
                    dorg = {
                        "id": f"syn-b:org:{serial:06d}",
                        "name": dup["name"],
                        "sector": _SECTOR[tag],
                    }
                    yield Asset(id=did, source_id=did, organisation=dorg, **dup), area.id


def _synthetic_needs(
    lsoas: list[AreaRecord], latent: np.ndarray, rng: np.random.Generator
) -> list[NeedLevel]:
    out: list[NeedLevel] = []
    domains = ("deprivation", "food_poverty", "poor_health", "isolation", "housing", "employment")
    for area, score in zip(lsoas, latent.tolist(), strict=True):
        for need in domains:
            value = float(np.clip(score + rng.normal(0, 0.1), 0, 1))
            decile = int(np.clip(10 - int(value * 10), 1, 10))
            out.append(
                NeedLevel(
                    area_id=area.id, need_id=need, indicator=f"synthetic_{need}_decile",
                    level=(11 - decile) / 10, value=decile, year=2019, source=SOURCE_SYNTHETIC,
                )
            )  # fmt: skip
    return out


def synthetic_wales(
    seed: int = 0, *, lsoa_fraction: float = 0.25, asset_scale: float = 1.0
) -> SyntheticWales:
    """A whole made-up Wales; the same seed gives the same data set.

    ``lsoa_fraction`` scales the number of LSOAs (1.0: about the real 1,909), and
    ``asset_scale`` the assets per LSOA (about 2 per LSOA at 1.0).
    """
    rng = np.random.default_rng(seed)
    areas, latent = synthetic_areas(rng, lsoa_fraction)
    lsoas = [a for a in areas if a.kind == "lsoa"]
    out = SyntheticWales(areas=areas, needs=_synthetic_needs(lsoas, latent, rng))
    for asset, lsoa in iter_synthetic_assets(rng, lsoas, asset_scale):
        out.assets.append(asset)
        out.lsoa_of_asset[asset.id] = lsoa
    return out
