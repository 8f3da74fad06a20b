"""Typed failures the repositories raise and the GraphQL layer turns into union results.

Each is a :class:`graph.errors.CommonGraphError`, so the CLI and REST render them as one line
too; the extra attributes (field, current version, candidates) feed the typed results.
"""

from __future__ import annotations

import re
from typing import Any, TypeVar

from pydantic import BaseModel
from pydantic import ValidationError as PydanticValidationError

from graph.errors import (
    ConflictError,
    DuplicateError,
    ForbiddenError,
    NotFoundError,
    ValidationFailed,
)

__all__ = [
    "Candidate",
    "InvalidField",
    "LikelyDuplicates",
    "Missing",
    "NotAllowed",
    "VersionConflict",
    "camel",
    "validated",
]

M = TypeVar("M", bound=BaseModel)


class InvalidField(ValidationFailed):
    """Input that cannot be accepted: which field and why."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(f"{field}: {message}")
        self.field = field
        self.reason = message


def camel(name: str) -> str:
    """``minimum_age`` → ``minimumAge`` (GraphQL's spelling of a field)."""
    head, *rest = name.split("_")
    return head + "".join(part.title() for part in rest)


def validated(model: type[M], **values: Any) -> M:
    """Build a pydantic input model, turning its first complaint into an InvalidField."""
    try:
        return model(**values)
    except PydanticValidationError as exc:
        problem = exc.errors()[0]
        loc = [str(part) for part in problem["loc"]]
        field = ".".join(camel(part) for part in loc) or "input"
        message = re.sub(r"^Value error, ", "", str(problem["msg"]))
        raise InvalidField(field, message) from exc


class Missing(NotFoundError):
    """No node of the expected kind with this id."""

    def __init__(self, kind: str, node_id: str) -> None:
        super().__init__(f"no {kind} with id {node_id!r}")
        self.id = node_id


class NotAllowed(ForbiddenError):
    """The caller's role or organisation may not do this."""


class VersionConflict(ConflictError):
    """Someone else changed the record since the caller read it."""

    def __init__(self, message: str, current_version: int | None) -> None:
        super().__init__(message)
        self.current_version = current_version


class Candidate(BaseModel):
    """An existing listing that looks like the one being registered."""

    id: str
    name: str
    distance_km: float | None = None
    reasons: list[str]


class LikelyDuplicates(DuplicateError):
    """Registration stopped: these listings look the same (confirm to create anyway)."""

    def __init__(self, candidates: list[Candidate]) -> None:
        super().__init__(
            f"{len(candidates)} existing listing(s) look like this one; check them, then "
            "register again with confirmNotDuplicate: true if yours is different"
        )
        self.candidates = candidates
