"""A description of the machine a run measured on (the figures mean little without it)."""

from __future__ import annotations

import json
import os
import platform
import shutil
import subprocess
from datetime import UTC, datetime
from pathlib import Path

from pydantic import BaseModel

from graph.server.config import SERVER_DIR

__all__ = ["Machine", "describe_machine"]


class Machine(BaseModel):
    """What ran the benchmark."""

    date: str
    cpu: str
    cores: int
    ram_gib: float
    os: str
    java: str
    neo4j: str
    python: str
    node: str
    neo4j_graphql: str
    wrk: str


def _first_line(argv: list[str]) -> str:
    if shutil.which(argv[0]) is None:
        return "not installed"
    run = subprocess.run(argv, capture_output=True, text=True, check=False)
    lines = (run.stdout + run.stderr).strip().splitlines()
    return lines[0].strip() if lines else "unknown"


def _cpu() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def _ram_gib() -> float:
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                return round(int(line.split()[1]) / 1024**2, 1)
    except OSError:
        pass
    return 0.0


def _os() -> str:
    try:
        fields = dict(
            line.split("=", 1)
            for line in Path("/etc/os-release").read_text().splitlines()
            if "=" in line
        )
        name = fields.get("PRETTY_NAME", "Linux").strip('"')
    except OSError:
        name = platform.system()
    return f"{name}, kernel {platform.release()}"


def _neo4j() -> str:
    jars = sorted((SERVER_DIR / "lib").glob("neo4j-kernel-5.*.jar")) or sorted(
        (SERVER_DIR / "lib").glob("neo4j-5.*.jar")
    )
    return jars[0].stem.split("-")[-1] + " Community" if jars else "unknown"


def _package_version(path: Path) -> str:
    try:
        return str(json.loads(path.read_text())["version"])
    except (OSError, KeyError, ValueError):
        return "not installed"


def describe_machine(peer_dir: Path) -> Machine:
    """Collect the machine description (CPU, cores, RAM, OS and tool versions)."""
    return Machine(
        date=datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        cpu=_cpu(),
        cores=os.cpu_count() or 0,
        ram_gib=_ram_gib(),
        os=_os(),
        java=_first_line(["java", "-version"]),
        neo4j=_neo4j(),
        python=platform.python_version(),
        node=_first_line(["node", "--version"]),
        neo4j_graphql=_package_version(
            peer_dir / "node_modules" / "@neo4j" / "graphql" / "package.json"
        ),
        wrk=_first_line(["wrk", "--version"]).split(" Copyright")[0],
    )
