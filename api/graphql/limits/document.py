"""The size of a parsed GraphQL document as it would execute, measured in linear time.

graphql-core's validation rules (and Strawberry's old depth and alias rules) walk a document
with every fragment spread expanded in place. Thirty fragments that each spread the previous
one twice are 1.2 KB of text and 2^30 fields when expanded: validating them held the API at
100 % CPU for 39 minutes. :func:`measure` gets the same figures without expanding anything:
each fragment is measured once, after the fragments it spreads (a topological order found
with Kahn's algorithm, which also finds spreads that form a cycle), and its figures are
reused at every spread. Arithmetic stops at :data:`CAP`, so 2^30 is simply "too many".

The figures, per operation and per fragment, after expansion:

* **fields** selected (a spread counts the fragment's fields again);
* **depth**: levels of fields, the root field being level 1; introspection fields
  (``__schema``, ``__type``) and what they select do not count, as GraphiQL's own
  introspection query is 13 levels deep; **levels** counts them too, with a higher bound;
* **aliases**;
* **repeats**: fields under one response name in one merged selection set (validation
  compares each pair of them, so their number counts squared);
* **cost** of the operation that runs: each field costs 1 plus its page size times the cost
  of what it selects, where the page size is ``first`` (a literal, or the request's variable,
  or the variable's default) or, when absent, the field's default ``first`` in the schema;
  a field without ``first`` counts once. ``assetsNear(first: 20) { edges { node { id } } }``
  costs 1 + 20 × (1 + (1 + 1)) = 61: about how many values the answer holds.

Also checked: directives on any one node, the number of operations, and which operation runs
(the GraphQL specification, §6.1 "Executing Requests": with several operations,
``operationName`` is required and must name one of them).
"""

from __future__ import annotations

from collections import deque
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from graphql import (
    DocumentNode,
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    GraphQLArgument,
    GraphQLObjectType,
    GraphQLSchema,
    InlineFragmentNode,
    IntValueNode,
    OperationDefinitionNode,
    SelectionSetNode,
    VariableNode,
)

__all__ = [
    "CAP",
    "DEFAULT_PAGE",
    "MAX_ALIASES",
    "MAX_COST",
    "MAX_DEPTH",
    "MAX_DIRECTIVES",
    "MAX_FIELDS",
    "MAX_LEVELS",
    "MAX_OPERATIONS",
    "MAX_REPEATS",
    "DocumentFigures",
    "DocumentRefused",
    "SchemaFacts",
    "measure",
]

#: Fields after fragment expansion, per operation or fragment (the UI's largest has 57).
MAX_FIELDS = 1_000
#: Levels of fields after expansion, introspection left out (the UI's deepest has 5).
MAX_DEPTH = 10
#: Levels of fields after expansion, introspection included (GraphiQL's query has 13).
MAX_LEVELS = 20
#: Aliased fields after expansion, per operation or fragment.
MAX_ALIASES = 15
#: Fields under one response name in one selection set after expansion (a union's
#: ``... on A { message } ... on B { message }`` repeats ``message`` once per member).
MAX_REPEATS = 20
#: Directives on one field, fragment spread, inline fragment or definition.
MAX_DIRECTIVES = 5
#: Operations in one document (only one runs; all are validated).
MAX_OPERATIONS = 10
#: The cost (see the module docstring) of the operation that runs: a full map page of
#: ``assetsNear(first: 100)`` with every field the UI asks for costs about 1,700.
MAX_COST = 5_000
#: The page size of a field whose ``first`` has no default in the schema.
DEFAULT_PAGE = 20
#: Figures stop growing here: far above every limit, and small enough to stay cheap.
CAP = 1_000_000_000_000


class DocumentRefused(Exception):
    """A document the API will not run. The message names the limit and the figure."""

    def __init__(
        self,
        message: str,
        *,
        code: str = "QUERY_TOO_COMPLEX",
        limit: str | None = None,
        measured: int | None = None,
        maximum: int | None = None,
    ) -> None:
        super().__init__(message)
        self.code = code
        self.limit = limit
        self.measured = measured
        self.maximum = maximum

    @property
    def extensions(self) -> dict[str, Any]:
        """What the GraphQL error carries: the code, and for a limit its name and figures."""
        extensions: dict[str, Any] = {"code": self.code}
        if self.limit is not None:
            extensions |= {"limit": self.limit, "measured": self.measured, "maximum": self.maximum}
        return extensions


@dataclass(frozen=True)
class SchemaFacts:
    """What the measure needs from the schema: root type names and default page sizes."""

    #: ``"query"`` → ``"Query"``, ``"mutation"`` → ``"Mutation"``
    root_types: Mapping[str, str]
    #: (type, field) → the field's default ``first``, for every field that takes ``first``
    page_defaults: Mapping[tuple[str, str], int]

    @classmethod
    def of(cls, schema: GraphQLSchema) -> SchemaFacts:
        roots = {"query": schema.query_type, "mutation": schema.mutation_type}
        defaults: dict[tuple[str, str], int] = {}
        for type_ in schema.type_map.values():
            if not isinstance(type_, GraphQLObjectType) or type_.name.startswith("__"):
                continue
            for name, field_ in type_.fields.items():
                first = field_.args.get("first")
                if first is not None:
                    defaults[(type_.name, name)] = _default_page(first)
        return cls(
            root_types={op: t.name for op, t in roots.items() if t is not None},
            page_defaults=defaults,
        )


def _default_page(argument: GraphQLArgument) -> int:
    """The default of a ``first`` argument, whether kept as a value or as a literal."""
    default = argument.default
    value: object = None
    if default is not None:
        value = default.value
        if isinstance(default.literal, IntValueNode):
            value = int(default.literal.value)
    return value if isinstance(value, int) and value > 0 else DEFAULT_PAGE


@dataclass(frozen=True)
class DocumentFigures:
    """The measured figures of the operation that runs."""

    fields: int
    depth: int
    levels: int
    aliases: int
    repeats: int
    cost: int


@dataclass(slots=True)
class _Size:
    """What a selection set amounts to once its fragments are expanded (figures capped)."""

    fields: int = 0
    depth: int = 0
    levels: int = 0
    aliases: int = 0
    cost: int = 0
    #: response name → fields under it at this level (merged across spreads)
    names: dict[str, int] = field(default_factory=dict)
    #: the most repeated response name anywhere below, and how often
    repeats: tuple[int, str] = (0, "")

    def absorb(self, other: _Size) -> None:
        """Add a sibling selection (a spread or inline fragment) to this one."""
        self.fields = min(self.fields + other.fields, CAP)
        self.depth = max(self.depth, other.depth)
        self.levels = max(self.levels, other.levels)
        self.aliases = min(self.aliases + other.aliases, CAP)
        self.cost = min(self.cost + other.cost, CAP)
        self.repeats = max(self.repeats, other.repeats)
        if self.fields <= MAX_FIELDS:  # beyond, the definition is refused anyway: skip the work
            for name, count in other.names.items():
                self.count(name, count)

    def count(self, name: str, times: int) -> None:
        total = min(self.names.get(name, 0) + times, CAP)
        self.names[name] = total
        self.repeats = max(self.repeats, (total, name))


def _check_directives(node: Any) -> None:
    directives = node.directives or ()
    if len(directives) > MAX_DIRECTIVES:
        where = f"'{node.name.value}'" if getattr(node, "name", None) else "one selection"
        raise DocumentRefused(
            f"{len(directives):,} directives on {where}; at most {MAX_DIRECTIVES} are allowed "
            "on one field, fragment or operation",
            limit="directives",
            measured=len(directives),
            maximum=MAX_DIRECTIVES,
        )


class _Measure:
    """Measures every definition of one document; fragments once each, in dependency order."""

    def __init__(
        self, facts: SchemaFacts, variables: Mapping[str, object], defaults: Mapping[str, object]
    ) -> None:
        self._facts = facts
        self._variables = variables
        self._variable_defaults = defaults
        self.fragments: dict[str, _Size] = {}

    def _page(self, node: FieldNode, parent: str | None) -> int:
        for argument in node.arguments or ():
            if argument.name.value != "first":
                continue
            value = argument.value
            if isinstance(value, IntValueNode):
                return min(max(int(value.value), 1), CAP)
            if isinstance(value, VariableNode):
                name = value.name.value
                given = self._variables.get(name, self._variable_defaults.get(name))
                if isinstance(given, int) and not isinstance(given, bool):
                    return min(max(given, 1), CAP)
            break  # null or a malformed value: validation names it; use the default
        if parent is None:
            return 1
        return self._facts.page_defaults.get((parent, node.name.value), 1)

    def selection_set(self, selection_set: SelectionSetNode, parent: str | None) -> _Size:
        """Figures of one selection set; ``parent`` is its type name when the text says it."""
        size = _Size()
        for selection in selection_set.selections:
            _check_directives(selection)
            if isinstance(selection, FieldNode):
                inner = (
                    self.selection_set(selection.selection_set, None)
                    if selection.selection_set
                    else _Size()
                )
                name = selection.name.value
                own = _Size(
                    fields=min(1 + inner.fields, CAP),
                    depth=0 if name.startswith("__") else min(1 + inner.depth, CAP),
                    levels=min(1 + inner.levels, CAP),
                    aliases=min(inner.aliases + (1 if selection.alias else 0), CAP),
                    cost=min(1 + self._page(selection, parent) * inner.cost, CAP),
                    repeats=inner.repeats,
                )
                size.absorb(own)
                size.count(selection.alias.value if selection.alias else name, 1)
            elif isinstance(selection, InlineFragmentNode):
                condition = selection.type_condition
                size.absorb(
                    self.selection_set(
                        selection.selection_set, condition.name.value if condition else parent
                    )
                )
            elif isinstance(selection, FragmentSpreadNode):
                # An unknown fragment measures as nothing: validation names it.
                size.absorb(self.fragments.get(selection.name.value, _Size()))
        return size


def _spreads(selection_set: SelectionSetNode, out: set[str]) -> set[str]:
    for selection in selection_set.selections:
        if isinstance(selection, FragmentSpreadNode):
            out.add(selection.name.value)
        elif isinstance(selection, FieldNode | InlineFragmentNode) and selection.selection_set:
            _spreads(selection.selection_set, out)
    return out


def _dependency_order(fragments: Mapping[str, FragmentDefinitionNode]) -> list[str]:
    """Fragments so that each comes after those it spreads; refuse spreads in a cycle.

    Kahn's algorithm, linear in fragments plus spreads (GraphQL specification §5.5.2.2:
    "Fragment spreads must not form cycles").
    """
    needs = {
        name: _spreads(f.selection_set, set()) & fragments.keys() for name, f in fragments.items()
    }
    users: dict[str, list[str]] = {name: [] for name in fragments}
    for name, needed in needs.items():
        for other in needed:
            users[other].append(name)
    waiting = {name: len(needed) for name, needed in needs.items()}
    ready = deque(name for name, count in waiting.items() if count == 0)
    order: list[str] = []
    while ready:
        name = ready.popleft()
        order.append(name)
        for user in users[name]:
            waiting[user] -= 1
            if waiting[user] == 0:
                ready.append(user)
    if len(order) < len(fragments):
        raise DocumentRefused(
            f"fragments spread each other in a cycle: {_a_cycle(needs, waiting)}; a fragment "
            "may not spread itself, directly or through other fragments",
            code="BAD_REQUEST",
        )
    return order


def _a_cycle(needs: Mapping[str, set[str]], waiting: Mapping[str, int]) -> str:
    """One cycle among the fragments Kahn's algorithm could not order, as ``A → B → A``."""
    stuck = {name for name, count in waiting.items() if count > 0}
    path: list[str] = []
    seen: dict[str, int] = {}
    name = min(stuck)
    while name not in seen:
        seen[name] = len(path)
        path.append(name)
        name = min(n for n in needs[name] if n in stuck)
    ring = [*path[seen[name] :], name]
    if len(ring) > 8:  # a long ring: its start, and how long it is
        return " → ".join([*ring[:6], f"… ({len(ring) - 1} fragments in all)"])
    return " → ".join(ring)


def _label(definition: OperationDefinitionNode | FragmentDefinitionNode) -> str:
    if isinstance(definition, FragmentDefinitionNode):
        return f"fragment '{definition.name.value}'"
    kind = definition.operation.value
    return f"{kind} '{definition.name.value}'" if definition.name else f"the anonymous {kind}"


def _check(size: _Size, what: str, *, fragment: bool = False) -> None:
    """Refuse ``size`` over a limit. A fragment's own depth is not held to :data:`MAX_DEPTH`:
    it counts where it is spread (GraphiQL's ``TypeRef`` is deep, but spread under
    ``__schema``), and every operation is checked with its spreads expanded."""
    limits = (
        ("aliases", size.aliases, MAX_ALIASES, "uses {} aliases once fragments are expanded"),
        ("fields", size.fields, MAX_FIELDS, "selects {} fields once fragments are expanded"),
        ("depth", size.depth, MAX_DEPTH, "nests fields {} levels deep"),
        ("levels", size.levels, MAX_LEVELS, "nests fields {} levels deep, introspection included"),
    )
    for limit, measured, maximum, wording in limits:
        if fragment and limit == "depth":
            continue
        if measured > maximum:
            shown = f"{measured:,}" if measured < CAP else f"more than {CAP:,}"
            raise DocumentRefused(
                f"query too complex: {what} {wording.format(shown)}; at most {maximum:,} "
                "are allowed",
                limit=limit,
                measured=measured,
                maximum=maximum,
            )
    count, name = size.repeats
    if count > MAX_REPEATS:
        shown = f"{count:,}" if count < CAP else f"more than {CAP:,}"
        raise DocumentRefused(
            f"query too complex: {what} selects '{name}' {shown} times in one selection set "
            f"once fragments are expanded; at most {MAX_REPEATS} are allowed",
            limit="repeats",
            measured=count,
            maximum=MAX_REPEATS,
        )


def _select(
    operations: list[OperationDefinitionNode], operation_name: object
) -> OperationDefinitionNode:
    if not operations:
        raise DocumentRefused(
            "the document holds no operation to run (a query or mutation)", code="BAD_REQUEST"
        )
    if len(operations) > MAX_OPERATIONS:
        raise DocumentRefused(
            f"query too complex: the document holds {len(operations):,} operations; at most "
            f"{MAX_OPERATIONS} are allowed",
            limit="operations",
            measured=len(operations),
            maximum=MAX_OPERATIONS,
        )
    if operation_name is None:
        if len(operations) == 1:
            return operations[0]
        names = ", ".join(o.name.value if o.name else "(anonymous)" for o in operations)
        raise DocumentRefused(
            f"operationName is required: the document holds {len(operations)} operations "
            f"({names}); say which one to run",
            code="BAD_REQUEST",
        )
    if not isinstance(operation_name, str):
        raise DocumentRefused("operationName must be a string", code="BAD_REQUEST")
    for operation in operations:
        if operation.name is not None and operation.name.value == operation_name:
            return operation
    raise DocumentRefused(
        f"operationName {operation_name!r} names no operation in the document",
        code="BAD_REQUEST",
    )


def _variable_defaults(operation: OperationDefinitionNode) -> dict[str, object]:
    defaults: dict[str, object] = {}
    for definition in operation.variable_definitions or ():
        _check_directives(definition)
        if isinstance(definition.default_value, IntValueNode):
            defaults[definition.variable.name.value] = int(definition.default_value.value)
    return defaults


def measure(
    document: DocumentNode,
    facts: SchemaFacts,
    operation_name: object = None,
    variables: Mapping[str, object] | None = None,
) -> DocumentFigures:
    """Figures of the operation that would run; :class:`DocumentRefused` over any limit.

    Every operation and fragment is held to the size limits, not only the one that runs,
    because validation walks them all; the cost is the running operation's.
    """
    operations: list[OperationDefinitionNode] = []
    fragments: dict[str, FragmentDefinitionNode] = {}
    for definition in document.definitions:
        if isinstance(definition, OperationDefinitionNode):
            operations.append(definition)
        elif isinstance(definition, FragmentDefinitionNode):
            name = definition.name.value
            if name in fragments:
                raise DocumentRefused(
                    f"fragment '{name}' is defined twice; fragment names must be unique",
                    code="BAD_REQUEST",
                )
            fragments[name] = definition
    selected = _select(operations, operation_name)
    measurer = _Measure(facts, variables or {}, _variable_defaults(selected))
    definitions: list[tuple[OperationDefinitionNode | FragmentDefinitionNode, _Size]] = []
    for name in _dependency_order(fragments):
        fragment = fragments[name]
        _check_directives(fragment)
        size = measurer.selection_set(fragment.selection_set, fragment.type_condition.name.value)
        measurer.fragments[name] = size
        definitions.append((fragment, size))
    figures: _Size | None = None
    for operation in operations:
        _check_directives(operation)
        root = facts.root_types.get(operation.operation.value)
        size = measurer.selection_set(operation.selection_set, root)
        if operation is selected:
            figures = size
        definitions.append((operation, size))
    # The operation that runs first, so its own figures are what a refusal names.
    for definition, size in sorted(definitions, key=lambda pair: pair[0] is not selected):
        _check(size, _label(definition), fragment=isinstance(definition, FragmentDefinitionNode))
    assert figures is not None
    if figures.cost > MAX_COST:
        shown = f"{figures.cost:,}" if figures.cost < CAP else f"more than {CAP:,}"
        raise DocumentRefused(
            f"query too costly: {_label(selected)} would return about {shown} values (each "
            f"field once per item of every page it is in); at most {MAX_COST:,} are allowed: "
            "ask for fewer items (first) or fewer fields",
            limit="cost",
            measured=figures.cost,
            maximum=MAX_COST,
        )
    return DocumentFigures(
        fields=figures.fields,
        depth=figures.depth,
        levels=figures.levels,
        aliases=figures.aliases,
        repeats=figures.repeats[0],
        cost=figures.cost,
    )
