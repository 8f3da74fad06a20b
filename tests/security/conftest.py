"""Fixtures for the security tests: the API tests' graph, app client and keys per role."""

from __future__ import annotations

import os

from tests.api.conftest import client, gql, keys, small_graph

__all__ = ["FUZZ_EXAMPLES", "client", "gql", "keys", "small_graph"]

#: generated requests per fuzz test: bounded for `make test` (each fuzz test well under a
#: minute); set COMMONGRAPH_FUZZ_EXAMPLES=5000 for a long run
FUZZ_EXAMPLES = int(os.environ.get("COMMONGRAPH_FUZZ_EXAMPLES", "150"))
