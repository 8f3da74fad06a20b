"""Rich consoles for the CLI: full-width tables even when output goes to a file or a pipe."""

from __future__ import annotations

from rich.console import Console

__all__ = ["make_console"]

#: Width used when the output is not a terminal (logs, CI): wide enough for the summaries.
PIPE_WIDTH = 160


def make_console(*, stderr: bool = False) -> Console:
    """A console on stdout (or stderr) that does not squeeze tables to 80 columns in logs."""
    console = Console(stderr=stderr)
    if not console.is_terminal:
        console = Console(stderr=stderr, width=PIPE_WIDTH)
    return console
