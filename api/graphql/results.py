"""Typed results for expected failures, and the conversion from repository errors.

Mutations return unions such as ``OfferingPayload | ChangeFailure`` (``ValidationError |
NotFound | Forbidden | Conflict``); a client switches on ``__typename`` and shows ``message``
to a person. Queries raise the same :mod:`graph.errors` types, which reach the client as
GraphQL errors whose message is kept (see :mod:`api.graphql.errors`).
"""

from __future__ import annotations

import functools
from collections.abc import Awaitable, Callable
from typing import ParamSpec, TypeAlias, TypeVar

import strawberry

from api.i18n import current_language
from graph.errors import (
    CommonGraphError,
    ConflictError,
    DuplicateError,
    ForbiddenError,
    NotFoundError,
    ValidationFailed,
)
from graph.messages import Language, render
from graph.repositories.outcomes import (
    Candidate,
    InvalidField,
    LikelyDuplicates,
    Missing,
    VersionConflict,
    camel,
    validated,
)

__all__ = [
    "ChangeFailure",
    "Conflict",
    "DuplicateCandidate",
    "Failure",
    "FailureInterface",
    "Forbidden",
    "NotFound",
    "PossibleDuplicates",
    "ValidationError",
    "camel",
    "failure",
    "failures_returned",
    "validated",
]

P = ParamSpec("P")
R = TypeVar("R")


@strawberry.interface(
    name="Failure",
    description="Why a request was not done, in the caller's language (Accept-Language): "
    "every typed failure has a message to show a person.",
)
class FailureInterface:
    message: str


@strawberry.type(description="Input that cannot be accepted: which field and why.")
class ValidationError(FailureInterface):
    field: str
    message: str


@strawberry.type(description="No record with this id (or not one you may see).")
class NotFound(FailureInterface):
    id: str | None
    message: str


@strawberry.type(description="Your role or organisation may not do this.")
class Forbidden(FailureInterface):
    message: str


@strawberry.type(description="Someone changed the record first, or it is in another state.")
class Conflict(FailureInterface):
    message: str
    current_version: int | None


@strawberry.type(description="An existing listing that looks like the one being registered.")
class DuplicateCandidate:
    id: strawberry.ID
    name: str
    distance_km: float | None
    reasons: list[str]

    @classmethod
    def of(cls, candidate: Candidate, language: Language) -> DuplicateCandidate:
        """A candidate with its reasons in the request's language."""
        return cls(
            id=strawberry.ID(candidate.id),
            name=candidate.name,
            distance_km=candidate.distance_km,
            reasons=[render(r, language) for r in candidate.reasons],
        )


@strawberry.type(
    description="Nothing was created: these listings look the same. Register "
    "again with confirmNotDuplicate: true if yours is different."
)
class PossibleDuplicates(FailureInterface):
    message: str
    candidates: list[DuplicateCandidate]


#: What a mutation that changes a record may answer instead of its payload: input refused, no
#: such record, not the caller's to change, or changed by someone else first. Its results are
#: ``Annotated[XPayload | ChangeFailure, strawberry.union("XResult")]``, so every such union
#: lists the same failures in the same order.
ChangeFailure: TypeAlias = ValidationError | NotFound | Forbidden | Conflict
Failure: TypeAlias = ChangeFailure | PossibleDuplicates


def failure(exc: CommonGraphError) -> Failure:
    """The typed result for an expected failure; anything else is re-raised."""
    language = current_language()
    if isinstance(exc, InvalidField):
        return ValidationError(field=exc.field, message=exc.reason_text(language))
    if isinstance(exc, ValidationFailed):
        return ValidationError(field="input", message=exc.text(language))
    if isinstance(exc, NotFoundError):
        return NotFound(id=exc.id if isinstance(exc, Missing) else None, message=exc.text(language))
    if isinstance(exc, ForbiddenError):
        return Forbidden(message=exc.text(language))
    if isinstance(exc, LikelyDuplicates):
        return PossibleDuplicates(
            message=exc.text(language),
            candidates=[DuplicateCandidate.of(c, language) for c in exc.candidates],
        )
    if isinstance(exc, ConflictError | DuplicateError):
        version = exc.current_version if isinstance(exc, VersionConflict) else None
        return Conflict(message=exc.text(language), current_version=version)
    raise exc


def failures_returned(resolve: Callable[P, Awaitable[R]]) -> Callable[P, Awaitable[R]]:
    """A mutation resolver whose expected failures are returned as typed results.

    Mutations answer ``Payload | ValidationError | ...``: whatever the guard or the repository
    raises as a :class:`CommonGraphError` becomes its :func:`failure` instead of a GraphQL
    error. Put it under ``@strawberry.mutation``; the resolver's signature is kept (Strawberry
    reads the arguments and the return type through ``functools.wraps``).
    """

    @functools.wraps(resolve)
    async def resolved(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return await resolve(*args, **kwargs)
        except CommonGraphError as exc:
            return failure(exc)  # type: ignore[return-value]

    return resolved
