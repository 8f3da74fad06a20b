"""Records become plain dicts, and a node where a catalogue statement must return a map is
refused with the statement's name (graph/database.py, architecture rule 6)."""

from __future__ import annotations

import neo4j
import pytest

from graph.database import plain_rows

pytestmark = pytest.mark.neo4j


def test_maps_and_scalars_become_plain_dicts(driver: neo4j.Driver) -> None:
    records, _, keys = driver.execute_query("RETURN 1 AS n, {a: [1, 2]} AS m")
    assert plain_rows("test/plain", list(keys), records) == [{"n": 1, "m": {"a": [1, 2]}}]


def test_a_node_in_a_column_is_refused_with_the_statement_name(driver: neo4j.Driver) -> None:
    records, _, keys = driver.execute_query("CREATE (n:PlainRowsTest) RETURN n")
    with pytest.raises(TypeError, match=r"'test/node'.*column 'n'"):
        plain_rows("test/node", list(keys), records)


def test_a_node_nested_in_a_list_is_refused_when_records_are_checked(driver: neo4j.Driver) -> None:
    records, _, keys = driver.execute_query(
        "CREATE (n:PlainRowsTest) RETURN 1 AS ok, {inner: [n]} AS nested"
    )
    with pytest.raises(TypeError, match=r"column 'nested'"):
        plain_rows("test/nested", list(keys), records, deep=True)
    assert plain_rows("test/nested", list(keys), records)[0]["ok"] == 1
