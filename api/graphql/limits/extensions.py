"""The Strawberry extensions that bound each request: the document gate and the time budget.

:class:`DocumentLimits` owns the way from request text to a document graphql-core may
validate: it parses (token-limited, cached) and measures (:func:`.document.measure`) in the
parse step, so Strawberry's validation step and graphql-core's rules (overlapping fields,
fragment cycles...) only ever see documents inside the limits. It replaces Strawberry's
``ParserCache`` and ``MaxTokensLimiter`` (same cache, same token limit) and its
``QueryDepthLimiter`` and ``MaxAliasesLimiter`` (validation rules that expand fragments and
were themselves the exponential step).

A refusal is an ordinary GraphQL error raised from the hook: Strawberry answers it as the
operation's only error (``data: null``), with ``extensions.code``; the HTTP status is 400.

:class:`ExecutionBudget` bounds the time one operation may spend executing (waiting on
Neo4j, mostly): past :data:`EXECUTION_BUDGET_S` it is cancelled and answered ``TIMEOUT``.
"""

from __future__ import annotations

import asyncio
import weakref
from collections.abc import AsyncIterator, Iterator
from functools import lru_cache

from graphql import DocumentNode, GraphQLError, build_schema, parse
from strawberry.extensions import SchemaExtension
from strawberry.schema.base import BaseSchema

from api.graphql.errors import respond_with_status
from api.graphql.limits.document import DocumentRefused, SchemaFacts, measure

__all__ = [
    "EXECUTION_BUDGET_S",
    "MAX_TOKENS",
    "PARSE_CACHE_SIZE",
    "DocumentLimits",
    "ExecutionBudget",
    "schema_facts",
]

#: Lexical tokens in one document, and comments likewise (the UI's largest has about 150).
MAX_TOKENS = 2_000
#: Distinct documents whose parse is kept (a connector's app sends the same few again and again).
PARSE_CACHE_SIZE = 256
#: Seconds one operation may spend executing before it is cancelled and answered TIMEOUT.
EXECUTION_BUDGET_S = 15.0

_FACTS: weakref.WeakKeyDictionary[BaseSchema, SchemaFacts] = weakref.WeakKeyDictionary()


@lru_cache(maxsize=PARSE_CACHE_SIZE)
def _parse(text: str) -> DocumentNode:
    return parse(text, max_lexical_tokens=MAX_TOKENS, max_comments=MAX_TOKENS)


def schema_facts(schema: BaseSchema) -> SchemaFacts:
    """Root type names and default page sizes of ``schema``, read once from its SDL."""
    facts = _FACTS.get(schema)
    if facts is None:
        facts = _FACTS[schema] = SchemaFacts.of(build_schema(schema.as_str()))
    return facts


class DocumentLimits(SchemaExtension):
    """Parse (cached, at most :data:`MAX_TOKENS`) and measure; refuse what is over a limit."""

    def on_parse(self) -> Iterator[None]:
        context = self.execution_context
        # Read before the document is set: afterwards Strawberry answers the first
        # operation's name when the request named none, which would hide a missing name.
        operation_name = context.operation_name
        if context.query:
            try:
                context.graphql_document = _parse(context.query)
                measure(
                    context.graphql_document,
                    schema_facts(context.schema),
                    operation_name,
                    context.variables,
                )
            except GraphQLError as error:  # a syntax error, or over the token limit
                error.extensions = {**(error.extensions or {}), "code": "GRAPHQL_PARSE_FAILED"}
                respond_with_status(context, 400)
                raise
            except DocumentRefused as refused:
                respond_with_status(context, 400)
                raise GraphQLError(str(refused), extensions=refused.extensions) from None
        yield


class ExecutionBudget(SchemaExtension):
    """Cancel an operation that executes longer than ``budget_s`` and answer ``TIMEOUT``."""

    def __init__(self, budget_s: float = EXECUTION_BUDGET_S) -> None:
        self.budget_s = budget_s

    async def on_execute(self) -> AsyncIterator[None]:
        try:
            async with asyncio.timeout(self.budget_s):
                yield
        except TimeoutError:
            raise GraphQLError(
                f"the operation ran longer than {self.budget_s:g} s and was stopped; ask for "
                "less (a smaller page, radius or network) or try again later",
                extensions={"code": "TIMEOUT"},
            ) from None
