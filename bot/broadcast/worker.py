"""The broadcast worker: scheduled starts, the outbox in short runs, one status message.

It delivers the outbox in short runs and edits one status message per broadcast every few
seconds. The Telegram layer (bot/handlers/broadcast.py) runs `run()` as a background task,
started by a JobQueue watchdog after start-up, so it is rebuilt from the database after
every restart; messages leave through the one sender.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Callable
from datetime import UTC, datetime

from bot.broadcast.outbox import Buttons, Outbox
from bot.broadcast.pages import report
from bot.broadcast.service import Audience, recipients
from bot.core.pacing import Clock, Pacer, SystemClock
from bot.core.reply import Reply
from bot.core.sending import Outcome, Sender
from bot.db import Database
from bot.db.outbox import Broadcast
from bot.i18n import Catalogs, Translator
from bot.i18n.locale import decide_locale
from bot.trainings.pages import sign_up_button

log = logging.getLogger(__name__)

RUN_SECONDS = 2.0  # one delivery run, then progress and scheduled starts are looked at
PROGRESS_SECONDS = 5.0  # at most one edit of a status message this often
IDLE_SECONDS = 1.0  # how long an idle worker sleeps; also how fast it notices a stop


class Worker:
    def __init__(
        self,
        db: Database,
        sender: Sender,
        catalogs: Catalogs,
        default_language: str,
        rate: float,
        in_flight: int,
        clock: Clock | None = None,
        pacer: Pacer | None = None,
    ) -> None:
        self.db, self.sender, self.catalogs = db, sender, catalogs
        self.default_language, self.rate, self.in_flight = default_language, rate, in_flight
        self.clock: Clock = clock or SystemClock()
        self._outbox: Outbox | None = None
        # The bot's shared pacer, so that replies to members keep their share (issue 14).
        self._pacer = pacer
        self._lock = asyncio.Lock()
        self._wake = asyncio.Event()
        self._edited: dict[int, float] = {}
        self._recovered = False

    @property
    def outbox(self) -> Outbox:
        if self._outbox is None:
            pacer = self._pacer or Pacer(self.rate, self.clock)
            self._outbox = Outbox(
                self.db, self.send, pacer, max_in_flight=self.in_flight, markup=self.markup
            )
        return self._outbox

    def use_clock(self, clock: Clock) -> None:
        """Tests and benches: virtual time for pacing, retries and scheduled starts."""
        self.clock, self._outbox, self._pacer = clock, None, None

    def wake(self) -> None:
        """New work: an idle worker looks at once."""
        self._wake.set()

    async def send(self, chat_id: int, text: str, buttons: Buttons = ()) -> Outcome:
        """One broadcast message; the outbox retries what certainly did not arrive."""
        return await self.sender.send(chat_id, Reply(text, buttons), own_retries=True)

    async def markup(self, broadcast_id: int, lang: str) -> Buttons:
        """A broadcast announcing a training: its sign-up button in the recipient's language."""
        training = await self.db.trainings.broadcast_training(broadcast_id)
        if training is None:
            return ()
        locale = lang if lang in self.catalogs.languages else self.default_language
        return ((sign_up_button(self.catalogs.get(locale), training),),)

    async def step(self) -> bool:
        """Start due broadcasts, deliver for a while, report; True if more is due now."""
        async with self._lock:
            if not self._recovered:
                if n := await self.db.outbox.recover_in_flight():
                    log.warning("resuming broadcasts: %d message(s) were in flight at a stop", n)
                self._recovered = True
            await self._start_due()
            more = await self.outbox.run(RUN_SECONDS)
            for b in await self.db.outbox.broadcasts_with_status("sending"):
                if await self.db.outbox.complete_if_done(b.id):
                    await self.show_report(b, "done")
                    await self._final(b)
                elif self.clock.monotonic() - self._edited.get(b.id, -1e9) >= PROGRESS_SECONDS:
                    await self.show_report(b, "sending")
            return more

    async def drain(self) -> None:
        """Run until nothing is waiting, sleeping (on the clock) until retries fall due."""
        while True:
            if await self.step():
                continue
            nxt = await self.db.outbox.next_retry_at()
            if nxt is None:
                return
            await self.clock.sleep(max(0.0, nxt - self.clock.time()))

    async def run(self, keep_going: Callable[[], bool]) -> None:
        """The background loop, while `keep_going()`; a failed step is logged and retried."""
        while keep_going():
            try:
                more = await self.step()
            except Exception:
                log.exception("the broadcast worker failed; it retries shortly")
                more = False
            if not more:
                self._wake.clear()
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(self._wake.wait(), IDLE_SECONDS)

    async def has_unfinished(self) -> bool:
        """A broadcast is sending or scheduled (e.g. after a crash)."""
        outbox = self.db.outbox
        return bool(
            await outbox.broadcasts_with_status("sending")
            or await outbox.broadcasts_with_status("scheduled")
        )

    async def _start_due(self) -> None:
        now = datetime.fromtimestamp(self.clock.time(), UTC).isoformat(timespec="seconds")
        for b in await self.db.outbox.due_scheduled(now):
            people = await recipients(
                self.db, self.default_language, Audience.from_json(b.audience)
            )
            if await self.db.outbox.start_broadcast(b.id, people):
                log.info("scheduled broadcast %d starts (%d recipients)", b.id, len(people))

    async def _translator(self, user_id: int) -> Translator:
        locale, telegram = await self.db.users.languages_of(user_id)
        return self.catalogs.get(decide_locale(locale, telegram, self.default_language))

    async def _report(self, b: Broadcast, state: str) -> Reply:
        t = await self._translator(b.created_by)
        return report(t, b.id, await self.db.outbox.outbox_counts(b.id), state)

    async def show_report(self, b: Broadcast, state: str) -> None:
        """Create or edit the coordinator's status message."""
        reply = await self._report(b, state)
        self._edited[b.id] = self.clock.monotonic()
        await self.outbox.pacer.wait(b.created_by)
        if b.status_message_id is not None:
            edited = await self.sender.edit(b.created_by, b.status_message_id, reply)
            if edited.sent:
                return
            if edited.kind != "failed" or "may have arrived" in (edited.reason or ""):
                log.warning("could not edit the status of broadcast %d: %s", b.id, edited.kind)
                return
        shown = await self.sender.send(b.created_by, reply)
        if not shown.sent or shown.message_id is None:
            log.warning("could not show the status of broadcast %d: %s", b.id, shown.kind)
            return
        await self.db.outbox.set_status_message(b.id, shown.message_id)

    async def _final(self, b: Broadcast) -> None:
        """The final report as a new message, so the coordinator is notified."""
        reply = await self._report(b, "done")
        await self.outbox.pacer.wait(b.created_by)
        outcome = await self.sender.send(b.created_by, Reply(reply.text))
        if not outcome.sent:
            log.warning("could not send the report of broadcast %d: %s", b.id, outcome.kind)

    async def cancel(self, broadcast_id: int) -> bool:
        """Stop a broadcast; what is in flight finishes, nothing else goes out."""
        if not await self.db.outbox.cancel_broadcast(broadcast_id):
            return False
        b = await self.db.outbox.get_broadcast(broadcast_id)
        if b is not None:
            await self.show_report(b, "cancelled")
        return True
