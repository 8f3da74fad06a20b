"""One validated HSDS record → the node and relationship rows that store it.

The walk follows the ``children`` table of :mod:`graph.oruk.models`. Nested arrays become
relationships carrying ``ordinal`` (the position in the array); a record that mentions the
same entity several times (the official examples repeat one phone in five places) yields one
node. Values are kept as the source wrote them, except where "Bad input" (docs/decisions.md) says to
keep them with a warning: ages below zero mean "not set", dates without a zone are read as
UTC, web addresses without a scheme get ``http://``, and values that still break their ORUK
format are kept in ``unserved_json`` (stored, not served). Unknown fields go to ``extra_json``.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from typing import Any

from rfc3986_validator import validate_rfc3986  # type: ignore[import-untyped]

from graph.oruk.ids import is_uuid, stable_id
from graph.oruk.models import HsdsEntity, Location, Service
from graph.oruk.serialise import REF_KINDS
from loaders.report import Problem

__all__ = ["MAPPING_VERSION", "RecordRejected", "RecordRows", "Reference", "record_rows"]

#: bumped when the mapping changes, so a re-load rewrites records stored by an older mapping
MAPPING_VERSION = "oruk-3.0/1"

_HTML = re.compile(r"<\s*/?\s*[a-zA-Z][a-zA-Z0-9]*(\s[^<>]*)?/?\s*>")
_DOMAIN = re.compile(r"^[\w.-]+\.[a-zA-Z]{2,}(/\S*)?$")
_RFC3339 = re.compile(
    r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$", re.IGNORECASE
)


class RecordRejected(Exception):
    """A record that cannot be stored faithfully (the field and the reason)."""

    def __init__(self, field: str | None, reason: str) -> None:
        super().__init__(reason)
        self.field = field
        self.reason = reason


@dataclass(frozen=True)
class Reference:
    """A ``*_id`` field naming another record: where it is, the node id and what it names."""

    field: str
    target: str
    kind: str
    raw: str


@dataclass
class RecordRows:
    """The rows of one record: nodes by label, relationships by type, and replace-sets."""

    root_id: str
    root_label: str
    nodes: dict[str, tuple[str, dict[str, Any]]] = field(default_factory=dict)
    edges: dict[tuple[str, str, str], int] = field(default_factory=dict)
    #: (parent id, relationship type, outgoing) → child ids the record lists for that key
    owned: dict[tuple[str, str, bool], list[str]] = field(default_factory=dict)
    warnings: list[tuple[str, str]] = field(default_factory=list)
    references: list[Reference] = field(default_factory=list)
    content_hash: str = ""

    def renamed(self, ids: Mapping[str, str]) -> RecordRows:
        """These rows with node ids replaced as ``ids`` says (a record re-imported from our
        own export names its nodes by their published UUIDs). A renamed node keeps its
        stored provenance: ``source`` and ``source_id`` are not overwritten."""

        def new(node_id: str) -> str:
            return ids.get(node_id, node_id)

        nodes = {
            new(k): (label, props if k not in ids else {
                p: v for p, v in props.items() if p not in ("source", "source_id")
            })
            for k, (label, props) in self.nodes.items()
        }  # fmt: skip
        return replace(
            self,
            root_id=new(self.root_id),
            nodes=nodes,
            edges={(new(a), t, new(b)): o for (a, t, b), o in self.edges.items()},
            owned={
                (new(p), t, out): [new(c) for c in kids] for (p, t, out), kids in self.owned.items()
            },
            references=[replace(r, target=new(r.target)) for r in self.references],
        )

    def problems(self, file: str | None, index: int | None, record_id: str) -> list[Problem]:
        return [
            Problem.warning(reason, file, index, record_id, path) for path, reason in self.warnings
        ]


def _normalise_datetime(value: str) -> tuple[str | None, str | None]:
    """RFC 3339 text for ``value`` and a warning, or (None, reason) when it is not a date."""
    text = value.strip()
    if _RFC3339.match(text):
        return text, None
    try:
        parsed = datetime.fromisoformat(text)
    except ValueError:
        try:
            day = date.fromisoformat(text)
        except ValueError:
            return None, f"{value!r} is not a date-time: kept, not served"
        return f"{day.isoformat()}T00:00:00Z", "a date without a time: read as midnight UTC"
    if parsed.tzinfo is None:
        return parsed.isoformat() + "Z", "a date-time without a time zone: read as UTC"
    if "T" not in text and " " in text:
        return parsed.isoformat(), "date and time separated by a space: written with T"
    return text, None


def _valid_uri(value: str) -> bool:
    return bool(validate_rfc3986(value, rule="URI"))


class _Walker:
    def __init__(self, source: str, mint_ids: bool) -> None:
        self.source = source
        self.mint_ids = mint_ids
        self.minted = False

    def node_id(self, kind: str, raw: str) -> str:
        if not is_uuid(raw):
            self.minted = True
        return self._graph_id(kind, raw)

    def _graph_id(self, kind: str, raw: str) -> str:
        """The node id for a source id ("Bad input" in docs/decisions.md).

        A service keeps the source's own id, UUID or not: it is what connectors and the
        contract see (`assetsNear` node ids, `--prefix` data sets). Other kinds' non-UUID ids
        (often small integers repeated across tables) are minted as uuid5(source, kind, id)
        when ``mint_ids`` is on, so "location 1" never collides with "service 1". The UUID
        that ORUK output needs is always in ``oruk_id``.
        """
        if kind == "service" or not self.mint_ids:
            return raw
        return stable_id(self.source, kind, raw)  # a UUID stays as spelled

    def walk(self, entity: HsdsEntity, path: str, rows: RecordRows, under: str | None) -> str:
        model = type(entity)
        node_id = self.node_id(model.kind, entity.id)
        props = self.props(entity, path, rows)
        known = rows.nodes.get(node_id)
        if known is not None and known[0] != model.label:
            raise RecordRejected(
                f"{path}.id", f"id {entity.id!r} is used for both a {known[0]} and a {model.label}"
            )
        if known is not None:
            props = {**known[1], **props}
        rows.nodes[node_id] = (model.label, props)
        self.children(entity, node_id, path, rows, under)
        self.references(entity, node_id, path, rows, under)
        return node_id

    def props(self, entity: HsdsEntity, path: str, rows: RecordRows) -> dict[str, Any]:
        model = type(entity)
        props: dict[str, Any] = {
            "source": self.source,
            "source_id": entity.id,
            "oruk_id": stable_id(self.source, model.kind, entity.id),
        }
        unserved: dict[str, Any] = {}
        for key in model.scalar_fields():
            value = getattr(entity, key)
            if key == "id" or value is None:
                continue
            where = f"{path}.{key}"
            if key in ("minimum_age", "maximum_age") and value < 0:
                rows.warnings.append((where, f"age {value} means not set: stored as not set"))
                continue
            if key in REF_KINDS and not is_uuid(value):
                self.minted = True
                value = stable_id(self.source, REF_KINDS[key], value)
            elif key in model.datetime_fields:
                fixed, warning = _normalise_datetime(value)
                if warning:
                    rows.warnings.append((where, warning))
                if fixed is None:
                    unserved[key] = value
                    continue
                value = fixed
            elif key in model.uri_fields and not _valid_uri(value):
                if _DOMAIN.match(value.strip()) and _valid_uri("http://" + value.strip()):
                    rows.warnings.append((where, f"{value!r} has no scheme: stored as http://"))
                    value = "http://" + value.strip()
                else:
                    rows.warnings.append((where, f"{value!r} is not a URI: kept, not served"))
                    unserved[key] = value
                    continue
            elif key in model.email_fields and "@" not in value:
                rows.warnings.append((where, f"{value!r} is not an email: kept, not served"))
                unserved[key] = value
                continue
            elif key == "description" and _HTML.search(value):
                rows.warnings.append((where, "contains HTML: kept as text"))
            props[model.renamed.get(key, key)] = value
        if isinstance(entity, Service):
            if entity.status is None:
                rows.warnings.append((f"{path}.status", "no status: stored as active"))
                props["status"] = "active"
            if entity.assured_date:
                verified, _ = _normalise_datetime(entity.assured_date)
                props["last_verified"] = verified
        if isinstance(entity, Location) and (entity.latitude is None) != (entity.longitude is None):
            rows.warnings.append((path, "only one of latitude and longitude: not on the map"))
        if entity.model_extra:
            props["extra_json"] = json.dumps(entity.model_extra, sort_keys=True, ensure_ascii=False)
        if unserved:
            props["unserved_json"] = json.dumps(unserved, sort_keys=True, ensure_ascii=False)
        empty = [k for k, c in model.children.items() if c.many and getattr(entity, k) == []]
        if empty:
            props["empty_lists"] = empty
        return props

    def children(
        self, entity: HsdsEntity, node_id: str, path: str, rows: RecordRows, under: str | None
    ) -> None:
        model = type(entity)
        for key, child in model.children.items():
            value = getattr(entity, key)
            if value is None:
                continue
            items: list[HsdsEntity] = value if isinstance(value, list) else [value]
            listed: list[str] = []
            for ordinal, item in enumerate(items):
                where = f"{path}.{key}[{ordinal}]" if child.many else f"{path}.{key}"
                child_id = self.walk(item, where, rows, node_id)
                listed.append(child_id)
                edge = (
                    (node_id, child.rel, child_id)
                    if child.outgoing
                    else (
                        child_id,
                        child.rel,
                        node_id,
                    )
                )
                rows.edges[edge] = ordinal
            rows.owned[(node_id, child.rel, child.outgoing)] = listed
            if key == "attributes" and isinstance(entity, Service):
                self.categorise(entity, node_id, rows)

    def categorise(self, service: Service, node_id: str, rows: RecordRows) -> None:
        """``(service)-[:CATEGORISED_AS]->(term)`` for each attribute's taxonomy term."""
        terms: list[str] = []
        for attribute in service.attributes or ():
            if attribute.taxonomy_term is not None:
                terms.append(self.node_id("taxonomy_term", attribute.taxonomy_term.id))
            elif attribute.taxonomy_term_id:
                terms.append(self.ref_node("taxonomy_term", attribute.taxonomy_term_id))
        for ordinal, term in enumerate(terms):
            rows.edges.setdefault((node_id, "CATEGORISED_AS", term), ordinal)
        rows.owned[(node_id, "CATEGORISED_AS", True)] = terms

    def ref_node(self, kind: str, raw: str) -> str:
        """The node id a ``*_id`` reference points at: the same rule as the node's own id."""
        return self._graph_id(kind, raw)

    def references(
        self, entity: HsdsEntity, node_id: str, path: str, rows: RecordRows, under: str | None
    ) -> None:
        """Links named only by ``*_id`` fields, to records stored already (matched, not made).

        Each is listed in ``rows.references`` too, so the writer can say when the record it
        names is not in the graph (the link is then not made).
        """
        ref = getattr  # the fields exist on the kinds that are tested for
        links: list[tuple[str, str, str, bool]] = []
        kind = type(entity).kind
        if kind == "service" and ref(entity, "organization") is None:
            links.append(("organization_id", "organization", "PROVIDES", False))
        if kind == "service" and ref(entity, "program") is None:
            links.append(("program_id", "program", "IN_PROGRAM", True))
        if kind == "service_at_location":
            if ref(entity, "service") is None:
                links.append(("service_id", "service", "OF_SERVICE", True))
            if ref(entity, "location") is None:
                links.append(("location_id", "location", "AT_LOCATION", True))
        if kind == "taxonomy_term":
            links.append(("parent_id", "taxonomy_term", "BROADER", True))
            if ref(entity, "taxonomy_detail") is None:
                links.append(("taxonomy_id", "taxonomy", "IN_TAXONOMY", True))
        if kind == "attribute" and ref(entity, "taxonomy_term") is None:
            links.append(("taxonomy_term_id", "taxonomy_term", "OF_TERM", True))
        for key, target_kind, rel, outgoing in links:
            raw: str | None = ref(entity, key)
            if not raw or (under is not None and self.ref_node(target_kind, raw) == under):
                continue
            other = self.ref_node(target_kind, raw)
            edge = (node_id, rel, other) if outgoing else (other, rel, node_id)
            rows.edges.setdefault(edge, 0)
            rows.references.append(Reference(f"{path}.{key}", other, target_kind, raw))


def record_rows(entity: HsdsEntity, *, source: str, mint_ids: bool = True) -> RecordRows:
    """Flatten one validated record; raises :class:`RecordRejected` for an id used twice.

    With ``mint_ids`` (the default for feeds) a source id that is not a UUID is replaced by
    its uuid5 (see :mod:`graph.oruk.ids`) and kept as ``source_id``; without it the source id
    stays the node id (callers that make globally unique ids, such as the open-data loaders)
    and only ``oruk_id`` holds the UUID.
    """
    walker = _Walker(source, mint_ids)
    model = type(entity)
    rows = RecordRows(root_id="", root_label=model.label)
    rows.root_id = walker.walk(entity, model.kind, rows, None)
    if walker.minted:
        rows.warnings.append(
            ("id", "ids that are not UUIDs: kept as source_id, UUIDs minted (uuid5 of source, id)")
        )
    # The rows are a pure function of (input, source, mint_ids, mapping version): hashing the
    # validated input is equivalent and cheaper than hashing the rows.
    digest = hashlib.blake2b(digest_size=16)
    digest.update(f"{MAPPING_VERSION}\x1f{source}\x1f{mint_ids}\x1f".encode())
    digest.update(entity.model_dump_json(exclude_none=False).encode())
    rows.content_hash = digest.hexdigest()
    return rows
