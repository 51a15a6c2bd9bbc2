"""The weekly message to every coordinator: which entries' facts are due for review.

Once a week, from the opening of the office's first day (OFFICE_HOURS) on, each coordinator
gets the list of what `due_for_review` finds (overdue, or due within REVIEW_AHEAD_DAYS, as
`python -m bot check --due` prints it). The database says who got this week's message: a row
is written just before each one is sent, so a restart neither repeats nor loses it (a week
missed while the bot was down is sent when it is back, in the same week). Nothing due: no
message.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from bot.core.clock import wall
from bot.core.office_hours import OfficeHours
from bot.core.sending import Sender
from bot.db import Database
from bot.i18n import Catalogs
from bot.i18n.locale import decide_locale
from bot.knowledge import due_for_review
from bot.upkeep import review_pages
from bot.upkeep.live import LiveKnowledge

log = logging.getLogger(__name__)

REVIEW_AHEAD_DAYS = 30  # as `check --due`: time to ask the office before the date passes


def week_of(moment: datetime) -> str:
    year, week, _ = moment.isocalendar()
    return f"{year}-W{week:02d}"


def week_starts(local: datetime, hours: OfficeHours, tz: ZoneInfo) -> datetime:
    """When this week's message is due: the first office day's opening."""
    monday = local.date() - timedelta(days=local.weekday())
    return wall(monday + timedelta(days=min(hours.days)), hours.start, tz)


@dataclass(frozen=True)
class ReviewNotices:
    db: Database
    live: LiveKnowledge
    catalogs: Catalogs
    coordinator_ids: frozenset[int]  # COORDINATOR_IDS; those granted the role come from the db
    default_language: str
    hours: OfficeHours
    timezone: ZoneInfo
    sender: Sender

    async def send_due(self, now: datetime, bot_username: str | None = None) -> int:
        """This week's message to every coordinator who has not had it; how many were sent."""
        local = now.astimezone(self.timezone)
        if local < week_starts(local, self.hours, self.timezone):
            return 0
        knowledge = self.live.knowledge
        due = due_for_review(knowledge, local.date(), REVIEW_AHEAD_DAYS)
        if not due:
            return 0
        week, sent = week_of(local), 0
        granted = await self.db.roles.coordinators_by_role()
        for chat_id in sorted(self.coordinator_ids | set(granted)):
            if not await self.db.upkeep.claim_review_notice(week, chat_id, len(due)):
                continue
            locale, telegram = await self.db.users.languages_of(chat_id)
            t = self.catalogs.get(decide_locale(locale, telegram, self.default_language))
            page = review_pages.review_notice(
                t, knowledge, due, local.date(), REVIEW_AHEAD_DAYS, bot_username
            )
            outcome = await self.sender.deliver(chat_id, page)
            await self.db.upkeep.finish_review_notice(week, chat_id, outcome.sent)
            if outcome.sent:
                sent += 1
            else:
                log.warning("weekly review message not delivered: %s", outcome.kind)
        if sent:
            log.info("weekly review message: %d item(s) to %d coordinator(s)", len(due), sent)
        return sent
