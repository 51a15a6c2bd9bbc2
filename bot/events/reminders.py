"""Reminders and change notices through PTB's JobQueue, the database as the source of truth.

- A watermark in the database says up to which instant due reminders were handled. Each run
  handles (watermark, now]: a reminder whose event has not begun is sent (marked late if it is
  more than LATE_AFTER overdue, e.g. after downtime); one whose event has begun is recorded
  as dropped and logged. Every reminder is recorded before it is sent, so none goes twice.
- Sending goes in batches of IN_FLIGHT concurrent requests (the rate limiter, not the round
  trip, sets the pace). A batch is marked 'sending' before it goes out; one found so at
  start was cut off by a crash and becomes 'unknown', never repeated: at most once.
- Jobs are only wake-up calls: one per distinct due instant within HORIZON, rebuilt from the
  database at start, daily and after every change, so no state lives in the scheduler.
- misfire_grace_time=None: APScheduler's default (1 s) would silently skip a job the event
  loop started late; here a late job still runs, and the watermark decides what it sends.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from datetime import UTC, datetime, time, timedelta
from typing import Any

from telegram import Bot, InlineKeyboardMarkup
from telegram.error import BadRequest, Forbidden, NetworkError, RetryAfter
from telegram.ext import Application

from bot.core.reply import Reply
from bot.db.events import Recipient
from bot.events import pages
from bot.events.desk import DeliveryReport
from bot.events.occurrences import MAX_LEAD, Occurrence, expand, fire_time, from_stored
from bot.handlers.context import BotContext
from bot.handlers.jobs import fresh_job_queue
from bot.i18n import Translator
from bot.services import Services

log = logging.getLogger(__name__)
App = Application[Any, Any, Any, Any, Any, Any]

JOB_PREFIX = "reminders@"
CATCH_UP_JOB = "reminders:catch-up"
REPLAN_JOB = "reminders:replan"
HORIZON = timedelta(days=35)
LATE_AFTER = timedelta(minutes=2)
IN_FLIGHT = 8
KEEP_DELIVERIES = timedelta(days=120)


def _iso(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat(timespec="seconds")


async def _occurrences(services: Services, start: datetime, end: datetime) -> list[Occurrence]:
    desk = services.events
    first, last = start.astimezone(desk.tz).date(), end.astimezone(desk.tz).date()
    stored = await services.db.events.events_between(first.isoformat(), last.isoformat())
    return expand(desk.catalog, stored, desk.tz, first, last)


async def upcoming(services: Services, days: int = 365) -> list[Occurrence]:
    """Active occurrences that have not ended, for the next `days` days."""
    now = services.events.clock.now()
    found = await _occurrences(services, now - timedelta(days=1), now + timedelta(days=days))
    return [o for o in found if o.cutoff > now]


async def rebuild(app: App) -> int:
    """(Re)schedule one wake-up job per distinct due instant; returns how many."""
    jobs, services = app.job_queue, app.bot_data.services
    if jobs is None:
        return 0
    for job in jobs.jobs():
        if job.name and job.name.startswith(JOB_PREFIX):
            job.schedule_removal()
    now = services.events.clock.now()
    pairs = await services.db.events.lead_targets()
    due: set[datetime] = set()
    if pairs:
        leads_for: dict[str, set[str]] = {}
        for target, lead in pairs:
            leads_for.setdefault(target, set()).add(lead)
        for occ in await _occurrences(services, now, now + HORIZON + MAX_LEAD):
            leads = leads_for.get("*", set()) | leads_for.get(occ.entry_id or "", set())
            for lead in leads:
                at = fire_time(occ, lead)
                if at is not None and now < at <= now + HORIZON:
                    due.add(at)
    for at in sorted(due):
        name = f"{JOB_PREFIX}{_iso(at)}"
        # relative to the injected clock, so a shifted clock (tests, bench) fires in real time
        jobs.run_once(
            run_reminders,
            when=at - now,
            name=name,
            job_kwargs={"id": name, "replace_existing": True, "misfire_grace_time": None},
        )
    return len(due)


def schedule(app: App) -> None:
    """At start: catch up at once (missed while down), then re-plan every night."""
    jobs = fresh_job_queue(app, CATCH_UP_JOB, REPLAN_JOB)
    if jobs is None:
        return
    # No misfire grace: post_init goes on (command menus over the network) before the
    # scheduler starts, and APScheduler's default 1 s would silently skip the catch-up.
    jobs.run_once(
        run_reminders, when=0, name=CATCH_UP_JOB, job_kwargs={"misfire_grace_time": None}
    )
    jobs.run_daily(
        replan,
        time=time(0, 5),
        name=REPLAN_JOB,
        job_kwargs={"misfire_grace_time": 6 * 3600, "coalesce": True},
    )


def wake(app: App) -> None:
    """After a change: deliver notices now and re-plan (from a handler)."""
    if app.job_queue is not None:
        app.job_queue.run_once(
            replan, when=0, name=REPLAN_JOB + ":now", job_kwargs={"misfire_grace_time": None}
        )


async def run_reminders(context: BotContext) -> None:
    """Job: deliver what is due and pending notices."""
    await tick(context.application)


async def replan(context: BotContext) -> None:
    """Job: rebuild the wake-up jobs, deliver what is due, forget old delivery records."""
    app, services = context.application, context.services
    await tick(app)
    await rebuild(app)
    cutoff = services.events.clock.now() - KEEP_DELIVERIES
    await services.db.events.purge_deliveries(_iso(cutoff))


async def tick(app: App) -> DeliveryReport:
    """One delivery run (reminders, then notices); runs are serialised."""
    services: Services = app.bot_data.services
    async with services.events.lock:
        if not services.events.recovered:
            if cut := await services.db.events.recover_reminders():
                log.warning("%d reminder(s) were in flight at a stop; not repeated", cut)
            services.events.recovered = True
        report = await _deliver_due(app.bot, services)
        await _deliver_notices(app.bot, services)
    if report.sent or report.dropped or report.failed:
        services.events.reports.append(report)
    return report


async def _deliver_due(bot: Bot, services: Services) -> DeliveryReport:
    desk, db = services.events, services.db
    now = desk.clock.now()
    mark = await db.events.reminder_watermark()
    after = datetime.fromisoformat(mark) if mark else now
    if after >= now:
        if mark is None:
            await db.events.set_reminder_watermark(_iso(now))
        return DeliveryReport()
    leads = {lead for _, lead in await db.events.lead_targets()}
    sent: list[float] = []
    late = dropped = failed = 0
    for occ in await _occurrences(services, after - timedelta(days=1), now + MAX_LEAD):
        for lead in sorted(leads):
            at = fire_time(occ, lead)
            if at is None or not after < at <= now:
                continue
            item, targets = f"{occ.key}|{lead}", [occ.entry_id] if occ.entry_id else []
            if now >= occ.cutoff:
                gone = await db.events.claim_reminders(targets, lead, _iso(at), item, "dropped")
                if gone:
                    log.warning("reminder %s dropped for %d subscriber(s)", item, len(gone))
                dropped += len(gone)
                continue
            recipients = await db.events.claim_reminders(targets, lead, _iso(at), item, "pending")
            is_late = now - at > LATE_AFTER
            outcomes = await _send_all(bot, services, item, recipients, _reminder(occ, is_late))
            stamp = (desk.clock.now() - at).total_seconds()
            sent += [stamp for _, s in outcomes if s in ("sent", "late")]
            late += sum(s == "late" for _, s in outcomes)
            failed += sum(s in ("failed", "blocked") for _, s in outcomes)
    await db.events.set_reminder_watermark(_iso(now))
    return DeliveryReport(len(sent), late, dropped, failed, tuple(sent))


Render = Callable[[Services, Translator], Reply]


def _reminder(occ: Occurrence, late: bool) -> tuple[Render, str]:
    def render(services: Services, t: Translator) -> Reply:
        desk = services.events
        return pages.reminder(t, occ, desk.catalog, services.knowledge, desk.clock.now(), late)

    return render, "late" if late else "sent"


async def _send_all(
    bot: Bot,
    services: Services,
    item: str,
    recipients: list[Recipient],
    message: tuple[Render, str],
) -> list[tuple[int, str]]:
    """Send one message (rendered once per language) to everybody, IN_FLIGHT at a time."""
    render, sent_as = message
    replies: dict[str, tuple[str, InlineKeyboardMarkup | None]] = {}
    for r in recipients:  # rendered once per language; the markup is immutable, so shared
        if r.locale not in replies:
            reply = render(services, services.catalogs.get(_locale(services, r.locale)))
            replies[r.locale] = reply.text, reply.markup()
    batches = [recipients[i : i + IN_FLIGHT] for i in range(0, len(recipients), IN_FLIGHT)]
    outcomes: list[tuple[int, str]] = []
    done: list[tuple[int, str]] = []
    for batch in batches:
        await services.db.events.advance_batch(item, done, [r.user_id for r in batch])
        states = await asyncio.gather(
            *(_send(bot, services, r.user_id, *replies[r.locale]) for r in batch)
        )
        done = [
            (r.user_id, sent_as if state == "sent" else state)
            for r, state in zip(batch, states, strict=True)
        ]
        outcomes += done
    await services.db.events.advance_batch(item, done)
    return outcomes


async def _deliver_notices(bot: Bot, services: Services) -> None:
    desk, db = services.events, services.db
    for notice in await db.events.pending_notices():
        stored = await db.events.get_event(notice.event_id)
        if stored is not None:
            occ = from_stored(stored, desk.catalog, desk.tz)
            if occ.cutoff > desk.clock.now():  # nobody needs news about a past date
                item = f"notice:{notice.id}"
                recipients = await db.events.claim_notice(
                    [occ.entry_id] if occ.entry_id else [], item
                )
                await _send_all(bot, services, item, recipients, _notice(notice.change, occ))
        await db.events.finish_notice(notice.id)


def _notice(change: str, occ: Occurrence) -> tuple[Render, str]:
    def render(services: Services, t: Translator) -> Reply:
        return pages.notice(t, change, occ, services.events.catalog, services.knowledge)

    return render, "sent"


def _locale(services: Services, locale: str) -> str:
    return locale if locale in services.catalogs.languages else services.config.default_language


async def _send(
    bot: Bot, services: Services, chat_id: int, text: str, markup: InlineKeyboardMarkup | None
) -> str:
    """Send once; the outcome is recorded. A timeout is not retried: it may have arrived."""
    for attempt in range(2):
        try:
            await bot.send_message(chat_id, text, reply_markup=markup)
            return "sent"
        except RetryAfter as exc:  # refused, so certainly not delivered: wait and retry once
            if attempt:
                break
            delay = exc.retry_after
            await asyncio.sleep(delay.total_seconds() if isinstance(delay, timedelta) else delay)
        except Forbidden:
            await services.db.events.forget_subscriber(chat_id)  # blocked the bot: stop following
            return "blocked"
        except (BadRequest, NetworkError) as exc:
            log.warning("a reminder could not be sent (%s)", type(exc).__name__)
            break
    return "failed"
