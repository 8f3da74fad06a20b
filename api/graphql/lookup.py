"""``lookup(text, first)``: anything by name, for every screen that needs a starting node.

People are found only by callers who may see people (docs/security.md); everyone else gets
organisations, services, teams, areas, professions and sectors.
"""
# strawberry.field(description=...) is typed as returning Any, so mypy calls these
# decorators untyped; the resolvers themselves are fully annotated.
# mypy: disable-error-code="untyped-decorator"

from __future__ import annotations

from typing import Annotated

import strawberry
from pydantic import BaseModel, Field
from strawberry.types import Info

from api.graphql.context import Context
from api.graphql.views import view_of
from graph.repositories.lookup import lookup
from graph.repositories.outcomes import validated

__all__ = ["LookupHitNode", "LookupQueries"]


class _LookupInput(BaseModel):
    text: str = Field(min_length=1, max_length=200)
    first: int = Field(ge=1, le=50)


@strawberry.type(name="LookupHit", description="Something found by its name.")
class LookupHitNode:
    id: strawberry.ID = strawberry.field(
        description="Use it wherever an id is taken (node, egoNetwork, connection...); for a "
        "profession or sector, the vocabulary id (relationshipMap filters)."
    )
    name: str
    name_cy: str | None = strawberry.field(description="The Welsh name, where there is one.")
    kind: str = strawberry.field(
        description="person, organisation, service, team, area, profession or sector."
    )
    detail: str | None = strawberry.field(
        description="An area's kind (lsoa, local_authority, health_board) or a person's profession."
    )
    context: str | None = strawberry.field(
        default=None,
        description="Where it belongs, to tell same names apart: a person's organisation "
        "(else their area), a service's provider, a team's area.",
    )
    similarity: float = strawberry.field(description="0–100: how closely the name matches.")


@strawberry.type
class LookupQueries:
    @strawberry.field(
        description="Anything by name, typos forgiven, in English or Welsh (Caerdydd = "
        "Cardiff): people (as your role allows), organisations, services, teams, areas, "
        "professions and sectors; best match first."
    )
    async def lookup(
        self,
        info: Info[Context, None],
        text: str,
        first: int | None = 10,
        kinds: Annotated[
            list[str] | None,
            strawberry.argument(
                description="Only these kinds (person, organisation, service, team, area, "
                "profession, sector); all when not given."
            ),
        ] = None,
    ) -> list[LookupHitNode]:
        query = validated(_LookupInput, text=text, first=10 if first is None else first)
        hits = await lookup(
            info.context.db,
            query.text,
            query.first,
            people=info.context.caller.sees_people,
            kinds=frozenset(kinds) if kinds else None,
        )
        return [
            view_of(LookupHitNode, h, id=strawberry.ID(h.id), similarity=round(h.similarity, 1))
            for h in hits
        ]
