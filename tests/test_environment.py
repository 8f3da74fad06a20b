"""Every environment variable is declared once (graph/environment.py), documented in
docs/contract.md exactly as declared, and read nowhere else; a bad value names its variable."""

from __future__ import annotations

import re

import pytest
from pydantic import ValidationError

from graph.environment import PROJECT_ROOT, Environment, environment

PACKAGES = ("graph", "api", "loaders", "queries")
#: modules that may touch os.environ: the declaration itself, and the Neo4j launcher, which
#: hands the whole environment to its child process (it reads no variable from it)
ALLOWED = {"graph/environment.py", "graph/server/manager.py"}


def _documented() -> dict[str, str]:
    text = (PROJECT_ROOT / "docs" / "contract.md").read_text(encoding="utf-8")
    table = text.split("<!-- environment:start -->")[1].split("<!-- environment:end -->")[0]
    rows = [r for r in table.strip().splitlines()[2:] if r.startswith("|")]
    return {
        cells[0].strip("` "): cells[2].strip()
        for cells in ([c.strip() for c in r.strip("|").split("|")] for r in rows)
    }


def test_the_documented_variables_are_exactly_the_declared_ones() -> None:
    declared = {f.validation_alias: f.description for f in Environment.model_fields.values()}
    assert _documented() == declared


def test_no_module_reads_the_environment_except_the_declaration() -> None:
    readers = sorted(
        str(path.relative_to(PROJECT_ROOT))
        for package in PACKAGES
        for path in (PROJECT_ROOT / package).rglob("*.py")
        if re.search(r"os\.environ|os\.getenv", path.read_text(encoding="utf-8"))
        and str(path.relative_to(PROJECT_ROOT)) not in ALLOWED
    )
    assert readers == []


def test_a_value_of_the_wrong_type_is_refused_naming_its_variable() -> None:
    with pytest.raises(ValidationError, match="COMMONGRAPH_WORKERS"):
        environment({"COMMONGRAPH_WORKERS": "two"})


def test_variables_set_now_are_heard(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COMMONGRAPH_BOLT_PORT", "7999")
    monkeypatch.setenv("NEO4J_URI", "neo4j://db.example:7687")
    env = environment()
    assert (env.bolt_port, env.neo4j_uri) == (7999, "neo4j://db.example:7687")
