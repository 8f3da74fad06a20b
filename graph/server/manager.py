"""Install, start, stop and query the local Neo4j Community server.

The server is ``org.neo4j.server.CommunityEntryPoint`` run by the machine's ``java`` with the
jars Maven copied into ``graph/server/lib`` (docs/decisions.md F1). Start is idempotent and
returns only once Bolt answers ``RETURN 1``; stop leaves no process behind. Every failure a
user can meet (no Java, no Maven, port taken, server died during start) is a
:class:`~graph.errors.ServerSetupError` with one line saying what to do.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import shutil
import signal
import socket
import string
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

import neo4j
from neo4j.exceptions import AuthError, ServiceUnavailable

from graph.errors import ServerSetupError
from graph.server.config import ServerLayout, ServerSizing, render_neo4j_conf

__all__ = ["ServerStatus", "install", "is_installed", "start", "status", "stop"]

ENTRY_POINT = "org.neo4j.server.CommunityEntryPoint"
ADMIN_TOOL = "org.neo4j.cli.AdminTool"
NEO4J_USER = "neo4j"

# Flags Neo4j's own launcher passes on Java 17 (from its default neo4j.conf).
JVM_FLAGS = (
    "-XX:+UseG1GC",
    "-XX:-OmitStackTraceInFastThrow",
    "-XX:+AlwaysPreTouch",
    "-XX:+DisableExplicitGC",
    "-Djdk.nio.maxCachedBufferSize=1024",
    "-Dio.netty.tryReflectionSetAccessible=true",
    "-Djdk.tls.ephemeralDHKeySize=2048",
    "-Dlog4j2.disable.jmx=true",
    "--add-opens=java.base/java.nio=ALL-UNNAMED",
    "--add-opens=java.base/java.io=ALL-UNNAMED",
    "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
    "--add-opens=java.base/java.lang=ALL-UNNAMED",
    "--add-opens=java.base/java.util=ALL-UNNAMED",
    "--add-opens=java.base/java.util.concurrent=ALL-UNNAMED",
)


# Servers started by this process, kept so they can be reaped (and not warned about) on stop.
_CHILDREN: dict[int, subprocess.Popen[bytes]] = {}


@dataclass(frozen=True)
class ServerStatus:
    """What ``commongraph neo4j status`` reports."""

    running: bool
    pid: int | None
    uri: str
    detail: str


def _require(tool: str, advice: str) -> str:
    path = shutil.which(tool)
    if path is None:
        raise ServerSetupError(f"`{tool}` was not found on PATH: {advice}")
    return path


def is_installed(layout: ServerLayout) -> bool:
    """True when the Neo4j jars are in ``layout.lib_dir``."""
    return any(layout.lib_dir.glob("neo4j-server-5.*.jar"))


def install(layout: ServerLayout) -> None:
    """Let Maven copy Neo4j and its runtime dependencies into ``layout.lib_dir``.

    The first run downloads about 116 MB into ``~/.m2``; later runs copy from that cache.
    """
    if is_installed(layout):
        return
    mvn = _require("mvn", "install Maven 3 (Debian: `apt-get install maven`) to fetch Neo4j.")
    _require("java", "install Java 17 (Debian: `apt-get install openjdk-17-jre-headless`).")
    result = subprocess.run(
        [
            mvn,
            "-q",
            "-B",
            "-f",
            str(layout.pom),
            "dependency:copy-dependencies",
            f"-Dneo4j.lib.dir={layout.lib_dir}",
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0 or not is_installed(layout):
        tail = (result.stdout + result.stderr).strip().splitlines()[-3:]
        raise ServerSetupError(
            "Maven could not fetch Neo4j from Maven Central "
            f"(check the network or ~/.m2/settings.xml): {' | '.join(tail)}"
        )


def _read_pid(layout: ServerLayout) -> int | None:
    try:
        pid = int(layout.pid_file.read_text().strip())
    except (OSError, ValueError):
        return None
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return None
    except PermissionError:
        return pid
    cmdline = Path(f"/proc/{pid}/cmdline")
    if cmdline.exists() and ENTRY_POINT.encode() not in cmdline.read_bytes():
        return None  # the pid was reused by an unrelated process
    return pid


def _port_in_use(host: str, port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.settimeout(0.5)
        return sock.connect_ex((host, port)) == 0


def read_password(layout: ServerLayout) -> str:
    """The generated password of the local server, creating it on first use (mode 0600)."""
    if layout.password_file.exists():
        return layout.password_file.read_text().strip()
    layout.state_dir.mkdir(parents=True, exist_ok=True)
    # Letters and digits only: a password starting with "-" would be read as an option by
    # `neo4j-admin dbms set-initial-password`.
    password = "".join(secrets.choice(string.ascii_letters + string.digits) for _ in range(24))
    fd = os.open(layout.password_file, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w") as handle:
        handle.write(password + "\n")
    return password


def _answers(layout: ServerLayout, password: str) -> bool:
    try:
        with neo4j.GraphDatabase.driver(
            layout.bolt_uri, auth=(NEO4J_USER, password), connection_timeout=2.0
        ) as driver:
            with driver.session() as session:  # one try, no retry loop: we poll ourselves
                record = session.run("RETURN 1 AS ok").single()
            return bool(record and record["ok"] == 1)
    except (ServiceUnavailable, OSError):
        return False
    except AuthError as exc:
        raise ServerSetupError(
            f"Neo4j at {layout.bolt_uri} refused the password in {layout.password_file}: "
            "delete that folder's home/data to start afresh, or set NEO4J_PASSWORD."
        ) from exc


def _write_config(layout: ServerLayout, sizing: ServerSizing) -> None:
    layout.conf_dir.mkdir(parents=True, exist_ok=True)
    for sub in ("data", "logs", "run", "import"):
        (layout.home_dir / sub).mkdir(parents=True, exist_ok=True)
    (layout.conf_dir / "neo4j.conf").write_text(render_neo4j_conf(layout, sizing))


def _set_initial_password(layout: ServerLayout, java: str, password: str) -> None:
    if (layout.home_dir / "data" / "dbms" / "auth.ini").exists() or (
        layout.home_dir / "data" / "databases" / "system"
    ).exists():
        return
    env = {**os.environ, "NEO4J_HOME": str(layout.home_dir), "NEO4J_CONF": str(layout.conf_dir)}
    result = subprocess.run(
        [java, "-cp", f"{layout.lib_dir}/*", ADMIN_TOOL, "dbms", "set-initial-password", password],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    if result.returncode != 0:
        raise ServerSetupError(
            f"could not set the Neo4j password: {result.stderr.strip().splitlines()[-1:]}"
        )


def _log_tail(layout: ServerLayout, lines: int = 3) -> str:
    try:
        text = layout.console_log.read_text(errors="replace").strip().splitlines()
    except OSError:
        return ""
    errors = [line for line in text if " ERROR " in line or "Exception" in line]
    return " | ".join((errors or text)[-lines:])


def start(layout: ServerLayout, sizing: ServerSizing, *, timeout: float = 180.0) -> str:
    """Start the server (installing it first if needed) and return its Bolt URI.

    Idempotent: a server already running for ``layout`` is left as it is. Returns only when
    Bolt answers ``RETURN 1``; raises :class:`ServerSetupError` otherwise.
    """
    java = _require("java", "install Java 17 (Debian: `apt-get install openjdk-17-jre-headless`).")
    password = read_password(layout)
    if _read_pid(layout) is not None:
        if _wait_until_answers(layout, password, timeout=timeout, pid=_read_pid(layout)):
            return layout.bolt_uri
        raise ServerSetupError(f"Neo4j is running but does not answer on {layout.bolt_uri}")
    for port in (layout.bolt_port, layout.http_port):
        if _port_in_use(layout.host, port):
            raise ServerSetupError(
                f"port {port} on {layout.host} is in use by another program: stop it, or "
                "choose other ports with COMMONGRAPH_BOLT_PORT / COMMONGRAPH_HTTP_PORT."
            )
    install(layout)
    _write_config(layout, sizing)
    _set_initial_password(layout, java, password)
    command = [
        java,
        f"-Xms{sizing.heap}",
        f"-Xmx{sizing.heap}",
        *JVM_FLAGS,
        "-cp",
        f"{layout.lib_dir}/*",
        ENTRY_POINT,
        f"--home-dir={layout.home_dir}",
        f"--config-dir={layout.conf_dir}",
        "--console-mode",
    ]
    with open(layout.console_log, "ab") as log:
        process = subprocess.Popen(
            command,
            stdout=log,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            start_new_session=True,
            cwd=layout.home_dir,
        )
    _CHILDREN[process.pid] = process
    layout.pid_file.write_text(f"{process.pid}\n")
    if _wait_until_answers(layout, password, timeout=timeout, pid=process.pid):
        return layout.bolt_uri
    stop(layout)
    raise ServerSetupError(
        f"Neo4j did not answer on {layout.bolt_uri} within {timeout:.0f} s; "
        f"see {layout.console_log}: {_log_tail(layout)}"
    )


def _wait_until_answers(
    layout: ServerLayout, password: str, *, timeout: float, pid: int | None
) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if pid is not None and not _alive(pid):
            raise ServerSetupError(
                f"Neo4j exited during start; see {layout.console_log}: {_log_tail(layout)}"
            )
        if _answers(layout, password):
            return True
        time.sleep(0.5)
    return False


def stop(layout: ServerLayout, *, timeout: float = 60.0) -> bool:
    """Stop the server; return False when none was running. Leaves no process behind."""
    pid = _read_pid(layout)
    if pid is None:
        layout.pid_file.unlink(missing_ok=True)
        return False
    with contextlib.suppress(ProcessLookupError):
        os.kill(pid, signal.SIGTERM)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and _alive(pid):
        time.sleep(0.2)
    if _alive(pid):
        with contextlib.suppress(ProcessLookupError):
            os.killpg(pid, signal.SIGKILL)
        while _alive(pid):
            time.sleep(0.1)
    child = _CHILDREN.pop(pid, None)
    if child is not None:
        child.wait()
    layout.pid_file.unlink(missing_ok=True)
    return True


def _alive(pid: int) -> bool:
    child = _CHILDREN.get(pid)
    if child is not None:
        return child.poll() is None
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    stat = Path(f"/proc/{pid}/stat")
    with contextlib.suppress(OSError):
        if stat.read_text().split()[2] == "Z":  # a zombie has already exited
            return False
    return True


def status(layout: ServerLayout) -> ServerStatus:
    """Whether the local server runs and answers ``RETURN 1``."""
    pid = _read_pid(layout)
    if pid is None:
        return ServerStatus(False, None, layout.bolt_uri, "not running")
    if _answers(layout, read_password(layout)):
        return ServerStatus(True, pid, layout.bolt_uri, "running")
    return ServerStatus(True, pid, layout.bolt_uri, "starting (process up, Bolt not answering)")
