"""Small value conversions shared by the repositories (dates as stored, staleness cut-off)."""

from __future__ import annotations

from datetime import UTC, datetime

__all__ = ["is_stale", "iso", "now_iso", "stale_before"]


def iso(value: object) -> str | None:
    """A stored date-time (ISO string or driver temporal) as an ISO string."""
    if value is None:
        return None
    fmt = getattr(value, "iso_format", None)
    return str(fmt()) if callable(fmt) else str(value)


def now_iso() -> str:
    """The current UTC time as an ISO 8601 string (how the API stores times)."""
    return datetime.now(UTC).isoformat()


def stale_before(now: datetime | None = None) -> str:
    """ISO date-time twelve calendar months before ``now``: older verifications are stale.

    Examples
    --------
    >>> stale_before(datetime(2024, 2, 29, tzinfo=UTC))
    '2023-02-28T00:00:00+00:00'
    """
    now = now or datetime.now(UTC)
    day = min(now.day, 28) if now.month == 2 else now.day
    return now.replace(year=now.year - 1, day=day).isoformat()


def is_stale(last_verified: str | None, now: datetime | None = None) -> bool:
    """Whether a listing was last verified more than twelve months ago (or never).

    The same rule as the Cypher expression ``datetime(toString(n.last_verified)) <
    datetime($stale_before)``; values without a time zone are read as UTC, like Neo4j does.

    Examples
    --------
    >>> is_stale(None)
    True
    >>> is_stale("2020-01-01T00:00:00", now=datetime(2020, 6, 1, tzinfo=UTC))
    False
    """
    if last_verified is None:
        return True
    try:
        when = datetime.fromisoformat(last_verified)
    except ValueError:
        return True
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return when < datetime.fromisoformat(stale_before(now))
