"""Store flattened ORUK records in batches: one transaction per batch, nothing half-written.

For each batch the stored content hash of every root record tells created, updated and
unchanged apart; unchanged records are not written at all (re-running a load is a no-op and
leaves ``updated_at`` alone). A record stored by another loader (the open-data files) has no
hash yet, and our own export names records by their published UUIDs: a record whose hash
differs is still unchanged when it equals the document the graph publishes for it, so
loading the project's own ``export oruk`` output changes nothing. The others become one transaction
of ``UNWIND … MERGE`` statements: nodes by label, relationships by type, then — for records
stored before — the relationships a record no longer lists are removed (replace semantics
per key present).
If the transaction fails on a record (an id already used by another kind of node), the
batch is retried record by record so the good ones are stored and the bad one is named.
"""

from __future__ import annotations

import dataclasses
import json
from collections import defaultdict
from dataclasses import dataclass
from typing import Any, Literal

import neo4j
from neo4j.exceptions import ClientError

from graph.oruk.models import ENTITY_BY_LABEL
from loaders.batch import Step, read_rows, write_transaction
from loaders.export.oruk import STATEMENTS, published_documents
from loaders.oruk.rows import RecordRows
from loaders.report import LoadSummary, Problem

__all__ = ["NODE_STATEMENTS", "Prepared", "store_batch"]

#: label → catalogue statement (the allow-list: labels never come from input). Written out in
#: full so a search finds every user; tests/test_statement_names.py checks it covers exactly
#: the labels of graph.oruk.models and that each file exists.
NODE_STATEMENTS: dict[str, str] = {
    "Accessibility": "load/oruk_node_accessibility",
    "Address": "load/oruk_node_address",
    "Attribute": "load/oruk_node_attribute",
    "Contact": "load/oruk_node_contact",
    "CostOption": "load/oruk_node_cost_option",
    "Funding": "load/oruk_node_funding",
    "Language": "load/oruk_node_language",
    "Location": "load/oruk_node_location",
    "Metadata": "load/oruk_node_metadata",
    "Organization": "load/oruk_node_organization",
    "OrganizationIdentifier": "load/oruk_node_organization_identifier",
    "Phone": "load/oruk_node_phone",
    "Program": "load/oruk_node_program",
    "RequiredDocument": "load/oruk_node_required_document",
    "Schedule": "load/oruk_node_schedule",
    "Service": "load/oruk_node_service",
    "ServiceArea": "load/oruk_node_service_area",
    "ServiceAtLocation": "load/oruk_node_service_at_location",
    "Taxonomy": "load/oruk_node_taxonomy",
    "TaxonomyTerm": "load/oruk_node_taxonomy_term",
}
#: relationship type → catalogue statement (the child relationships of the entity tables,
#: plus the taxonomy's CATEGORISED_AS and BROADER)
EDGE_STATEMENTS: dict[str, str] = {
    "AT_LOCATION": "load/oruk_edge_at_location",
    "BROADER": "load/oruk_edge_broader",
    "CATEGORISED_AS": "load/oruk_edge_categorised_as",
    "HAS_ACCESSIBILITY": "load/oruk_edge_has_accessibility",
    "HAS_ADDRESS": "load/oruk_edge_has_address",
    "HAS_ATTRIBUTE": "load/oruk_edge_has_attribute",
    "HAS_CONTACT": "load/oruk_edge_has_contact",
    "HAS_COST_OPTION": "load/oruk_edge_has_cost_option",
    "HAS_FUNDING": "load/oruk_edge_has_funding",
    "HAS_IDENTIFIER": "load/oruk_edge_has_identifier",
    "HAS_LANGUAGE": "load/oruk_edge_has_language",
    "HAS_LOCATION": "load/oruk_edge_has_location",
    "HAS_METADATA": "load/oruk_edge_has_metadata",
    "HAS_PHONE": "load/oruk_edge_has_phone",
    "HAS_PROGRAM": "load/oruk_edge_has_program",
    "HAS_REQUIRED_DOCUMENT": "load/oruk_edge_has_required_document",
    "HAS_SCHEDULE": "load/oruk_edge_has_schedule",
    "HAS_SERVICE_AREA": "load/oruk_edge_has_service_area",
    "IN_PROGRAM": "load/oruk_edge_in_program",
    "IN_TAXONOMY": "load/oruk_edge_in_taxonomy",
    "OF_SERVICE": "load/oruk_edge_of_service",
    "OF_TERM": "load/oruk_edge_of_term",
    "PROVIDES": "load/oruk_edge_provides",
}
#: parents before children, so a batch's MERGEs find what they link to
_LABEL_ORDER = (
    "Organization",
    "Service",
    "Location",
    "ServiceAtLocation",
    *sorted(set(NODE_STATEMENTS) - {"Organization", "Service", "Location", "ServiceAtLocation"}),
)
_OWNED_PROPS = ("extra_json", "unserved_json", "empty_lists", "last_verified")


@dataclass
class Prepared:
    """A validated, flattened record and where it came from."""

    rows: RecordRows
    file: str | None
    index: int | None
    record_id: str
    #: the record's kind (service, organization...) and the cleaned input as read
    kind: str = "service"
    raw: dict[str, Any] | None = None

    def warning(self, reason: str, field: str | None = None) -> Problem:
        """A warning about this record, named by its file, index and id."""
        return Problem.warning(reason, self.file, self.index, self.record_id, field)


def _clearing(label: str, props: dict[str, Any]) -> dict[str, Any]:
    """``props`` plus a null for every ORUK-owned property it lacks (removed on re-load)."""
    model = ENTITY_BY_LABEL[label]
    keys = [model.renamed.get(k, k) for k in model.scalar_fields() if k != "id"]
    cleared: dict[str, Any] = dict.fromkeys((*keys, *_OWNED_PROPS))
    cleared.update(props)
    return cleared


def _steps(batch: list[tuple[Prepared, Literal["created", "updated"]]], now: str) -> list[Step]:
    nodes: dict[str, tuple[str, dict[str, Any]]] = {}
    edges: dict[tuple[str, str, str], int] = {}
    roots: dict[str, tuple[str, bool]] = {}
    prune_out: list[dict[str, Any]] = []
    prune_in: list[dict[str, Any]] = []
    for prepared, outcome in batch:
        rows = prepared.rows
        for node_id, (label, props) in rows.nodes.items():
            known = nodes.get(node_id)
            merged = {**known[1], **props} if known else dict(props)
            merged.setdefault("oruk_hash", None)
            nodes[node_id] = (label, merged)
        edges.update(rows.edges)
        roots[rows.root_id] = (rows.content_hash, outcome == "updated")
        if outcome == "updated":
            for (parent, rel, outgoing), keep in rows.owned.items():
                target = prune_out if outgoing else prune_in
                target.append({"id": parent, "type": rel, "keep": keep})
    for root_id, (content_hash, updated) in roots.items():
        label, props = nodes[root_id]
        props = _clearing(label, props) if updated else props
        props["oruk_hash"] = content_hash
        nodes[root_id] = (label, props)
    by_label: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for node_id, (label, props) in nodes.items():
        by_label[label].append({"id": node_id, "props": props})
    by_type: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for (src, rel, dst), ordinal in edges.items():
        by_type[rel].append({"src": src, "dst": dst, "ordinal": ordinal})
    steps = [
        Step(NODE_STATEMENTS[label], by_label[label], {"now": now})
        for label in _LABEL_ORDER
        if by_label.get(label)
    ]
    steps += [Step(EDGE_STATEMENTS[rel], rows) for rel, rows in sorted(by_type.items())]
    if prune_out:
        steps.append(Step("load/oruk_prune_out", prune_out))
    if prune_in:
        steps.append(Step("load/oruk_prune_in", prune_in))
    return steps


def _write(
    driver: neo4j.Driver,
    batch: list[tuple[Prepared, Literal["created", "updated"]]],
    summary: LoadSummary,
    now: str,
    database: str | None,
) -> None:
    try:
        counters = write_transaction(driver, _steps(batch, now), database=database)
    except ClientError as exc:
        if len(batch) > 1:
            for single in batch:
                _write(driver, [single], summary, now, database)
            return
        prepared = batch[0][0]
        summary.reject(
            Problem(
                file=prepared.file,
                record=prepared.index,
                record_id=prepared.record_id,
                field="id",
                reason=f"cannot be stored: {exc.message}",
            )
        )
        return
    for _, outcome in batch:
        setattr(summary, outcome, getattr(summary, outcome) + 1)
    summary.nodes_written += counters.nodes_created
    summary.relationships_written += counters.relationships_created


def store_batch(
    driver: neo4j.Driver,
    batch: list[Prepared],
    summary: LoadSummary,
    *,
    now: str,
    database: str | None = None,
) -> None:
    """Write one batch of records (created/updated), counting unchanged ones without writing."""
    if not batch:
        return
    batch = _as_published(driver, batch, database)
    latest: dict[str, Prepared] = {}
    for prepared in batch:
        if prepared.rows.root_id in latest:
            summary.problems.append(
                prepared.warning("the same id appears again in this load: the later record wins")
            )
            summary.unchanged += 1
        latest[prepared.rows.root_id] = prepared
    stored = {
        row["id"]: row["hash"]
        for row in read_rows(driver, "load/oruk_hashes", ids=list(latest), database=database)
    }
    published = _published_documents(
        driver,
        [p for i, p in latest.items() if i in stored and stored[i] != p.rows.content_hash],
        database,
    )
    todo: list[tuple[Prepared, Literal["created", "updated"]]] = []
    for root_id, prepared in latest.items():
        if root_id not in stored:
            todo.append((prepared, "created"))
        elif _unchanged(stored[root_id], prepared, published.get(root_id)):
            summary.unchanged += 1
        else:
            todo.append((prepared, "updated"))
    if todo:
        _warn_unresolved(driver, [prepared for prepared, _ in todo], summary, database)
        _write(driver, todo, summary, now, database)


def _published_documents(
    driver: neo4j.Driver, batch: list[Prepared], database: str | None
) -> dict[str, dict[str, Any]]:
    """The ORUK document the graph publishes now for each record of ``batch``, by node id."""
    by_kind: dict[str, list[str]] = defaultdict(list)
    for prepared in batch:
        if prepared.kind in STATEMENTS:
            by_kind[prepared.kind].append(prepared.rows.root_id)
    documents: dict[str, dict[str, Any]] = {}
    for kind, ids in by_kind.items():
        documents.update(published_documents(driver, kind, ids, database=database))
    return documents


def _unchanged(
    stored_hash: str | None, prepared: Prepared, published: dict[str, Any] | None
) -> bool:
    """Whether a stored record is the same as the input: by the hash of its last ORUK load, else
    by what the graph publishes for it (canonical JSON): a record stored by another loader has
    no hash, and our own export names the record by its published UUIDs."""
    if stored_hash == prepared.rows.content_hash:
        return True
    if prepared.raw is None or published is None:
        return False
    return json.dumps(prepared.raw, sort_keys=True) == json.dumps(published, sort_keys=True)


def _as_published(
    driver: neo4j.Driver, batch: list[Prepared], database: str | None
) -> list[Prepared]:
    """The batch with ids the graph published under another node id (its ``oruk_id``, as
    ``export oruk`` writes them) renamed to that node's id, so re-importing our own export
    updates what is there and creates nothing."""
    ids = sorted({node_id for prepared in batch for node_id in prepared.rows.nodes})
    known = {
        str(row["oruk_id"]): str(row["id"])
        for row in read_rows(driver, "load/oruk_known_ids", ids=ids, database=database)
    }
    if not known:
        return batch
    return [dataclasses.replace(p, rows=p.rows.renamed(known)) for p in batch]


def _warn_unresolved(
    driver: neo4j.Driver, batch: list[Prepared], summary: LoadSummary, database: str | None
) -> None:
    """A warning for each ``*_id`` naming a record neither in this batch nor in the graph.

    The record is still stored (the link is made when a later load brings the record it
    names, and re-loading this one links it), but a service whose ``organization_id`` names
    no organisation would otherwise be stored with none and nobody told.
    """
    here = {node_id for prepared in batch for node_id in prepared.rows.nodes}
    wanted = {ref.target for prepared in batch for ref in prepared.rows.references} - here
    if not wanted:
        return
    found = {
        row["id"]
        for row in read_rows(driver, "load/rel_ids_exist", ids=sorted(wanted), database=database)
    }
    for prepared in batch:
        for ref in prepared.rows.references:
            if ref.target in here or ref.target in found:
                continue
            summary.problems.append(
                prepared.warning(
                    f"no {ref.kind.replace('_', ' ')} with id {ref.raw!r} in the graph "
                    "or in this load: stored without that link",
                    ref.field,
                )
            )
