"""A content fingerprint of a whole graph, to prove two graphs are the same.

Two graphs are "the same" here when they have the same number of nodes per label set, the
same number of relationships per type, and the same multiset of node and relationship
contents: every node as (labels, properties) and every relationship as (start node's
``id``, type, end node's ``id``, properties). Internal element ids are never used, so a
graph loaded into a fresh database compares equal to one repaired by re-running a load.

Properties that legitimately differ between two loads of the same data (the moment of the
load: ``created_at``, ``updated_at``...) are left out with ``ignore``. Each item is hashed
(sha256 of its canonical JSON) and the sorted hashes are hashed again, so the checksum does
not depend on the order Neo4j returns things in.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

import neo4j

__all__ = ["LOAD_TIME_KEYS", "Fingerprint", "canonical", "graph_fingerprint"]

#: properties that record when a load ran, not what it stored
LOAD_TIME_KEYS = frozenset({"created_at", "updated_at", "loaded_at", "last_loaded"})

_NODES = """
MATCH (n)
RETURN labels(n) AS labels, properties(n) AS props
"""
_RELATIONSHIPS = """
MATCH (a)-[r]->(b)
RETURN coalesce(a.id, elementId(a)) AS src, type(r) AS type,
       coalesce(b.id, elementId(b)) AS dst, properties(r) AS props
"""


def canonical(value: Any) -> Any:
    """A JSON-able form of a property value (points, dates and lists included)."""
    if isinstance(value, dict):
        return {str(k): canonical(v) for k, v in sorted(value.items())}
    if isinstance(value, list | tuple):
        return [canonical(v) for v in value]
    if isinstance(value, bool | int | str) or value is None:
        return value
    if isinstance(value, float):
        return repr(value)
    iso = getattr(value, "iso_format", None)
    if callable(iso):
        return str(iso())
    return str(value)


def _digest(item: Any) -> str:
    text = json.dumps(canonical(item), sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class Fingerprint:
    """Counts per label set and relationship type, and a checksum of all contents."""

    nodes: dict[str, int]
    relationships: dict[str, int]
    checksum: str
    items: int = 0
    #: node hash → how often it occurs (kept to explain a difference, not compared)
    node_hashes: Counter[str] = field(default_factory=Counter, compare=False, repr=False)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Fingerprint):
            return NotImplemented
        return (self.nodes, self.relationships, self.checksum) == (
            other.nodes,
            other.relationships,
            other.checksum,
        )

    __hash__ = None  # type: ignore[assignment]

    def difference(self, other: Fingerprint) -> str:
        """One line saying how two fingerprints differ (for assertion messages)."""
        labels = {
            k: (self.nodes.get(k, 0), other.nodes.get(k, 0))
            for k in set(self.nodes) | set(other.nodes)
            if self.nodes.get(k, 0) != other.nodes.get(k, 0)
        }
        types = {
            k: (self.relationships.get(k, 0), other.relationships.get(k, 0))
            for k in set(self.relationships) | set(other.relationships)
            if self.relationships.get(k, 0) != other.relationships.get(k, 0)
        }
        only = sum((self.node_hashes - other.node_hashes).values())
        return f"node counts {labels}; relationship counts {types}; {only} nodes differ"


def graph_fingerprint(
    driver: neo4j.Driver,
    *,
    database: str | None = None,
    ignore: Iterable[str] = LOAD_TIME_KEYS,
    skip_labels: Iterable[str] = (),
    skip_sources: Iterable[str] = (),
) -> Fingerprint:
    """Fingerprint every node and relationship (minus ``ignore``d properties).

    ``skip_labels`` / ``skip_sources`` leave out nodes carrying any of these labels or whose
    ``source`` is one of these, and relationships that touch them (e.g. ``AuditEvent`` and
    what a test itself wrote, when proving that nothing else changed).
    """
    ignored = frozenset(ignore)
    skipped = frozenset(skip_labels)
    sources = frozenset(skip_sources)
    node_counts: Counter[str] = Counter()
    rel_counts: Counter[str] = Counter()
    hashes: Counter[str] = Counter()
    skipped_ids: set[str] = set()
    outer = hashlib.sha256()
    with driver.session(database=database, default_access_mode=neo4j.READ_ACCESS) as session:
        for record in session.run(_NODES):
            labels = sorted(record["labels"])
            props = {k: v for k, v in record["props"].items() if k not in ignored}
            if skipped.intersection(labels) or record["props"].get("source") in sources:
                if "id" in props:
                    skipped_ids.add(str(props["id"]))
                continue
            node_counts[":".join(labels)] += 1
            hashes[_digest(["node", labels, props])] += 1
        rel_hashes: Counter[str] = Counter()
        for record in session.run(_RELATIONSHIPS):
            if record["src"] in skipped_ids or record["dst"] in skipped_ids:
                continue
            props = {k: v for k, v in record["props"].items() if k not in ignored}
            rel_counts[record["type"]] += 1
            rel_hashes[_digest(["rel", record["src"], record["type"], record["dst"], props])] += 1
    for digest in sorted((hashes + rel_hashes).elements()):
        outer.update(digest.encode("ascii"))
    return Fingerprint(
        nodes=dict(node_counts),
        relationships=dict(rel_counts),
        checksum=outer.hexdigest(),
        items=sum(node_counts.values()) + sum(rel_counts.values()),
        node_hashes=hashes,
    )
