"""The events capability's shared state on `Services.events` (set in app.py post_init)."""

from __future__ import annotations

import asyncio
from collections import deque
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

from bot.core.clock import Clock, SystemClock
from bot.events.catalog import EventCatalog


@dataclass(frozen=True)
class DeliveryReport:
    """What one delivery run did; lateness in seconds per reminder sent."""

    sent: int = 0
    late: int = 0
    dropped: int = 0
    failed: int = 0
    lateness: tuple[float, ...] = ()


@dataclass
class EventDesk:
    catalog: EventCatalog
    clock: Clock
    tz: ZoneInfo
    # One delivery run at a time: jobs that fire together must not both claim a window.
    lock: asyncio.Lock = field(default_factory=asyncio.Lock)
    reports: deque[DeliveryReport] = field(default_factory=lambda: deque(maxlen=100))
    recovered: bool = False  # batches cut off by a crash were looked at (once per start)

    @classmethod
    def empty(cls) -> EventDesk:
        return cls(EventCatalog.empty(), SystemClock(), ZoneInfo("Europe/Berlin"))
