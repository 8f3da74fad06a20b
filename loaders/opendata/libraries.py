"""Public libraries: Wales (Libraries Hacked, 2025) and Greater Manchester (DCMS, reviewed).

Each library is provided by its local authority's library service, one organisation per
authority (``org:libraries:<LA code>``), so the libraries of one council share a provider.
Libraries with a "Year closed" are skipped.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from graph import messages as say
from loaders.opendata.asset import Asset, described, identity_by_name
from loaders.opendata.build import csv_assets, data_lab_fields, join_address
from loaders.opendata.postcodes import PostcodeIndex
from loaders.opendata.rows import ParseResult

__all__ = [
    "LIBRARY_SERVICE_PREFIX",
    "LIBRARY_SOURCES",
    "SOURCE_GM_LIBRARIES",
    "SOURCE_WALES_LIBRARIES",
    "parse_gm_libraries",
    "parse_wales_libraries",
]

SOURCE_WALES_LIBRARIES = "csv:wales_libraries"
SOURCE_GM_LIBRARIES = "csv:gm_libraries"
LIBRARY_SOURCES = frozenset({SOURCE_WALES_LIBRARIES, SOURCE_GM_LIBRARIES})
#: a library service's organisation id is this prefix and its authority's ONS code
LIBRARY_SERVICE_PREFIX = "org:libraries:"

_TYPES = {"LAL": say.DESCRIBE_COUNCIL_LIBRARY, "CL": say.DESCRIBE_COMMUNITY_LIBRARY}


def _library_type(code: str | None) -> dict[str, str | None]:
    """A council-run or community library, said in English and Welsh; another type as the
    file writes it (English only: it is the publisher's word)."""
    wording = _TYPES.get(code or "")
    if wording is None:
        return {"description": code, "description_cy": None}
    return described(wording)


def _service_org(
    la_code: str | None, la_name: str | None, la_name_cy: str | None = None
) -> dict[str, object]:
    """The authority's library service ("Cardiff library service", in Welsh "Gwasanaeth
    llyfrgell Caerdydd" where the authority's Welsh name is known)."""
    code = la_code or "unknown"
    name = f"{la_name} library service" if la_name else f"Library service {code}"
    return {
        "id": f"{LIBRARY_SERVICE_PREFIX}{code}",
        "name": name,
        "name_cy": f"Gwasanaeth llyfrgell {la_name_cy}" if la_name_cy else None,
        "sector": "local_government",
    }


def parse_wales_libraries(
    path: Path,
    postcodes: PostcodeIndex | None = None,
    la_names: Mapping[str, str] | None = None,
    la_names_cy: Mapping[str, str] | None = None,
) -> ParseResult[Asset]:
    """Welsh public libraries (no coordinates in the file: found by postcode), each provided
    by its authority's library service, named in English and Welsh from the authorities'
    names (``la_names``, ``la_names_cy``: ONS code → name)."""
    names, names_cy = la_names or {}, la_names_cy or {}

    def fields(
        row_no: int, row: dict[str, Any], result: ParseResult[Asset]
    ) -> dict[str, Any] | None:
        if row.get("Year closed"):
            result.skip(row_no, f"{row.get('Library name')}: closed in {row['Year closed']}")
            return None
        la = row.get("Local authority code")
        email = row.get("Email address")
        return dict(
            identity_by_name(
                SOURCE_WALES_LIBRARIES, "library", row.get("Library name"), row.get("Postcode")
            ),
            **_library_type(row.get("Type of library")),
            organisation=_service_org(la, names.get(la or ""), names_cy.get(la or "")),
            address_1=join_address(row.get("Address 1"), row.get("Address 2")),
            city=row.get("Address 3"),
            region=names.get(la or ""),
            postal_code=row.get("Postcode"),
            url=row.get("URL"),
            email=email.removeprefix("mailto:") if email else None,
            # Council-run libraries come under the council's Welsh Language Standards;
            # community (volunteer-run) libraries do not.
            public_body_in_wales=row.get("Type of library") == "LAL",
        )

    return csv_assets(path, postcodes, fields)


def parse_gm_libraries(path: Path, postcodes: PostcodeIndex | None = None) -> ParseResult[Asset]:
    """Greater Manchester public libraries (with coordinates)."""
    return csv_assets(path, postcodes, _gm_library)


def _gm_library(
    row_no: int, row: dict[str, Any], result: ParseResult[Asset]
) -> dict[str, Any] | None:
    """A Greater Manchester library's asset, provided by its authority's library service."""
    return dict(
        data_lab_fields(row),
        **identity_by_name(SOURCE_GM_LIBRARIES, "library", row.get("name"), row.get("postcode")),
        organisation=_service_org(row.get("area_code"), row.get("area_name")),
        url=row.get("website"),
        email=row.get("email"),
    )
