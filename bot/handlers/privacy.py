"""/privacy, the first-contact notice, /mydata, /deletemydata, and the retention job."""

from __future__ import annotations

import logging
from datetime import UTC, datetime, time

from telegram import Update

from bot.handlers.context import BotContext
from bot.handlers.jobs import App, fresh_job_queue
from bot.handlers.messages import send, show
from bot.privacy import Erase
from bot.privacy import pages as privacy
from bot.privacy.service import erase, export, purge_question_texts

log = logging.getLogger(__name__)
RETENTION_JOB = "retention"
EXPORT_NAME = "mo-lotse-my-data.json"


async def show_privacy(update: Update, context: BotContext) -> None:
    """What is stored, why, for how long, whom to ask."""
    reply = privacy.notice_for(context.t, context.services.config)
    await send(update, context, reply)


async def notice_first_contact(update: Update, context: BotContext) -> None:
    """Group 2, after the answer: a user's first update in a private chat gets the notice."""
    chat = update.effective_chat
    if not context.services.config.privacy_notice:
        return
    if context.user is None or chat is None or chat.type != "private":
        return
    if await context.services.db.privacy.mark_privacy_noticed(context.user.id):
        await context.bot.send_message(chat.id, privacy.first_contact(context.t).text)


async def send_my_data(update: Update, context: BotContext) -> None:
    """/mydata: everything stored about the user, as a JSON file."""
    chat = update.effective_chat
    if context.user is None or chat is None:
        return
    services = context.services
    content = await export(services.db.privacy, services.pseudonyms, context.user.id)
    await context.bot.send_document(
        chat.id,
        content,
        filename=EXPORT_NAME,
        caption=privacy.export_caption(context.t),
    )


async def ask_delete(update: Update, context: BotContext) -> None:
    """/deletemydata: ask for confirmation with a button."""
    await send(update, context, privacy.confirm(context.t))


async def confirm_delete(update: Update, context: BotContext, data: Erase) -> None:
    """del:yes erases the user's data, del:no keeps it."""
    if context.user is None:
        return
    if data.answer == "no":
        await show(update, context, privacy.kept(context.t))
        return
    services = context.services
    await erase(
        services.db.privacy, services.pseudonyms, context.user.id, services.config.review_dir
    )
    context.user = None  # the row is gone; group 1 must not think otherwise
    await show(update, context, privacy.erased(context.t))


async def purge_job(context: BotContext) -> None:
    """Job: erase question texts older than QUESTION_RETENTION_DAYS."""
    services = context.services
    days = services.config.question_retention_days
    erased = await purge_question_texts(services.db.questions, days, datetime.now(UTC))
    if erased:
        await services.db.store.checkpoint()  # no erased text left in the -wal file
        log.info("retention: erased the text of %d question(s)", erased)


def schedule(app: App) -> None:
    """Once shortly after start, then every night; a missed night runs at the next start."""
    jobs = fresh_job_queue(app, RETENTION_JOB)
    if jobs is None:
        return
    jobs.run_once(purge_job, when=5, name=RETENTION_JOB, job_kwargs={"misfire_grace_time": None})
    jobs.run_daily(
        purge_job,
        time=time(3, 30),
        name=RETENTION_JOB,
        job_kwargs={"misfire_grace_time": 6 * 3600, "coalesce": True},
    )
