"""The load mix sends the stated shares of each operation, interleaved, and only to loopback."""

from __future__ import annotations

from collections import Counter

import pytest

from bench.mix import MIX, drive_mix, schedule


def _plan(with_map: bool) -> list[str]:
    requests = schedule(
        ['{"query": "{ near }"}'],
        centres=[(51.48, -3.18)],
        service_ids=["s1", "s2"],
        map_body='{"query": "{ map }"}' if with_map else None,
        connector_key="cg_connector",
        leader_key="cg_leader" if with_map else None,
    )
    return [r.operation for r in requests]


def test_the_schedule_sends_each_operation_in_its_stated_share() -> None:
    operations = _plan(with_map=True)
    assert len(operations) == 100
    assert Counter(operations) == Counter(MIX)
    # Interleaved, not in blocks: every window of 20 holds at least 4 kinds of request.
    assert all(len(set(operations[i : i + 20])) >= 4 for i in range(0, 80))


def test_without_a_map_its_share_goes_to_assets_near() -> None:
    counts = Counter(_plan(with_map=False))
    assert counts["relationshipMap"] == 0
    assert counts["assetsNear"] == MIX["assetsNear"] + MIX["relationshipMap"]


def test_writes_and_maps_carry_the_key_of_their_role() -> None:
    requests = schedule(
        ["{}"], centres=[(51.0, -3.0)], service_ids=["s"], map_body="{}",
        connector_key="cg_c", leader_key="cg_l",
    )  # fmt: skip
    keys = {(r.operation, r.key) for r in requests}
    assert ("createShortlist", "cg_c") in keys and ("relationshipMap", "cg_l") in keys
    assert all(r.key is None for r in requests if r.operation in ("assetsNear", "node"))


def test_load_is_never_sent_beyond_loopback() -> None:
    with pytest.raises(ValueError, match="loopback"):
        drive_mix("http://example.org/graphql", [], clients=1, seconds=0.1)
