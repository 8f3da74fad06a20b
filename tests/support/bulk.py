"""Large, deterministic inputs for the fault tests: HSDS service records and CSV tables.

Every service record has the same full subtree (organisation, one location with an address
at one service-at-location, a schedule, a phone, a contact with its own phone, a language, a
cost option), so a test can check that no service was stored without part of it.
"""

from __future__ import annotations

import csv
import json
import random
import uuid
from pathlib import Path
from typing import Any

__all__ = [
    "RELATIONSHIP_TYPES",
    "SUBTREE",
    "relationship_tables",
    "service_record",
    "write_relationship_tables",
    "write_services",
]

_NS = uuid.UUID("5b0f6d1e-8c1a-4a53-9d5f-0c6f5a1a2b3c")
#: (relationship type, direction from the Service, label) of each service's subtree
SUBTREE: tuple[tuple[str, str, str], ...] = (
    ("PROVIDES", "in", "Organization"),
    ("OF_SERVICE", "in", "ServiceAtLocation"),
    ("HAS_SCHEDULE", "out", "Schedule"),
    ("HAS_PHONE", "out", "Phone"),
    ("HAS_CONTACT", "out", "Contact"),
    ("HAS_LANGUAGE", "out", "Language"),
    ("HAS_COST_OPTION", "out", "CostOption"),
)
#: the relationship types of the generated edge table
RELATIONSHIP_TYPES = ("KNOWS", "WORKS_WITH", "WORKS_FOR")
_WORDS = ("Community", "Cafe", "Walking", "Group", "Carers", "Support", "Lunch", "Club",
          "Memory", "Garden", "Men's", "Shed", "Library", "Advice", "Befriending")  # fmt: skip


def _id(*parts: object) -> str:
    return str(uuid.uuid5(_NS, "/".join(str(p) for p in parts)))


def service_record(i: int, rng: random.Random) -> dict[str, Any]:
    """One HSDS 3.0 service with its whole subtree (ids are stable uuid5s of ``i``)."""
    name = " ".join(rng.sample(_WORDS, 3)) + f" {i}"
    lat = round(51.3 + rng.random() * 2.0, 6)
    lon = round(-4.9 + rng.random() * 2.2, 6)
    org = _id("org", i // 4)  # four services per organisation
    return {
        "id": _id("service", i),
        "name": name,
        "description": f"{name}: a place to meet people ({i})",
        "status": "active",
        "email": f"hello{i}@example.org",
        "minimum_age": rng.choice([0, 16, 18, 50]),
        "organization": {"id": org, "name": f"Organisation {i // 4}",
                         "description": "A community organisation"},
        "service_at_locations": [{
            "id": _id("sal", i),
            "location": {
                "id": _id("location", i), "name": f"Hall {i}", "location_type": "physical",
                "latitude": lat, "longitude": lon,
                "addresses": [{"id": _id("address", i), "address_1": f"{i} High Street",
                               "city": "Cardiff", "state_province": "Wales",
                               "postal_code": "CF10 1AA", "country": "GB",
                               "address_type": "physical"}],
            },
        }],
        "schedules": [{"id": _id("schedule", i), "freq": "WEEKLY", "byday": "MO,WE",
                       "opens_at": "09:00", "closes_at": "12:30"}],
        "phones": [{"id": _id("phone", i), "number": f"029 2000 {i % 10000:04d}"}],
        "contacts": [{"id": _id("contact", i), "name": "Front desk",
                      "email": f"desk{i}@example.org",
                      "phones": [{"id": _id("contact-phone", i), "number": "029 2111 0000"}]}],
        "languages": [{"id": _id("language", i), "name": "Welsh", "code": "cy"}],
        "cost_options": [{"id": _id("cost", i), "option": "Free", "amount": 0,
                          "currency": "GBP"}],
    }  # fmt: skip


def write_services(path: Path, count: int, seed: int = 8) -> Path:
    """A JSON array of ``count`` full service records."""
    rng = random.Random(seed)
    path.write_text(json.dumps([service_record(i, rng) for i in range(count)]), "utf-8")
    return path


def relationship_tables(
    people: int, edges: int, seed: int = 8
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Node rows (people, organisations, teams) and ``edges`` distinct edge rows."""
    rng = random.Random(seed)
    tribes = ("gp", "nurse", "social_worker", "community_connector", "volunteer")
    orgs = max(people // 50, 1)
    nodes: list[dict[str, Any]] = [
        {"id": f"rel-org-{o}", "kind": "organisation", "name": f"Org {o}"} for o in range(orgs)
    ]
    nodes += [
        {"id": f"rel-person-{p}", "kind": "person", "name": f"Person {p}",
         "tribe": rng.choice(tribes), "organisation_id": f"rel-org-{p % orgs}"}
        for p in range(people)
    ]  # fmt: skip
    seen: set[tuple[str, str, str]] = set()
    rows: list[dict[str, Any]] = []
    while len(rows) < edges:
        a, b = rng.randrange(people), rng.randrange(people)
        kind = rng.choice(RELATIONSHIP_TYPES)
        src = f"rel-person-{a}"
        dst = f"rel-org-{b % orgs}" if kind == "WORKS_FOR" else f"rel-person-{b}"
        if src == dst or (src, dst, kind) in seen:
            continue
        seen.add((src, dst, kind))
        rows.append({"source": src, "target": dst, "type": kind,
                     "weight": round(rng.random(), 3)})  # fmt: skip
    return nodes, rows


def write_relationship_tables(
    folder: Path, people: int, edges: int, seed: int = 8
) -> tuple[Path, Path]:
    """``nodes.csv`` and ``edges.csv`` as ``load relationships`` reads them."""
    nodes, rows = relationship_tables(people, edges, seed)
    paths = folder / "nodes.csv", folder / "edges.csv"
    for path, table, columns in (
        (paths[0], nodes, ("id", "kind", "name", "tribe", "organisation_id")),
        (paths[1], rows, ("source", "target", "type", "weight")),
    ):
        with path.open("w", newline="", encoding="utf-8") as handle:
            writer = csv.DictWriter(handle, fieldnames=columns)
            writer.writeheader()
            writer.writerows(table)
    return paths
