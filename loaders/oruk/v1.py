"""Open Referral UK 1.0 service records → the HSDS/ORUK 3.0 shape.

ORUK 1.0 (the shape many live UK feeds still publish) differs from 3.0 mostly in names:
``regular_schedules`` → ``schedules``, ``eligibilitys`` → the service's age range and
``eligibility_description``, ``fundings`` → ``funding``, ``languages[].language`` →
``languages[].name``, ``service_areas[].service_area`` → ``name``, ``service_taxonomys`` →
``attributes`` with their ``taxonomy_term``, and in each location ``physical_addresses`` →
``addresses`` and ``accessibility_for_disabilities`` → ``accessibility``. Fields with no 3.0
home (``holiday_schedules``, ``reviews``, ``deliverable_type``, ``attending_access``...) are
kept unchanged and end up in ``extra_json``. See docs/openreferral.md for the full table.
"""

from __future__ import annotations

from typing import Any

__all__ = ["ORUK1_KEYS", "from_oruk1", "is_oruk1"]

#: keys that only ORUK 1.0 service records carry
ORUK1_KEYS = frozenset(
    {
        "regular_schedules",
        "holiday_schedules",
        "eligibilitys",
        "fundings",
        "service_taxonomys",
        "reviews",
        "deliverable_type",
        "attending_access",
    }
)
_LOCATION_KEYS = frozenset({"physical_addresses", "accessibility_for_disabilities"})
_WEEKDAYS = {
    "monday": "MO",
    "tuesday": "TU",
    "wednesday": "WE",
    "thursday": "TH",
    "friday": "FR",
    "saturday": "SA",
    "sunday": "SU",
}


def is_oruk1(record: dict[str, Any]) -> bool:
    """True for an ORUK 1.0 service record (by the keys only 1.0 uses)."""
    if ORUK1_KEYS & record.keys():
        return True
    for sal in record.get("service_at_locations") or ():
        location = sal.get("location") if isinstance(sal, dict) else None
        if isinstance(location, dict) and _LOCATION_KEYS & location.keys():
            return True
    return False


def _objects(value: Any) -> list[dict[str, Any]]:
    return [item for item in value if isinstance(item, dict)] if isinstance(value, list) else []


def _schedule(old: dict[str, Any]) -> dict[str, Any]:
    new = {k: v for k, v in old.items() if k != "weekday"}
    weekday = old.get("weekday")
    if isinstance(weekday, str) and not new.get("byday"):
        code = _WEEKDAYS.get(weekday.strip().lower(), weekday.strip().upper()[:2])
        new["byday"] = code
        new.setdefault("freq", "WEEKLY")
    if isinstance(weekday, str):
        new["weekday"] = weekday  # kept as an unknown field as well
    return new


def _location(old: dict[str, Any]) -> dict[str, Any]:
    new = {k: v for k, v in old.items() if k not in _LOCATION_KEYS}
    new.setdefault("location_type", "physical")
    if "physical_addresses" in old:
        new["addresses"] = [
            {"address_type": "physical", **address}
            for address in _objects(old["physical_addresses"])
        ]
    if "accessibility_for_disabilities" in old:
        new["accessibility"] = [
            {"description": item.get("accessibility"), **item}
            for item in _objects(old["accessibility_for_disabilities"])
        ]
    return new


def _service_at_location(old: dict[str, Any]) -> dict[str, Any]:
    new = {k: v for k, v in old.items() if k not in ("regular_schedule", "regular_schedules")}
    schedules = old.get("regular_schedules", old.get("regular_schedule"))
    if schedules is not None:
        new["schedules"] = [_schedule(s) for s in _objects(schedules)]
    if isinstance(old.get("location"), dict):
        new["location"] = _location(old["location"])
    return new


def _attribute(old: dict[str, Any]) -> dict[str, Any]:
    found = old.get("taxonomy")
    taxonomy: dict[str, Any] = found if isinstance(found, dict) else {}
    term: dict[str, Any] = {k: v for k, v in taxonomy.items() if k not in ("vocabulary", "parent")}
    if "vocabulary" in taxonomy:
        term["taxonomy"] = taxonomy["vocabulary"]
    if taxonomy.get("parent"):
        term["parent_id"] = taxonomy["parent"]
    attribute: dict[str, Any] = {"id": old.get("id")}
    if term.get("id") is not None:
        attribute["taxonomy_term_id"] = term["id"]
        attribute["taxonomy_term"] = term
    return attribute


def _eligibility(record: dict[str, Any], new: dict[str, Any]) -> None:
    rules = _objects(record.get("eligibilitys"))
    lows = [r["minimum_age"] for r in rules if isinstance(r.get("minimum_age"), int | float)]
    highs = [r["maximum_age"] for r in rules if isinstance(r.get("maximum_age"), int | float)]
    if lows and "minimum_age" not in new:
        new["minimum_age"] = min(lows)
    if highs and "maximum_age" not in new:
        new["maximum_age"] = max(highs)
    texts = [str(r["eligibility"]) for r in rules if r.get("eligibility")]
    if texts and "eligibility_description" not in new:
        new["eligibility_description"] = "; ".join(texts)


def from_oruk1(record: dict[str, Any]) -> dict[str, Any]:
    """The 3.0 service record for a 1.0 one (unknown keys kept as they are)."""
    renamed = {"regular_schedules", "fundings", "service_taxonomys", "eligibilitys"}
    new: dict[str, Any] = {k: v for k, v in record.items() if k not in renamed}
    if "regular_schedules" in record:
        new["schedules"] = [_schedule(s) for s in _objects(record["regular_schedules"])]
    if "fundings" in record:
        new["funding"] = _objects(record["fundings"])
    if "service_taxonomys" in record:
        new["attributes"] = [_attribute(t) for t in _objects(record["service_taxonomys"])]
    if "eligibilitys" in record:
        _eligibility(record, new)
        new["eligibilitys"] = record["eligibilitys"]  # the full rules, kept as unknown field
    if "languages" in record:
        new["languages"] = [
            {k: v for k, v in {"name": lang.get("language"), **lang}.items() if k != "language"}
            for lang in _objects(record["languages"])
        ]
    if "service_areas" in record:
        new["service_areas"] = [
            {"name": area.get("service_area"), **area} for area in _objects(record["service_areas"])
        ]
    if "service_at_locations" in record:
        new["service_at_locations"] = [
            _service_at_location(sal) for sal in _objects(record["service_at_locations"])
        ]
    if isinstance(record.get("status"), str):
        new["status"] = record["status"].strip().lower()
    return new
