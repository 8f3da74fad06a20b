"""Analytics reports for the API: off the event loop, a few at a time, reused while unchanged.

A report reads the whole relationship projection and runs networkx over it: seconds of CPU.
Twenty leaders asking at once used to start twenty computations side by side (95 s at the
median, measured). Here:

* the same report with the same parameters is computed once for everyone asking while the
  database is unchanged (:class:`graph.result_cache.ResultCache`: keyed by Neo4j's bookmark,
  so a write anywhere makes the next request recompute; never stale);
* at most :data:`MAX_RUNNING` different reports compute at once per worker, each in a thread,
  so the event loop keeps answering everything else;
* at most :data:`MAX_WAITING` more wait, each for at most :data:`WAIT_S`; beyond that the
  answer is :class:`graph.errors.Busy` (503, code ``BUSY``) at once, not a queue that grows.

The app keeps one runner (``app.state.reports``), made in its lifespan.
"""

from __future__ import annotations

import asyncio
from typing import Any

from graph import messages as say
from graph.database import Database
from graph.errors import Busy
from graph.repositories import analytics
from graph.result_cache import ResultCache

__all__ = ["MAX_RUNNING", "MAX_WAITING", "WAIT_S", "ReportRunner"]

#: Reports computing at once in one worker (the machine's cores are shared with Neo4j).
MAX_RUNNING = 1
#: Reports waiting for a turn in one worker before more are refused.
MAX_WAITING = 8
#: Seconds a report may wait for its turn.
WAIT_S = 60.0


class ReportRunner:
    """Runs :func:`graph.repositories.analytics.run_report` under the rules above."""

    def __init__(
        self, max_running: int = MAX_RUNNING, max_waiting: int = MAX_WAITING, wait_s: float = WAIT_S
    ) -> None:
        self.max_running = max_running
        self.max_waiting = max_waiting
        self.wait_s = wait_s
        self.computed = 0
        self._turns = asyncio.Semaphore(max_running)
        #: reports admitted and not finished (running or waiting for a turn): counted when a
        #: report is admitted, with no await in between, so who is refused depends only on
        #: how many came first, never on how the event loop interleaved their starts
        self._admitted = 0
        self._results = ResultCache(max_entries=16)

    async def run(
        self,
        db: Database,
        report: analytics.ReportName,
        *,
        prefix: str | None,
        top: int,
        group_attr: analytics.GroupAttr,
        scope: str | None = None,
    ) -> dict[str, Any]:
        """The report, shared with concurrent callers and reused until the graph changes.

        The value is shared: callers must not change it.
        """
        key = ("analytics report", report, prefix, scope, top, group_attr)
        bookmark = await db.current_bookmark()

        async def compute() -> dict[str, Any]:
            if self._admitted >= self.max_running + self.max_waiting:
                waiting = self._admitted - self.max_running
                raise Busy(say.BUSY_WAITING(waiting=waiting))
            self._admitted += 1
            try:
                try:
                    await asyncio.wait_for(self._turns.acquire(), self.wait_s)
                except TimeoutError:
                    raise Busy(say.BUSY_NO_TURN(seconds=f"{self.wait_s:g}")) from None
                try:
                    self.computed += 1
                    return await asyncio.to_thread(
                        analytics.run_report,
                        db.settings,
                        report,
                        prefix=prefix,
                        scope=scope,
                        top=top,
                        group_attr=group_attr,
                    )
                finally:
                    self._turns.release()
            finally:
                self._admitted -= 1

        return await self._results.get_or_load(key, bookmark, compute)
