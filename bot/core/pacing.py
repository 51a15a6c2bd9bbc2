"""Pacing of outgoing messages within Telegram's limits, with injectable time.

PTB's AIORateLimiter knows no per-private-chat limit and its bucket starts full (a burst of
about 60 in the first second); a broadcast needs an even pace instead. This pacer hands out
send slots: one every 1/rate seconds overall (no initial burst), at least `per_chat` seconds
apart in one chat, and at most `group_per_minute` in any 60 s for a group (negative id).
"""

from __future__ import annotations

import asyncio
import time
from collections import deque
from typing import Protocol

PER_CHAT_SECONDS = 1.0
GROUP_PER_MINUTE = 20
# Pace at 97 % of the configured limit: network jitter moves requests by some milliseconds,
# and no second may end up over the limit at Telegram's side.
SAFETY = 0.97
# A sender that fell behind its schedule (a busy event loop) may catch up this much at once;
# without it every late wake-up would be lost capacity.
CATCH_UP_SECONDS = 0.02


class Clock(Protocol):
    def monotonic(self) -> float: ...
    def time(self) -> float: ...
    async def sleep(self, seconds: float) -> None: ...


class SystemClock:
    def monotonic(self) -> float:
        return time.monotonic()

    def time(self) -> float:
        return time.time()

    async def sleep(self, seconds: float) -> None:
        await asyncio.sleep(seconds)


class Pacer:
    def __init__(
        self,
        rate: float,
        clock: Clock | None = None,
        per_chat: float = PER_CHAT_SECONDS,
        group_per_minute: int = GROUP_PER_MINUTE,
    ) -> None:
        self.clock: Clock = clock or SystemClock()
        self.interval = 1.0 / (rate * SAFETY)
        self.per_chat = per_chat
        self.group_per_minute = group_per_minute
        self._next = self.clock.monotonic()  # the bucket starts empty: no initial burst
        self._chat_ready: dict[int, float] = {}
        self._groups: dict[int, deque[float]] = {}

    def reserve(self, chat_id: int) -> float:
        """Book the earliest slot allowed for this chat (monotonic time) and return it."""
        now = self.clock.monotonic()
        overall = max(self._next, now - CATCH_UP_SECONDS)
        slot = max(overall, self._chat_ready.get(chat_id, 0.0))
        window = self._groups.setdefault(chat_id, deque()) if chat_id < 0 else None
        if window is not None:
            while window and window[0] <= slot - 60.0:
                window.popleft()
            if len(window) >= self.group_per_minute:
                slot = max(slot, window[-self.group_per_minute] + 60.0)
            window.append(max(slot, now))
        self._next = slot + self.interval
        self._chat_ready[chat_id] = max(slot, now) + self.per_chat
        if len(self._chat_ready) > 10_000:  # forget chats whose pause is over
            self._chat_ready = {c: t for c, t in self._chat_ready.items() if t > now}
        return slot

    async def wait(self, chat_id: int) -> None:
        """Sleep until this chat may get its next message."""
        delay = self.reserve(chat_id) - self.clock.monotonic()
        if delay > 0:
            await self.clock.sleep(delay)

    def pause(self, seconds: float) -> None:
        """Telegram said RetryAfter: nothing goes out for that long."""
        self._next = max(self._next, self.clock.monotonic() + seconds)
