"""Where the machine's CPU went during a measurement: Neo4j, the API, the load generator.

Read from ``/proc`` (Linux): a process's user + system time (``/proc/<pid>/stat`` fields 14
and 15, in clock ticks) and the machine's busy time (``/proc/stat``). A group is a set of
process trees (a root and every descendant, so uvicorn's worker processes count with their
parent); the load generator is the benchmark's own process alone (Neo4j and the API are its
children). The split says what bounds a closed-loop load test on one machine: whoever used the
cores the clients were waiting for.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

from pydantic import BaseModel

__all__ = [
    "CpuSplit",
    "cpu_split",
    "machine_busy_seconds",
    "neo4j_pids",
    "process_seconds",
    "tree_seconds",
]

_TICK = os.sysconf("SC_CLK_TCK")
_PROC = Path("/proc")


def _stat(pid: int) -> list[str] | None:
    try:
        text = (_PROC / str(pid) / "stat").read_text()
    except OSError:
        return None
    # The command name (field 2) is in parentheses and may hold spaces: split after it.
    return text[text.rindex(")") + 2 :].split()


def _children() -> dict[int, list[int]]:
    children: dict[int, list[int]] = {}
    for entry in _PROC.iterdir():
        if entry.name.isdigit():
            fields = _stat(int(entry.name))
            if fields is not None:
                children.setdefault(int(fields[1]), []).append(int(entry.name))
    return children


def process_seconds(pid: int) -> float:
    """CPU seconds (user + system) used so far by one process (all its threads), without
    its children."""
    fields = _stat(pid)
    return (int(fields[11]) + int(fields[12])) / _TICK if fields is not None else 0.0


def tree_seconds(roots: list[int]) -> float:
    """CPU seconds (user + system) used so far by ``roots`` and all their descendants."""
    children = _children()
    seen: set[int] = set()
    stack = list(roots)
    total = 0
    while stack:
        pid = stack.pop()
        if pid in seen:
            continue
        seen.add(pid)
        fields = _stat(pid)
        if fields is not None:
            total += int(fields[11]) + int(fields[12])  # utime, stime (fields 14 and 15)
        stack.extend(children.get(pid, []))
    return total / _TICK


def machine_busy_seconds() -> float:
    """CPU seconds every core has spent not idle since boot (``/proc/stat``)."""
    values = [int(v) for v in (_PROC / "stat").read_text().splitlines()[0].split()[1:]]
    idle = values[3] + values[4]  # idle, iowait
    return (sum(values[:8]) - idle) / _TICK


def neo4j_pids(marker: str) -> list[int]:
    """Java processes whose command line mentions ``marker`` (a Neo4j home or state dir)."""
    found = []
    for entry in _PROC.iterdir():
        if not entry.name.isdigit():
            continue
        try:
            cmdline = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="ignore")
        except OSError:
            continue
        if "java" in cmdline and marker in cmdline:
            found.append(int(entry.name))
    return found


class CpuSplit(BaseModel):
    """Core-seconds used by each group over ``seconds`` of wall time on ``cores`` cores."""

    seconds: float
    cores: int
    used: dict[str, float]
    other: float

    @property
    def available(self) -> float:
        return self.seconds * self.cores

    def describe(self) -> str:
        parts = [f"{name} {value:.0f}" for name, value in self.used.items()]
        idle = max(self.available - sum(self.used.values()) - self.other, 0.0)
        return (
            f"{', '.join(parts)}, other {self.other:.0f}, idle {idle:.0f} "
            f"(core-seconds of {self.available:.0f})"
        )


def cpu_split(
    before: Mapping[str, float],
    after: Mapping[str, float],
    busy: tuple[float, float],
    seconds: float,
) -> CpuSplit:
    """The split between two readings of :func:`tree_seconds` per group and of
    :func:`machine_busy_seconds` (``busy`` = before, after)."""
    used = {name: after[name] - before[name] for name in before}
    other = max(busy[1] - busy[0] - sum(used.values()), 0.0)
    return CpuSplit(seconds=seconds, cores=os.cpu_count() or 1, used=used, other=other)
