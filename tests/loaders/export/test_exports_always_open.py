"""Every export opens, whatever old data the graph holds.

Data stored before the loaders cleaned text (simulated here by writing it with Cypher) may
hold control characters, a NUL byte, a non-character and weights or coordinates that are not
finite. ``export graphml`` used to exit 1 with a traceback ("All strings must be XML
compatible") and ``export gexf`` wrote XML that did not parse; now each file parses as XML
(or strict JSON) and reads back with networkx, and ORUK output passes the schema check.
"""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
from pathlib import Path
from typing import Any

import neo4j
import networkx as nx
import pytest
from lxml import etree

from graph.settings import Neo4jSettings
from loaders.oruk import load_oruk_path
from tests.support.bulk import service_record
from tests.support.oruk_schema import assert_valid
from tests.support.wipe import wipe_graph

pytestmark = pytest.mark.neo4j

COMMONGRAPH = str(Path(sys.executable).parent / "commongraph")
OLD_DATA = """
MATCH (s:Service {id: $service})<-[:PROVIDES]-(o:Organization)
MATCH (s)<-[:OF_SERVICE]-(:ServiceAtLocation)-[:AT_LOCATION]->(l:Location)
SET s.name = 'Knit' + $soh + ' and Natter', s.description = 'nul' + $nul + 'byte',
    o.name = 'Org' + $esc + ' One', l.name = 'Hall' + $nonchar, l.latitude = $nan
CREATE (a:Person:Entity {id: 'old-' + $soh + 'a', name: 'Ann' + $bel, tribe: 'gp' + $nul,
                         latitude: $nan, source: 'old'})
CREATE (b:Person:Entity {id: 'old-b', name: 'Bob', source: 'old' + $esc})
CREATE (a)-[:KNOWS {weight: $nan, since: '2020' + $bel}]->(b)
CREATE (b)-[:WORKS_WITH {weight: $inf, strength: $inf}]->(a)
CREATE (b)-[:WORKS_FOR {weight: -5.0}]->(o)
"""


@pytest.fixture(scope="module")
def old_data(
    driver: neo4j.Driver, neo4j_settings: Neo4jSettings, tmp_path_factory: pytest.TempPathFactory
) -> str:
    """One clean service loaded, then spoilt by hand as old data may be; its id."""
    wipe_graph(driver, neo4j_settings.database)
    service = service_record(7, random.Random(7))
    path = tmp_path_factory.mktemp("in") / "feed.json"
    path.write_text(json.dumps([service]), "utf-8")
    assert load_oruk_path(driver, path).created == 1
    driver.execute_query(
        OLD_DATA,
        service=service["id"],
        soh="\x01",
        nul="\x00",
        bel="\x07",
        esc="\x1b",
        nonchar="\ufffe",
        nan=float("nan"),
        inf=float("inf"),
    )
    stored = driver.execute_query(
        "MATCH (s:Service {id: $id}) RETURN s.name AS name", id=service["id"]
    ).records[0]
    assert stored["name"] == "Knit\x01 and Natter"  # the old data really is in the graph
    return str(service["id"])


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [COMMONGRAPH, *args], capture_output=True, text=True, env=dict(os.environ),
        timeout=120, check=False,
    )  # fmt: skip


def _strict_json(text: str) -> Any:
    def refuse(constant: str) -> Any:
        raise ValueError(f"{constant} is not JSON")

    return json.loads(text, parse_constant=refuse)


@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
@pytest.mark.parametrize("everything", [False, True])
def test_graph_exports_parse_as_xml_and_read_back_with_networkx(
    old_data: str, tmp_path: Path, fmt: str, everything: bool
) -> None:
    out = tmp_path / f"graph.{fmt}"
    result = _run("export", fmt, str(out), *(["--all"] if everything else []))
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    etree.parse(str(out), etree.XMLParser(recover=False))  # raises on XML that is not well formed
    graph = nx.read_graphml(out) if fmt == "graphml" else nx.read_gexf(out)
    assert graph.nodes[old_data]["label"] == "Knit and Natter"
    assert graph.nodes["old-a"]["label"] == "Ann"
    assert graph.nodes["old-a"]["tribe"] == "gp"
    assert "latitude" not in graph.nodes["old-a"]
    weights = {data["relationship"]: float(data["weight"]) for _, _, data in graph.edges(data=True)}
    assert weights["KNOWS"] == 1.0 and weights["WORKS_WITH"] == 1.0
    assert weights["WORKS_FOR"] == -5.0  # finite: written as stored


def test_oruk_export_is_strict_json_and_schema_valid(old_data: str, tmp_path: Path) -> None:
    out = tmp_path / "services.json"
    result = _run("export", "oruk", str(out), "--validate")
    assert result.returncode == 0, result.stderr
    (document,) = _strict_json(out.read_text("utf-8"))
    assert_valid(document, "service")
    assert (document["name"], document["description"]) == ("Knit and Natter", "nulbyte")
    assert document["organization"]["name"] == "Org One"
    location = document["service_at_locations"][0]["location"]
    assert location["name"] == "Hall"
    assert "latitude" not in location
    assert "\\u0001" not in out.read_text("utf-8")
