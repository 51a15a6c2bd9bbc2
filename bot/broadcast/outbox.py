"""Delivery of the outbox: paced, one durable record per recipient, no Telegram types.

Each row is marked 'sending' (committed) before its request and 'sent' after, so a crash
can repeat only what was in flight at that moment. 403 marks the recipient unreachable,
RetryAfter pauses everything for the time Telegram asks, transient errors are retried with
exponential backoff and then marked failed, anything else fails at once.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable

from bot.core.pacing import Pacer
from bot.core.reply import Button
from bot.core.sending import Outcome
from bot.db import Database
from bot.db.outbox import OutboxRow

log = logging.getLogger(__name__)

MAX_ATTEMPTS = 5
BACKOFF_SECONDS = 2.0  # 2, 4, 8, 16 s between the attempts
MAX_BACKOFF_SECONDS = 300.0
# Requests in flight at once, and so the most that can repeat after a crash; the default of
# the BROADCAST_IN_FLIGHT setting (raise it where rate × round trip exceeds one).
MAX_IN_FLIGHT = 1
BATCH = 200

Send = Callable[..., Awaitable[Outcome]]  # (chat id, text[, buttons])
Buttons = tuple[tuple[Button, ...], ...]
# The buttons under a broadcast's messages in one language (a training's sign-up button).
Markup = Callable[[int, str], Awaitable[Buttons]]


class Outbox:
    def __init__(
        self,
        db: Database,
        send: Send,
        pacer: Pacer,
        max_attempts: int = MAX_ATTEMPTS,
        backoff: float = BACKOFF_SECONDS,
        max_in_flight: int = MAX_IN_FLIGHT,
        markup: Markup | None = None,
    ) -> None:
        self.db, self.send, self.pacer = db, send, pacer
        self.max_attempts, self.backoff = max_attempts, backoff
        self.max_in_flight = max_in_flight
        self.markup = markup
        self._texts: dict[int, dict[str, str]] = {}
        self._buttons: dict[tuple[int, str], Buttons] = {}

    async def run(self, budget: float) -> bool:
        """Deliver due rows for about `budget` seconds; True if rows are still due."""
        clock = self.pacer.clock
        stop_at = clock.monotonic() + budget
        slots = asyncio.Semaphore(self.max_in_flight)
        tasks: set[asyncio.Task[None]] = set()
        try:
            while clock.monotonic() < stop_at:
                rows = await self.db.outbox.due_rows(clock.time(), BATCH)
                if not rows:
                    break
                for row in rows:
                    if clock.monotonic() >= stop_at:
                        break
                    await slots.acquire()
                    await self.pacer.wait(row.chat_id)
                    if not await self.db.outbox.claim_row(row.broadcast_id, row.chat_id):
                        slots.release()  # cancelled meanwhile
                        continue
                    text = await self._text(row)
                    task = asyncio.create_task(self._deliver(row, text, slots))
                    tasks.add(task)
                    task.add_done_callback(tasks.discard)
        except asyncio.CancelledError:
            for task in tasks:  # like a crash: their rows stay 'sending' and are resumed
                task.cancel()
            raise
        finally:
            if tasks:
                await asyncio.gather(*tasks, return_exceptions=True)
        return bool(await self.db.outbox.due_rows(clock.time(), 1))

    async def _text(self, row: OutboxRow) -> str:
        texts = self._texts.get(row.broadcast_id)
        if texts is None:
            texts = self._texts[row.broadcast_id] = await self.db.outbox.broadcast_texts(
                row.broadcast_id
            )
        return texts.get(row.lang) or texts[""]

    async def _markup(self, row: OutboxRow) -> Buttons:
        if self.markup is None:
            return ()
        key = (row.broadcast_id, row.lang)
        if key not in self._buttons:
            self._buttons[key] = await self.markup(row.broadcast_id, row.lang)
        return self._buttons[key]

    async def _deliver(self, row: OutboxRow, text: str, slots: asyncio.Semaphore) -> None:
        try:
            try:
                buttons = await self._markup(row)
                sent = self.send(row.chat_id, text, buttons) if buttons else None
                outcome = await (sent or self.send(row.chat_id, text))
            except Exception as exc:  # a bug must not leave the row 'sending' for ever
                log.exception("unexpected error while sending a broadcast message")
                outcome = Outcome("failed", type(exc).__name__)
            await self._record(row, outcome)
        finally:
            slots.release()

    async def _record(self, row: OutboxRow, outcome: Outcome) -> None:
        db, bid, chat = self.db, row.broadcast_id, row.chat_id
        if outcome.kind in ("sent", "blocked", "failed"):
            await db.outbox.finish_row(bid, chat, outcome.kind, outcome.reason)
        elif outcome.kind == "retry_after":
            self.pacer.pause(outcome.retry_after)
            when = self.pacer.clock.time() + outcome.retry_after
            await db.outbox.retry_row(
                bid, chat, when, outcome.reason or "retry after", count=False
            )
        elif row.attempts + 1 >= self.max_attempts:
            await db.outbox.finish_row(bid, chat, "failed", outcome.reason)
        else:
            delay = min(self.backoff * 2**row.attempts, MAX_BACKOFF_SECONDS)
            when = self.pacer.clock.time() + delay
            await db.outbox.retry_row(bid, chat, when, outcome.reason or "transient", count=True)
