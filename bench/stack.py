"""The processes a benchmark run starts: its own Neo4j, the API under uvicorn, the Node peer.

Neo4j is started exactly as the project starts it (:func:`graph.server.manager.start` with
:meth:`ServerSizing.from_env`: 4 GiB heap, 4 GiB page cache), in
``.commongraph/bench`` on free loopback ports, so a developer's server on 7687 is never
touched. Every child listens on 127.0.0.1 only and is stopped by its own pid.
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path

import httpx
from pydantic import SecretStr

from graph.server import manager
from graph.server.config import PROJECT_ROOT, ServerLayout, ServerSizing
from graph.settings import Neo4jSettings

__all__ = [
    "BENCH_STATE",
    "PEER_DIR",
    "ChildServer",
    "bench_neo4j",
    "free_port",
    "start_api",
    "start_peer",
]

BENCH_STATE = PROJECT_ROOT / ".commongraph" / "bench"
PEER_DIR = Path(__file__).resolve().parent / "peer"
PROBE = '{"query": "{ __typename }"}'


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nobody listens on right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


@contextmanager
def bench_neo4j(
    *, fresh: bool = True, state: Path = BENCH_STATE, sizing: ServerSizing | None = None
) -> Iterator[tuple[Neo4jSettings, ServerLayout]]:
    """Start the benchmark's own Neo4j in ``state`` (sized from the environment unless
    ``sizing`` says otherwise); stop it (and only it) on the way out."""
    if fresh:
        shutil.rmtree(state, ignore_errors=True)
    layout = ServerLayout(state_dir=state, bolt_port=free_port(), http_port=free_port())
    manager.start(layout, sizing or ServerSizing.from_env())
    settings = Neo4jSettings(uri=layout.bolt_uri, password=SecretStr(manager.read_password(layout)))
    try:
        yield settings, layout
    finally:
        manager.stop(layout)


class ChildServer:
    """An HTTP server in a child process on a loopback port, with its GraphQL endpoint."""

    def __init__(
        self,
        name: str,
        argv: Sequence[str],
        *,
        port: int,
        env: Mapping[str, str],
        cwd: Path,
        log: Path,
    ) -> None:
        self.name = name
        self.port = port
        self.url = f"http://127.0.0.1:{port}/graphql"
        self.log = log
        log.parent.mkdir(parents=True, exist_ok=True)
        with log.open("wb") as out:
            self.process = subprocess.Popen(
                list(argv),
                cwd=cwd,
                env={**os.environ, **env},
                stdout=out,
                stderr=subprocess.STDOUT,
                stdin=subprocess.DEVNULL,
            )

    @property
    def pid(self) -> int:
        return self.process.pid

    def wait_ready(self, timeout: float = 60.0) -> None:
        """Return once ``{ __typename }`` is answered; raise with the log's tail otherwise."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                break
            try:
                response = httpx.post(
                    self.url,
                    content=PROBE,
                    headers={"content-type": "application/json"},
                    timeout=2.0,
                )
                if response.status_code == 200:
                    return
            except httpx.TransportError:
                pass
            time.sleep(0.2)
        tail = self.log.read_text(errors="replace")[-2000:]
        self.stop()
        raise RuntimeError(f"{self.name} did not answer on {self.url}: {tail}")

    def stop(self) -> None:
        """SIGTERM, then SIGKILL after 10 s; always reaps the child."""
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


def neo4j_env(settings: Neo4jSettings) -> dict[str, str]:
    """The NEO4J_* variables that point a child at the benchmark's Neo4j."""
    return {
        "NEO4J_URI": settings.uri,
        "NEO4J_USER": settings.user,
        "NEO4J_PASSWORD": settings.password.get_secret_value(),
        "NEO4J_DATABASE": settings.database,
    }


def start_api(settings: Neo4jSettings, log_dir: Path, workers: int = 1) -> ChildServer:
    """``api.app.create_app(settings)`` under ``workers`` uvicorn worker processes (access
    log off, as in prod)."""
    port = free_port()
    argv = [
        sys.executable,
        "-m",
        "uvicorn",
        "bench.asgi:app",
        "--factory",
        "--host",
        "127.0.0.1",
        "--port",
        str(port),
        "--workers",
        str(workers),
        "--no-access-log",
        "--log-level",
        "warning",
    ]
    server = ChildServer(
        "the API (uvicorn)",
        argv,
        port=port,
        env=neo4j_env(settings),
        cwd=PROJECT_ROOT,
        log=log_dir / f"api-{workers}.log",
    )
    server.wait_ready()
    return server


def install_peer() -> None:
    """``npm ci`` the peer's pinned dependencies (only when its lock file changed)."""
    stamp = PEER_DIR / "node_modules" / ".installed"
    lock = PEER_DIR / "package-lock.json"
    if stamp.exists() and stamp.stat().st_mtime >= lock.stat().st_mtime:
        return
    npm = shutil.which("npm")
    if npm is None:
        raise RuntimeError("npm is not on PATH (Debian: apt-get install nodejs npm)")
    subprocess.run(
        [npm, "ci", "--no-audit", "--no-fund", "--prefix", str(PEER_DIR)],
        check=True,
        capture_output=True,
    )
    stamp.touch()


def start_peer(settings: Neo4jSettings, log_dir: Path, processes: int = 1) -> ChildServer:
    """The Neo4j GraphQL Library peer (``bench/peer/server.mjs``): one Node process, or
    ``processes`` of them sharing the port (``cluster.mjs``)."""
    install_peer()
    node = shutil.which("node") or "node"
    port = free_port()
    server = ChildServer(
        "the @neo4j/graphql peer (node)",
        [node, "server.mjs"] if processes == 1 else [node, "cluster.mjs"],
        port=port,
        env={**neo4j_env(settings), "PORT": str(port), "WORKERS": str(processes)},
        cwd=PEER_DIR,
        log=log_dir / f"peer-{processes}.log",
    )
    server.wait_ready()
    return server
