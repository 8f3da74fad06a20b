"""Pure graph analytics for issue 5: gaps, duplications and bottlenecks.

Everything here takes in-memory networkx graphs (or plain records) and returns plain,
JSON-serialisable values; nothing imports the database layer. networkx is the reference
implementation; igraph runs the heavy parts (betweenness, max-flow) behind the same
functions, proven equal in the tests.
"""

from .betweenness import betweenness, brokers
from .brokerage import brokerage_roles, top_brokerage
from .coverage import DemandPoint, SupplyPoint, e2sfca
from .cuts import articulation_points, bridges, group_cut, group_cuts
from .duplicates import Listing, duplicate_groups, pair_confidence
from .holes import constraint, effective_size, structural_holes
from .load import gini, referral_load
from .mixing import SEED_PAIRS, ei_index, expected_ties, group_gaps, mixing_matrix
from .names import normalise_name
from .overlaps import ServiceOffer, overlapping_services
from .report import bottlenecks_report, duplicates_report, gaps_report, subgraph_by_prefix
from .teams import NEED_ROLES, team_gaps

__all__ = [
    "NEED_ROLES",
    "SEED_PAIRS",
    "DemandPoint",
    "Listing",
    "ServiceOffer",
    "SupplyPoint",
    "articulation_points",
    "betweenness",
    "bottlenecks_report",
    "bridges",
    "brokerage_roles",
    "brokers",
    "constraint",
    "duplicate_groups",
    "duplicates_report",
    "e2sfca",
    "effective_size",
    "ei_index",
    "expected_ties",
    "gaps_report",
    "gini",
    "group_cut",
    "group_cuts",
    "group_gaps",
    "mixing_matrix",
    "normalise_name",
    "overlapping_services",
    "pair_confidence",
    "referral_load",
    "structural_holes",
    "subgraph_by_prefix",
    "team_gaps",
    "top_brokerage",
]
