"""Run a coroutine to completion from a synchronous test, whatever loop is running.

Playwright's sync API keeps an event loop running in the main thread for the rest of the
session once a browser test has run, so a plain ``asyncio.run`` in a later test fails with
"cannot be called from a running event loop". A fresh loop in a worker thread always works.
"""

from __future__ import annotations

import asyncio
from collections.abc import Coroutine
from concurrent.futures import ThreadPoolExecutor
from typing import Any, TypeVar

__all__ = ["run_in_own_loop"]

T = TypeVar("T")


def run_in_own_loop(coroutine: Coroutine[Any, Any, T]) -> T:
    """``asyncio.run(coroutine)`` on a new event loop in a worker thread; its result."""
    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(asyncio.run, coroutine).result()
