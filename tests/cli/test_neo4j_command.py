"""`commongraph neo4j start|stop|status` behave as docs/decisions.md F1 says, with one-line
errors."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from graph.server.config import PROJECT_ROOT
from graph.settings import Neo4jSettings
from tests.support.ports import free_port

COMMONGRAPH = str(Path(sys.executable).parent / "commongraph")


def _run(env: dict[str, str], *args: str, timeout: float = 240) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [COMMONGRAPH, *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )


@pytest.fixture
def local_env(tmp_path: Path) -> Iterator[dict[str, str]]:
    """An environment for a private local server: own home, free ports, no NEO4J_URI."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("NEO4J_")}
    env.update(
        COMMONGRAPH_HOME=str(tmp_path / "home"),
        COMMONGRAPH_BOLT_PORT=str(free_port()),
        COMMONGRAPH_HTTP_PORT=str(free_port()),
        COMMONGRAPH_NEO4J_HEAP="512m",
        COMMONGRAPH_NEO4J_PAGECACHE="128m",
    )
    yield env
    _run(env, "neo4j", "stop")


def _running(pid: int) -> bool:
    """True while ``pid`` is a live process (a zombie awaiting its reaper has exited)."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().split()[2] != "Z"
    except FileNotFoundError:
        return False


def _one_clean_line(result: subprocess.CompletedProcess[str]) -> str:
    assert "Traceback" not in result.stderr
    lines = [line for line in result.stderr.splitlines() if line.startswith("commongraph: error")]
    assert len(lines) == 1, result.stderr
    return lines[0]


def test_status_exits_3_when_the_server_is_not_running(local_env: dict[str, str]) -> None:
    result = _run(local_env, "neo4j", "status")
    assert result.returncode == 3
    assert "not running" in result.stdout


def test_start_is_idempotent_and_stop_leaves_no_process(local_env: dict[str, str]) -> None:
    first = _run(local_env, "neo4j", "start")
    assert first.returncode == 0, first.stderr
    uri = f"bolt://127.0.0.1:{local_env['COMMONGRAPH_BOLT_PORT']}"
    assert first.stdout.strip() == uri
    password = Path(local_env["COMMONGRAPH_HOME"], "neo4j", "password")
    assert oct(password.stat().st_mode & 0o777) == "0o600"

    again = _run(local_env, "neo4j", "start", timeout=60)
    assert again.returncode == 0 and again.stdout.strip() == uri
    assert _run(local_env, "neo4j", "status").returncode == 0

    pid = int(Path(local_env["COMMONGRAPH_HOME"], "neo4j", "neo4j.pid").read_text())
    assert _run(local_env, "neo4j", "stop").returncode == 0
    assert not _running(pid)
    assert _run(local_env, "neo4j", "status").returncode == 3


def test_start_on_a_port_in_use_says_which_port_in_one_line(local_env: dict[str, str]) -> None:
    with socket.socket() as squatter:
        squatter.bind(("127.0.0.1", int(local_env["COMMONGRAPH_BOLT_PORT"])))
        squatter.listen()
        result = _run(local_env, "neo4j", "start", timeout=60)
    assert result.returncode == 1
    line = _one_clean_line(result)
    assert local_env["COMMONGRAPH_BOLT_PORT"] in line and "in use" in line


def test_start_without_java_says_how_to_install_it(local_env: dict[str, str]) -> None:
    env = {**local_env, "PATH": "/nonexistent"}
    result = _run(env, "neo4j", "start", timeout=60)
    assert result.returncode == 1
    assert "java" in _one_clean_line(result).lower()


def test_a_wrong_password_is_one_line_naming_the_variables(
    neo4j_settings: Neo4jSettings,
) -> None:
    env = {**os.environ, "NEO4J_URI": neo4j_settings.uri, "NEO4J_PASSWORD": "wrong-password"}
    result = _run(env, "neo4j", "status", timeout=60)
    assert result.returncode == 1
    assert "NEO4J_PASSWORD" in _one_clean_line(result)


def test_status_of_an_unreachable_external_server_exits_3() -> None:
    env = {**os.environ, "NEO4J_URI": f"bolt://127.0.0.1:{free_port()}", "NEO4J_PASSWORD": "x"}
    result = _run(env, "neo4j", "status", timeout=60)
    assert result.returncode == 3
    assert PROJECT_ROOT.exists()
