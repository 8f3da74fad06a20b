"""Duplicate listings: blocked candidate pairs, scored 0..1, grouped into components.

Name similarity uses `rapidfuzz <https://github.com/rapidfuzz/RapidFuzz>`_ (MIT, C++ core,
actively maintained): ``fuzz.token_sort_ratio`` for the whole name and the optimal string
alignment distance for token-by-token matching.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

import networkx as nx
from rapidfuzz import fuzz
from rapidfuzz.distance import OSA

from ._common import cap
from .geo import haversine_km, pairs_within_km
from .names import GENERIC_DOMAINS, name_tokens, phone_key, web_domain

__all__ = [
    "DEFAULT_THRESHOLD",
    "Listing",
    "candidate_pairs",
    "duplicate_groups",
    "name_similarity",
    "pair_confidence",
    "scored_pairs",
]

#: Pairs scoring at least this are duplicates.
DEFAULT_THRESHOLD = 0.8
#: Listings closer than this are "at the same place" (km).
NEAR_KM = 0.1
#: Listings further apart than this are different places, whatever their names (km).
FAR_KM = 1.0
#: Listings this close are always compared, whatever their names (km).
BLOCK_KM = 0.25
#: Name blocks larger than this are skipped (the token is too common to block on).
MAX_BLOCK = 100


@dataclass(frozen=True)
class Listing:
    """One directory listing (a service at a location, or an organisation)."""

    id: str
    name: str
    latitude: float | None = None
    longitude: float | None = None
    phone: str | None = None
    email: str | None = None
    website: str | None = None
    #: the place's postcode: two listings at different postcodes are different places
    postcode: str | None = None


def _listing(x: Listing | Mapping[str, Any]) -> Listing:
    if isinstance(x, Listing):
        return x

    def num(key: str) -> float | None:
        value = x.get(key)
        return None if value is None else float(value)

    def text(key: str) -> str | None:
        value = x.get(key)
        return None if value is None else str(value)

    return Listing(
        id=str(x["id"]),
        name=str(x["name"]),
        latitude=num("latitude"),
        longitude=num("longitude"),
        phone=text("phone"),
        email=text("email"),
        website=text("website"),
        postcode=text("postcode"),
    )


@dataclass(frozen=True)
class _Prepared:
    listing: Listing
    tokens: tuple[str, ...]
    sorted_name: str
    joined: str
    phone: str | None
    email: str | None
    domains: frozenset[str]


def _prepare(x: Listing) -> _Prepared:
    tokens = tuple(name_tokens(x.name))
    domains = {web_domain(x.website), web_domain(x.email)} - {None}
    return _Prepared(
        listing=x,
        tokens=tokens,
        sorted_name=" ".join(sorted(tokens)),
        joined="".join(tokens),
        phone=phone_key(x.phone),
        email=x.email.strip().lower() if x.email else None,
        domains=frozenset(d for d in domains if d is not None and d not in GENERIC_DOMAINS),
    )


def _token_matches(a: str, b: str) -> bool:
    """The same word, or a typo of it. Numbers must match exactly and a short word only up to
    a swapped or an extra letter ("Fodo", "Knitt"), never a different letter: "Practice 1" is
    not "Practice 2", "East" is not "West" (both pairs were flagged as duplicates on the
    shipped data before)."""
    if a == b:
        return True
    if any(c.isdigit() for c in a + b):
        return False
    if min(len(a), len(b)) <= 4:  # a doubled or swapped letter, never a different one
        short, long_ = sorted((a, b), key=len)
        if len(long_) - len(short) == 1:
            return any(long_[:i] + long_[i + 1 :] == short for i in range(len(long_)))
        return sorted(a) == sorted(b)
    return OSA.distance(a, b) <= max(1, min(len(a), len(b)) // 4)


def name_similarity(a: Iterable[str], b: Iterable[str], *, cutoff: float = 0.0) -> float:
    """Similarity (0..1) of two token lists from :func:`queries.analytics.names.name_tokens`.

    The token-sorted ratio (order-free, typo-tolerant) is multiplied by 0.75 for each token
    of either name that matches no token of the other (optimal string alignment distance
    above a quarter of its length): a typo keeps two names close, a different word ("Lunch
    Club" vs "Day Club") does not. Names equal once spaces are removed ("Food Bank" vs
    "Foodbank") score as the spaceless names do. Below ``cutoff`` the plain ratio is returned
    (an upper bound), skipping the token matching.
    """
    ta, tb = list(a), list(b)
    if not ta or not tb:
        return 0.0
    ratio = fuzz.token_sort_ratio(" ".join(ta), " ".join(tb)) / 100.0
    # Compounds: "Stretford Food Bank" and "STRETFORD FOODBANK" are one name.
    joined = max(
        fuzz.ratio("".join(sorted(ta)), "".join(sorted(tb))), fuzz.ratio("".join(ta), "".join(tb))
    )
    if joined >= 98:  # equal but for spaces (long names differing by a word stay apart)
        return max(ratio, joined / 100.0)
    if ratio < cutoff:
        return float(ratio)
    unmatched = sum(1 for t in ta if not any(_token_matches(t, u) for u in tb))
    unmatched += sum(1 for u in tb if not any(_token_matches(u, t) for t in ta))
    return float(ratio * 0.75**unmatched)


def _postcode(value: str | None) -> str | None:
    return "".join(value.split()).upper() if value else None


def _distance_km(a: Listing, b: Listing) -> float | None:
    if a.latitude is None or a.longitude is None or b.latitude is None or b.longitude is None:
        return None
    return float(haversine_km(a.latitude, a.longitude, b.latitude, b.longitude))


def _pair_confidence(a: _Prepared, b: _Prepared, cutoff: float = 0.0) -> float:
    s = name_similarity(a.tokens, b.tokens, cutoff=cutoff)
    if s < cutoff:
        return s * 0.5
    if s < 0.5:
        return s * 0.5
    contact = 0.0
    if (a.phone and a.phone == b.phone) or (a.email and a.email == b.email):
        contact = 1.0
    elif a.domains & b.domains:
        contact = 0.6
    d = _distance_km(a.listing, b.listing)
    if d is not None and d > FAR_KM:
        return s * 0.4
    pa, pb = _postcode(a.listing.postcode), _postcode(b.listing.postcode)
    if pa and pb and pa != pb and (d is None or d > NEAR_KM):  # within NEAR_KM: a typo
        # Different addresses are different places, whatever contact they share: two
        # branches of one chain ("Trussell Trust", "Well"), or a charity's registered office
        # and the food bank it runs elsewhere (one e-mail, two sites to visit).
        return s * 0.7
    if d is None:
        return s * (0.6 + 0.4 * contact)
    place = 1.0 if d <= NEAR_KM else (FAR_KM - d) / (FAR_KM - NEAR_KM)
    return s * (0.7 + 0.3 * max(place, contact))


def pair_confidence(a: Listing | Mapping[str, Any], b: Listing | Mapping[str, Any]) -> float:
    """Confidence (0..1) that two listings describe the same thing.

    Parameters
    ----------
    a, b : Listing or mapping with its fields

    Returns
    -------
    float
        ``s·f`` with ``s`` the :func:`name_similarity` and ``f`` the support of place and
        contact: ``0.7 + 0.3·max(place, contact)`` when both are located within
        ``FAR_KM`` (place 1 within ``NEAR_KM``, falling linearly to 0 at ``FAR_KM``), 0.4
        when further apart (a branch of a chain, not a duplicate), 0.7 when both have
        postcodes, they differ and the places are more than ``NEAR_KM`` apart or cannot be
        measured (different addresses, whatever contact they share; nearer, a postcode typo
        is likelier), ``0.6 + 0.4·contact`` when a location is missing. ``contact`` is 1 for
        the same phone (national number, formatting ignored) or e-mail, 0.6 for the same
        non-generic web or mail domain.
        Names less than half similar give ``s/2``.
    """
    return float(_pair_confidence(_prepare(_listing(a)), _prepare(_listing(b))))


def candidate_pairs(items: list[_Prepared]) -> set[tuple[int, int]]:
    """Index pairs worth scoring (blocking), never all n² pairs.

    Blocks: same phone; same e-mail; same sorted name; each of a listing's two rarest name
    tokens, and their first four letters (blocks over ``MAX_BLOCK`` skipped); and every
    pair within ``BLOCK_KM`` of each other (KD-tree).
    """
    blocks: dict[tuple[str, str], list[int]] = defaultdict(list)
    df = Counter(t for p in items for t in set(p.tokens))
    for i, p in enumerate(items):
        if p.phone:
            blocks[("phone", p.phone)].append(i)
        if p.email:
            blocks[("email", p.email)].append(i)
        if p.sorted_name:
            blocks[("name", p.sorted_name)].append(i)
        for t in sorted(set(p.tokens), key=lambda t: (df[t], t))[:2]:
            blocks[("token", t)].append(i)
            if len(t) >= 5:
                blocks[("prefix", t[:4])].append(i)
    pairs: set[tuple[int, int]] = set()
    for members in blocks.values():
        if 1 < len(members) <= MAX_BLOCK:
            for x in range(len(members)):
                for y in range(x + 1, len(members)):
                    i, j = members[x], members[y]
                    if i != j:  # two tokens of one name can share a prefix block
                        pairs.add((i, j) if i < j else (j, i))
    located: list[int] = []
    lat: list[float] = []
    lon: list[float] = []
    for i, p in enumerate(items):
        if p.listing.latitude is not None and p.listing.longitude is not None:
            located.append(i)
            lat.append(p.listing.latitude)
            lon.append(p.listing.longitude)
    if located:
        ii, jj, _ = pairs_within_km(lat, lon, lat, lon, BLOCK_KM)
        for a, b in zip(ii.tolist(), jj.tolist(), strict=True):
            if a < b:
                pairs.add((located[a], located[b]))
    return pairs


def scored_pairs(
    listings: Iterable[Listing | Mapping[str, Any]], *, threshold: float = DEFAULT_THRESHOLD
) -> list[tuple[str, str, float]]:
    """Candidate pairs scoring at least ``threshold``: ``(id_a, id_b, confidence)`` sorted.

    A listing read twice (a service at two places is one row per place) is one listing: it
    is never its own duplicate.
    """
    seen: dict[str, Listing] = {}
    for x in listings:
        listing = _listing(x)
        seen.setdefault(listing.id, listing)
    items = [_prepare(listing) for listing in seen.values()]
    out = []
    for i, j in candidate_pairs(items):
        c = _pair_confidence(items[i], items[j], threshold)
        if c >= threshold:
            a, b = sorted((items[i].listing.id, items[j].listing.id))
            out.append((a, b, c))
    out.sort()
    return out


def duplicate_groups(
    listings: Iterable[Listing | Mapping[str, Any]],
    *,
    threshold: float = DEFAULT_THRESHOLD,
    top: int | None = None,
) -> list[dict[str, Any]]:
    """Groups of listings that are probably the same thing.

    Parameters
    ----------
    listings : iterable of Listing (or mappings with its fields)
    threshold : float, default 0.8
        Minimum :func:`pair_confidence` of a link.
    top : int or None

    Returns
    -------
    list of dict
        ``{"ids": [sorted ids], "confidence": float}`` per connected component of links;
        the confidence is the weakest link of the component's maximum spanning tree.
        Ordered by confidence descending, then ids.

    Notes
    -----
    Blocking (:func:`candidate_pairs`) keeps the work near O(n log n + P) for P candidate
    pairs instead of O(n²); each pair costs a few rapidfuzz calls.

    References
    ----------
    .. [1] P. Christen, *Data Matching*, Springer, 2012 (blocking, ch. 4).
    """
    H: nx.Graph = nx.Graph()
    for a, b, c in scored_pairs(listings, threshold=threshold):
        H.add_edge(a, b, weight=c)
    found: list[tuple[float, list[str]]] = []
    for comp in nx.connected_components(H):
        tree = nx.maximum_spanning_tree(H.subgraph(comp))
        weakest = min(w for _, _, w in tree.edges(data="weight"))
        found.append((round(float(weakest), 6), sorted(comp)))
    found.sort(key=lambda g: (-g[0], g[1]))
    return [{"ids": ids, "confidence": conf} for conf, ids in cap(found, top)]
