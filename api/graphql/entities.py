"""GraphQL types of the directory and graph-native nodes (``Node`` and its kinds).

``Service`` nested fields (organisation, locations, schedules, contacts, cost options,
languages, needs) resolve through the request's DataLoaders. ``Person`` names and contacts
resolve to null for roles that may not see people (defence in depth: the resolvers that
return people already refuse those roles).
"""
# strawberry.field(description=...) is typed as returning Any, so mypy calls these
# decorators untyped; the resolvers themselves are fully annotated.
# mypy: disable-error-code="untyped-decorator"

from __future__ import annotations

from typing import Any

import strawberry
from strawberry.scalars import JSON
from strawberry.types import Info

from api.graphql.context import Context
from api.graphql.views import texts_of, view_of
from graph.repositories.assets import ServiceProps
from graph.repositories.edits import StoredListing, listing_content, pending_differences
from graph.repositories.nodes import (
    ContactRecord,
    LocationRecord,
    NodeRecord,
    ScheduleRecord,
    ServiceDetails,
)
from graph.repositories.offerings import same_as
from graph.repositories.outcomes import camel
from graph.repositories.phones import PhoneRecord
from graph.repositories.values import is_stale
from queries.vocabulary import SERVICE_TYPES, Term

__all__ = [
    "AreaNode",
    "NeedNode",
    "Node",
    "OrganizationNode",
    "PersonNode",
    "PhoneNode",
    "ServiceNode",
    "TeamNode",
    "TermNode",
    "node_from_record",
    "service_kind",
]


@strawberry.interface(description="Any node found by id; `stale` = not verified in 12 months.")
class Node:
    id: strawberry.ID
    last_verified: str | None
    stale: bool


@strawberry.type(name="Schedule", description="When a service is open (HSDS schedule).")
class ScheduleNode:
    byday: str | None
    opens_at: str | None
    closes_at: str | None
    freq: str | None
    description: str | None
    location_id: str | None = strawberry.field(description="Set for one location's hours.")

    @classmethod
    def of(cls, r: ScheduleRecord) -> ScheduleNode:
        return view_of(cls, r)


@strawberry.type(name="Contact")
class ContactNode:
    name: str | None
    title: str | None
    email: str | None
    phones: list[str]

    @classmethod
    def of(cls, r: ContactRecord) -> ContactNode:
        return view_of(cls, r)


@strawberry.type(name="Term", description="A term of the vocabulary (GET /api/vocabulary).")
class TermNode:
    id: strawberry.ID
    en: str = strawberry.field(description="English label.")
    cy: str = strawberry.field(description="Welsh label.")

    @classmethod
    def of(cls, term: Term) -> TermNode:
        return cls(id=strawberry.ID(term.id), en=term.en, cy=term.cy)


def service_kind(taxonomy_terms: list[dict[str, Any]]) -> Term | None:
    """The kind of a service from its taxonomy terms: a term whose code is a kind of the
    vocabulary, else one whose name names a kind (another feed's taxonomy)."""
    for term in taxonomy_terms:
        kind = SERVICE_TYPES.get(str(term.get("code") or ""))
        if kind is not None:
            return kind
    for term in taxonomy_terms:
        kind = SERVICE_TYPES.resolve(str(term.get("name") or ""))
        if kind is not None:
            return kind
    return None


@strawberry.type(name="Phone", description="A number to call (HSDS phone).")
class PhoneNode:
    number: str
    extension: str | None
    type: str | None = strawberry.field(description="HSDS phone type: voice, text, fax...")
    description: str | None
    source: str = strawberry.field(
        description="Where the number was found: service, location or organization."
    )

    @classmethod
    def of(cls, r: PhoneRecord) -> PhoneNode:
        return view_of(cls, r)


@strawberry.type(name="Location")
class LocationNode(Node):
    name: str | None
    latitude: float | None
    longitude: float | None
    accessibility: list[str]
    address: str | None

    @classmethod
    def of(cls, r: LocationRecord) -> LocationNode:
        parts = [
            str(v)
            for k in ("address_1", "address_2", "city", "postal_code")
            if (v := (r.address or {}).get(k))
        ]
        return view_of(
            cls,
            r,
            id=strawberry.ID(r.id),
            address=", ".join(parts) or None,
            last_verified=None,
            stale=True,
        )


def _opt_float(value: Any) -> float | None:
    """A stored number as a float, or None for anything that is not a number."""
    return float(value) if isinstance(value, int | float) and not isinstance(value, bool) else None


@strawberry.type(name="CostOption")
class CostOptionNode:
    option: str | None
    amount: float | None
    currency: str | None
    amount_description: str | None

    @classmethod
    def of(cls, row: dict[str, Any]) -> CostOptionNode:
        return texts_of(cls, row, amount=_opt_float(row.get("amount")))


@strawberry.type(name="Language")
class LanguageNode:
    code: str | None
    name: str | None

    @classmethod
    def of(cls, row: dict[str, Any]) -> LanguageNode:
        return texts_of(cls, row)


@strawberry.type(name="Need")
class NeedNode(Node):
    name: str | None

    @classmethod
    def of(cls, row: dict[str, Any]) -> NeedNode:
        # A service's detail rows carry no verification date: unverified, so stale.
        return texts_of(cls, row, id=strawberry.ID(str(row["id"])), last_verified=None, stale=True)


@strawberry.type(name="TaxonomyTerm")
class TaxonomyTermNode:
    id: strawberry.ID
    code: str | None
    name: str | None

    @classmethod
    def of(cls, row: dict[str, Any]) -> TaxonomyTermNode:
        return texts_of(cls, row, id=strawberry.ID(str(row["id"])))


@strawberry.type(name="Organization")
class OrganizationNode(Node):
    name: str | None
    description: str | None
    email: str | None
    website: str | None
    sector: str | None
    name_cy: str | None = strawberry.field(
        default=None, description="Its name in Welsh, where its publisher gives one."
    )


def _organization(r: NodeRecord) -> OrganizationNode:
    """An organisation's node; its freshness comes from its own verification date."""
    return texts_of(
        OrganizationNode, r.props, id=strawberry.ID(r.id), stale=is_stale(r.text("last_verified"))
    )


@strawberry.type(description="A listing merged into another as the same asset.")
class MergedListing:
    id: strawberry.ID
    name: str
    listed_by: str | None
    source: str | None


@strawberry.type(description="One field of a listing before and after a change.")
class FieldChangeNode:
    field: str = strawberry.field(description="The field, as updateOffering names it.")
    before: JSON | None
    after: JSON | None


@strawberry.type(description="An edit to a public listing, waiting for a moderator.")
class PendingChange:
    submitted_at: str | None
    changes: list[FieldChangeNode]


async def _stored_for_its_editors(
    info: Info[Context, None], service_id: str
) -> StoredListing | None:
    """The listing as stored, for moderators and its own group's editors; None for anyone else
    (an unmoderated change is never public)."""
    caller = info.context.caller
    if not (caller.moderates or caller.edits_offerings):
        return None
    stored = await listing_content(info.context.db, service_id)
    if caller.org_scope is not None and caller.org_scope not in stored.orgs:
        return None
    return stored


def pending_change_of(stored: StoredListing) -> PendingChange | None:
    """The change waiting on a listing, field by field (GraphQL names), or None."""
    if stored.pending is None:
        return None
    return PendingChange(
        submitted_at=stored.props.pending_at,
        changes=[
            FieldChangeNode(field=camel(c.field), before=c.before, after=c.after)
            for c in pending_differences(stored)
        ],
    )


@strawberry.type(name="Service", description="An HSDS service; `id` is the HSDS service id.")
class ServiceNode(Node):
    name: str
    alternate_name: str | None
    description: str | None
    url: str | None
    email: str | None
    status: str | None
    minimum_age: int | None
    maximum_age: int | None
    fees_description: str | None
    eligibility_description: str | None
    moderation_status: str = strawberry.field(description="approved, pending or rejected.")
    version: int = strawberry.field(description="Pass it back to updateOffering.")
    moderation_reason: str | None = strawberry.field(
        default=None, description="Why a moderator rejected it (shown to its group)."
    )
    changes_requested: str | None = strawberry.field(
        default=None,
        description="What a moderator asks its group to change before deciding; the group's "
        "next edit answers it (and puts the listing back in the queue).",
    )
    listed_by: str | None = strawberry.field(
        default=None,
        description="The publisher of the open data this listing was imported from (null for "
        "listings a group registered).",
    )
    listed_on: str | None = strawberry.field(
        default=None, description="The date of that publisher's data (ISO 8601)."
    )
    name_cy: str | None = strawberry.field(
        default=None,
        description="Its name in Welsh, where its publisher gives one (NHS Wales names every "
        "site in Welsh); show it to Welsh readers instead of `name`.",
    )
    description_cy: str | None = strawberry.field(
        default=None,
        description="Its description in Welsh, where its group or the loader gave one; show "
        "it to Welsh readers instead of `description`.",
    )

    @classmethod
    def of(cls, p: ServiceProps, stale: bool | None = None) -> ServiceNode:
        return view_of(
            cls,
            p,
            id=strawberry.ID(p.id),
            moderation_status=p.moderation_status or "approved",
            stale=is_stale(p.last_verified) if stale is None else stale,
        )

    async def _details(self, info: Info[Context, None]) -> ServiceDetails:
        """Its cost options, languages, needs and taxonomy terms (through the request's
        DataLoader; empty lists when the service has none)."""
        return await info.context.loaders.details.load(str(self.id)) or ServiceDetails()

    @strawberry.field(
        description="An edit to this public listing waiting for a moderator (its group and "
        "moderators only; null for anyone else, and when nothing waits)."
    )
    async def pending_change(self, info: Info[Context, None]) -> PendingChange | None:
        stored = await _stored_for_its_editors(info, str(self.id))
        return pending_change_of(stored) if stored is not None else None

    @strawberry.field(
        description="What its group can edit, as updateOffering names the fields (the change "
        "waiting for a moderator, if any, else the stored content); its group and moderators "
        "only, null for anyone else."
    )
    async def editable(self, info: Info[Context, None]) -> JSON | None:
        stored = await _stored_for_its_editors(info, str(self.id))
        content = (stored.pending or stored.content) if stored is not None else None
        if content is None:
            return None
        values = content.model_dump(mode="json")
        values["schedules"] = [{camel(k): v for k, v in x.items()} for x in values["schedules"]]
        return JSON({camel(k): v for k, v in values.items()})

    @strawberry.field(
        description="Other listings of this same asset that a moderator merged into it (its "
        "other sources): id, name and who listed it."
    )
    async def same_as(self, info: Info[Context, None]) -> list[MergedListing]:
        rows = await same_as(info.context.db, str(self.id))
        return [
            texts_of(MergedListing, r, id=strawberry.ID(str(r["id"])), name=str(r["name"] or ""))
            for r in rows
        ]

    @strawberry.field(description="The organisation that provides it.")
    async def organisation(self, info: Info[Context, None]) -> OrganizationNode | None:
        record = await info.context.loaders.organization.load(str(self.id))
        return _organization(record) if record is not None else None

    @strawberry.field(
        description="The organisation that provides it.",
        deprecation_reason="Use organisation (the same value; this older spelling keeps working).",
    )
    async def organization(self, info: Info[Context, None]) -> OrganizationNode | None:
        record = await info.context.loaders.organization.load(str(self.id))
        return _organization(record) if record is not None else None

    @strawberry.field
    async def locations(self, info: Info[Context, None]) -> list[LocationNode]:
        records = await info.context.loaders.locations.load(str(self.id)) or []
        return [LocationNode.of(r) for r in records]

    @strawberry.field(description="Service hours and each location's own hours.")
    async def schedules(self, info: Info[Context, None]) -> list[ScheduleNode]:
        records = await info.context.loaders.schedules.load(str(self.id)) or []
        return [ScheduleNode.of(r) for r in records]

    @strawberry.field
    async def contacts(self, info: Info[Context, None]) -> list[ContactNode]:
        records = await info.context.loaders.contacts.load(str(self.id)) or []
        return [ContactNode.of(r) for r in records]

    @strawberry.field(
        description="The numbers a person would call: the service's own, else its "
        "locations', else its organisation's."
    )
    async def phones(self, info: Info[Context, None]) -> list[PhoneNode]:
        records = await info.context.loaders.phones.load(str(self.id)) or []
        return [PhoneNode.of(r) for r in records]

    @strawberry.field
    async def cost_options(self, info: Info[Context, None]) -> list[CostOptionNode]:
        return [CostOptionNode.of(c) for c in (await self._details(info)).cost_options]

    @strawberry.field
    async def languages(self, info: Info[Context, None]) -> list[LanguageNode]:
        return [LanguageNode.of(g) for g in (await self._details(info)).languages]

    @strawberry.field
    async def needs(self, info: Info[Context, None]) -> list[NeedNode]:
        return [NeedNode.of(n) for n in (await self._details(info)).needs]

    @strawberry.field(
        description="What kind of service it is (GP practice, library, food bank...); null "
        "when its source does not say."
    )
    async def kind(self, info: Info[Context, None]) -> TermNode | None:
        kind = service_kind((await self._details(info)).taxonomy_terms)
        return TermNode.of(kind) if kind is not None else None

    @strawberry.field
    async def taxonomy_terms(self, info: Info[Context, None]) -> list[TaxonomyTermNode]:
        return [TaxonomyTermNode.of(t) for t in (await self._details(info)).taxonomy_terms]


@strawberry.type(
    name="Person",
    description="A professional or community member. Name and "
    "contacts are null for the public role.",
)
class PersonNode(Node):
    tribe: str | None
    role: str | None
    organisation_id: str | None
    name_: strawberry.Private[str | None]
    email_: strawberry.Private[str | None]
    phone_: strawberry.Private[str | None]

    @strawberry.field
    def name(self, info: Info[Context, None]) -> str | None:
        return self.name_ if info.context.caller.sees_people else None

    @strawberry.field
    def email(self, info: Info[Context, None]) -> str | None:
        return self.email_ if info.context.caller.sees_people else None

    @strawberry.field
    def phone(self, info: Info[Context, None]) -> str | None:
        return self.phone_ if info.context.caller.sees_people else None


@strawberry.type(name="Team", description="A local geographic team.")
class TeamNode(Node):
    name: str | None
    area_id: str | None


@strawberry.type(name="Area", description="An LSOA, local authority or health board.")
class AreaNode(Node):
    name: str | None
    kind: str | None
    population: int | None


NodeKind = (
    ServiceNode | OrganizationNode | LocationNode | PersonNode | TeamNode | AreaNode | NeedNode
)


def node_from_record(r: NodeRecord) -> NodeKind:
    """The GraphQL object for a node fetched by id: its text fields are the stored properties
    of the same names; ids, numbers and freshness are written out per kind."""
    id_and_stale = {"id": strawberry.ID(r.id), "stale": r.stale}
    if r.kind == "Service":
        return ServiceNode.of(ServiceProps.from_props(r.props), stale=r.stale)
    if r.kind == "Organization":
        return _organization(r)
    if r.kind == "Location":
        return texts_of(
            LocationNode,
            r.props,
            **id_and_stale,
            latitude=r.number("latitude"),
            longitude=r.number("longitude"),
            accessibility=[],
            address=None,
        )
    if r.kind == "Person":
        # Names and contacts are kept private: the resolvers show them to roles that see people.
        return texts_of(
            PersonNode,
            r.props,
            **id_and_stale,
            name_=r.text("name"),
            email_=r.text("email"),
            phone_=r.text("phone"),
        )
    if r.kind == "Team":
        return texts_of(TeamNode, r.props, **id_and_stale)
    if r.kind == "Area":
        return texts_of(AreaNode, r.props, **id_and_stale, population=r.integer("population"))
    return texts_of(NeedNode, r.props, **id_and_stale)
