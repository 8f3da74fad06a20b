"""Detail of any node by id (``node(id:)``), with the visibility rules of docs/security.md.

Pending or rejected offerings are visible only to their own organisation's editors,
moderators and admins; people only to the roles that may see people. Everyone else gets the
very answer an id that exists nowhere gets (``NotFound``, same message), so asking cannot
tell whether a person or a hidden listing exists.
"""

from __future__ import annotations

from typing import Annotated

import strawberry
from strawberry.types import Info

from api.graphql.context import Context
from api.graphql.entities import (
    AreaNode,
    LocationNode,
    NeedNode,
    OrganizationNode,
    PersonNode,
    ServiceNode,
    TeamNode,
    node_from_record,
)
from api.graphql.results import Forbidden, NotFound
from graph.repositories.nodes import fetch_node

__all__ = ["NodeResult", "resolve_node"]

NodeResult = Annotated[
    ServiceNode
    | OrganizationNode
    | LocationNode
    | PersonNode
    | TeamNode
    | AreaNode
    | NeedNode
    | NotFound
    | Forbidden,
    strawberry.union("NodeResult", description="A node of any kind, or why not."),
]


async def resolve_node(info: Info[Context, None], id: strawberry.ID) -> NodeResult:
    """The service, organisation, location, person, team, area or need with this id."""
    caller = info.context.caller
    missing = NotFound(id=str(id), message=f"no node with id {str(id)!r}")
    if len(str(id)) > 500:
        return missing
    record = await fetch_node(info.context.db, str(id))
    if record is None:
        return missing
    if record.kind == "Person" and not caller.sees_people:
        return missing  # not Forbidden: that would confirm the person exists
    if record.kind == "Service":
        status = record.text("moderation_status") or "approved"
        if status != "approved" and not (
            caller.moderates
            or (caller.edits_offerings and caller.may_edit_org(record.organisation_ids))
        ):
            return missing
    return node_from_record(record)
