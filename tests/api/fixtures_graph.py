"""A seeded, Wales-shaped fixture graph written through Cypher, following docs/model.md.

Thousands of services at locations with schedules, cost options, languages, accessibility,
taxonomy terms, needs, catchments, organisations, and people with tribes and relationships.
The generated records are kept in Python (:class:`FixtureGraph`) so that tests can compute
the expected answers by brute force (``tests/api/oracle.py``) over exactly the same data.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

import neo4j

__all__ = ["FixtureGraph", "generate", "write_graph"]

SOURCE = "test:fixtures_graph"
TOWNS = [  # (name, latitude, longitude): Welsh towns, so distances look like real searches
    ("Cardiff", 51.4816, -3.1791),
    ("Swansea", 51.6214, -3.9436),
    ("Newport", 51.5842, -2.9977),
    ("Wrexham", 53.0462, -2.9930),
    ("Bangor", 53.2274, -4.1293),
    ("Aberystwyth", 52.4153, -4.0829),
    ("Llandudno", 53.3241, -3.8276),
    ("Carmarthen", 51.8576, -4.3121),
    ("Merthyr", 51.7487, -3.3816),
    ("Bridgend", 51.5043, -3.5769),
    ("Rhyl", 53.3191, -3.4916),
    ("Newtown", 52.5132, -3.3141),
]
NEEDS = [
    ("dementia", "Dementia"),
    ("loneliness", "Loneliness"),
    ("diabetes", "Diabetes"),
    ("deprivation", "Deprivation"),
    ("mental-health", "Mental health"),
    ("carers", "Carers"),
]
TERMS = [
    ("tt-food", "BD-1800", "Food banks"),
    ("tt-befriend", "PH-1000", "Befriending"),
    ("tt-walk", "LF-0100", "Walking groups"),
    ("tt-advice", "LM-0100", "Advice services"),
    ("tt-cafe", "PH-2000", "Memory cafes"),
]
ACCESS = ["Wheelchair accessible entrance", "Hearing loop", "Accessible toilet", "Step-free access"]
LANGS = [("en", "English"), ("cy", "Welsh"), ("pl", "Polish")]
TRIBES = [
    "gp",
    "nurse",
    "social_worker",
    "ot",
    "community_connector",
    "volunteer",
    "planner",
    "councillor",
    "manager",
    "pharmacist",
]
SECTORS = ["voluntary", "nhs", "council", "private"]
WORDS = [
    "Dementia",
    "Cafe",
    "Walking",
    "Group",
    "Carers",
    "Support",
    "Food",
    "Bank",
    "Memory",
    "Friendship",
    "Club",
    "Advice",
    "Garden",
    "Men's",
    "Shed",
    "Singing",
    "Lunch",
    "Hub",
]


@dataclass
class Schedule:
    id: str
    byday: str
    opens_at: str | None
    closes_at: str | None
    freq: str | None


@dataclass
class Location:
    id: str
    latitude: float
    longitude: float
    area_id: str
    accessibility: list[str]


@dataclass
class Sal:
    id: str
    location_id: str
    schedules: list[Schedule]


@dataclass
class Service:
    id: str
    name: str
    description: str
    organisation_id: str
    minimum_age: int | None
    maximum_age: int | None
    cost_options: list[tuple[float | None, str | None]]
    languages: list[str]
    needs: list[str]
    terms: list[str]
    schedules: list[Schedule]
    sals: list[Sal]
    catchment: list[str]
    moderation_status: str | None
    last_verified: str | None
    email: str
    url: str
    phone: str


@dataclass
class Person:
    id: str
    name: str
    tribe: str
    organisation_id: str
    team_id: str
    email: str
    phone: str


@dataclass
class FixtureGraph:
    """Everything written, kept for brute-force oracles."""

    areas: dict[str, tuple[str, str, str | None]] = field(default_factory=dict)
    organisations: dict[str, tuple[str, str]] = field(default_factory=dict)
    locations: dict[str, Location] = field(default_factory=dict)
    services: dict[str, Service] = field(default_factory=dict)
    people: dict[str, Person] = field(default_factory=dict)
    teams: dict[str, str] = field(default_factory=dict)
    ties: list[tuple[str, str, str, float]] = field(default_factory=list)

    def ancestors(self, area_id: str) -> set[str]:
        """The area and every area it is PART_OF."""
        seen: set[str] = set()
        current: str | None = area_id
        while current is not None and current not in seen:
            seen.add(current)
            current = self.areas[current][2] if current in self.areas else None
        return seen


def _schedule(rng: random.Random, sid: str) -> Schedule:
    days = rng.sample(["MO", "TU", "WE", "TH", "FR", "SA", "SU"], rng.randint(1, 4))
    kind = rng.random()
    if kind < 0.08:  # monthly "first Monday": not a weekly opening
        return Schedule(sid, "1" + days[0], "10:00", "12:00", "MONTHLY")
    if kind < 0.12:  # overnight
        return Schedule(sid, ",".join(days), "22:00", "02:00", "WEEKLY")
    opens = rng.choice(["08:30", "09:00", "10:00", "10:00:00", "13:30"])
    closes = rng.choice(["12:00", "16:00", "17:30:00", "20:00"])
    freq = rng.choice(["WEEKLY", "WEEKLY", None])
    return Schedule(sid, ",".join(days), opens, closes, freq)


def generate(
    seed: int = 7, services: int = 3000, locations: int = 2500, people: int = 600, prefix: str = "t"
) -> FixtureGraph:
    """A deterministic fixture graph; ids start with ``prefix``."""
    rng = random.Random(seed)
    g = FixtureGraph()
    now = datetime.now(UTC)
    g.areas[f"{prefix}W11000001"] = ("Betsi Cadwaladr", "health_board", None)
    for la in range(1, 4):
        la_id = f"{prefix}W0600000{la}"
        g.areas[la_id] = (f"Local authority {la}", "local_authority", f"{prefix}W11000001")
        for ls in range(1, 6):
            g.areas[f"{prefix}W0100{la}{ls:03d}"] = (f"LSOA {la}-{ls}", "lsoa", la_id)
    lsoas = [a for a, v in g.areas.items() if v[1] == "lsoa"]
    for i in range(150):
        g.organisations[f"{prefix}-org-{i:04d}"] = (
            f"Organisation {i} {rng.choice(WORDS)}",
            rng.choice(SECTORS),
        )
    for i in range(locations):
        if i and rng.random() < 0.1:  # same coordinates as an earlier location: distance ties
            other = g.locations[f"{prefix}-loc-{rng.randrange(i):05d}"]
            lat, lon = other.latitude, other.longitude
        else:
            _, tlat, tlon = rng.choice(TOWNS)
            lat, lon = tlat + rng.gauss(0, 0.08), tlon + rng.gauss(0, 0.12)
        g.locations[f"{prefix}-loc-{i:05d}"] = Location(
            f"{prefix}-loc-{i:05d}",
            lat,
            lon,
            rng.choice(lsoas),
            rng.sample(ACCESS, rng.randint(0, 2)),
        )
    loc_ids = list(g.locations)
    orgs = list(g.organisations)
    for i in range(services):
        sid = f"{prefix}-svc-{i:05d}"
        min_age = rng.choice([None, None, 0, 16, 18, 50, 65])
        max_age = rng.choice([None, None, 25, 64, 99]) if min_age is None or min_age < 25 else None
        costs: list[tuple[float | None, str | None]] = rng.choice(
            [
                [],
                [(0.0, "Free")],
                [(5.0, "Per session")],
                [(None, "free ")],
                [(3.5, "Lunch"), (0.0, None)],
                [(2.0, "Tea")],
            ]
        )
        langs = (
            (["en"] if i % 10 else [])  # every tenth states no English (an unknown language)
            + (["cy"] if rng.random() < 0.3 else [])
            + (["pl"] if rng.random() < 0.05 else [])
        )
        sals = [
            Sal(
                f"{sid}-sal-{k}",
                rng.choice(loc_ids),
                [_schedule(rng, f"{sid}-sal-{k}-sch")] if rng.random() < 0.2 else [],
            )
            for k in range(rng.randint(1, 3))
        ]
        sals = list({s.location_id: s for s in sals}.values())
        catch: list[str] = []
        if rng.random() < 0.3:
            catch = [rng.choice(list(g.areas))]
        verified_days = rng.choice([None, 30, 200, 300, 400, 800])
        g.services[sid] = Service(
            id=sid,
            name=" ".join(rng.sample(WORDS, 3)) + f" {i}",
            description=rng.choice(
                [
                    "A friendly group.",
                    "Drop in for a chat and a cuppa.",
                    "Support for people living with dementia and their carers.",
                ]
            ),
            organisation_id=rng.choice(orgs),
            minimum_age=min_age,
            maximum_age=max_age,
            cost_options=costs,
            languages=langs,
            needs=[n for n, _ in rng.sample(NEEDS, rng.randint(0, 2))],
            terms=[t for t, _, _ in rng.sample(TERMS, rng.randint(0, 2))],
            schedules=[_schedule(rng, f"{sid}-sch-{k}") for k in range(rng.randint(0, 2))],
            sals=sals,
            catchment=catch,
            moderation_status=rng.choice(
                [
                    None,
                    "approved",
                    "approved",
                    "approved",
                    "approved",
                    "approved",
                    "approved",
                    "pending",
                    "rejected",
                ]
            ),
            last_verified=None
            if verified_days is None
            else (now - timedelta(days=verified_days)).isoformat(),
            email=f"hello{i}@example.org",
            url=f"https://example.org/{i}",
            phone=f"01{rng.randint(100000000, 999999999)}",
        )
    for t in range(30):
        g.teams[f"{prefix}-team-{t:03d}"] = rng.choice(lsoas)
    for i in range(people):
        pid = f"{prefix}-per-{i:04d}"
        g.people[pid] = Person(
            pid,
            f"Person {i}",
            rng.choice(TRIBES),
            rng.choice(orgs),
            rng.choice(list(g.teams)),
            f"p{i}@example.org",
            f"07{i:09d}",
        )
    pids = list(g.people)
    for person_id in pids:
        for friend in rng.sample(pids, 3):
            if friend != person_id:
                g.ties.append(
                    (person_id, friend, rng.choice(["KNOWS", "WORKS_WITH"]), round(rng.random(), 3))
                )
    return g


_WRITE: list[tuple[str, str]] = [
    (
        "areas",
        """UNWIND $rows AS r
     CREATE (a:Area:Entity {id: r.id, name: r.name, kind: r.kind, source: $source,
             last_verified: null})""",
    ),
    (
        "area_parents",
        """UNWIND $rows AS r MATCH (a:Area {id: r.id}), (p:Area {id: r.parent})
     CREATE (a)-[:PART_OF]->(p)""",
    ),
    (
        "needs",
        """UNWIND $rows AS r CREATE (:Need:Entity {id: r.id, name: r.name, source: $source})""",
    ),
    (
        "terms",
        """UNWIND $rows AS r
     CREATE (:TaxonomyTerm:Entity {id: r.id, code: r.code, name: r.name, source: $source})""",
    ),
    (
        "orgs",
        """UNWIND $rows AS r
     CREATE (:Organization:Entity {id: r.id, name: r.name, sector: r.sector, source: $source,
             email: r.id + '@example.org', website: 'https://example.org/' + r.id,
             last_verified: r.lv})""",
    ),
    (
        "locations",
        """UNWIND $rows AS r
     CREATE (l:Location:Entity {id: r.id, name: 'Hall ' + r.id, latitude: r.lat,
             longitude: r.lon, point: point({latitude: r.lat, longitude: r.lon}),
             source: $source, last_verified: null})
     WITH l, r MATCH (a:Area {id: r.area}) CREATE (l)-[:IN_AREA]->(a)
     WITH l, r UNWIND range(0, size(r.access) - 1) AS k
     CREATE (l)-[:HAS_ACCESSIBILITY {ordinal: k}]->
            (:Accessibility:Entity {id: r.id + '-acc-' + k, description: r.access[k],
             source: $source})""",
    ),
    (
        "services",
        """UNWIND $rows AS r
     MATCH (o:Organization {id: r.org})
     CREATE (s:Service:Entity {id: r.id, name: r.name, description: r.description,
             minimum_age: r.min_age, maximum_age: r.max_age, status: 'active',
             moderation_status: r.moderation, last_verified: r.lv, email: r.email, url: r.url,
             version: 1, source: $source})
     CREATE (o)-[:PROVIDES]->(s)
     CREATE (s)-[:HAS_CONTACT {ordinal: 0}]->(c:Contact:Entity {id: r.id + '-contact',
             name: 'Front desk', email: r.email, source: $source})
     CREATE (c)-[:HAS_PHONE {ordinal: 0}]->(:Phone:Entity {id: r.id + '-phone', number: r.phone,
             source: $source})
     FOREACH (k IN range(0, size(r.costs) - 1) |
       CREATE (s)-[:HAS_COST_OPTION {ordinal: k}]->(:CostOption:Entity {id: r.id + '-cost-' + k,
               amount: r.costs[k].amount, option: r.costs[k].option, source: $source}))
     FOREACH (sc IN r.schedules |
       CREATE (s)-[:HAS_SCHEDULE]->(:Schedule:Entity {id: sc.id, byday: sc.byday,
               opens_at: sc.opens_at, closes_at: sc.closes_at, freq: sc.freq, source: $source}))
     FOREACH (a IN r.catchment |
       CREATE (s)-[:HAS_SERVICE_AREA]->(:ServiceArea:Entity {id: r.id + '-sa-' + a,
               extent: a, source: $source}))""",
    ),
    (
        "service_links",
        """UNWIND $rows AS r MATCH (s:Service {id: r.id})
     CALL (s, r) { UNWIND r.languages AS code MATCH (g:Language {code: code})
                   CREATE (s)-[:HAS_LANGUAGE]->(g) }
     CALL (s, r) { UNWIND r.needs AS n MATCH (x:Need {id: n}) CREATE (s)-[:ADDRESSES]->(x) }
     CALL (s, r) { UNWIND r.terms AS t MATCH (x:TaxonomyTerm {id: t})
                   CREATE (s)-[:CATEGORISED_AS]->(x) }
     CALL (s, r) { UNWIND r.catchment AS a MATCH (x:Area {id: a}) CREATE (s)-[:SERVES_AREA]->(x) }
     CALL (s, r) { UNWIND r.sals AS sal MATCH (l:Location {id: sal.location})
                   CREATE (s)<-[:OF_SERVICE]-(x:ServiceAtLocation:Entity {id: sal.id,
                           source: $source})-[:AT_LOCATION]->(l)
                   FOREACH (sc IN sal.schedules |
                     CREATE (x)-[:HAS_SCHEDULE]->(:Schedule:Entity {id: sc.id, byday: sc.byday,
                       opens_at: sc.opens_at, closes_at: sc.closes_at, freq: sc.freq,
                       source: $source})) }""",
    ),
    (
        "teams",
        """UNWIND $rows AS r MATCH (a:Area {id: r.area})
     CREATE (t:Team:Entity {id: r.id, name: 'Team ' + r.id, area_id: r.area, source: $source})
     CREATE (t)-[:SERVES_AREA]->(a)""",
    ),
    (
        "people",
        """UNWIND $rows AS r MATCH (o:Organization {id: r.org}), (t:Team {id: r.team})
     CREATE (p:Person:Entity {id: r.id, name: r.name, tribe: r.tribe, email: r.email,
             phone: r.phone, organisation_id: r.org, source: $source})
     CREATE (p)-[:WORKS_FOR {role: r.tribe}]->(o) CREATE (p)-[:MEMBER_OF]->(t)""",
    ),
    (
        "ties",
        """UNWIND $rows AS r MATCH (a:Person {id: r.a}), (b:Person {id: r.b})
     CALL (a, b, r) { WITH * WHERE r.type = 'KNOWS' CREATE (a)-[:KNOWS {strength: r.w}]->(b) }
     CALL (a, b, r) { WITH * WHERE r.type = 'WORKS_WITH'
                      CREATE (a)-[:WORKS_WITH {strength: r.w}]->(b) }""",
    ),
]


def _rows(g: FixtureGraph, name: str) -> list[dict[str, Any]]:
    if name == "areas":
        return [{"id": k, "name": v[0], "kind": v[1]} for k, v in g.areas.items()]
    if name == "area_parents":
        return [{"id": k, "parent": v[2]} for k, v in g.areas.items() if v[2]]
    if name == "needs":
        return [{"id": i, "name": n} for i, n in NEEDS]
    if name == "terms":
        return [{"id": i, "code": c, "name": n} for i, c, n in TERMS]
    if name == "orgs":
        return [
            {"id": k, "name": v[0], "sector": v[1], "lv": None} for k, v in g.organisations.items()
        ]
    if name == "locations":
        return [
            {
                "id": x.id,
                "lat": x.latitude,
                "lon": x.longitude,
                "area": x.area_id,
                "access": x.accessibility,
            }
            for x in g.locations.values()
        ]
    if name in ("services", "service_links"):
        return [_service_row(s) for s in g.services.values()]
    if name == "teams":
        return [{"id": k, "area": v} for k, v in g.teams.items()]
    if name == "people":
        return [
            {
                "id": p.id,
                "name": p.name,
                "tribe": p.tribe,
                "org": p.organisation_id,
                "team": p.team_id,
                "email": p.email,
                "phone": p.phone,
            }
            for p in g.people.values()
        ]
    return [{"a": a, "b": b, "type": t, "w": w} for a, b, t, w in g.ties]


def _schedule_row(sc: Schedule) -> dict[str, Any]:
    return {
        "id": sc.id,
        "byday": sc.byday,
        "opens_at": sc.opens_at,
        "closes_at": sc.closes_at,
        "freq": sc.freq,
    }


def _service_row(s: Service) -> dict[str, Any]:
    return {
        "id": s.id,
        "name": s.name,
        "description": s.description,
        "org": s.organisation_id,
        "min_age": s.minimum_age,
        "max_age": s.maximum_age,
        "moderation": s.moderation_status,
        "lv": s.last_verified,
        "email": s.email,
        "url": s.url,
        "phone": s.phone,
        "costs": [{"amount": a, "option": o} for a, o in s.cost_options],
        "schedules": [_schedule_row(x) for x in s.schedules],
        "languages": s.languages,
        "needs": s.needs,
        "terms": s.terms,
        "catchment": s.catchment,
        "sals": [
            {
                "id": x.id,
                "location": x.location_id,
                "schedules": [_schedule_row(y) for y in x.schedules],
            }
            for x in s.sals
        ],
    }


def write_graph(driver: neo4j.Driver, g: FixtureGraph, batch: int = 500) -> None:
    """Write the fixture graph (languages shared by code, as loaders do)."""
    driver.execute_query(
        "UNWIND $rows AS r MERGE (g:Language:Entity {id: 'lang-' + r.code}) "
        "SET g.code = r.code, g.name = r.name, g.source = $source",
        rows=[{"code": c, "name": n} for c, n in LANGS],
        source=SOURCE,
    )
    for name, statement in _WRITE:
        rows = _rows(g, name)
        for start in range(0, len(rows), batch):
            driver.execute_query(statement, rows=rows[start : start + batch], source=SOURCE)
