"""The repository passes ``assets/assets_near`` exactly the parameters its header declares."""

from __future__ import annotations

import re

from graph.repositories.assets import NearQuery, OpenAtFilter
from queries.catalog import cypher


def test_every_declared_parameter_is_passed_and_nothing_else() -> None:
    text = cypher("assets/assets_near")
    header = "\n".join(line for line in text.splitlines() if line.startswith("//"))
    body = "\n".join(line for line in text.splitlines() if not line.startswith("//"))
    declared = set(re.findall(r"\$([a-z_]+)", header))
    used = set(re.findall(r"\$([a-z_]+)", body))
    query = NearQuery(
        latitude=51.48,
        longitude=-3.18,
        radius_km=5,
        kinds=["library"],
        open_at=OpenAtFilter(day="TU", time="10:00"),
    )
    passed = set(query.parameters())
    assert passed == declared == used
