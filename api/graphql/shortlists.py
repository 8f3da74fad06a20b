"""Connector journey: shortlists of assets with a shareable, printable token link.

``shortlist(token:)`` needs no key: the token is the capability. It returns everything a
printed sheet needs (names, addresses, phones, opening times) through the nested Service
fields, and only approved listings.
"""
# strawberry.field(description=...) is typed as returning Any, so mypy calls these
# decorators untyped; the resolvers themselves are fully annotated.
# mypy: disable-error-code="untyped-decorator"

from __future__ import annotations

from typing import Annotated

import strawberry
from strawberry.types import Info

from api.graphql.context import Context, refuse_unless
from api.graphql.entities import ServiceNode
from api.graphql.results import (
    ChangeFailure,
    failures_returned,
)
from api.graphql.views import view_of
from graph import messages as say
from graph.repositories import shortlists as repo
from graph.repositories.outcomes import NotAllowed

__all__ = ["ShortlistMutations", "ShortlistQueries"]

SHARE_PATH = "/shortlist/"


@strawberry.type
class ShortlistItem:
    service: ServiceNode
    added_at: str | None


@strawberry.type
class Shortlist:
    id: strawberry.ID
    name: str
    token: str = strawberry.field(description="Anyone with it may read (not change) the list.")
    share_path: str = strawberry.field(description="Path of the printable page in the web UI.")
    created_at: str
    updated_at: str | None
    expires_at: str | None = strawberry.field(
        description="When the share link stops working (90 days after it was made)."
    )
    withdrawn: bool = strawberry.field(description="The owner withdrew the share link.")
    size: int
    items: list[ShortlistItem]

    @classmethod
    def of(cls, r: repo.ShortlistRecord) -> Shortlist:
        items = [
            ShortlistItem(service=ServiceNode.of(i.service), added_at=i.added_at)
            for i in r.items or []
        ]
        return view_of(
            cls,
            r,
            id=strawberry.ID(r.id),
            share_path=f"{SHARE_PATH}{r.token}",
            expires_at=r.share_expires_at,
            withdrawn=r.withdrawn_at is not None,
            size=r.size if r.size is not None else len(items),
            items=items,
        )


@strawberry.type
class ShortlistPayload:
    shortlist: Shortlist


ShortlistResult = Annotated[ShortlistPayload | ChangeFailure, strawberry.union("ShortlistResult")]


def _owner(info: Info[Context, None]) -> str | None:
    caller = info.context.caller
    refuse_unless(caller.keeps_shortlists, say.SHORTLISTS_FOR())
    return None if caller.role.value == "admin" else caller.key_id


@strawberry.type
class ShortlistQueries:
    @strawberry.field(
        description="A shared shortlist by its token (no key needed); null once the link "
        "has expired or was withdrawn."
    )
    async def shortlist(self, info: Info[Context, None], token: str) -> Shortlist | None:
        found = await repo.shortlist_by_token(info.context.db, token)
        return Shortlist.of(found) if found else None

    @strawberry.field(description="Your shortlists, newest first (connectors).")
    async def my_shortlists(self, info: Info[Context, None]) -> list[Shortlist]:
        caller = info.context.caller
        if not caller.keeps_shortlists or caller.key_id is None:
            raise NotAllowed(say.SHORTLISTS_FOR())
        return [Shortlist.of(r) for r in await repo.my_shortlists(info.context.db, caller.key_id)]


@strawberry.type
class ShortlistMutations:
    @strawberry.mutation(description="A new empty shortlist (connectors).")
    @failures_returned
    async def create_shortlist(self, info: Info[Context, None], name: str) -> ShortlistResult:
        _owner(info)
        record = await repo.create_shortlist(info.context.db, info.context.actor, name)
        return ShortlistPayload(shortlist=Shortlist.of(record))

    @strawberry.mutation(
        description="Withdraw your shortlist's share link: it opens nothing from now on."
    )
    @failures_returned
    async def withdraw_shortlist(
        self, info: Info[Context, None], shortlist_id: strawberry.ID
    ) -> ShortlistResult:
        owner = _owner(info)
        record = await repo.withdraw_shortlist(
            info.context.db, info.context.actor, owner, str(shortlist_id)
        )
        return ShortlistPayload(shortlist=Shortlist.of(record))

    @strawberry.mutation(description="Add a service to your shortlist.")
    async def add_to_shortlist(
        self, info: Info[Context, None], shortlist_id: strawberry.ID, service_id: strawberry.ID
    ) -> ShortlistResult:
        return await _change(info, shortlist_id, service_id, add=True)

    @strawberry.mutation(description="Remove a service from your shortlist.")
    async def remove_from_shortlist(
        self, info: Info[Context, None], shortlist_id: strawberry.ID, service_id: strawberry.ID
    ) -> ShortlistResult:
        return await _change(info, shortlist_id, service_id, add=False)


@failures_returned
async def _change(
    info: Info[Context, None], shortlist_id: strawberry.ID, service: strawberry.ID, *, add: bool
) -> ShortlistResult:
    """Add ``service`` (its graph id or the id ``/oruk`` publishes) to a shortlist, or remove
    it."""
    owner = _owner(info)
    service_id = await info.context.graph_id(service)
    record = await repo.change_shortlist(
        info.context.db, info.context.actor, owner, str(shortlist_id), service_id, add=add
    )
    return ShortlistPayload(shortlist=Shortlist.of(record))
