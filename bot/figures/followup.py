"""Follow-ups: FOLLOWUP_DAYS after a referral to an office or program, ask once how it went.

The referral log holds only a pseudonym. The recipient is found by recomputing the pseudonym
of every reachable user (an HMAC each, cheap for the few thousand users of this bot), so no
Telegram id is stored next to the evaluation data. Each follow-up row is written before the
question is sent: asked at most once, even across a crash.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import UTC, datetime, time, timedelta
from typing import Any

from telegram import Bot
from telegram.error import Forbidden, TelegramError
from telegram.ext import Application

from bot.core.reply import Button, Reply, esc
from bot.db.followups import DueReferral
from bot.handlers.context import BotContext
from bot.handlers.jobs import fresh_job_queue
from bot.i18n import Translator
from bot.i18n.locale import decide_locale
from bot.services import Services

log = logging.getLogger(__name__)
JOB_NAME = "followups"
# Referrals older than FOLLOWUP_DAYS + this are not asked about any more (e.g. when the
# feature is switched on, or the bot was down for long): a late question confuses.
GRACE_DAYS = 7
# People are asked in the daytime only (local time).
ASK_FROM, ASK_UNTIL = time(9, 0), time(19, 0)
ANSWERS = {"h": (True, True), "c": (True, False), "n": (False, None)}


@dataclass(frozen=True)
class Answered:
    entry_id: str
    contacted: bool
    helped: bool | None


def question(t: Translator, referral_id: int, entry_name: str) -> Reply:
    text = esc(
        t.gettext(
            "Some days ago I pointed you to {name}. Did you contact them, and did it help?",
            name=entry_name,
        )
    )
    return Reply(
        text,
        (
            (Button(t.pgettext("button", "Yes, and it helped"), f"fu:{referral_id}:h"),),
            (Button(t.pgettext("button", "Yes, but it did not help"), f"fu:{referral_id}:c"),),
            (Button(t.pgettext("button", "No, not yet"), f"fu:{referral_id}:n"),),
        ),
    )


async def send_due(bot: Bot, services: Services, now: datetime) -> int:
    """Ask every due follow-up (at most one per person per run); return how many were sent."""
    db, days = services.db, services.config.followup_days
    before = now - timedelta(days=days)
    due = await db.followups.due_referrals(_iso(before), _iso(before - timedelta(days=GRACE_DAYS)))
    if not due:
        return 0
    people = {services.user_key(u.id): u for u in await db.users.reachable_users()}
    asked_now: set[str] = set()
    sent = 0
    for ref in due:
        user = people.get(ref.user_key)
        entry = services.knowledge.entries.get(ref.entry_id)
        if ref.user_key in asked_now:
            continue  # one question per person and run; the next run asks the next one
        if user is None or entry is None:
            await db.followups.record_followup(ref, "unreachable" if user is None else "skipped")
            continue
        since = _iso(now - timedelta(days=days + GRACE_DAYS))
        if await db.followups.followed_up_since(ref.user_key, ref.entry_id, since):
            await db.followups.record_followup(ref, "skipped")  # same place, asked about recently
            continue
        if not await db.followups.record_followup(ref, "asked"):
            continue
        asked_now.add(ref.user_key)
        locale = decide_locale(
            user.locale, user.telegram_language, services.config.default_language
        )
        t = services.catalogs.get(locale)
        sent += await _send(
            bot, services, ref, user.id, question(t, ref.referral_id, entry.text(locale).title)
        )
    return sent


async def _send(bot: Bot, services: Services, ref: DueReferral, chat_id: int, reply: Reply) -> int:
    try:
        await bot.send_message(chat_id, reply.text, reply_markup=reply.markup())
    except Forbidden:
        await services.db.followups.set_followup_status(ref.referral_id, "unreachable")
        await services.db.users.mark_unreachable([chat_id])
        return 0
    except TelegramError as exc:
        log.warning("follow-up not delivered (%s)", type(exc).__name__)  # no ids
        await services.db.followups.set_followup_status(ref.referral_id, "failed")
        return 0
    return 1


async def answer(services: Services, user_id: int, data: str | None) -> Answered | None:
    """Log a pressed answer fu:<referral>:<h|c|n>; None if malformed, forged or answered."""
    parts = (data or "").split(":")
    if len(parts) != 3 or parts[0] != "fu" or not parts[1].isdigit() or parts[2] not in ANSWERS:
        return None
    contacted, helped = ANSWERS[parts[2]]
    entry_id = await services.db.followups.answer_followup(
        int(parts[1]), services.user_key(user_id), contacted, helped
    )
    return Answered(entry_id, contacted, helped) if entry_id else None


def thanks(t: Translator) -> Reply:
    return Reply(esc(t.gettext("Thank you! Your answer helps the city improve its advice.")))


async def run_job(context: BotContext) -> None:
    """The JobQueue callback: ask the due follow-ups, in the daytime only."""
    services = context.services
    now = datetime.now(UTC)
    local = now.astimezone(services.config.timezone).time()
    if ASK_FROM <= local < ASK_UNTIL:
        sent = await send_due(context.bot, services, now)
        if sent:
            log.info("follow-ups: asked %d", sent)


def schedule(app: Application[Any, Any, Any, Any, Any, Any]) -> None:
    """Hourly: the database says what is due, so a restart loses nothing."""
    jobs = fresh_job_queue(app, JOB_NAME)
    if jobs is None:
        return
    jobs.run_repeating(
        run_job,
        interval=3600,
        first=60,
        name=JOB_NAME,
        # A missed hour is simply covered by the next one.
        job_kwargs={"misfire_grace_time": 600, "coalesce": True},
    )


def _iso(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat(timespec="seconds")
