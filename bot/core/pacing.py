"""Pacing of outgoing messages within Telegram's limits, with injectable time.

PTB's AIORateLimiter knows no per-private-chat limit and its bucket starts full (a burst of
about 60 in the first second); a broadcast needs an even pace instead. This pacer hands out
send slots: one every 1/rate seconds overall (no initial burst), at least `per_chat` seconds
apart in one chat, and at most `group_per_minute` in any 60 s for a group (negative id).

One pacer is shared by everything the bot sends (issue 14, finding 10). Bulk sends
(broadcasts, reminders, follow-ups) book slots on the overall timeline with `reserve`, one
at a time as they go. Replies to members (`wait_reply`) wait for their turn in
their own lane, then take the next free slot of the same timeline, ahead of every bulk send
not yet booked (so a reply waits an interval or two, never behind a broadcast); the bulk
sends move back by a slot each. While bulk
traffic runs, replies may take `share` of the budget at most (the broadcast slows, the
member does not wait); without it they may take all of it.
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
# Bulk traffic counts as running this long after its last booked slot.
BULK_SEEN_SECONDS = 1.0


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
        share: float = 0.2,
    ) -> None:
        self.clock: Clock = clock or SystemClock()
        self.interval = 1.0 / (rate * SAFETY)
        self.reply_interval = self.interval / share  # replies' lane while bulk traffic runs
        self.per_chat = per_chat
        self.group_per_minute = group_per_minute
        self._next = self.clock.monotonic()  # the bucket starts empty: no initial burst
        self._chat_ready: dict[int, float] = {}
        self._groups: dict[int, deque[float]] = {}
        self._reply_next = self._next
        self._bulk_seen = -1e9
        # Slots booked by `wait` and not yet used by a request (bot/handlers/limiter.py).
        self._booked: dict[int, float] = {}

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
        self._bulk_seen = slot
        self._ready(chat_id, max(slot, now) + self.per_chat, now)
        return slot

    def reply_turn(self, chat_id: int | None) -> float:
        """When a reply may book its slot (monotonic time): its place in the replies' lane
        (within their share while bulk traffic runs) and in its chat (one a second)."""
        now = self.clock.monotonic()
        busy = now - self._bulk_seen < BULK_SEEN_SECONDS
        lane = max(now, self._reply_next)
        # The lane moves on by the reply's share whatever its chat waits for: one member's
        # second message (waiting a second for their chat) must not hold up the others.
        self._reply_next = lane + (self.reply_interval if busy else self.interval)
        turn = lane
        if chat_id is not None:
            turn = max(turn, self._chat_ready.get(chat_id, 0.0))
            self._ready(chat_id, turn + self.per_chat, now)
        return turn

    def reply(self, chat_id: int | None) -> float:
        """Book a reply's slot at its turn: the next free slot of the overall timeline, ahead
        of every bulk send not yet booked (an interval or two away, never behind a
        broadcast); the bulk sends book theirs after it."""
        now = self.clock.monotonic()
        slot = max(now - CATCH_UP_SECONDS, self._next)
        self._next = slot + self.interval
        if chat_id is not None:
            ready = max(self._chat_ready.get(chat_id, 0.0), max(slot, now) + self.per_chat)
            self._ready(chat_id, ready, now)
        return slot

    async def wait_reply(self, chat_id: int | None) -> None:
        """Sleep until the reply's turn, book its slot, sleep until the slot."""
        turn = self.reply_turn(chat_id) - self.clock.monotonic()
        if turn > 0:
            await self.clock.sleep(turn)
        delay = self.reply(chat_id) - self.clock.monotonic()
        if delay > 0:
            await self.clock.sleep(delay)

    def hold(self, chat_id: int, seconds: float) -> None:
        """Telegram said RetryAfter for one chat's reply: nothing more to it for that long."""
        now = self.clock.monotonic()
        self._ready(chat_id, max(self._chat_ready.get(chat_id, 0.0), now + seconds), now)

    def _ready(self, chat_id: int, at: float, now: float) -> None:
        self._chat_ready[chat_id] = at
        if len(self._chat_ready) > 10_000:  # forget chats whose pause is over
            self._chat_ready = {c: t for c, t in self._chat_ready.items() if t > now}

    async def wait(self, chat_id: int) -> None:
        """Sleep until this chat may get its next message.

        First until the chat itself is ready, then for a slot of the overall timeline: a
        chat that must wait (one message a second) must not move everyone's slots back.
        """
        ready = self._chat_ready.get(chat_id, 0.0) - self.clock.monotonic()
        if ready > 0:
            await self.clock.sleep(ready)
        slot = self.reserve(chat_id)
        self._booked[chat_id] = slot
        if len(self._booked) > 1_000:  # never used (a send that did not go out)
            now = self.clock.monotonic()
            self._booked = {c: t for c, t in self._booked.items() if t > now - 1.0}
        delay = slot - self.clock.monotonic()
        if delay > 0:
            await self.clock.sleep(delay)

    def take_booked(self, chat_id: int | None) -> bool:
        """True (once) if a slot for this chat was booked with `wait` just now: the request
        that follows uses it instead of booking a second one a second later."""
        if chat_id is None:
            return False
        slot = self._booked.pop(chat_id, None)
        return slot is not None and slot > self.clock.monotonic() - 1.0

    def pause(self, seconds: float) -> None:
        """Telegram said RetryAfter: nothing goes out for that long."""
        self._next = max(self._next, self.clock.monotonic() + seconds)
