"""Seeded generator of the people around the assets: staff, teams and their relationships.

Given the real (or synthetic) areas and organisations, it adds people with tribes, the
organisations a place needs besides its assets (council, social care, public health,
housing, schools), one local geographic team per neighbourhood of about
``lsoas_per_team`` LSOAs, and ties with the structure seen in studies of professional
networks in health and care (Braithwaite, "Between-group behaviour in health care: gaps,
edges, boundaries, disconnections, weak ties, spaces and holes", BMC Health Serv Res 2010;
Burt, "Structural Holes", 1992):

* dense ``WORKS_WITH`` inside an organisation, strongest within a tribe;
* ``KNOWS`` within a tribe across the organisations of one local authority;
* few ties across primary and secondary care, and fewer still to community members;
* a handful of brokers (community connectors, some managers and planners) who know people
  of many tribes and so bridge them.

Output rows follow the relationships loader's contract (nodes ``id,kind,name`` + optional
``tribe,organisation_id,area_id,latitude,longitude``; edges ``source,target,type`` +
optional ``weight``), with the model's edge properties (``since``, ``resident``, ``count``)
as extra keys. The same ``seed`` and inputs give the same rows, in the same order.
"""

from __future__ import annotations

import random
from collections import defaultdict
from collections.abc import Sequence
from typing import Any

from pydantic import BaseModel, Field

from graph import messages as say
from graph.messages import Wording
from loaders.generator.vocab import (
    FIRST_NAMES,
    LAST_NAMES,
    PROFESSIONAL_TRIBES,
    SECTOR_STAFF,
    SECTOR_TRIBES,
)

__all__ = ["SOURCE", "AreaSeed", "Network", "OrgSeed", "generate_network"]

SOURCE = "demo:generator"


class AreaSeed(BaseModel):
    """An LSOA the generator may place people and teams in."""

    id: str
    la_id: str
    la_name: str
    #: the authority's Welsh name (None: the English one serves in Welsh too, as for Trafford)
    la_name_cy: str | None = None
    latitude: float
    longitude: float


class OrgSeed(BaseModel):
    """An organisation (real or generated) with its sector, place and services."""

    id: str
    name: str
    #: its Welsh name (the generated ones have one; a real one's is loaded with it)
    name_cy: str | None = None
    sector: str
    la_id: str
    area_id: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    service_ids: tuple[str, ...] = ()
    service_tags: tuple[str, ...] = ()


class Network(BaseModel):
    """Node and edge rows for ``load_relationship_rows`` (plus the generated organisations)."""

    nodes: list[dict[str, Any]] = Field(default_factory=list)
    edges: list[dict[str, Any]] = Field(default_factory=list)
    organisations: list[OrgSeed] = Field(default_factory=list)

    def counts(self) -> dict[str, int]:
        out: dict[str, int] = defaultdict(int)
        for node in self.nodes:
            out[f"node:{node['kind']}"] += 1
        for edge in self.edges:
            out[f"edge:{edge['type']}"] += 1
        return dict(sorted(out.items()))


def _weighted(rng: random.Random, pairs: Sequence[tuple[str, float]]) -> str:
    return rng.choices([p[0] for p in pairs], weights=[p[1] for p in pairs], k=1)[0]


def _since(rng: random.Random, earliest: int = 2005) -> str:
    return f"{rng.randint(earliest, 2025):04d}-{rng.randint(1, 12):02d}-01"


def _named(wording: Wording, area: AreaSeed, **params: object) -> tuple[str, str]:
    """A generated name in English and Welsh, placed in the area's authority (by its Welsh
    name in Welsh, where it has one: "Cardiff Council", "Cyngor Caerdydd")."""
    place_cy = area.la_name_cy or area.la_name
    return (
        wording(place=area.la_name, **params).text("en"),
        wording(place=place_cy, **params).text("cy"),
    )


def _extra_orgs(areas: Sequence[AreaSeed], rng: random.Random) -> list[OrgSeed]:
    """What every local authority has besides its listed assets."""
    by_la: dict[str, list[AreaSeed]] = defaultdict(list)
    for area in areas:
        by_la[area.la_id].append(area)
    out: list[OrgSeed] = []
    for la_id in sorted(by_la):
        members = by_la[la_id]
        anchor = members[0]
        kinds = say.GENERATED_ORGANISATIONS
        specs = [
            ("council", _named(kinds["council"], anchor), "local_government"),
            ("social-care", _named(kinds["social-care"], anchor), "social_care"),
            ("public-health", _named(kinds["public-health"], anchor), "public_health"),
            ("housing", _named(kinds["housing"], anchor), "housing"),
            ("community-health", _named(kinds["community-health"], anchor), "secondary_care"),
        ]
        n_schools = max(1, min(6, len(members) // 25))
        for i in range(n_schools):
            rng.choice(members)  # drawn as before, so every later draw of the network is unchanged
            specs.append((f"school-{i + 1}", _named(kinds["school"], anchor, n=i + 1), "education"))
        for key, (name, name_cy), sector in specs:
            spot = rng.choice(members) if sector == "education" else anchor
            out.append(
                OrgSeed(
                    id=f"gen:org:{la_id}:{key}",
                    name=name,
                    name_cy=name_cy,
                    sector=sector,
                    la_id=la_id,
                    area_id=spot.id,
                    latitude=spot.latitude,
                    longitude=spot.longitude,
                )
            )
    return out


def _teams(
    areas: Sequence[AreaSeed], lsoas_per_team: int
) -> tuple[list[dict[str, Any]], list[dict[str, Any]], dict[str, str]]:
    """Neighbourhood teams: LSOAs of a local authority in bands of latitude, then longitude."""
    by_la: dict[str, list[AreaSeed]] = defaultdict(list)
    for area in areas:
        by_la[area.la_id].append(area)
    nodes: list[dict[str, Any]] = []
    edges: list[dict[str, Any]] = []
    team_of: dict[str, str] = {}
    for la_id in sorted(by_la):
        members = sorted(by_la[la_id], key=lambda a: (-a.latitude, a.longitude, a.id))
        n_teams = max(1, round(len(members) / lsoas_per_team))
        size = -(-len(members) // n_teams)
        for t in range(n_teams):
            chunk = sorted(members[t * size : (t + 1) * size], key=lambda a: (a.longitude, a.id))
            if not chunk:
                continue
            team_id = f"gen:team:{la_id}:{t + 1}"
            name, name_cy = _named(say.TEAM_NAME, chunk[0], n=t + 1)
            lat = sum(a.latitude for a in chunk) / len(chunk)
            lon = sum(a.longitude for a in chunk) / len(chunk)
            nodes.append(
                {
                    "id": team_id,
                    "kind": "team",
                    "name": name,
                    "name_cy": name_cy,
                    "area_id": la_id,
                    "latitude": round(lat, 6),
                    "longitude": round(lon, 6),
                    "source": SOURCE,
                }
            )
            for area in chunk:
                team_of[area.id] = team_id
                edges.append({"source": team_id, "target": area.id, "type": "SERVES_AREA"})
    return nodes, edges, team_of


def generate_network(
    areas: Sequence[AreaSeed],
    organisations: Sequence[OrgSeed],
    *,
    seed: int = 0,
    lsoas_per_team: int = 25,
    community_per_lsoa: float = 1.0,
    brokers_per_la: int = 1,
) -> Network:
    """People, teams and relationships around ``organisations`` in ``areas``.

    Parameters
    ----------
    areas : LSOAs (with their local authority) where people live and teams work.
    organisations : real organisations (with sector, place and services).
    seed : the same seed and inputs give identical rows.
    lsoas_per_team : about how many LSOAs one local geographic team covers.
    community_per_lsoa : community members per LSOA (on average).
    brokers_per_la : people per local authority given bridging ties across tribes.

    Notes
    -----
    Linear in people: each person draws a bounded number of ties (O(n) rows overall).
    """
    rng = random.Random(seed)
    area_by_id = {a.id: a for a in areas}
    extra = _extra_orgs(areas, rng)
    orgs = [o for o in organisations if o.la_id] + extra
    net = Network(organisations=extra)
    team_nodes, team_edges, team_of = _teams(areas, lsoas_per_team)
    net.nodes.extend(
        {
            "id": o.id, "kind": "organisation", "name": o.name, "name_cy": o.name_cy,
            "sector": o.sector,
            "area_id": o.area_id, "latitude": o.latitude, "longitude": o.longitude,
            "source": SOURCE,
        }
        for o in extra
    )  # fmt: skip
    net.nodes.extend(team_nodes)
    net.edges.extend(team_edges)

    people: list[dict[str, Any]] = []
    by_org: dict[str, list[int]] = defaultdict(list)
    by_la_tribe: dict[tuple[str, str], list[int]] = defaultdict(list)
    by_peer_group: dict[tuple[str, str, str], list[int]] = defaultdict(list)
    by_la_sector: dict[tuple[str, str], list[int]] = defaultdict(list)
    by_la: dict[str, list[int]] = defaultdict(list)
    sector_of: list[str] = []

    def add_person(tribe: str, org: OrgSeed | None, area_id: str | None, la_id: str) -> int:
        index = len(people)
        name = f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"
        spot = area_by_id.get(area_id or "")
        people.append(
            {
                "id": f"gen:person:{index + 1:06d}", "kind": "person", "name": name,
                "tribe": tribe, "organisation_id": org.id if org else None,
                "area_id": area_id, "latitude": spot.latitude if spot else None,
                "longitude": spot.longitude if spot else None, "source": SOURCE,
            }
        )  # fmt: skip
        sector = org.sector if org else "community"
        sector_of.append(sector)
        by_la_tribe[(la_id, tribe)].append(index)
        by_peer_group[(la_id, sector, tribe)].append(index)
        by_la_sector[(la_id, sector)].append(index)
        by_la[la_id].append(index)
        if org:
            by_org[org.id].append(index)
        return index

    def tie(a: int, b: int, kind: str, low: float, high: float) -> None:
        if a != b:
            net.edges.append(
                {
                    "source": people[a]["id"], "target": people[b]["id"], "type": kind,
                    "weight": round(rng.uniform(low, high), 3), "since": _since(rng),
                }
            )  # fmt: skip

    # Staff of every organisation, and their WORKS_FOR.
    for org in orgs:
        low, high = SECTOR_STAFF.get(org.sector, (1, 3))
        if org.sector == "primary_care" and "pharmacy" in org.service_tags:
            low, high = 2, 4
        if org.sector == "local_government" and "library" in org.service_tags:
            low, high = 2, 5
        for _ in range(rng.randint(low, high)):
            tribe = _weighted(rng, SECTOR_TRIBES.get(org.sector, (("volunteer", 1.0),)))
            if "pharmacy" in org.service_tags and rng.random() < 0.6:
                tribe = "pharmacist"
            p = add_person(tribe, org, org.area_id, org.la_id)
            net.edges.append(
                {
                    "source": people[p]["id"], "target": org.id, "type": "WORKS_FOR",
                    "since": _since(rng, 1995), "role": tribe,
                }
            )  # fmt: skip
    # Community members, resident in LSOAs.
    for area in sorted(areas, key=lambda a: a.id):
        count = int(community_per_lsoa) + (rng.random() < community_per_lsoa % 1)
        for _ in range(count):
            add_person("community_member", None, area.id, area.la_id)

    # Dense inside organisations: everyone in a small one; ~6 colleagues in a large one.
    for org_id in sorted(by_org):
        staff = by_org[org_id]
        if len(staff) <= 8:
            for i, a in enumerate(staff):
                for b in staff[i + 1 :]:
                    tie(a, b, "WORKS_WITH", 0.6, 1.0)
        else:
            for a in staff:
                same = [b for b in staff if b != a and people[b]["tribe"] == people[a]["tribe"]]
                pool = same if same and rng.random() < 0.7 else staff
                for b in rng.sample(pool, min(len(pool), 3)):
                    if a < b:
                        tie(a, b, "WORKS_WITH", 0.5, 1.0)
    # Within a tribe and sector, across organisations of one local authority.
    for (_, _, tribe), members in sorted(by_peer_group.items()):
        if tribe == "community_member" or len(members) < 2:
            continue
        for a in members:
            for b in rng.sample(members, min(len(members), 2)):
                if a < b and people[a]["organisation_id"] != people[b]["organisation_id"]:
                    tie(a, b, "KNOWS", 0.3, 0.8)
    # Few ties across primary and secondary care.
    for (la_id, sector), members in sorted(by_la_sector.items()):
        if sector != "primary_care":
            continue
        other = by_la_sector.get((la_id, "secondary_care"), [])
        for a in members:
            if other and rng.random() < 0.06:
                tie(a, rng.choice(other), "KNOWS", 0.1, 0.4)
    # Community members: neighbours, a few third-sector contacts, rarely a professional.
    for la_id in sorted(by_la):
        residents = by_la_sector.get((la_id, "community"), [])
        third = by_la_sector.get((la_id, "third_sector"), [])
        primary = by_la_sector.get((la_id, "primary_care"), [])
        for a in residents:
            for b in rng.sample(residents, min(len(residents), 2)):
                if a < b:
                    tie(a, b, "KNOWS", 0.3, 0.9)
            if third and rng.random() < 0.25:
                tie(a, rng.choice(third), "KNOWS", 0.2, 0.6)
            if primary and rng.random() < 0.03:
                tie(a, rng.choice(primary), "KNOWS", 0.1, 0.3)
    # Brokers: people who know someone of (almost) every tribe in their local authority.
    for la_id in sorted(by_la):
        candidates = [
            i for i in by_la[la_id]
            if people[i]["tribe"] in {"community_connector", "manager", "planner"}
        ]  # fmt: skip
        for broker in rng.sample(candidates, min(len(candidates), brokers_per_la)):
            tribes = sorted({people[i]["tribe"] for i in by_la[la_id]})
            for tribe in tribes:
                members = by_la_tribe[(la_id, tribe)]
                for b in rng.sample(members, min(len(members), 2)):
                    tie(broker, b, "KNOWS", 0.2, 0.7)
    # Local geographic teams: professionals of the area (resident) and some on-pull staff.
    for i, person in enumerate(people):
        team = team_of.get(person["area_id"] or "")
        if team is None or person["tribe"] not in PROFESSIONAL_TRIBES:
            continue
        resident = sector_of[i] in {"primary_care", "social_care", "third_sector"}
        if resident or rng.random() < 0.3:
            net.edges.append(
                {
                    "source": person["id"], "target": team, "type": "MEMBER_OF",
                    "resident": resident, "since": _since(rng, 2015),
                }
            )  # fmt: skip
    # Referrals: GPs, social workers, connectors refer to services in their local authority.
    services_by_la: dict[str, list[str]] = defaultdict(list)
    la_of_org = {o.id: o.la_id for o in orgs}
    for org in orgs:
        services_by_la[org.la_id].extend(org.service_ids)
    for person in people:
        if person["tribe"] not in {"gp", "social_worker", "community_connector", "nurse"}:
            continue
        org_id = person["organisation_id"]
        services = services_by_la.get(la_of_org.get(org_id or "", ""), [])
        for service in rng.sample(services, min(len(services), rng.randint(1, 5))):
            net.edges.append(
                {
                    "source": person["id"], "target": service, "type": "REFERS_TO",
                    "count": rng.randint(1, 40), "since": _since(rng, 2018),
                }
            )  # fmt: skip
    net.nodes.extend(people)
    return net
