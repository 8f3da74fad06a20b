"""The benchmark's own Cypher, one statement per file in ``bench/cypher/``.

Same convention as :mod:`queries.catalog`: a header comment lists the parameters, values
travel as parameters, nothing is pasted into the text.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import LiteralString

__all__ = ["BENCH_CYPHER_DIR", "bench_cypher"]

BENCH_CYPHER_DIR = Path(__file__).resolve().parent / "cypher"


@cache
def bench_cypher(name: str) -> LiteralString:
    """The statement ``bench/cypher/<name>.cypher``."""
    path = (BENCH_CYPHER_DIR / f"{name}.cypher").resolve()
    if BENCH_CYPHER_DIR not in path.parents or not path.is_file():
        raise KeyError(f"no benchmark statement named {name!r}")
    text: LiteralString = path.read_text(encoding="utf-8")  # a shipped file, never a client string
    return text
