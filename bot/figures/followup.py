"""Follow-ups: FOLLOWUP_DAYS after a referral to an office or program, ask once how it went.

An FAQ answer refers to the offices it names (one referral each); the follow-up asks about
the first of them only, once per answer.

The referral log holds only a pseudonym. The recipient is found by recomputing the pseudonym
of every reachable user (an HMAC each, cheap for the few thousand users of this bot), so no
Telegram id is stored next to the evaluation data. Each follow-up row is written before the
question is sent: asked at most once, even across a crash.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import UTC, datetime, time, timedelta

from bot.core.pseudonyms import Pseudonyms
from bot.core.reply import Button, Reply, esc
from bot.core.sending import Sender
from bot.db import Database
from bot.figures import FollowUp
from bot.i18n import Catalogs, Translator
from bot.i18n.locale import decide_locale
from bot.knowledge import Knowledge

log = logging.getLogger(__name__)
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
    choices = (
        ("h", t.pgettext("button", "Yes, and it helped")),
        ("c", t.pgettext("button", "Yes, but it did not help")),
        ("n", t.pgettext("button", "No, not yet")),
    )
    return Reply(
        text, tuple((Button(label, FollowUp(referral_id, a).data()),) for a, label in choices)
    )


def thanks(t: Translator) -> Reply:
    return Reply(esc(t.gettext("Thank you! Your answer helps the city improve its advice.")))


def in_asking_hours(now: datetime, timezone: object) -> bool:
    """People are asked in the daytime only (local time)."""
    local = now.astimezone(timezone).time()  # type: ignore[arg-type]
    return ASK_FROM <= local < ASK_UNTIL


@dataclass(frozen=True)
class FollowUps:
    db: Database
    knowledge: Knowledge
    catalogs: Catalogs
    pseudonyms: Pseudonyms
    sender: Sender
    days: int  # FOLLOWUP_DAYS
    default_language: str

    async def send_due(self, now: datetime) -> int:
        """Ask every due follow-up (at most one per person per run); how many were sent."""
        db, days = self.db, self.days
        before = now - timedelta(days=days)
        due = await db.followups.due_referrals(
            _iso(before), _iso(before - timedelta(days=GRACE_DAYS))
        )
        if not due:
            return 0
        people = {self.pseudonyms.of(u.id): u for u in await db.users.reachable_users()}
        asked_now: set[str] = set()
        answers: set[tuple[str, int]] = set()
        sent = 0
        for ref in due:
            user = people.get(ref.user_key)
            entry = self.knowledge.entries.get(ref.entry_id)
            if ref.answer in answers:
                # An FAQ answer names several offices: the first one named is asked about.
                await db.followups.record_followup(ref, "skipped")
                continue
            if ref.user_key in asked_now:
                continue  # one question per person and run; the next run asks the next one
            answers.add(ref.answer)
            if user is None or entry is None:
                state = "unreachable" if user is None else "skipped"
                await db.followups.record_followup(ref, state)
                continue
            since = _iso(now - timedelta(days=days + GRACE_DAYS))
            if await db.followups.followed_up_since(ref.user_key, ref.entry_id, since):
                await db.followups.record_followup(ref, "skipped")  # same place, asked recently
                continue
            if not await db.followups.record_followup(ref, "asked"):
                continue
            asked_now.add(ref.user_key)
            locale = decide_locale(user.locale, user.telegram_language, self.default_language)
            t = self.catalogs.get(locale)
            reply = question(t, ref.referral_id, entry.text(locale).title)
            outcome = await self.sender.deliver(user.id, reply)
            if outcome.sent:
                sent += 1
            else:
                state = "unreachable" if outcome.kind == "blocked" else "failed"
                log.warning("follow-up not delivered (%s)", outcome.kind)  # no ids
                await db.followups.set_followup_status(ref.referral_id, state)
        return sent

    async def answer(self, user_id: int, data: FollowUp) -> Answered | None:
        """Log a pressed answer; None if the question was not theirs or already answered."""
        contacted, helped = ANSWERS[data.answer]
        entry_id = await self.db.followups.answer_followup(
            data.referral, self.pseudonyms.of(user_id), contacted, helped
        )
        return Answered(entry_id, contacted, helped) if entry_id else None


def _iso(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat(timespec="seconds")
