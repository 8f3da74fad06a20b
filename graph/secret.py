"""The server's own secret, for keyed hashes that must not be reversible by guessing.

An audit event records that a person was erased by a hash of their id. A plain sha256 of a
sequential id (``gen:person:000005``) is reversed by hashing every candidate; an HMAC
(RFC 2104) with a secret only the server holds is not. The secret is
``$COMMONGRAPH_SECRET`` when set (several servers that must agree share it), else 32 random
bytes generated once and kept in ``$COMMONGRAPH_HOME/secret`` (mode 0600), so hashes stay
the same across restarts. Back it up with the database: without it, an auditor cannot check
a given id against the events.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import secrets
from functools import cache
from pathlib import Path

from graph.environment import environment

__all__ = ["keyed_hash", "secret_path", "server_secret"]


def secret_path() -> Path:
    """Where the generated secret is kept."""
    return environment().home / "secret"


@cache
def server_secret() -> bytes:
    """``$COMMONGRAPH_SECRET``, else the kept secret (made on first use)."""
    configured = environment().secret
    if configured:
        return configured.get_secret_value().encode("utf-8")
    path = secret_path()
    if not path.is_file():
        path.parent.mkdir(parents=True, exist_ok=True)
        fresh = secrets.token_hex(32)
        try:
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:  # another process made it first
            pass
        else:
            with os.fdopen(fd, "w", encoding="ascii") as handle:
                handle.write(fresh)
    return path.read_text(encoding="ascii").strip().encode("ascii")


def keyed_hash(value: str) -> str:
    """``hmac-sha256:<hex>`` of ``value`` under the server secret."""
    digest = hmac.new(server_secret(), value.encode("utf-8"), hashlib.sha256).hexdigest()
    return f"hmac-sha256:{digest}"
