"""What a client sees of a failed operation.

Expected failures keep their message and carry ``extensions.code``:

* :class:`graph.errors.CommonGraphError` (``VALIDATION``, ``NOT_FOUND``, ``FORBIDDEN``,
  ``CONFLICT``, ``UNAVAILABLE``, ``TIMEOUT``...), raised by resolvers and repositories;
* errors graphql-core made from a GraphQL error of its own, such as a variable or argument
  value it could not coerce (``"5"`` for ``Float!``, ``1.5`` for ``Int``, an unknown enum
  value): ``VALIDATION``, with graphql-core's message naming the variable or argument;
* GraphQL's validation errors: ``VALIDATION`` too, and when the error is about a literal
  argument value (``openAt: {day: "XX"}``) its message starts with the argument's path
  (``openAt.day: Enum 'Weekday' cannot represent…``), the ``field: message`` form the UI
  shows beside the field;
* syntax errors and the document limits' refusals (:mod:`api.graphql.limits`), which carry
  their own code.

Anything else is masked as "Unexpected error." (code ``INTERNAL``; logged by Strawberry)
unless ``COMMONGRAPH_ENV=development``. Masking uses Strawberry's ``MaskErrors`` through its public
constructor (``should_mask_error``); codes are added after it, in the same operation hook.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from graphql import (
    ArgumentNode,
    DocumentNode,
    ListValueNode,
    ObjectValueNode,
    ValueNode,
    Visitor,
    visit,
)
from graphql.error import GraphQLError
from strawberry.extensions import MaskErrors
from strawberry.types import ExecutionContext

from api.i18n import current_language
from graph.environment import environment
from graph.errors import CommonGraphError, DatabaseUnavailable

__all__ = [
    "MASKED_MESSAGE",
    "ErrorPolicy",
    "error_code",
    "is_development",
    "is_expected",
    "respond_with_status",
    "should_mask",
]

MASKED_MESSAGE = "Unexpected error."

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
    return environment().is_development


def error_code(exc: CommonGraphError) -> str:
    """The error's own ``code`` when its class names one, else the one of its HTTP status."""
    own = getattr(exc, "code", None)
    return own if isinstance(own, str) else _CODES.get(exc.http_status, "ERROR")


def is_expected(error: GraphQLError) -> bool:
    """Ours (a CommonGraphError), GraphQL's own, or graphql-core's wrapping of its own."""
    original = error.original_error
    return original is None or isinstance(original, CommonGraphError | GraphQLError)


def should_mask(error: GraphQLError) -> bool:
    """Mask what is not expected, except in development."""
    return not is_expected(error) and not is_development()


def respond_with_status(execution_context: ExecutionContext | None, status: int) -> None:
    """Set the HTTP status of the response that answers this operation, when there is one."""
    response = getattr(getattr(execution_context, "context", None), "response", None)
    if response is not None:
        response.status_code = status


class _ArgumentPaths(Visitor):
    """``id(value node)`` → ``argument.field[index]`` for every argument value in a document."""

    def __init__(self) -> None:
        super().__init__()
        self.paths: dict[int, str] = {}

    def enter_argument(self, node: ArgumentNode, *_: object) -> None:
        pending: list[tuple[ValueNode, str]] = [(node.value, node.name.value)]
        while pending:
            value, path = pending.pop()
            self.paths[id(value)] = path
            if isinstance(value, ObjectValueNode):
                pending.extend((f.value, f"{path}.{f.name.value}") for f in value.fields)
            elif isinstance(value, ListValueNode):
                pending.extend((v, f"{path}[{i}]") for i, v in enumerate(value.values))


def _named(errors: Sequence[GraphQLError], document: DocumentNode | None) -> list[GraphQLError]:
    """Errors about a literal argument value, their message led by the argument's path.

    New error objects: the validation cache hands the same ones to every request.
    """
    about_values = [e for e in errors if e.nodes and isinstance(e.nodes[0], ValueNode)]
    if not about_values or document is None:
        return list(errors)
    finder = _ArgumentPaths()
    visit(document, finder)
    named: list[GraphQLError] = []
    for error in errors:
        path = finder.paths.get(id(error.nodes[0])) if error in about_values else None  # type: ignore[index]
        if path is None or error.message.startswith(f"{path}: "):
            named.append(error)
            continue
        named.append(
            GraphQLError(
                f"{path}: {error.message}",
                nodes=error.nodes,
                source=error.source,
                positions=error.positions,
                path=error.path,
                original_error=error.original_error,
                extensions=error.extensions,
            )
        )
    return named


def _label(errors: Sequence[GraphQLError]) -> None:
    """Add ``extensions.code`` (and ``field`` for a refused input); word ours in the request's
    language (graphql-core's own validation texts stay in English: they are for developers)."""
    language = current_language()
    for error in errors:
        original = error.original_error
        if "code" in (error.extensions or {}) and not isinstance(original, CommonGraphError):
            continue
        if isinstance(original, CommonGraphError):
            code = error_code(original)
            error.message = original.text(language)
            field = getattr(original, "field", None)
            if isinstance(field, str):
                error.extensions = {**(error.extensions or {}), "field": field}
        elif original is None or isinstance(original, GraphQLError):
            code = "VALIDATION"  # a GraphQL validation error, or a value graphql-core refused
        else:
            continue
        error.extensions = {**(error.extensions or {}), "code": code}


class ErrorPolicy(MaskErrors):
    """Mask unexpected errors (outside development) and label expected ones with a code."""

    def __init__(self) -> None:
        super().__init__(should_mask_error=should_mask, error_message=MASKED_MESSAGE)

    def anonymise_error(self, error: GraphQLError) -> GraphQLError:
        masked = super().anonymise_error(error)
        masked.extensions = {"code": "INTERNAL"}  # so that labelling below leaves it alone
        return masked

    def on_operation(self) -> Iterator[None]:
        yield from super().on_operation()
        context = self.execution_context
        result = context.result
        errors: Sequence[GraphQLError] = getattr(result, "errors", None) or ()
        if not errors:
            return
        errors = _named(errors, context.graphql_document)
        _label(errors)
        result.errors = errors  # type: ignore[union-attr]
        if any(isinstance(e.original_error, DatabaseUnavailable) for e in errors):
            # Neo4j is unreachable, so the whole API is: HTTP 503, as REST and /health say.
            respond_with_status(context, 503)
