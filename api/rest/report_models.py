"""The analytics reports as ``GET /api/analyse/…`` serves them: one pydantic model per shape.

The reports are built as plain dicts by :mod:`queries.analytics.report` (and completed by
:mod:`graph.repositories.analytics`); these models declare exactly those keys, in the order
the dicts hold them, so the served JSON is unchanged while the OpenAPI document (and the
web UI's generated types, ``frontend/src/api/generated/rest.ts``) says what each report holds.
Every model forbids keys it does not declare: a key added to a report but not here fails
the request (and ``tests/api/test_analyse_response_models.py``) instead of being dropped
silently. docs/contract.md describes the public part of these shapes.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field

__all__ = [
    "BottlenecksReport",
    "DuplicatesReport",
    "GapsReport",
]

#: Two ends of a tie, or the two groups of a pair.
Pair = tuple[str, str]

#: Every report's names of the ids it lists; ``names_cy`` is each report's last key.
Names = Annotated[dict[str, str], Field(description="id → name for every id the report lists")]
NamesCy = Annotated[
    dict[str, str],
    Field(default_factory=dict, description="id → Welsh name, for the ids that have one"),
]


class _Shape(BaseModel):
    """A report part: exactly the declared keys."""

    model_config = ConfigDict(extra="forbid")


class ScopeOut(_Shape):
    """The part of the graph a report was limited to (``scope=``)."""

    id: str
    kind: str = Field(description="area, organisation, team or profession")
    name: str
    nodes: int = Field(description="nodes inside the scope")


# --- bottlenecks -------------------------------------------------------------------------


class Broker(_Shape):
    """A node by betweenness, with its Gould–Fernandez brokerage roles."""

    id: str
    name: str
    kind: str
    tribe: str | None
    betweenness: float = Field(description="normalised as networkx normalises it")
    roles: dict[str, int] = Field(
        description="coordinator, itinerant, representative, gatekeeper, liaison and total "
        "(empty for a node with no group)"
    )


class BottlenecksTotals(_Shape):
    """True counts, never capped by ``top``."""

    articulation_points: int
    bridges: int
    bridges_between_groups: int
    bridges_to_single_tie: int
    people: int
    nodes: int


class GroupCut(_Shape):
    """The fewest nodes whose removal separates two groups."""

    groups: Pair
    cut: list[str]


class BrokerageRow(_Shape):
    """A node's Gould–Fernandez brokerage counts."""

    id: str
    name: str
    group: str
    coordinator: int
    itinerant: int
    representative: int
    gatekeeper: int
    liaison: int
    total: int


class BrokerageRoles(_Shape):
    """Gould–Fernandez counts summed over every node."""

    coordinator: int
    itinerant: int
    representative: int
    gatekeeper: int
    liaison: int


class Brokerage(_Shape):
    """The nodes brokering most, and the totals per role."""

    top: list[BrokerageRow]
    totals: BrokerageRoles


class ConstraintRow(_Shape):
    """Burt's constraint and effective size of a node (least constrained first)."""

    id: str
    name: str
    kind: str | None
    constraint: float
    effective_size: float


class BetweennessAssumptions(_Shape):
    """How betweenness was computed: exact, or from ``k`` sampled sources."""

    exact: bool
    k: int | None
    seed: int
    stratify: list[str] | None
    normalized: bool
    weight: str | None
    exact_max_nodes: int


class BottlenecksAssumptions(_Shape):
    """Everything needed to reproduce the bottlenecks report."""

    nodes: int
    edges: int
    directed: bool
    top: int | None
    group_attr: str
    betweenness: BetweennessAssumptions
    articulation_points_total: int
    bridges_total: int
    brokers_are: Literal["people", "all"]
    bridges_between_groups: str
    group_cut_pairs: str
    brokerage: str
    constraint_kinds: list[str]
    constraint_order: str
    prefix: str | None
    include_areas: bool
    scope: ScopeOut | None


class BottlenecksReport(_Shape):
    """Brokers, single points of failure (articulation points, bridges), group cuts,
    brokerage roles and constraint of the relationship graph."""

    brokers: list[Broker] = Field(description="people by betweenness, highest first")
    other_brokers: list[Broker] = Field(
        description="organisations, teams and services that lie between others"
    )
    articulation_points: list[str]
    bridges: list[Pair]
    bridges_between_groups: list[Pair]
    names: Names
    totals: BottlenecksTotals
    group_cuts: list[GroupCut]
    brokerage: Brokerage
    constraint: list[ConstraintRow]
    assumptions: BottlenecksAssumptions
    names_cy: NamesCy


# --- gaps ----------------------------------------------------------------------------------


class CoverageRow(_Shape):
    """An area and need with its E2SFCA score (services in reach per 1000 with the need)."""

    area: str
    need: str
    score: float


class AreaNeed(_Shape):
    """An area and a need with demand but no service in reach."""

    area: str
    need: str


class GapsTotals(_Shape):
    """True counts, never capped by ``top``."""

    area_needs: int
    area_needs_without_mapped_supply: int
    unreached: int
    needs_without_supply_data: int
    assumed_population: int


class GroupGap(_Shape):
    """Ties between two groups against the number expected by chance."""

    groups: Pair
    ties: int
    expected: float


class EiIndex(_Shape):
    """Krackhardt's E-I index, overall and per group (null where a group has no ties)."""

    overall: float | None
    groups: dict[str, float | None]


class TeamGap(_Shape):
    """A team missing roles its area's needs call for, and who it could call on."""

    team: str
    area: str | None
    needs: list[str]
    missing_roles: list[str]
    on_pull: dict[str, list[str]] = Field(
        description="missing role → ids of people with that role tied to a member"
    )


class GapsAssumptions(_Shape):
    """Everything needed to reproduce the gaps report."""

    top: int | None
    coverage_method: str
    radius_km: float
    decay: str
    score_unit: str
    demand_points: str
    no_supply_data: str
    no_data_km: float
    without_mapped_supply: str
    group_attr: str
    expected_ties: str
    seed_pairs: list[Pair]
    need_roles: dict[str, list[str]]
    prefix: str | None
    scope: ScopeOut | None
    demand_rows: int
    supply_rows: int


class GapsReport(_Shape):
    """Coverage against need per area, missing ties between groups, the E-I index and the
    roles teams lack."""

    coverage: list[CoverageRow] = Field(description="worst first")
    unreached: list[AreaNeed]
    no_supply_data: list[str] = Field(
        description="needs no mapped service addresses: left out of the scores"
    )
    names: Names
    totals: GapsTotals
    group_gaps: list[GroupGap]
    ei_index: EiIndex
    team_gaps: list[TeamGap]
    assumptions: GapsAssumptions
    names_cy: NamesCy


# --- duplicates ----------------------------------------------------------------------------


class DuplicateGroup(_Shape):
    """Listings that look like one service; ``confidence`` runs from 0 to 1."""

    ids: list[str]
    confidence: float


class Overlap(_Shape):
    """Services of different providers meeting the same need in the same area for the same
    people at the same time."""

    need: str
    area: str
    service_ids: list[str]


class DuplicatesTotals(_Shape):
    """True counts, never capped by ``top``."""

    listings: int
    overlaps: int


class DuplicatesAssumptions(_Shape):
    """Everything needed to reproduce the duplicates report."""

    top: int | None
    threshold: float
    near_km: float
    far_km: float
    block_km: float
    group_confidence: str
    overlap: str
    unknown_days: str
    prefix: str | None
    scope: ScopeOut | None
    listings: int
    services: int


class DuplicatesReport(_Shape):
    """Duplicate listings and overlapping services."""

    listings: list[DuplicateGroup]
    overlaps: list[Overlap]
    names: Names
    totals: DuplicatesTotals
    assumptions: DuplicatesAssumptions
    names_cy: NamesCy
