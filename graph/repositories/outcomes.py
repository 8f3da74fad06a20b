"""Typed failures the repositories raise and the GraphQL layer turns into union results.

Each is a :class:`graph.errors.CommonGraphError`, so the CLI and REST render them as one line
too; the extra attributes (field, current version, candidates) feed the typed results.
"""

from __future__ import annotations

import re
from typing import Any, TypeVar

from pydantic import BaseModel, ConfigDict
from pydantic import ValidationError as PydanticValidationError

from graph import messages
from graph.errors import (
    ConflictError,
    DuplicateError,
    ForbiddenError,
    NotFoundError,
    ValidationFailed,
)
from graph.messages import Language, Said

__all__ = [
    "Candidate",
    "InvalidField",
    "LikelyDuplicates",
    "Missing",
    "NotAllowed",
    "VersionConflict",
    "camel",
    "first_row",
    "pydantic_reason",
    "validated",
]

M = TypeVar("M", bound=BaseModel)


class InvalidField(ValidationFailed):
    """Input that cannot be accepted: which field and why (the reason in English and Welsh)."""

    def __init__(self, field: str, message: str | Said) -> None:
        super().__init__(f"{field}: {message}")
        self.field = field
        self.said_reason = message if isinstance(message, Said) else None
        self.reason = str(message)

    def reason_text(self, language: Language = "en") -> str:
        """Why the field was refused, in ``language``."""
        return self.said_reason.text(language) if self.said_reason else self.reason

    def text(self, language: Language = "en") -> str:
        return f"{self.field}: {self.reason_text(language)}"


def camel(name: str) -> str:
    """``minimum_age`` → ``minimumAge`` (GraphQL's spelling of a field)."""
    head, *rest = name.split("_")
    return head + "".join(part.title() for part in rest)


def validated(model: type[M], **values: Any) -> M:
    """Build a pydantic input model, turning its first complaint into an InvalidField.

    The reason is worded in English and Welsh: a validator's own ``ValueError(Said)`` as it
    was raised, pydantic's common complaints by their error type, others in pydantic's English.
    """
    try:
        return model(**values)
    except PydanticValidationError as exc:
        problem = exc.errors()[0]
        loc = [str(part) for part in problem["loc"]]
        field = ".".join(camel(part) for part in loc) or "input"
        raise InvalidField(field, _reason(problem, loc[-1] if loc else "")) from exc


def pydantic_reason(problem: Any, name: str) -> str | Said:
    """The words for one pydantic complaint, in both languages where the catalogue has them
    (:data:`graph.messages.PYDANTIC`); used by the REST edges for their parameters too."""
    return _reason(problem, name)


def _reason(problem: Any, name: str) -> str | Said:
    """The words for one pydantic complaint (see :mod:`graph.messages`)."""
    kind = str(problem["type"])
    ctx = problem.get("ctx") or {}
    raised = ctx.get("error")
    if isinstance(raised, ValueError) and raised.args and isinstance(raised.args[0], Said):
        return raised.args[0]
    if kind == "string_pattern_mismatch" and camel(name) in messages.PATTERNS:
        return messages.PATTERNS[camel(name)]()
    wording = messages.PYDANTIC.get(kind)
    if wording is not None and wording.parameters("en") <= set(ctx):
        return wording(**{k: ctx[k] for k in wording.parameters("en")})
    return re.sub(r"^Value error, ", "", str(problem["msg"]))


class Missing(NotFoundError):
    """No node of the expected kind with this id."""

    def __init__(self, kind: str, node_id: str) -> None:
        super().__init__(messages.NO_SUCH(kind=messages.kind_word(kind), id=repr(node_id)))
        self.id = node_id


def first_row(rows: list[dict[str, Any]], failure: Exception) -> dict[str, Any]:
    """The row a statement answered with, or ``failure`` raised when it answered none
    (nothing matched: no such record, or none the caller may touch).

    >>> first_row([{"id": "a"}], Missing("Service", "a"))
    {'id': 'a'}
    >>> first_row([], Missing("Service", "b"))
    Traceback (most recent call last):
    ...
    graph.repositories.outcomes.Missing: no service with id 'b'
    """
    if not rows:
        raise failure
    return rows[0]


class NotAllowed(ForbiddenError):
    """The caller's role or organisation may not do this."""


class VersionConflict(ConflictError):
    """Someone else changed the record since the caller read it."""

    def __init__(self, message: str | Said, current_version: int | None) -> None:
        super().__init__(message)
        self.current_version = current_version


class Candidate(BaseModel):
    """An existing listing that looks like the one being registered, and why it does."""

    model_config = ConfigDict(arbitrary_types_allowed=True)

    id: str
    name: str
    distance_km: float | None = None
    reasons: list[Said]


class LikelyDuplicates(DuplicateError):
    """Registration stopped: these listings look the same (confirm to create anyway)."""

    def __init__(self, candidates: list[Candidate]) -> None:
        super().__init__(
            messages.LIKELY_DUPLICATE()
            if len(candidates) == 1
            else messages.LIKELY_DUPLICATES(count=len(candidates))
        )
        self.candidates = candidates
