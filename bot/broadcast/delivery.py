"""The broadcast worker of a running application: scheduled starts, outbox, progress.

A background task (started by a JobQueue watchdog after start-up, so it is rebuilt from the
database after every restart) delivers the outbox in short runs and edits one status
message per broadcast every few seconds. It ends when the application stops.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import warnings
from datetime import UTC, datetime, timedelta
from typing import Any

from telegram.error import BadRequest, Forbidden, NetworkError, RetryAfter, TelegramError
from telegram.ext import Application
from telegram.warnings import PTBDeprecationWarning

from bot.broadcast.outbox import Outbox, Outcome
from bot.broadcast.service import Audience, recipients, report
from bot.core.pacing import Clock, Pacer, SystemClock
from bot.db.outbox import Broadcast
from bot.handlers.context import BotContext
from bot.handlers.request import may_have_arrived, retried_by_caller
from bot.i18n import Translator
from bot.i18n.locale import decide_locale
from bot.services import Services

log = logging.getLogger(__name__)

App = Application[Any, Any, Any, Any, Any, Any]
JOB_NAME = "broadcast-worker"
RUN_SECONDS = 2.0  # one delivery run, then progress and scheduled starts are looked at
PROGRESS_SECONDS = 5.0  # at most one edit of a status message this often
IDLE_SECONDS = 1.0  # how long an idle worker sleeps; also how fast it notices a stop
UNREACHABLE = ("chat not found", "user is deactivated", "bot was blocked", "peer_id_invalid")


class Delivery:
    def __init__(self, app: App, clock: Clock | None = None) -> None:
        self.app = app
        self.clock: Clock = clock or SystemClock()
        self.background = True  # tests switch the background task off and call drain()
        self._outbox: Outbox | None = None
        self._lock = asyncio.Lock()
        self._wake = asyncio.Event()
        self._task: asyncio.Task[None] | None = None
        self._edited: dict[int, float] = {}
        self._recovered = False

    @property
    def services(self) -> Services:
        return self.app.bot_data.services  # type: ignore[no-any-return]

    @property
    def outbox(self) -> Outbox:
        if self._outbox is None:
            pacer = Pacer(self.services.config.broadcast_rate, self.clock)
            config = self.services.config
            self._outbox = Outbox(
                self.services.db, self.send, pacer, max_in_flight=config.broadcast_in_flight
            )
        return self._outbox

    def use_clock(self, clock: Clock) -> None:
        """Tests and benches: virtual time for pacing, retries and scheduled starts."""
        self.clock, self._outbox = clock, None

    def kick(self) -> None:
        """New work: wake the idle worker now (or start it, before the first watchdog)."""
        self._wake.set()
        self.ensure_running()

    def ensure_running(self) -> None:
        if self.background and (self._task is None or self._task.done()):
            self._task = self.app.create_task(self._loop(), name=JOB_NAME)

    async def send(self, chat_id: int, text: str) -> Outcome:
        """One broadcast message; Telegram's answer mapped to what the outbox does next."""
        try:
            with retried_by_caller():  # the outbox's backoff, not the request's
                await self.app.bot.send_message(chat_id, text)
        except RetryAfter as exc:
            with warnings.catch_warnings():  # int now, timedelta in PTB 23: both handled
                warnings.simplefilter("ignore", PTBDeprecationWarning)
                wait = exc.retry_after
            seconds = wait.total_seconds() if isinstance(wait, timedelta) else float(wait)
            return Outcome("retry_after", str(exc), seconds)
        except Forbidden as exc:
            return Outcome("blocked", exc.message)
        except BadRequest as exc:
            unreachable = any(x in exc.message.lower() for x in UNREACHABLE)
            return Outcome("blocked" if unreachable else "failed", exc.message)
        except NetworkError as exc:
            if may_have_arrived(exc):  # a repeat could be a duplicate: recorded, not repeated
                return Outcome("failed", f"may have arrived: {type(exc).__name__}")
            return Outcome("transient", exc.message or type(exc).__name__)  # 5xx, not sent
        except TelegramError as exc:
            return Outcome("failed", exc.message)
        return Outcome("sent")

    async def step(self) -> bool:
        """Start due broadcasts, deliver for a while, report; True if more is due now."""
        async with self._lock:
            db = self.services.db
            if not self._recovered:
                if n := await db.outbox.recover_in_flight():
                    log.warning("resuming broadcasts: %d message(s) were in flight at a stop", n)
                self._recovered = True
            await self._start_due()
            more = await self.outbox.run(RUN_SECONDS)
            for b in await db.outbox.broadcasts_with_status("sending"):
                if await db.outbox.complete_if_done(b.id):
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
            nxt = await self.services.db.outbox.next_retry_at()
            if nxt is None:
                return
            await self.clock.sleep(max(0.0, nxt - self.clock.time()))

    async def _loop(self) -> None:
        while self.app.running and self.background:
            try:
                more = await self.step()
            except Exception:
                log.exception("the broadcast worker failed; it retries shortly")
                more = False
            if not more:
                self._wake.clear()
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(self._wake.wait(), IDLE_SECONDS)

    async def _start_due(self) -> None:
        now = datetime.fromtimestamp(self.clock.time(), UTC).isoformat(timespec="seconds")
        for b in await self.services.db.outbox.due_scheduled(now):
            people = await recipients(self.services, Audience.from_json(b.audience))
            if await self.services.db.outbox.start_broadcast(b.id, people):
                log.info("scheduled broadcast %d starts (%d recipients)", b.id, len(people))

    def translator(self, locale: str | None, telegram: str | None) -> Translator:
        default = self.services.config.default_language
        return self.services.catalogs.get(decide_locale(locale, telegram, default))

    async def show_report(self, b: Broadcast, state: str) -> None:
        """Create or edit the coordinator's status message."""
        services = self.services
        t = self.translator(*await services.db.users.languages_of(b.created_by))
        reply = report(t, b.id, await services.db.outbox.outbox_counts(b.id), state)
        self._edited[b.id] = self.clock.monotonic()
        await self.outbox.pacer.wait(b.created_by)
        try:
            if b.status_message_id is not None:
                await self.app.bot.edit_message_text(
                    reply.text, b.created_by, b.status_message_id, reply_markup=reply.markup()
                )
                return
        except BadRequest as exc:
            if "not modified" in exc.message.lower():
                return
        except TelegramError as exc:
            log.warning("could not edit the status of broadcast %d: %s", b.id, exc)
            return
        try:
            message = await self.app.bot.send_message(
                b.created_by, reply.text, reply_markup=reply.markup()
            )
        except TelegramError as exc:
            log.warning("could not show the status of broadcast %d: %s", b.id, exc)
            return
        await services.db.outbox.set_status_message(b.id, message.message_id)

    async def _final(self, b: Broadcast) -> None:
        """The final report as a new message, so the coordinator is notified."""
        t = self.translator(*await self.services.db.users.languages_of(b.created_by))
        reply = report(t, b.id, await self.services.db.outbox.outbox_counts(b.id), "done")
        await self.outbox.pacer.wait(b.created_by)
        try:
            await self.app.bot.send_message(b.created_by, reply.text)
        except TelegramError as exc:
            log.warning("could not send the report of broadcast %d: %s", b.id, exc)

    async def cancel(self, broadcast_id: int) -> bool:
        """Stop a broadcast; what is in flight finishes, nothing else goes out."""
        db = self.services.db
        if not await db.outbox.cancel_broadcast(broadcast_id):
            return False
        b = await db.outbox.get_broadcast(broadcast_id)
        if b is not None:
            await self.show_report(b, "cancelled")
        return True


async def _watchdog(context: BotContext) -> None:
    """Start the worker after start-up, and again should it ever have died."""
    job = context.job
    if job is not None and isinstance(job.data, Delivery):
        job.data.ensure_running()


async def _resume(context: BotContext) -> None:
    """At start: the worker at once if a broadcast is unfinished (e.g. after a crash)."""
    job, db = context.job, context.services.db
    if job is None or not isinstance(job.data, Delivery):
        return
    if await db.outbox.broadcasts_with_status("sending") or await db.outbox.broadcasts_with_status(
        "scheduled"
    ):
        job.data.ensure_running()


def schedule(app: App) -> Delivery | None:
    """Called from post_init: the worker resumes what the database says is unfinished."""
    jobs = app.job_queue
    if jobs is None:
        return None
    for job in jobs.get_jobs_by_name(JOB_NAME):
        job.schedule_removal()
    delivery = Delivery(app)
    # Unfinished work resumes as soon as the scheduler starts. post_init runs before it: an
    # interval job whose first time passed meanwhile waits for its next round (30 s). A
    # second after the reminders' catch-up (when=0), whose transaction it would interleave.
    jobs.run_once(
        _resume, when=1, name=JOB_NAME, data=delivery, job_kwargs={"misfire_grace_time": None}
    )
    jobs.run_repeating(
        _watchdog,
        interval=30,
        first=0.5,
        name=JOB_NAME,
        data=delivery,
        job_kwargs={"misfire_grace_time": 30, "coalesce": True},
    )
    return delivery


def delivery_of(app: App) -> Delivery | None:
    jobs = app.job_queue
    found = jobs.get_jobs_by_name(JOB_NAME) if jobs else ()
    data = found[0].data if found else None
    return data if isinstance(data, Delivery) else None
