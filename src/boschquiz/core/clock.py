"""Injected clocks, so timed play is tested without sleeping.

Countdowns are computed from a deadline on the monotonic clock, never by counting ticks.
"""

from __future__ import annotations

import time
from datetime import UTC, date, datetime, timedelta
from typing import Protocol


class Clock(Protocol):
    def monotonic(self) -> float:
        """Seconds on a clock that never goes backwards; only differences mean anything."""
        ...

    def now(self) -> datetime:
        """The wall-clock time, timezone-aware (local zone)."""
        ...


class SystemClock:
    def monotonic(self) -> float:
        return time.monotonic()

    def now(self) -> datetime:
        return datetime.now(UTC).astimezone()


class FakeClock:
    """A clock the tests move by hand."""

    def __init__(self, start: float = 1000.0, wall: datetime | None = None) -> None:
        self._t = start
        self._wall = wall or datetime(2026, 11, 24, 12, 0, tzinfo=UTC)

    def monotonic(self) -> float:
        return self._t

    def now(self) -> datetime:
        return self._wall

    def advance(self, seconds: float) -> None:
        self._t += seconds
        self._wall = self._wall + timedelta(seconds=seconds)

    def set_date(self, day: date) -> None:
        self._wall = self._wall.replace(year=day.year, month=day.month, day=day.day)
