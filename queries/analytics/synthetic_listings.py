"""Seeded generator of directory listings with known, injected duplicates.

Hard negatives are built in: several services of one organisation at one address sharing its
phone and web domain, chain branches with the same name in other towns, and similar-sounding
groups in one town.
"""

from __future__ import annotations

import random
import unicodedata

from .duplicates import Listing

__all__ = ["ListingSet", "generate_listings"]

_TOWNS = (
    ("Caerffili", 51.5785, -3.2181),
    ("Pen-y-bont", 51.5043, -3.5769),
    ("Ynys Môn", 53.2600, -4.3200),
    ("Pwllheli", 52.8880, -4.4180),
    ("Aberystwyth", 52.4140, -4.0810),
    ("Merthyr Tudful", 51.7487, -3.3816),
    ("Wrecsam", 53.0467, -2.9925),
    ("Stretford", 53.4466, -2.3086),
    ("Sale", 53.4250, -2.3230),
    ("Altrincham", 53.3838, -2.3547),
    ("Castell-nedd", 51.6630, -3.8045),
    ("Llandrindod", 52.2420, -3.3790),
)
_PREFIXES = ("Llan", "Aber", "Pen", "Cwm", "Tre", "Pont", "Caer", "Bryn", "Glyn", "Rhos", "Nant")
_ENDINGS = ("fair", "gele", "rhos", "bran", "dwr", "hafod", "gwyn", "coed", "mawr", "ddu", "wen")
_SAINTS = (
    "St Mary's",
    "St David's",
    "St John's",
    "St Teilo's",
    "St Peter's",
    "St Dyfrig's",
    "St Illtud's",
    "St Cadoc's",
    "St Michael's",
    "St Andrew's",
    "St Padarn's",
    "St Woolos'",
)
_STREETS = ("Bridge Street", "High Street", "Station Road", "Heol y Frenhines", "Stryd Fawr")
_ACTIVITIES = (
    "Food Bank",
    "Lunch Club",
    "Carers Group",
    "Men's Shed",
    "Walking Football",
    "Dementia Café",
    "Parent & Toddler Group",
    "Youth Club",
    "Debt Advice",
    "Befriending Service",
    "Community Garden",
    "Warm Space",
    "Knit & Natter",
    "Memory Café",
    "Bereavement Support",
    "Singing for the Brain",
    "Chair Yoga",
    "Gardd Gymunedol",
    "Clwb Ieuenctid",
    "Boxing Club",
    "Stroke Support",
    "Craft Group",
    "Baby Massage",
    "Cancer Support",
    "Welsh Conversation",
    "Breakfast Club",
    "Repair Café",
    "Allotment Society",
    "Tai Chi",
    "Pantry",
    "Swim Session",
    "Parkinson's Group",
    "Homework Club",
    "Toy Library",
    "Veterans Breakfast",
)
_HOSTS = (
    "Community Centre",
    "Church Hall",
    "Library",
    "Hub",
    "Trust",
    "Association",
    "Chapel",
    "Institute",
    "Neuadd",
    "Resource Centre",
)
_SUFFIXES = ("Ltd", "CIC", "Community Interest Company", "CIO")
_CHAINS = ("Citizens Advice", "Age Cymru", "Samaritans", "Mind", "Barnardo's")


def _typo(rng: random.Random, text: str) -> str:
    words = text.split(" ")
    idx = [i for i, w in enumerate(words) if len(w) >= 4 and w.isalpha()]
    if not idx:
        return text
    i = rng.choice(idx)
    w = words[i]
    p = rng.randrange(1, len(w) - 1)
    op = rng.randrange(4)
    if op == 0:
        w = w[:p] + w[p + 1] + w[p] + w[p + 2 :]
    elif op == 1:
        w = w[:p] + w[p + 1 :]
    elif op == 2:
        w = w[:p] + rng.choice("aeiounrst") + w[p:]
    else:
        w = w[:p] + rng.choice("aeiounrst") + w[p + 1 :]
    words[i] = w
    return " ".join(words)


def _strip_accents(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _vary_name(rng: random.Random, name: str) -> str:
    ops = rng.sample(range(8), rng.choice((1, 1, 2)))
    for op in ops:
        if op == 0:
            name = _typo(rng, name)
        elif op == 1:
            name = _strip_accents(name) if name != _strip_accents(name) else name.upper()
        elif op == 2:
            name = name.replace("St ", "Saint ") if "St " in name else name.lower()
        elif op == 3:
            name = name.replace("&", "and") if "&" in name else name + " " + rng.choice(_SUFFIXES)
        elif op == 4:
            # rotate words, keeping "St X's" together (as a person would reorder)
            words = name.replace("St ", "St\u00a0").split(" ")
            cut = rng.randrange(1, len(words)) if len(words) > 1 else 0
            name = " ".join(words[cut:] + words[:cut]).replace("\u00a0", " ")
        elif op == 5:
            name = name.replace(" ", ", ", 1) + "."
        elif op == 6:
            name = "The " + name
        else:
            name = name.replace("'", "")
    return name


def _vary_phone(rng: random.Random, phone: str) -> str:
    digits = phone.replace(" ", "")
    forms = (
        f"+44 {digits[1:5]} {digits[5:]}",
        f"({digits[:5]}) {digits[5:8]} {digits[8:]}",
        f"{digits[:5]}-{digits[5:]}",
        digits,
        f"+44 (0){digits[1:5]} {digits[5:]}",
    )
    return rng.choice(forms)


class ListingSet:
    """Generated listings and the entity each one describes (the ground truth)."""

    def __init__(self, listings: list[Listing], entity: dict[str, int]) -> None:
        self.listings = listings
        self.entity = entity

    def true_pairs(self) -> set[tuple[str, str]]:
        """Every pair of listing ids describing the same entity (sorted pairs)."""
        by_entity: dict[int, list[str]] = {}
        for lid, e in self.entity.items():
            by_entity.setdefault(e, []).append(lid)
        out: set[tuple[str, str]] = set()
        for ids in by_entity.values():
            ids.sort()
            out.update((a, b) for i, a in enumerate(ids) for b in ids[i + 1 :])
        return out


def generate_listings(
    n_entities: int = 1_000, *, duplicate_rate: float = 0.15, seed: int = 0
) -> ListingSet:
    """``n_entities`` distinct listings, a share of them repeated with realistic noise.

    Parameters
    ----------
    n_entities : int
        Number of distinct real-world services.
    duplicate_rate : float
        Share of entities listed again (once, sometimes twice) with variations: a typo,
        accents dropped, "St"/"Saint", "&"/"and", a legal suffix, reordered words,
        punctuation, a leading "The"; moved 2-60 m; the phone reformatted; contact fields
        sometimes missing; ``www.`` added to the web address.
    seed : int

    Returns
    -------
    ListingSet
    """
    rng = random.Random(seed)
    towns = list(_TOWNS)
    for i in range(max(0, n_entities // 150 - len(towns))):
        name = f"{rng.choice(_PREFIXES)}{rng.choice(_ENDINGS)}"
        towns.append(
            (f"{name} {i}" if i >= 100 else name, rng.uniform(51.4, 53.3), rng.uniform(-4.6, -2.7))
        )
    listings: list[Listing] = []
    entity: dict[str, int] = {}
    used: set[tuple[str, str]] = set()
    e = 0
    while e < n_entities:
        town, lat0, lon0 = rng.choice(towns)
        lat = lat0 + rng.uniform(-0.05, 0.05)
        lon = lon0 + rng.uniform(-0.08, 0.08)
        kind = rng.random()
        if kind < 0.4:
            host = f"{rng.choice(_SAINTS)} {rng.choice(_HOSTS)}"
        elif kind < 0.6:
            host = f"{rng.choice(_STREETS)} {rng.choice(_HOSTS)}"
        else:
            host = f"{town} {rng.choice(_HOSTS)}"
        phone = f"0{rng.randrange(1000, 2000)} {rng.randrange(100000, 999999)}"
        domain = f"{host.lower().replace(' ', '').replace(chr(39), '')}{e}.org.uk"
        # one organisation runs 1-4 services at the same address (hard negatives)
        for activity in rng.sample(_ACTIVITIES, rng.choice((1, 1, 2, 3, 4))):
            if e >= n_entities:
                break
            name = f"{host} {activity}" if rng.random() < 0.6 else f"{activity} {town}"
            if rng.random() < 0.05:
                name = rng.choice(_CHAINS)  # a chain branch, same name in many towns
            if (town, name) in used:  # distinct services in one town have distinct names
                continue
            used.add((town, name))
            lid = f"L{len(listings):06d}"
            base = Listing(lid, name, lat, lon, phone, f"info@{domain}", f"https://{domain}/")
            listings.append(base)
            entity[lid] = e
            if rng.random() < duplicate_rate:
                for _ in range(rng.choice((1, 1, 1, 2))):
                    dist = rng.uniform(0.002, 0.06) / 111.0
                    lid2 = f"L{len(listings):06d}"
                    listings.append(
                        Listing(
                            lid2,
                            _vary_name(rng, name),
                            lat + rng.uniform(-dist, dist),
                            lon + rng.uniform(-dist, dist) * 1.6,
                            _vary_phone(rng, phone) if rng.random() < 0.8 else None,
                            base.email if rng.random() < 0.5 else None,
                            f"http://www.{domain}" if rng.random() < 0.5 else None,
                        )
                    )
                    entity[lid2] = e
            e += 1
    order = list(range(len(listings)))
    rng.shuffle(order)
    return ListingSet([listings[i] for i in order], entity)
