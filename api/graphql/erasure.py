"""``erasePerson(id)``: the right to erasure through the API (admins only).

The person and all their relationships are deleted, and an audit event records who erased
whom — by the id's hash, never their data (see :mod:`graph.repositories.erasure`).
"""

# strawberry.mutation(description=...) is typed as returning Any (see offerings.py)
# mypy: disable-error-code="untyped-decorator"

from __future__ import annotations

from typing import Annotated

import strawberry
from strawberry.types import Info

from api.auth.roles import Role
from api.graphql.context import Context
from api.graphql.results import Forbidden, NotFound, ValidationError, failures_returned
from api.graphql.views import view_of
from graph import messages as say
from graph.repositories import erasure as repo
from graph.repositories.outcomes import NotAllowed

__all__ = ["ErasureMutations", "PersonErased"]


@strawberry.type(
    description="The person and their relationships are gone; the audit event "
    "names the erased id only by its hash."
)
class PersonErased:
    erased_id_hash: str
    relationships_removed: int
    audit_event_id: str


ErasureResult = Annotated[
    PersonErased | ValidationError | NotFound | Forbidden, strawberry.union("ErasureResult")
]


@strawberry.type
class ErasureMutations:
    @strawberry.mutation(
        description="Erase a person and all their relationships (admins "
        "only); an audit event records that it happened."
    )
    @failures_returned
    async def erase_person(
        self,
        info: Info[Context, None],
        person_id: Annotated[strawberry.ID, strawberry.argument(name="id")],
    ) -> ErasureResult:
        # Erasure is irreversible: admins only (docs/security.md, roles × operations).
        if info.context.caller.role is not Role.ADMIN:
            raise NotAllowed(say.ADMIN_TO_ERASE())
        done = await repo.erase_person(info.context.db, info.context.actor, str(person_id))
        return view_of(PersonErased, done)
