"""/stats and /gaps for coordinators, and the members' follow-up answers (fu: buttons)."""

import asyncio
from datetime import datetime

from telegram import Update

from bot.figures import followup
from bot.figures import pages as stats
from bot.figures import service as figures
from bot.handlers.common import refuse_button, send, show
from bot.handlers.context import BotContext
from bot.handlers.coordinator import guard
from bot.survey.service import results_page, survey_summary


async def show_stats(update: Update, context: BotContext) -> None:
    """/stats [FROM TO]: the figures as text and a chart (coordinators only)."""
    if not await guard(update, context, "/stats") or update.effective_chat is None:
        return
    services = context.services
    period = stats.parse_period(context.args or [], datetime.now(services.config.timezone).date())
    if period is None:
        await send(update, context, stats.usage(context.t))
        return
    found = await figures.compute(services.db, period)
    await send(update, context, stats.summary(found, context.t, services.knowledge))
    if found.survey is not None:  # what the MOs think of the office (seed 002 §3.3)
        await send(update, context, results_page(context.t, await survey_summary(services.db)))
    # matplotlib cannot shape Arabic or Farsi script: the chart's labels are English there
    chart_t = services.catalogs.get("en") if context.t.rtl else context.t
    from bot.figures.charts import stats_chart  # matplotlib: 0.3 s and 30 MB, only for /stats

    png = await asyncio.to_thread(stats_chart, found, chart_t)
    await context.bot.send_photo(update.effective_chat.id, png)


async def show_gaps(update: Update, context: BotContext) -> None:
    """/gaps: the questions the bot could not answer whose text is still kept."""
    if await guard(update, context, "/gaps"):
        rows = await context.services.db.figures.knowledge_gaps(stats.GAPS_LIMIT)
        await send(update, context, stats.gaps(rows, context.t))


async def answer_followup(update: Update, context: BotContext) -> None:
    """fu:<referral>:<h|c|n>: log whether the member contacted the office and it helped."""
    data = update.callback_query.data if update.callback_query else None
    done = None
    if context.user is not None:
        done = await followup.answer(context.services, context.user.id, data)
    if done is None:
        await refuse_button(update, context)
        return
    await show(update, context, followup.thanks(context.t))
