"""GeoJSON point layers: food banks, pharmacies, sports clubs, mental health services, NHS
Wales sites. Each feature is one asset at the point's coordinates (``[longitude, latitude]``,
RFC 7946); a feature without a point falls back to its postcode.
"""

from __future__ import annotations

import csv
from collections.abc import Callable
from pathlib import Path
from typing import Any

from graph import messages as say
from loaders.opendata.asset import Asset, Organisation, described, identity, identity_by_name
from loaders.opendata.build import add_asset
from loaders.opendata.hours import hours_from_day_columns, hours_from_text
from loaders.opendata.postcodes import PostcodeIndex
from loaders.opendata.rows import ParseResult, blank_to_none, read_geojson_features

__all__ = [
    "parse_food_banks",
    "parse_mental_health",
    "parse_nhs_wales_sites",
    "parse_pharmacies",
    "parse_sports_clubs",
]

_DAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")

FeatureFields = Callable[[str, dict[str, Any]], dict[str, Any] | None]


def _point(feature: dict[str, Any]) -> tuple[Any, Any]:
    geometry = feature.get("geometry") or {}
    coords = geometry.get("coordinates") if geometry.get("type") == "Point" else None
    if not coords:
        return None, None
    if not isinstance(coords, list) or len(coords) < 2:
        return coords, coords  # rejected as "not a number" by check_coordinates
    return coords[1], coords[0]


def _parse(
    path: Path, source: str, postcodes: PostcodeIndex | None, fields: FeatureFields
) -> ParseResult[Asset]:
    result: ParseResult[Asset] = ParseResult(file=path.name)
    seen: dict[str, int] = {}
    for number, feature in read_geojson_features(path, result.warnings):
        props = {k: blank_to_none(v) for k, v in (feature.get("properties") or {}).items()}
        built = fields(source, props)
        if built is None:
            result.skip(number, "outside the data set's scope")
            continue
        # Two features with the same natural key get distinct, still stable, ids.
        key = built["id"]
        seen[key] = seen.get(key, 0) + 1
        if seen[key] > 1:
            built["id"] = f"{key}-{seen[key]}"
        lat, lon = _point(feature)
        add_asset(result, number, postcodes, latitude=lat, longitude=lon, **built)
    return result


def _own_org(asset_id: str, name: Any, sector: str, **extra: Any) -> dict[str, Any]:
    return {"id": f"org:{asset_id}", "name": name or asset_id, "sector": sector, **extra}


def _food_bank(source: str, p: dict[str, Any]) -> dict[str, Any]:
    asset = identity_by_name(source, "food_bank", p.get("Name"), p.get("Postcode"))
    contact = p.get("Contact")
    return {
        **asset,
        **(
            described(say.DESCRIBE_FOOD_BANK_REFERRAL, method=p["Referral method"])
            if p.get("Referral method")
            else described(say.DESCRIBE_FOOD_BANK)
        ),
        "organisation": _own_org(
            asset["id"], p.get("Name"), "third_sector", website=p.get("Website")
        ),
        "address_1": p.get("Address"),
        "region": p.get("Area name"),
        "postal_code": p.get("Postcode"),
        "email": contact if contact and "@" in contact else None,
        "phone": contact if contact and "@" not in contact else None,
        "url": p.get("Website"),
        "hours": hours_from_text(p.get("Opening times")),
    }


def parse_food_banks(path: Path, postcodes: PostcodeIndex | None = None) -> ParseResult[Asset]:
    """Greater Manchester food banks (GM Poverty Action, 2018), tagged ``food_bank``."""
    return _parse(path, "geojson:gm_food_banks", postcodes, _food_bank)


def _pharmacy(source: str, p: dict[str, Any]) -> dict[str, Any]:
    code = p.get("organisation_data_service_code")
    name = p.get("pharmacy_name")
    asset = (
        identity(source, "pharmacy", code, name)
        if code
        else identity_by_name(source, "pharmacy", name, p.get("postcode"))
    )
    days = {i: p.get(f"opening_hours_{day}") for i, day in enumerate(_DAYS)}
    return {
        **asset,
        **described(say.DESCRIBE_PHARMACY),
        "organisation": _own_org(
            asset["id"], name, "primary_care", identifier=("ODS", code) if code else None
        ),
        "address_1": p.get("address"),
        "region": p.get("la_name"),
        "postal_code": p.get("postcode"),
        "hours": hours_from_day_columns(days),
        "external_identifier": ("ODS", code) if code else None,
    }


def parse_pharmacies(path: Path, postcodes: PostcodeIndex | None = None) -> ParseResult[Asset]:
    """Trafford pharmacies with Monday–Sunday opening hours, tagged ``pharmacy``."""
    return _parse(path, "geojson:trafford_pharmacies", postcodes, _pharmacy)


def _sport(source: str, p: dict[str, Any]) -> dict[str, Any]:
    asset = identity_by_name(source, "sport", p.get("name"), p.get("postcode"))
    return {
        **asset,
        "description": f"Sports club: {p['category']}" if p.get("category") else "Sports club",
        "organisation": _own_org(asset["id"], p.get("name"), "third_sector"),
        "address_1": p.get("address"),
        "region": "Trafford",
        "postal_code": p.get("postcode"),
    }


def parse_sports_clubs(path: Path, postcodes: PostcodeIndex | None = None) -> ParseResult[Asset]:
    """Trafford sports clubs (Trafford Council, 2018), tagged ``sport``."""
    return _parse(path, "geojson:sports_clubs", postcodes, _sport)


def _mental_health(source: str, p: dict[str, Any]) -> dict[str, Any]:
    asset = identity_by_name(source, "mental_health", p.get("name"), p.get("postcode"))
    return {
        **asset,
        "description": p.get("description"),
        "organisation": _own_org(
            asset["id"], p.get("name"), "third_sector", website=p.get("website")
        ),
        "address_1": p.get("address"),
        "postal_code": p.get("postcode"),
        "phone": p.get("telephone"),
        "url": p.get("website"),
    }


def parse_mental_health(path: Path, postcodes: PostcodeIndex | None = None) -> ParseResult[Asset]:
    """Mental health services used by Trafford residents, tagged ``mental_health``."""
    return _parse(path, "geojson:trafford_mental_health_services", postcodes, _mental_health)


def _nhs_orgs(path: Path | None) -> dict[str, dict[str, str]]:
    if path is None or not path.is_file():
        return {}
    with path.open(newline="", encoding="utf-8") as handle:
        return {row["Code"]: row for row in csv.DictReader(handle)}


def parse_nhs_wales_sites(
    path: Path, postcodes: PostcodeIndex | None = None, organisations: Path | None = None
) -> ParseResult[Asset]:
    """NHS Wales hospital sites (and the English hospitals Welsh patients use), tagged
    ``hospital`` (plus ``mental_health`` for mental-health-only sites), provided by their
    health board or trust from ``nhs_wales_organisations.csv``."""
    orgs = _nhs_orgs(organisations)

    def fields(source: str, p: dict[str, Any]) -> dict[str, Any]:
        code = p.get("Code")
        org_code = p.get("OrgCode")
        org_row = orgs.get(org_code or "") if org_code != "XXX" else None
        asset = identity(source, "hospital", code, p.get("FullName") or p.get("Name"))
        if org_row:
            org: Organisation | dict[str, Any] = {
                "id": f"org:ods:{org_code}",
                "name": org_row["FullName"],
                "name_cy": org_row.get("FullNameWelsh") or None,
                "sector": "secondary_care" if org_code != "RYT" else "public_health",
                "identifier": ("ODS", org_code),
            }
        else:
            org = _own_org(asset["id"], p.get("FullName"), "secondary_care")
        mh_only = p.get("IsMHLDOnly") is True
        return {
            **asset,
            "extra_tags": ("mental_health",) if mh_only else (),
            "name_cy": p.get("FullNameWelsh") or None,
            "organisation": org,
            "postal_code": p.get("Postcode"),
            "external_identifier": ("ODS", code) if code else None,
            # NHS Wales health boards and trusts are bound by the Welsh Language Standards.
            "public_body_in_wales": True,
        }

    return _parse(path, "geojson:nhs_wales_sites", postcodes, fields)
