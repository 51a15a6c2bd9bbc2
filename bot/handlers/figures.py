"""/stats and /gaps for coordinators, follow-up answers (fu:), and the follow-up job."""

from __future__ import annotations

import asyncio
import logging
from datetime import datetime

from telegram import Update

from bot.core.reply import esc
from bot.figures import FollowUp
from bot.figures import pages as stats
from bot.figures.city import city_offices
from bot.figures.followup import thanks
from bot.figures.service import compute
from bot.handlers.context import BotContext
from bot.handlers.jobs import App, ask_hourly_in_daytime
from bot.handlers.messages import refuse_button, send, show
from bot.survey.pages import results_page
from bot.survey.service import survey_summary

log = logging.getLogger(__name__)
FOLLOWUP_JOB = "followups"


async def show_stats(update: Update, context: BotContext) -> None:
    """/stats [FROM TO]: the figures as text and the report's charts."""
    if update.effective_chat is None:
        return
    services = context.services
    today = datetime.now(services.config.timezone).date()
    period = stats.parse_period(context.args or [], today)
    if period is None:
        await send(update, context, stats.usage(context.t))
        return
    city = city_offices(services.config.knowledge_dir)
    found = await compute(services.db, period, city)
    await send(update, context, stats.summary(found, context.t, services.knowledge))
    if found.survey is not None:  # what the MOs think of the office (seed 002 §3.3)
        await send(update, context, results_page(context.t, await survey_summary(services.db)))
    from bot.figures.charts import render_all  # matplotlib: 0.3 s and 30 MB, only for /stats

    # The report's charts, labelled in the coordinator's language (matplotlib ≥ 3.11 shapes
    # Arabic and Farsi).
    charts = await asyncio.to_thread(render_all, found, context.t, services.knowledge, city)
    for chart in charts:
        await context.bot.send_photo(update.effective_chat.id, chart.png, caption=esc(chart.title))


async def show_gaps(update: Update, context: BotContext) -> None:
    """/gaps: the questions the bot could not answer whose text is still kept."""
    rows = await context.services.db.figures.knowledge_gaps(stats.GAPS_LIMIT)
    await send(update, context, stats.gaps(rows, context.t))
    # and the translations made from an older German text (issue 15), live: quick fixes count
    stale = stats.stale_translations_page(context.t, context.services.knowledge)
    if stale is not None:
        await send(update, context, stale)


async def answer_followup(update: Update, context: BotContext, data: FollowUp) -> None:
    """fu:<referral>:<h|c|n>: log whether the member contacted the office and it helped."""
    done = None
    if context.user is not None:
        done = await context.services.followups.answer(context.user.id, data)
    if done is None:
        await refuse_button(update, context)
        return
    await show(update, context, thanks(context.t))


def schedule(app: App) -> None:
    """The follow-ups: hourly, in the daytime."""
    ask_hourly_in_daytime(app, FOLLOWUP_JOB, lambda s, now: s.followups.send_due(now), first=60)
