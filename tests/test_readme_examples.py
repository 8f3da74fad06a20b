"""The examples in README.md run as shown, on the data the project ships."""

from __future__ import annotations

import json
import os
import re
import shlex
import subprocess
import sys
from pathlib import Path

import neo4j
from fastapi.testclient import TestClient

from api.app import create_app
from graph.server.config import PROJECT_ROOT
from graph.settings import Neo4jSettings
from loaders.demo import load_demo

README = (PROJECT_ROOT / "README.md").read_text(encoding="utf-8")
COMMONGRAPH = str(Path(sys.executable).parent / "commongraph")


def _bash_blocks() -> list[str]:
    return re.findall(r"```bash\n(.*?)```", README, flags=re.S)


def test_the_readme_graphql_example_answers_with_real_libraries_on_the_shipped_data(
    driver: neo4j.Driver, neo4j_settings: Neo4jSettings
) -> None:
    load_demo(driver, seed=0)  # what `make run` loads
    curls = [block for block in _bash_blocks() if block.lstrip().startswith("curl")]
    assert curls, "README lost its GraphQL example"
    body = json.loads(shlex.split(curls[0].replace("\\\n", " "))[-1])
    with TestClient(create_app(neo4j_settings)) as client:
        response = client.post("/graphql", json=body)
    assert response.status_code == 200
    assert "errors" not in response.json(), response.json()
    near = response.json()["data"]["assetsNear"]
    assert near["totalCount"] >= 1
    first = near["edges"][0]
    assert first["node"]["kind"]["en"] == "Library" and first["distanceKm"] <= 2
    assert first["node"]["listedBy"] and "HOURS" in first["unknown"]


def test_the_readme_analyse_commands_print_one_json_object_each(driver: neo4j.Driver) -> None:
    commands = [
        line.split("#")[0].split()
        for block in _bash_blocks()
        for line in block.splitlines()
        if line.startswith("commongraph analyse")
    ]
    assert len(commands) == 3
    for command in commands:
        result = subprocess.run(
            [COMMONGRAPH, *command[1:]],
            capture_output=True,
            text=True,
            timeout=120,
            env=os.environ.copy(),
            check=False,
        )
        assert result.returncode == 0, result.stderr
        assert isinstance(json.loads(result.stdout), dict)
