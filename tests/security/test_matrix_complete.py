"""The roles × operations table of docs/security.md has a row for every root field.

``tests/api/test_authorisation_matrix.py`` checks every cell of the table against the
running API for every role; this test makes sure the table itself cannot fall behind the
schema: a new query or mutation without a documented row fails here.
"""

from __future__ import annotations

from api.graphql.schema import build_schema
from tests.api.test_authorisation_matrix import OPS, ROLES, documented_matrix
from tests.support.figures import record

#: root fields whose row is still to be written by their owners (must only shrink)
UNDOCUMENTED: set[str] = set()


def _root_fields() -> set[str]:
    schema = build_schema()._schema
    return {
        name
        for root in (schema.query_type, schema.mutation_type)
        if root is not None
        for name in root.fields
    }


def test_every_query_and_mutation_has_a_row_in_the_roles_matrix() -> None:
    documented = {row.split(" (")[0] for row in documented_matrix()}
    assert _root_fields() - documented == UNDOCUMENTED
    assert set(documented_matrix()) == set(OPS)
    record("roles_x_operations_documented", len(documented_matrix()) * len(ROLES))
