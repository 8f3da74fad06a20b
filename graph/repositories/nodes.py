"""Detail of any node (``node(id:)``) and the batched lookups behind nested service fields.

Every ``*_of_services`` function takes many service ids and runs one statement, so the
GraphQL DataLoaders resolve a whole page of nested fields with one query per field kind.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from pydantic import BaseModel, ConfigDict

from graph.database import Database
from graph.repositories.values import iso, stale_before

__all__ = [
    "ContactRecord",
    "LocationRecord",
    "NodeRecord",
    "ScheduleRecord",
    "ServiceDetails",
    "contacts_of_services",
    "details_of_services",
    "fetch_node",
    "locations_of_services",
    "organizations_of_services",
    "schedules_of_services",
]


class NodeRecord(BaseModel):
    """A node of one of the exposed kinds with its properties as stored."""

    model_config = ConfigDict(frozen=True)

    kind: str
    props: dict[str, Any]
    organisation_ids: list[str] = []
    stale: bool = True

    @property
    def id(self) -> str:
        return str(self.props["id"])

    def text(self, key: str) -> str | None:
        value = self.props.get(key)
        return None if value is None else str(value)

    def integer(self, key: str) -> int | None:
        value = self.props.get(key)
        return value if isinstance(value, int) and not isinstance(value, bool) else None

    def number(self, key: str) -> float | None:
        value = self.props.get(key)
        return (
            float(value) if isinstance(value, int | float) and not isinstance(value, bool) else None
        )


class LocationRecord(BaseModel):
    id: str
    name: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    accessibility: list[str] = []
    address: dict[str, Any] | None = None


class ScheduleRecord(BaseModel):
    id: str | None = None
    byday: str | None = None
    opens_at: str | None = None
    closes_at: str | None = None
    freq: str | None = None
    description: str | None = None
    location_id: str | None = None


class ContactRecord(BaseModel):
    id: str | None = None
    name: str | None = None
    title: str | None = None
    email: str | None = None
    phones: list[str] = []


class ServiceDetails(BaseModel):
    cost_options: list[dict[str, Any]] = []
    languages: list[dict[str, Any]] = []
    needs: list[dict[str, Any]] = []
    taxonomy_terms: list[dict[str, Any]] = []


async def fetch_node(db: Database, node_id: str) -> NodeRecord | None:
    """The node with this id if it is a Service, Organization, Location, Person, Team, Area
    or Need; None otherwise (other kinds are never exposed by id)."""
    rows = await db.read("nodes/node_by_id", id=node_id, stale_before=stale_before())
    if not rows:
        return None
    row = rows[0]
    props = dict(row["props"])
    props.pop("point", None)
    props.pop("centroid", None)
    if "last_verified" in props:
        props["last_verified"] = iso(props["last_verified"])
    return NodeRecord(
        kind=row["kind"], props=props, organisation_ids=row["organisation_ids"], stale=row["stale"]
    )


def _group(rows: list[dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    grouped: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for row in rows:
        key = row.pop("key")
        grouped[str(key)].append(row)
    return grouped


async def organizations_of_services(db: Database, ids: list[str]) -> dict[str, NodeRecord]:
    """The providing organisation of each service (services without one are absent)."""
    rows = await db.read("nodes/organizations_of_services", ids=ids)
    out: dict[str, NodeRecord] = {}
    for row in rows:
        props = dict(row["props"])
        props["last_verified"] = iso(props.get("last_verified"))
        out.setdefault(str(row["key"]), NodeRecord(kind="Organization", props=props))
    return out


async def locations_of_services(db: Database, ids: list[str]) -> dict[str, list[LocationRecord]]:
    rows = _group(await db.read("nodes/locations_of_services", ids=ids))
    return {k: [LocationRecord.model_validate(r) for r in v] for k, v in rows.items()}


async def schedules_of_services(db: Database, ids: list[str]) -> dict[str, list[ScheduleRecord]]:
    rows = _group(await db.read("nodes/schedules_of_services", ids=ids))
    return {k: [ScheduleRecord.model_validate(r) for r in v] for k, v in rows.items()}


async def contacts_of_services(db: Database, ids: list[str]) -> dict[str, list[ContactRecord]]:
    rows = _group(await db.read("nodes/contacts_of_services", ids=ids))
    return {k: [ContactRecord.model_validate(r) for r in v] for k, v in rows.items()}


async def details_of_services(db: Database, ids: list[str]) -> dict[str, ServiceDetails]:
    rows = await db.read("nodes/details_of_services", ids=ids)
    return {str(r.pop("key")): ServiceDetails.model_validate(r) for r in rows}
