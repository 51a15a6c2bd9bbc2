"""Reminders and change notices, the database as the source of truth (no Telegram).

- A watermark in the database says up to which instant due reminders were handled. Each run
  handles (watermark, now]: a reminder whose event has not begun is sent (marked late if it is
  more than LATE_AFTER overdue, e.g. after downtime); one whose event has begun is recorded
  as dropped and logged. Every reminder is recorded before it is sent, so none goes twice.
- Sending goes in batches of IN_FLIGHT concurrent requests through the one sender (the rate
  limiter, not the round trip, sets the pace). A batch is marked 'sending' before it goes
  out; one found so at start was cut off by a crash and becomes 'unknown', never repeated.
- A member who blocked the bot is marked unreachable by the sender and is skipped until they
  write again; their subscriptions stay.
- The Telegram layer (bot/handlers/events.py) runs `tick` from JobQueue wake-up jobs, one
  per instant of `Events.due_instants`, rebuilt at start, nightly and after every change.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from bot.core.reply import Reply
from bot.core.sending import Sender
from bot.db import Database
from bot.db.events import Recipient
from bot.events import pages
from bot.events.desk import DeliveryReport
from bot.events.occurrences import MAX_LEAD, Occurrence, fire_time, from_stored
from bot.events.service import Events, iso
from bot.i18n import Catalogs, Translator

log = logging.getLogger(__name__)

LATE_AFTER = timedelta(minutes=2)
IN_FLIGHT = 8
KEEP_DELIVERIES = timedelta(days=120)

Render = Callable[[Translator], Reply]


@dataclass(frozen=True)
class Reminders:
    events: Events
    db: Database
    catalogs: Catalogs
    default_language: str
    sender: Sender

    async def tick(self) -> DeliveryReport:
        """One delivery run (reminders, then notices); runs are serialised."""
        desk = self.events.desk
        async with desk.lock:
            if not desk.recovered:
                if cut := await self.db.events.recover_reminders():
                    log.warning("%d reminder(s) were in flight at a stop; not repeated", cut)
                desk.recovered = True
            report = await self._deliver_due()
            await self._deliver_notices()
        if report.sent or report.dropped or report.failed:
            desk.reports.append(report)
        return report

    async def forget_old(self) -> int:
        """Delivery records older than KEEP_DELIVERIES are not needed to prevent repeats."""
        cutoff = self.events.desk.clock.now() - KEEP_DELIVERIES
        return await self.db.events.purge_deliveries(iso(cutoff))

    async def _deliver_due(self) -> DeliveryReport:
        desk, db = self.events.desk, self.db.events
        now = desk.clock.now()
        mark = await db.reminder_watermark()
        after = datetime.fromisoformat(mark) if mark else now
        if after >= now:
            if mark is None:
                await db.set_reminder_watermark(iso(now))
            return DeliveryReport()
        leads = {lead for _, lead in await db.lead_targets()}
        sent: list[float] = []
        late = dropped = failed = 0
        for occ in await self.events.occurrences(after - timedelta(days=1), now + MAX_LEAD):
            for lead in sorted(leads):
                at = fire_time(occ, lead)
                if at is None or not after < at <= now:
                    continue
                item, targets = f"{occ.key}|{lead}", [occ.entry_id] if occ.entry_id else []
                if now >= occ.cutoff:
                    gone = await db.claim_reminders(targets, lead, iso(at), item, "dropped")
                    if gone:
                        log.warning("reminder %s dropped for %d subscriber(s)", item, len(gone))
                    dropped += len(gone)
                    continue
                recipients = await db.claim_reminders(targets, lead, iso(at), item, "pending")
                is_late = now - at > LATE_AFTER
                outcomes = await self._send_all(
                    item, recipients, self._reminder(occ, is_late), "late" if is_late else "sent"
                )
                stamp = (desk.clock.now() - at).total_seconds()
                sent += [stamp for _, s in outcomes if s in ("sent", "late")]
                late += sum(s == "late" for _, s in outcomes)
                failed += sum(s in ("failed", "blocked") for _, s in outcomes)
        await db.set_reminder_watermark(iso(now))
        return DeliveryReport(len(sent), late, dropped, failed, tuple(sent))

    def _reminder(self, occ: Occurrence, late: bool) -> Render:
        desk, knowledge = self.events.desk, self.events.knowledge

        def render(t: Translator) -> Reply:
            return pages.reminder(t, occ, desk.catalog, knowledge, desk.clock.now(), late)

        return render

    async def _deliver_notices(self) -> None:
        desk, db = self.events.desk, self.db.events
        for notice in await db.pending_notices():
            stored = await db.get_event(notice.event_id)
            if stored is not None:
                occ = from_stored(stored, desk.catalog, desk.tz)
                if occ.cutoff > desk.clock.now():  # nobody needs news about a past date
                    item = f"notice:{notice.id}"
                    recipients = await db.claim_notice(
                        [occ.entry_id] if occ.entry_id else [], item
                    )
                    await self._send_all(item, recipients, self._notice(notice.change, occ))
            await db.finish_notice(notice.id)

    def _notice(self, change: str, occ: Occurrence) -> Render:
        desk, knowledge = self.events.desk, self.events.knowledge

        def render(t: Translator) -> Reply:
            return pages.notice(t, change, occ, desk.catalog, knowledge)

        return render

    async def _send_all(
        self, item: str, recipients: list[Recipient], render: Render, sent_as: str = "sent"
    ) -> list[tuple[int, str]]:
        """Send one message (rendered once per language) to everybody, IN_FLIGHT at a time."""
        replies: dict[str, Reply] = {}
        for r in recipients:
            if r.locale not in replies:
                replies[r.locale] = render(self.catalogs.get(self._locale(r.locale)))
        batches = [recipients[i : i + IN_FLIGHT] for i in range(0, len(recipients), IN_FLIGHT)]
        outcomes: list[tuple[int, str]] = []
        done: list[tuple[int, str]] = []
        for batch in batches:
            await self.db.events.advance_batch(item, done, [r.user_id for r in batch])
            states = await asyncio.gather(
                *(self.send_one(r.user_id, replies[r.locale]) for r in batch)
            )
            done = [
                (r.user_id, sent_as if state == "sent" else state)
                for r, state in zip(batch, states, strict=True)
            ]
            outcomes += done
        await self.db.events.advance_batch(item, done)
        return outcomes

    def _locale(self, locale: str) -> str:
        return locale if locale in self.catalogs.languages else self.default_language

    async def send_one(self, chat_id: int, reply: Reply) -> str:
        """Send once (a RetryAfter is waited out once); the state to record."""
        outcome = await self.sender.deliver(chat_id, reply)
        if outcome.sent:
            return "sent"
        if outcome.kind == "blocked":
            return "blocked"
        log.warning("a reminder could not be sent (%s)", outcome.kind)
        return "failed"
