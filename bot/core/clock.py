"""The clock the scheduler reads, injectable so tests and the bench can move time.

Times of events are local wall times in TIMEZONE; "7 days before 19:00" means 19:00 on the
wall clock seven days earlier, which is 167 or 169 hours across a daylight-saving change.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from typing import Protocol
from zoneinfo import ZoneInfo


class Clock(Protocol):
    def now(self) -> datetime:
        """The current instant, timezone-aware."""
        ...


class SystemClock:
    def now(self) -> datetime:
        return datetime.now(UTC)


class ManualClock:
    """A clock that only moves when told (tests, bench)."""

    def __init__(self, start: datetime) -> None:
        if start.tzinfo is None:
            raise ValueError("ManualClock needs an aware datetime")
        self._now = start

    def now(self) -> datetime:
        return self._now

    def set(self, value: datetime) -> None:
        self._now = value

    def advance(self, delta: timedelta) -> None:
        self._now += delta


def wall(day: date, at: time, tz: ZoneInfo) -> datetime:
    """The instant the wall clock in `tz` shows `at` on `day`.

    A time that does not exist (the hour skipped on the last Sunday of March) resolves with
    the offset before the switch, i.e. one hour later on the new wall clock; a time that
    happens twice (last Sunday of October) is its first occurrence (PEP 495 fold=0).
    """
    return datetime.combine(day, at, tzinfo=tz).astimezone(UTC).astimezone(tz)


class OffsetClock:
    """Real time shifted by a fixed offset: runs like the system clock, on another date.

    The bench and the JobQueue test use it to put "now" just before a due reminder and let
    the real JobQueue fire it.
    """

    def __init__(self, now: datetime) -> None:
        self._offset = now - datetime.now(UTC)

    def now(self) -> datetime:
        return datetime.now(UTC) + self._offset

    def set(self, now: datetime) -> None:
        """Jump: from here on, run on from `now`."""
        self._offset = now - datetime.now(UTC)
