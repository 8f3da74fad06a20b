"""Exit codes and the one-line error rendering shared by every command."""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable
from typing import ParamSpec, TypeVar

import click

from graph.errors import CommonGraphError

__all__ = ["EXIT_FAILURE", "EXIT_OK", "EXIT_PARTIAL", "EXIT_STOPPED", "fail_cleanly"]

EXIT_OK = 0
EXIT_FAILURE = 1
EXIT_PARTIAL = 2
EXIT_STOPPED = 3  # `neo4j status`: not running, as an init script's status says

P = ParamSpec("P")
R = TypeVar("R")


def fail_cleanly(func: Callable[P, R]) -> Callable[P, R]:
    """Turn a :class:`CommonGraphError` into one line on stderr and exit code 1."""

    @functools.wraps(func)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return func(*args, **kwargs)
        except CommonGraphError as exc:
            click.echo(f"commongraph: error: {exc}", err=True)
            sys.exit(exc.exit_code)

    return wrapper
