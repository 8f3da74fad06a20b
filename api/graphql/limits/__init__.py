"""Limits that keep any one GraphQL request cheap: measured before validation, in linear time.

:mod:`.document` measures a parsed document as it would execute (fields, depth, aliases,
repeats, directives, operations, cost); :mod:`.extensions` puts that measure between parsing
and validation and gives execution a time budget. docs/security.md lists the values.
"""

from api.graphql.limits.document import (
    DEFAULT_PAGE,
    MAX_ALIASES,
    MAX_COST,
    MAX_DEPTH,
    MAX_DIRECTIVES,
    MAX_FIELDS,
    MAX_LEVELS,
    MAX_OPERATIONS,
    MAX_REPEATS,
    DocumentFigures,
    DocumentRefused,
    SchemaFacts,
    measure,
)
from api.graphql.limits.extensions import (
    EXECUTION_BUDGET_S,
    MAX_TOKENS,
    DocumentLimits,
    ExecutionBudget,
    schema_facts,
)

__all__ = [
    "DEFAULT_PAGE",
    "EXECUTION_BUDGET_S",
    "MAX_ALIASES",
    "MAX_COST",
    "MAX_DEPTH",
    "MAX_DIRECTIVES",
    "MAX_FIELDS",
    "MAX_LEVELS",
    "MAX_OPERATIONS",
    "MAX_REPEATS",
    "MAX_TOKENS",
    "DocumentFigures",
    "DocumentLimits",
    "DocumentRefused",
    "ExecutionBudget",
    "SchemaFacts",
    "measure",
    "schema_facts",
]
