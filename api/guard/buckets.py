"""Token buckets and in-flight counts, one pair per client, in a bounded table.

A token bucket (Turner, "New directions in communications", IEEE Commun. Mag. 24(10), 1986)
holds up to ``burst`` tokens and gains ``rate`` tokens a second; a request takes one. It lets
a screen's burst of requests through and holds a steady flood to ``rate``. The table keeps
the most recently seen clients (least recently used are forgotten first, never one with a
request in flight), so a flood of new addresses cannot grow memory without bound.
"""

from __future__ import annotations

import math
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, field

from api.guard.settings import ClientLimits

__all__ = ["ClientState", "ClientTable", "TokenBucket", "retry_after"]


@dataclass(slots=True)
class TokenBucket:
    """``rate`` tokens a second up to ``burst``; :meth:`take` answers how long to wait."""

    rate: float
    burst: int
    tokens: float = -1.0
    updated: float = 0.0

    def take(self, now: float) -> float:
        """Take one token if there is one and answer 0, else answer the seconds until one."""
        if self.tokens < 0:  # a new bucket starts full
            self.tokens, self.updated = float(self.burst), now
        self.tokens = min(self.burst, self.tokens + (now - self.updated) * self.rate)
        self.updated = now
        if self.tokens >= 1:
            self.tokens -= 1
            return 0.0
        return (1 - self.tokens) / self.rate


@dataclass(slots=True)
class ClientState:
    """One client's bucket and how many of its requests are being answered now."""

    bucket: TokenBucket
    in_flight: int = 0


@dataclass
class ClientTable:
    """``client id → ClientState``, at most ``max_clients`` idle ones remembered."""

    max_clients: int = 10_000
    clock: Callable[[], float] = time.monotonic
    _clients: OrderedDict[str, ClientState] = field(default_factory=OrderedDict)

    def admit(self, client: str, limits: ClientLimits) -> float:
        """0 and one more request in flight for ``client``, or the seconds it should wait.

        Refused when its bucket is empty or it already has ``limits.concurrency`` requests
        in flight; the wait for the latter is one second (requests finish in milliseconds).
        """
        state = self._clients.get(client)
        if state is None:
            state = ClientState(TokenBucket(limits.rate, limits.burst))
            self._clients[client] = state
            self._forget_idle()
        else:
            self._clients.move_to_end(client)
        if state.in_flight >= limits.concurrency:
            return 1.0
        wait = state.bucket.take(self.clock())
        if wait > 0:
            return wait
        state.in_flight += 1
        return 0.0

    def waiting(self, client: str) -> float:
        """Seconds until ``client``'s bucket holds a token again, taking nothing (0 if it does)."""
        state = self._clients.get(client)
        if state is None or state.bucket.tokens < 0:
            return 0.0
        bucket = state.bucket
        tokens = min(bucket.burst, bucket.tokens + (self.clock() - bucket.updated) * bucket.rate)
        return 0.0 if tokens >= 1 else (1 - tokens) / bucket.rate

    def release(self, client: str) -> None:
        """One of ``client``'s requests has been answered."""
        state = self._clients.get(client)
        if state is not None and state.in_flight > 0:
            state.in_flight -= 1

    def charge(self, client: str, limits: ClientLimits, tokens: int) -> None:
        """Take ``tokens`` more from ``client``'s bucket (a penalty, e.g. for a bad key)."""
        state = self._clients.get(client)
        if state is None:
            state = self._clients[client] = ClientState(TokenBucket(limits.rate, limits.burst))
        state.bucket.take(self.clock())
        state.bucket.tokens -= tokens - 1

    def __len__(self) -> int:
        return len(self._clients)

    def _forget_idle(self) -> None:
        while len(self._clients) > self.max_clients:
            for name, state in self._clients.items():
                if state.in_flight == 0:
                    del self._clients[name]
                    break
            else:
                return


def retry_after(wait_s: float) -> int:
    """Whole seconds for a ``Retry-After`` header (at least 1)."""
    return max(1, math.ceil(wait_s))
