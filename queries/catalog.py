"""The catalogue of named Cypher statements.

Each statement lives in its own file, ``queries/cypher/<domain>/<name>.cypher``, whose header
comment states its parameters. Nothing is ever pasted into a statement's text: values travel
as parameters, and where a label or relationship type must vary it is chosen from an
allow-list in code, never from a client string (docs/decisions.md F3).

Examples
--------
>>> from queries.catalog import cypher
>>> cypher("health/ping").splitlines()[-1]
'RETURN 1 AS ok'
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import LiteralString

__all__ = ["CYPHER_DIR", "cypher", "statements"]

CYPHER_DIR = Path(__file__).resolve().parent / "cypher"


@cache
def cypher(name: str) -> LiteralString:
    """Return the statement ``name`` (``"domain/name"``, without ``.cypher``).

    The text comes from a file shipped with the package, never from a client, which is why
    it may be typed ``LiteralString``.
    """
    path = (CYPHER_DIR / f"{name}.cypher").resolve()
    if CYPHER_DIR not in path.parents or not path.is_file():
        raise KeyError(f"no Cypher statement named {name!r} in {CYPHER_DIR}")
    text: LiteralString = path.read_text(encoding="utf-8")  # mypy treats LiteralString as str
    return text


@cache
def statements(name: str) -> tuple[LiteralString, ...]:
    """Split a multi-statement file (such as the schema) on ``;`` at line ends."""
    text = cypher(name)
    body = "\n".join(line for line in text.splitlines() if not line.lstrip().startswith("//"))
    parts = [part.strip() for part in body.split(";\n")]
    return tuple(part.rstrip(";").strip() for part in parts if part.strip())
