"""What a client sees of a failed operation.

Expected failures (:class:`graph.errors.CommonGraphError`) keep their message and gain
``extensions.code`` (``VALIDATION``, ``NOT_FOUND``, ``FORBIDDEN``, ``CONFLICT``,
``UNAVAILABLE``, ``TIMEOUT``...); GraphQL's own syntax and validation errors are kept too.
Anything else is masked as "Unexpected error." (and logged by Strawberry) unless
``COMMONGRAPH_ENV=development``.
"""

from __future__ import annotations

import os

from graphql.error import GraphQLError
from strawberry.extensions import MaskErrors

from graph.errors import CommonGraphError, DatabaseUnavailable

__all__ = ["ErrorPolicy", "error_code", "is_development"]

_CODES = {
    400: "BAD_REQUEST",
    401: "UNAUTHENTICATED",
    403: "FORBIDDEN",
    404: "NOT_FOUND",
    409: "CONFLICT",
    422: "VALIDATION",
    503: "UNAVAILABLE",
    504: "TIMEOUT",
}


def is_development() -> bool:
    """``COMMONGRAPH_ENV=development`` shows unexpected errors unmasked."""
    return os.environ.get("COMMONGRAPH_ENV", "").strip().lower() == "development"


def error_code(exc: CommonGraphError) -> str:
    return _CODES.get(exc.http_status, "ERROR")


def _expected(error: GraphQLError) -> bool:
    original = error.original_error
    return original is None or isinstance(original, CommonGraphError)


class ErrorPolicy(MaskErrors):
    """Mask unexpected errors (outside development) and label expected ones with a code."""

    def __init__(self) -> None:
        super().__init__(
            should_mask_error=lambda error: not _expected(error) and not is_development(),
            error_message="Unexpected error.",
        )

    def _process_errors(self, errors: list[GraphQLError]) -> list[GraphQLError]:
        for error in errors:
            if isinstance(error.original_error, CommonGraphError):
                error.extensions = {
                    **(error.extensions or {}),
                    "code": error_code(error.original_error),
                }
        if any(isinstance(e.original_error, DatabaseUnavailable) for e in errors):
            self._respond_unavailable()
        return super()._process_errors(errors)

    def _respond_unavailable(self) -> None:
        """Neo4j is unreachable, so the whole API is: HTTP 503, as REST and /health say."""
        execution = getattr(self, "execution_context", None)
        response = getattr(getattr(execution, "context", None), "response", None)
        if response is not None:
            response.status_code = 503
