"""NHS ODS GP practices: Wales ``epraccur`` and Trafford's practice lists.

``epraccur`` (NHS England ODS, OGL v3) has one row per ODS code; only active GP practices
(``status_code = A`` and ``prescribing_setting = 4``) become assets, the others (closed,
dormant, out-of-hours and other prescribing settings) are counted as skipped. Trafford's
current practices come from the patient-registration list (ODS code, registered patients),
enriched by postcode with the address, phone and coordinates of the practice list, then the
2019 coded list, then the postcode table.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from graph import messages as say
from loaders.opendata.asset import Asset, Organisation, described, identity
from loaders.opendata.build import add_asset, csv_assets, join_address
from loaders.opendata.postcodes import PostcodeIndex, normalise_postcode
from loaders.opendata.rows import ParseResult, read_csv

__all__ = ["SOURCE_EPRACCUR", "SOURCE_TRAFFORD_GP", "parse_epraccur", "parse_trafford_practices"]

SOURCE_EPRACCUR = "ods:epraccur"
SOURCE_TRAFFORD_GP = "ods:trafford_gp_registrations"


def _practice_org(code: str, name: str, commissioner: str | None = None) -> Organisation:
    return Organisation(
        id=f"org:ods:{code}",
        name=name,
        sector="primary_care",
        legal_status="GP practice (NHS contract)",
        identifier=("ODS", code),
        member_of=f"org:ods:{commissioner}" if commissioner else None,
    )


def parse_epraccur(path: Path, postcodes: PostcodeIndex | None = None) -> ParseResult[Asset]:
    """Active GP practices of an ``epraccur`` extract as assets tagged ``gp``."""
    return csv_assets(path, postcodes, _gp_practice)


def _gp_practice(
    row_no: int, row: dict[str, Any], result: ParseResult[Asset]
) -> dict[str, Any] | None:
    """An active GP practice's asset; other rows are rejected (no code) or skipped."""
    code = row.get("organisation_code")
    if not code:
        result.reject(row_no, "organisation_code", "no ODS code")
        return None
    if row.get("prescribing_setting") != "4":
        result.skip(row_no, f"{code}: not a GP practice (prescribing setting)")
        return None
    if row.get("status_code") != "A":
        result.skip(row_no, f"{code}: not active (status {row.get('status_code')})")
        return None
    name = row.get("name")
    lines = [row.get(f"address_line_{i}") for i in range(1, 6)]
    return dict(
        identity(SOURCE_EPRACCUR, "gp", code, name),
        **described(say.DESCRIBE_GP),
        organisation=_practice_org(code, name or code, row.get("commissioner")),
        address_1=join_address(*lines[:3]),
        city=next((line for line in reversed(lines) if line), None),
        postal_code=row.get("postcode"),
        phone=row.get("contact_telephone_number"),
        external_identifier=("ODS", code),
    )


def _by_postcode(path: Path) -> dict[str, dict[str, Any]]:
    out: dict[str, dict[str, Any]] = {}
    if path.is_file():
        for _, row in read_csv(path):
            key = normalise_postcode(row.get("postcode") or row.get("Postcode"))
            if key:
                out.setdefault(key, row)
    return out


def _by_code(path: Path) -> dict[str, dict[str, Any]]:
    if not path.is_file():
        return {}
    return {row["Code"]: row for _, row in read_csv(path) if row.get("Code")}


def parse_trafford_practices(
    registrations: Path,
    practices: Path,
    coded_2019: Path,
    postcodes: PostcodeIndex | None = None,
) -> ParseResult[Asset]:
    """Trafford's current GP practices (one per ODS code), tagged ``gp``."""
    result: ParseResult[Asset] = ParseResult(file=registrations.name)
    listed = _by_postcode(practices)
    coded = _by_code(coded_2019)
    for row_no, row in read_csv(registrations, result.warnings):
        code = row.get("practice_code")
        if not code:
            result.reject(row_no, "practice_code", "no ODS code")
            continue
        postcode = normalise_postcode(row.get("practice_postcode"))
        match = listed.get(postcode or "") or {}
        old = coded.get(code) or {}
        lat = match.get("lat") or old.get("lat")
        lon = match.get("lon") or old.get("lon")
        patients = row.get("registered_patients")
        add_asset(
            result,
            row_no,
            postcodes,
            latitude=lat,
            longitude=lon,
            **identity(SOURCE_TRAFFORD_GP, "gp", code, row.get("practice_name")),
            **(
                described(say.DESCRIBE_GP_PATIENTS, patients=patients, month=say.JANUARY_2026())
                if patients
                else described(say.DESCRIBE_GP)
            ),
            organisation=_practice_org(code, row.get("practice_name") or code),
            address_1=match.get("address") or join_address(old.get("A1"), old.get("A2")),
            city=old.get("A3"),
            region="Trafford",
            postal_code=row.get("practice_postcode"),
            phone=match.get("telephone"),
            external_identifier=("ODS", code),
        )
    return result
