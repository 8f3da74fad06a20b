"""Reads reused while the graph is unchanged are never stale (graph/result_cache.py).

The relationship map is read through ``Database.read_while_unchanged``: asked twice with no
write between, Neo4j runs it once; after any write by any client (here a plain driver
session, as a loader or another API process would) the next read sees the change, and a
person deleted from the graph disappears from the very next map.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from typing import TypeVar

import neo4j
import pytest

from graph.database import Database
from graph.repositories.network import MapFilter, NetworkView, relationship_map
from graph.result_cache import ResultCache
from graph.settings import Neo4jSettings
from tests.support.loop import run_in_own_loop

T = TypeVar("T")

PEOPLE = """
UNWIND range(1, 30) AS i
CREATE (:Person:Entity {id: 'rc-' + i, name: 'Person ' + i, tribe: 'gp'})
WITH count(*) AS made
MATCH (a:Person), (b:Person)
WHERE a.id STARTS WITH 'rc-' AND b.id STARTS WITH 'rc-'
  AND toInteger(substring(a.id, 3)) + 1 = toInteger(substring(b.id, 3))
CREATE (a)-[:KNOWS]->(b)
"""
HUB = """
CREATE (h:Person:Entity {id: 'rc-hub', name: 'New Hub', tribe: 'gp'})
WITH h MATCH (p:Person) WHERE p.id STARTS WITH 'rc-' AND p <> h CREATE (h)-[:KNOWS]->(p)
"""


async def _maps(settings: Neo4jSettings, driver: neo4j.Driver) -> list[tuple[NetworkView, int]]:
    """Map, map, write a hub, map, delete the hub, map: each map with the cache's hit count."""
    db = Database(settings)
    seen: list[tuple[NetworkView, int]] = []

    async def look() -> None:
        view = await relationship_map(db, MapFilter(tribe="gp"), limit=10)
        seen.append((view, db.unchanged.hits))

    try:
        await look()
        await look()
        driver.execute_query(HUB)
        await look()
        driver.execute_query("MATCH (h:Person {id: 'rc-hub'}) DETACH DELETE h")
        await look()
        await look()
    finally:
        await db.close()
    return seen


@pytest.mark.neo4j
def test_a_repeated_map_is_reused_until_any_write_and_never_served_stale(
    driver: neo4j.Driver, neo4j_settings: Neo4jSettings
) -> None:
    driver.execute_query(PEOPLE)
    maps = run_in_own_loop(_maps(neo4j_settings, driver))
    ids = [[n.id for n in view.nodes] for view, _ in maps]
    hits = [count for _, count in maps]

    assert hits == [0, 1, 1, 1, 2], "reused only when nothing was written in between"
    assert ids[1] == ids[0]
    assert ids[2][0] == "rc-hub", "the write is seen by the very next map"
    assert maps[2][0].matched == 31
    assert "rc-hub" not in ids[3], "a deleted person disappears from the next map"
    assert ids[3] == ids[0] and maps[3][0].matched == 30


def _loader(calls: list[int], value: object, delay: float = 0.0) -> Callable[[], Awaitable[object]]:
    async def load() -> object:
        calls.append(1)
        await asyncio.sleep(delay)
        return value

    return load


def test_the_cache_keeps_the_most_recently_used_entries_within_its_bound() -> None:
    async def scenario() -> tuple[int, object, object]:
        cache = ResultCache(max_entries=2)
        mark = frozenset({"FB:1"})
        keys = [ResultCache.key("network/relationship_map", {"limit": n}) for n in range(3)]
        calls: list[int] = []
        for n, key in enumerate(keys):
            await cache.get_or_load(key, mark, _loader(calls, n))
        again = await cache.get_or_load(keys[2], mark, _loader(calls, "reloaded"))
        evicted = await cache.get_or_load(keys[0], mark, _loader(calls, "reloaded"))
        return len(calls), again, evicted

    loads, again, evicted = run_in_own_loop(scenario())
    assert again == 2, "a recent entry read at the same bookmark is reused"
    assert evicted == "reloaded", "the least recently used entry was evicted"
    assert loads == 4


def test_callers_that_miss_together_share_one_load_and_a_new_bookmark_reloads() -> None:
    async def scenario() -> tuple[list[object], int, object]:
        cache = ResultCache()
        key = ResultCache.key("network/relationship_map", {"limit": 1})
        calls: list[int] = []
        mark = frozenset({"FB:1"})
        waiting = [cache.get_or_load(key, mark, _loader(calls, "v1", 0.05)) for _ in range(20)]
        together = await asyncio.gather(*waiting)
        moved = await cache.get_or_load(key, frozenset({"FB:2"}), _loader(calls, "v2"))
        return list(together), len(calls), moved

    together, loads, moved = run_in_own_loop(scenario())
    assert together == ["v1"] * 20
    assert moved == "v2", "another bookmark (a write happened) is a miss"
    assert loads == 2


def test_a_failed_load_reaches_every_waiting_caller_and_is_not_stored() -> None:
    async def scenario() -> tuple[list[object], object]:
        cache = ResultCache()
        key = ResultCache.key("network/relationship_map", {"limit": 1})
        mark = frozenset({"FB:1"})

        async def failing() -> object:
            await asyncio.sleep(0.05)
            raise RuntimeError("Neo4j went away")

        outcomes = await asyncio.gather(
            *(cache.get_or_load(key, mark, failing) for _ in range(3)), return_exceptions=True
        )
        after = await cache.get_or_load(key, mark, _loader([], "fresh"))
        return outcomes, after

    outcomes, after = run_in_own_loop(scenario())
    assert all(isinstance(o, RuntimeError) for o in outcomes)
    assert after == "fresh"


def test_a_read_without_a_bookmark_is_never_reused() -> None:
    async def scenario() -> int:
        cache = ResultCache()
        key = ResultCache.key("network/relationship_map", {"limit": 1})
        calls: list[int] = []
        await cache.get_or_load(key, frozenset(), _loader(calls, 1))
        await cache.get_or_load(key, frozenset(), _loader(calls, 1))
        return len(calls)

    assert run_in_own_loop(scenario()) == 2


def test_list_parameters_cannot_key_the_cache() -> None:
    with pytest.raises(TypeError):
        ResultCache.key("nodes/locations_of_services", {"ids": ["a", "b"]})


def test_a_caller_that_goes_away_leaves_the_load_to_those_still_waiting() -> None:
    """A leader's client disconnects mid-read: the request is cancelled, but the callers who
    joined its load get the value (not the cancellation), and it is kept."""

    async def scenario() -> tuple[object, int, object]:
        cache = ResultCache()
        key = ResultCache.key("network/relationship_map", {"limit": 2})
        calls: list[int] = []
        mark = frozenset({"FB:1"})
        leader = asyncio.ensure_future(cache.get_or_load(key, mark, _loader(calls, "v", 0.05)))
        await asyncio.sleep(0.01)
        follower = asyncio.ensure_future(cache.get_or_load(key, mark, _loader(calls, "x")))
        await asyncio.sleep(0.01)
        leader.cancel()
        got = await follower
        later = await cache.get_or_load(key, mark, _loader(calls, "y"))
        return got, len(calls), later

    got, loads, later = run_in_own_loop(scenario())
    assert got == "v" and loads == 1
    assert later == "v", "the load finished after its first caller left, and was kept"
