"""``export graphml|gexf OUT``: the relationship graph for Gephi (and networkx).

Nodes are people, organisations, services, teams, areas and needs (``everything`` adds every
:Entity, directory details included) with their label, ``kind``, ``name``, ``tribe``,
``sector`` and the other attributes a relationship map colours by; relationships carry
``relationship`` (and, in GraphML, ``type``) and ``weight``. Written with networkx's GraphML
and GEXF writers, so ``networkx.read_graphml`` / ``read_gexf`` read the files back, and Gephi
opens them, whatever the graph holds: text loses what XML cannot carry (graph/text.py), and
a weight that is not a finite number is written as 1.0, as a missing one is.
"""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any, Literal

import neo4j
import networkx as nx
from pydantic import BaseModel

from graph.connection import lost_while
from graph.text import xml_safe
from queries.catalog import cypher

__all__ = ["GraphExport", "export_graph", "relationship_graph"]

_KIND_OF_LABEL = {
    "Person": "person",
    "Organization": "organisation",
    "Service": "service",
    "Team": "team",
    "Area": "area",
    "Need": "need",
}


class GraphExport(BaseModel):
    path: str
    format: str
    nodes: int
    edges: int


def _value(value: Any) -> str | int | float | bool | None:
    """GraphML/GEXF take text, numbers and booleans; temporal values become ISO text.

    Text loses what XML 1.0 cannot carry (control characters stored before the loaders
    cleaned them: lxml refuses to write them, and a GEXF with them does not parse); a number
    that is not finite is left out like a missing one.
    """
    if isinstance(value, str):
        return xml_safe(value)
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if isinstance(value, bool | int | float):
        return value
    iso = getattr(value, "iso_format", None)
    if callable(iso):
        return xml_safe(str(iso()))
    return None if value is None else xml_safe(str(value))


def _weight(value: Any) -> float:
    """An edge's weight: a finite number, else 1.0 (as for a relationship without one)."""
    if isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value):
        return float(value)
    return 1.0


def relationship_graph(
    driver: neo4j.Driver, *, database: str | None = None, everything: bool = False
) -> nx.MultiDiGraph:
    """The relationship graph as a networkx MultiDiGraph (streamed from Neo4j)."""
    graph = nx.MultiDiGraph()
    with (
        lost_while("reading the relationship graph"),
        driver.session(database=database, default_access_mode=neo4j.READ_ACCESS) as session,
    ):
        for record in session.run(cypher("export/relationship_nodes"), all=everything):
            labels = [x for x in record["labels"] if x != "Entity"]
            label = next((x for x in labels if x in _KIND_OF_LABEL), labels[0] if labels else "")
            node_id = xml_safe(str(record["id"]))
            attrs: dict[str, Any] = {
                "label": _value(record["name"]) or node_id,
                "node_label": label,
                "kind": _KIND_OF_LABEL.get(label, label.lower()),
            }
            for key in (
                "name",
                "tribe",
                "sector",
                "role",
                "source",
                "organisation_id",
                "area_id",
                "latitude",
                "longitude",
                "status",
                "moderation_status",
            ):
                value = _value(record[key])
                if value is not None:
                    attrs[key] = value
            if label == "Area" and record["kind"]:
                attrs["area_kind"] = _value(record["kind"])
            graph.add_node(node_id, **attrs)
        for record in session.run(cypher("export/relationship_edges"), all=everything):
            # GEXF reserves an edge's `type` for its direction, so `relationship` carries the
            # type in both formats (and `type` too in GraphML, see export_graph)
            attrs = {"relationship": record["type"], "label": record["type"]}
            weight = record["weight"] if record["weight"] is not None else record["strength"]
            attrs["weight"] = _weight(weight)
            for key in ("confidence", "since", "source"):
                value = _value(record[key])
                if value is not None:
                    attrs[key] = value
            src, dst = xml_safe(str(record["src"])), xml_safe(str(record["dst"]))
            graph.add_edge(src, dst, key=record["type"], **attrs)
    return graph


def export_graph(
    driver: neo4j.Driver,
    out: Path,
    fmt: Literal["graphml", "gexf"],
    *,
    database: str | None = None,
    everything: bool = False,
) -> GraphExport:
    """Write the relationship graph to ``out`` as GraphML or GEXF."""
    graph = relationship_graph(driver, database=database, everything=everything)
    out.parent.mkdir(parents=True, exist_ok=True)
    if fmt == "graphml":
        for _, _, data in graph.edges(data=True):
            data["type"] = data["relationship"]
        nx.write_graphml(graph, out, named_key_ids=True)
    else:
        nx.write_gexf(graph, out)
    return GraphExport(
        path=str(out), format=fmt, nodes=graph.number_of_nodes(), edges=graph.number_of_edges()
    )
