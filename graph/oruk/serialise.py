"""Graph records → ORUK 3.0 JSON: a pure function over a fetched subgraph.

The catalogue statements under ``queries/cypher/oruk/`` return, for each root record, the
nodes and relationships of its directory subtree (``{root, nodes:[{id, labels, props}],
edges:[{src, type, dst, ordinal}]}``). :func:`to_oruk` walks that subgraph along the
``children`` table of :mod:`graph.oruk.models`, so the nesting is the one HSDS uses: a
service holds its organisation and its service-at-locations; an organisation holds its
services; a service-at-location holds its service and location. A relationship is never
walked back the way it was entered, which is what keeps ``organization.services`` out of a
service's ``organization`` (as in the official examples).

Only declared HSDS fields and the preserved unknown fields (``extra_json``) are written;
provenance and graph-native properties stay in the graph. Arrays follow ``ordinal``.
"""

from __future__ import annotations

import json
from collections import defaultdict
from typing import Any

from pydantic import BaseModel, Field

from graph.oruk.ids import is_uuid, mint_id
from graph.oruk.models import ENTITY_BY_KIND, ENTITY_BY_LABEL, HsdsEntity

__all__ = ["REF_KINDS", "Subgraph", "SubgraphEdge", "SubgraphNode", "oruk_id", "to_oruk"]

#: the entity each ``*_id`` reference field points at (for minting UUIDs consistently)
REF_KINDS: dict[str, str] = {
    "organization_id": "organization",
    "parent_organization_id": "organization",
    "service_id": "service",
    "location_id": "location",
    "service_at_location_id": "service_at_location",
    "contact_id": "contact",
    "phone_id": "phone",
    "program_id": "program",
    "parent_id": "taxonomy_term",
    "taxonomy_term_id": "taxonomy_term",
    "taxonomy_id": "taxonomy",
    "link_id": "link",
    "resource_id": "resource",
}

#: namespace for UUIDs of nodes that other loaders wrote with non-UUID ids and no ``oruk_id``
GRAPH_NAMESPACE = "commongraph"


class SubgraphNode(BaseModel):
    id: str
    labels: list[str]
    props: dict[str, Any] = Field(default_factory=dict)


class SubgraphEdge(BaseModel):
    src: str
    type: str
    dst: str
    ordinal: int | None = None


class Subgraph(BaseModel):
    """One root record and every node and relationship its ORUK document is built from."""

    root: str
    nodes: list[SubgraphNode]
    edges: list[SubgraphEdge]


def oruk_id(node_id: str, props: dict[str, Any], kind: str) -> str:
    """The UUID a node is published under: its id, its minted ``oruk_id``, or a fresh uuid5."""
    stored = props.get("oruk_id")
    if isinstance(stored, str) and is_uuid(stored):
        return stored
    if is_uuid(node_id):
        return node_id
    return mint_id(GRAPH_NAMESPACE, kind, node_id)


def _plain(value: Any) -> Any:
    """Neo4j temporal values become ISO strings; everything else is returned unchanged."""
    iso = getattr(value, "iso_format", None)
    return iso() if callable(iso) else value


class _Index:
    def __init__(self, graph: Subgraph) -> None:
        self.nodes = {node.id: node for node in graph.nodes}
        self.out: dict[tuple[str, str], list[tuple[int, str]]] = defaultdict(list)
        self.into: dict[tuple[str, str], list[tuple[int, str]]] = defaultdict(list)
        seen: set[tuple[str, str, str]] = set()
        for edge in graph.edges:
            key = (edge.src, edge.type, edge.dst)
            if key in seen:
                continue
            seen.add(key)
            ordinal = edge.ordinal if edge.ordinal is not None else 1 << 30
            self.out[(edge.src, edge.type)].append((ordinal, edge.dst))
            self.into[(edge.dst, edge.type)].append((ordinal, edge.src))

    def model_of(self, node_id: str) -> type[HsdsEntity] | None:
        node = self.nodes.get(node_id)
        if node is None:
            return None
        for label in node.labels:
            if label in ENTITY_BY_LABEL:
                return ENTITY_BY_LABEL[label]
        return None


def _scalars(model: type[HsdsEntity], node: SubgraphNode) -> dict[str, Any]:
    out: dict[str, Any] = {"id": oruk_id(node.id, node.props, model.kind)}
    for key in model.scalar_fields():
        if key == "id":
            continue
        value = _plain(node.props.get(model.renamed.get(key, key)))
        if value is None and key == "alternate_name":
            # HSDS has one name per record: a Welsh name a group gave its listing (kept on
            # the graph as name_cy) travels as the alternate name, as the loaders read it.
            value = _plain(node.props.get("name_cy"))
        if value is None:
            if key not in model.required_defaults:
                continue
            value = model.required_defaults[key]
        if key in REF_KINDS and isinstance(value, str) and not is_uuid(value):
            value = mint_id(GRAPH_NAMESPACE, REF_KINDS[key], value)
        out[key] = value
    extra = node.props.get("extra_json")
    if isinstance(extra, str) and extra:
        for key, value in json.loads(extra).items():
            out.setdefault(key, value)
    return out


def _build(
    index: _Index,
    node_id: str,
    model: type[HsdsEntity],
    entered_by: tuple[str, bool] | None,
    ancestors: frozenset[str],
) -> dict[str, Any]:
    node = index.nodes[node_id]
    out = _scalars(model, node)
    empty = set(node.props.get("empty_lists") or ())
    inside = ancestors | {node_id}
    for key, child in model.children.items():
        if entered_by is not None and entered_by == (child.rel, not child.outgoing):
            continue  # never walk a relationship back the way we came
        table = index.out if child.outgoing else index.into
        targets = [
            (ordinal, target)
            for ordinal, target in table.get((node_id, child.rel), ())
            if target not in inside and index.model_of(target) is ENTITY_BY_KIND[child.kind]
        ]
        targets.sort()
        target_model = ENTITY_BY_KIND[child.kind]
        if child.many:
            items = [
                _build(index, target, target_model, (child.rel, child.outgoing), inside)
                for _, target in targets
            ]
            if items or key in empty:
                out[key] = items
        elif targets:
            out[key] = _build(
                index, targets[0][1], target_model, (child.rel, child.outgoing), inside
            )
    return out


def to_oruk(graph: Subgraph, kind: str = "service") -> dict[str, Any]:
    """The ORUK 3.0 document of ``graph.root`` as the entity ``kind`` (service, organization...).

    Examples
    --------
    >>> g = Subgraph(root="a", nodes=[SubgraphNode(id="a", labels=["Service", "Entity"],
    ...     props={"oruk_id": "ac148810-d857-441c-9679-408f346de14b", "name": "Counselling"})],
    ...     edges=[])
    >>> to_oruk(g)
    {'id': 'ac148810-d857-441c-9679-408f346de14b', 'name': 'Counselling', 'status': 'active'}
    """
    model = ENTITY_BY_KIND[kind]
    index = _Index(graph)
    if graph.root not in index.nodes:
        raise KeyError(f"the subgraph does not contain its root {graph.root!r}")
    return _build(index, graph.root, model, None, frozenset())
