"""The CPU split of a load test reads real process times from /proc."""

from __future__ import annotations

import os
import time

from bench.cpu import cpu_split, machine_busy_seconds, process_seconds, tree_seconds


def _spin(seconds: float) -> None:
    end = time.process_time() + seconds
    while time.process_time() < end:
        pass


def test_a_process_tree_is_charged_for_the_cpu_it_burns() -> None:
    before, busy = tree_seconds([os.getpid()]), machine_busy_seconds()
    _spin(0.3)
    spent = tree_seconds([os.getpid()]) - before
    assert 0.25 <= spent <= 1.0
    assert process_seconds(os.getpid()) <= tree_seconds([os.getpid()])
    assert machine_busy_seconds() - busy >= 0.25


def test_the_split_leaves_what_no_group_used_to_other_and_idle() -> None:
    split = cpu_split({"API": 1.0, "Neo4j": 2.0}, {"API": 11.0, "Neo4j": 32.0}, (100.0, 150.0), 30)
    assert split.used == {"API": 10.0, "Neo4j": 30.0} and split.other == 10.0
    assert split.describe().startswith("API 10, Neo4j 30, other 10, idle ")
