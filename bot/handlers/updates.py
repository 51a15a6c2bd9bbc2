"""How updates are processed: different users in parallel, one user's in order, each user
within a budget (issue 14, finding 1).

PTB handles updates one at a time unless told otherwise: one member's flood (or one reply
waiting out Telegram's per-chat limit) then holds up everyone. `Sequencer` runs each
user's updates in the order they came, one after the other, and different users' side by
side. Before an update joins its user's line it is checked against the user's budget
(`USER_MESSAGES_PER_MINUTE`): within it, it is processed; the first one over it is
processed only to say "slow down" (bot/handlers/session.py); the rest are dropped at once,
without a database write, until the budget has refilled. So a flood costs the bot next to
nothing and never reaches the database, and its replies wait only in the flooder's line.

PTB warns that ConversationHandler relies on updates being processed one by one: it keeps
one state per user and chat, and the bot works in private chats only (one chat per user),
so one user's updates in order is exactly what it needs.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable, Collection
from contextlib import suppress
from dataclasses import dataclass
from enum import Enum
from typing import Any

from telegram import Update
from telegram.ext import BaseUpdateProcessor

from bot.handlers.limiter import interactive

# Updates in the bot at once, waiting in their user's line included. Waiting holds no running
# slot, so this only bounds memory; the budget keeps any one user's line short.
MAX_UPDATES = 4096
RUNNING = 64  # updates processed at once (they mostly wait for Telegram or the database)


class Verdict(Enum):
    ADMIT = "admit"
    SLOW_DOWN = "slow down"  # the first update over the budget: say so, once
    DROP = "drop"


@dataclass
class _Bucket:
    tokens: float
    at: float
    silent: bool = False


class Budget:
    """A token bucket per user: `per_minute` updates at once, refilling `per_minute` a minute.

    Once empty, the user is told once and then not heard until the bucket is full again:
    the silenced updates take nothing from it, so it refills in a minute whatever they send.
    """

    def __init__(self, per_minute: int, clock: Callable[[], float] = time.monotonic) -> None:
        self.capacity = float(per_minute)
        self.rate = per_minute / 60.0
        self.clock = clock
        self._buckets: dict[int, _Bucket] = {}

    def take(self, user_id: int) -> Verdict:
        now = self.clock()
        bucket = self._buckets.get(user_id)
        if bucket is None:
            if len(self._buckets) > 50_000:
                self._forget_full(now)
            bucket = self._buckets[user_id] = _Bucket(self.capacity, now)
        bucket.tokens = min(self.capacity, bucket.tokens + (now - bucket.at) * self.rate)
        bucket.at = now
        if bucket.silent:
            if bucket.tokens < self.capacity:
                return Verdict.DROP
            bucket.silent = False
        if bucket.tokens >= 1.0:
            bucket.tokens -= 1.0
            return Verdict.ADMIT
        bucket.silent = True
        return Verdict.SLOW_DOWN

    def _forget_full(self, now: float) -> None:
        """Users whose bucket has refilled are as good as new: forget them."""
        self._buckets = {
            uid: b
            for uid, b in self._buckets.items()
            if b.silent or b.tokens + (now - b.at) * self.rate < self.capacity
        }


class Sequencer(BaseUpdateProcessor):
    """PTB's update processor: per-user order, users in parallel, the budget at the door."""

    def __init__(self, budget: Budget, exempt: Collection[int] = ()) -> None:
        super().__init__(MAX_UPDATES)
        self.budget = budget
        self.exempt = frozenset(exempt)  # the configured coordinators: the office at work
        self.dropped = 0  # updates dropped over budget since start (the figures count notices)
        self._tails: dict[int, asyncio.Future[None]] = {}
        self._slow_down: set[int] = set()
        self._running: asyncio.Semaphore | None = None

    async def initialize(self) -> None:
        self._running = asyncio.Semaphore(RUNNING)

    async def shutdown(self) -> None:
        return None

    def slow_down_due(self, update: Update) -> bool:
        """True once for the update that is to say "slow down" (and nothing else)."""
        if update.update_id in self._slow_down:
            self._slow_down.discard(update.update_id)
            return True
        return False

    async def do_process_update(self, update: object, coroutine: Awaitable[Any]) -> None:
        key = _sender(update)
        if key is not None and key not in self.exempt:
            verdict = self.budget.take(key)
            if verdict is Verdict.DROP:
                self.dropped += 1
                _close(coroutine)
                return
            if verdict is Verdict.SLOW_DOWN and isinstance(update, Update):
                self._slow_down.add(update.update_id)
        if key is None:
            await self._run(coroutine)
            return
        before = self._tails.get(key)
        mine: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        self._tails[key] = mine
        try:
            if before is not None:
                await asyncio.wait({before})  # not `await before`: a cancel must not spread
            await self._run(coroutine)
        finally:
            _close(coroutine)  # if cancelled while waiting in line
            mine.set_result(None)
            if self._tails.get(key) is mine:
                del self._tails[key]

    async def _run(self, coroutine: Awaitable[Any]) -> None:
        if self._running is None:
            self._running = asyncio.Semaphore(RUNNING)
        async with self._running:
            with interactive():
                await coroutine


def _sender(update: object) -> int | None:
    """Whose line the update joins: the user's, else the chat's (a channel post)."""
    if not isinstance(update, Update):
        return None
    if update.effective_user is not None:
        return update.effective_user.id
    return update.effective_chat.id if update.effective_chat is not None else None


def _close(coroutine: Awaitable[Any]) -> None:
    """A coroutine that will never run is closed (else Python warns it was never awaited)."""
    close = getattr(coroutine, "close", None)
    if close is not None and getattr(coroutine, "cr_frame", True) is not None:
        with suppress(RuntimeError):
            close()
