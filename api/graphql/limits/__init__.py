"""Limits that keep any one GraphQL request cheap: measured before validation, in linear time.

:mod:`.document` measures a parsed document as it would execute (fields, depth, aliases,
repeats, directives, operations, cost); :mod:`.extensions` puts that measure between parsing
and validation and gives execution a time budget. docs/security.md lists the values.
"""

from api.graphql.limits import document, extensions
from api.graphql.limits.document import *  # noqa: F403
from api.graphql.limits.extensions import *  # noqa: F403

# The package's names are its modules' public names, declared once in each module.
__all__ = document.__all__ + extensions.__all__
