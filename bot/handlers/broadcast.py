"""/broadcast (text, versions per language, audience, preview, confirm, optional send time),
the stop button (bx:), and the broadcast worker's background task and jobs.

The route re-checks the coordinator role on every step: the conversation can outlive a
/revoke.
"""

from __future__ import annotations

import asyncio
import logging
from datetime import datetime

from telegram import Update
from telegram.ext import ConversationHandler

from bot.broadcast import (
    AUDIENCE,
    CONFIRM,
    MENU,
    TEXT,
    WHEN,
    AudienceKind,
    DistrictMOs,
    LanguageToggle,
    Stop,
    Subscribers,
    TopicMOs,
    Version,
    service,
)
from bot.broadcast import pages as bc
from bot.broadcast.worker import Worker
from bot.core.reply import Reply, esc
from bot.handlers.context import BotContext
from bot.handlers.jobs import App
from bot.handlers.messages import refuse_button, send, show
from bot.i18n.languages import LANGUAGES, NATIVE_NAMES
from bot.trainings import Announce
from bot.trainings.desk_pages import announce_prompt

log = logging.getLogger(__name__)
END = ConversationHandler.END
KEY = "broadcast_draft"
TIMEOUT_SECONDS = 3600  # a forgotten draft must not swallow the coordinator's messages
JOB_NAME = "broadcast-worker"


def _draft(context: BotContext) -> service.Draft:
    draft = context.user_data.get(KEY) if context.user_data is not None else None
    return draft if isinstance(draft, service.Draft) else service.Draft()


def _keep(context: BotContext, draft: service.Draft) -> None:
    if context.user_data is not None:
        context.user_data[KEY] = draft


async def start_broadcast(update: Update, context: BotContext) -> int:
    """/broadcast: ask for the text of the announcement."""
    _keep(context, service.Draft())
    text = context.t.gettext(
        "Send me the text of the announcement. Formatting (bold, italic, links) is kept. "
        "It is the default version for everyone."
    )
    await send(update, context, Reply(esc(text), ((bc.cancel_button(context.t),),)))
    return TEXT


async def start_announcement(update: Update, context: BotContext, data: Announce) -> int:
    """trb:<training>: a broadcast that announces a training; every message gets a sign-up
    button."""
    training = await context.services.db.trainings.get_training(data.training)
    if training is None or not context.services.trainings.open_for_signup(training):
        await refuse_button(update, context)
        return END
    _keep(context, service.Draft(training=training.id))
    if update.callback_query:
        await update.callback_query.answer()
    prompt = announce_prompt(context.t, training.title(context.locale))
    await send(update, context, Reply(prompt.text, ((bc.cancel_button(context.t),),)))
    return TEXT


async def take_text(update: Update, context: BotContext) -> int:
    """A text: the default version or the language version asked for."""
    message = update.effective_message
    if message is None:
        return END
    draft = service.with_text(_draft(context), message.text_html)
    _keep(context, draft)
    await send(update, context, bc.draft_menu(context.t, draft))
    return MENU


async def pick_version(update: Update, context: BotContext, data: Version) -> int | None:
    """bc:v:<lang>: the next text is that language's version."""
    if data.lang not in LANGUAGES:
        await refuse_button(update, context)
        return None
    draft = _draft(context)
    draft.editing = data.lang
    _keep(context, draft)
    text = context.t.gettext("Send me the {language} version.", language=NATIVE_NAMES[data.lang])
    await show(update, context, Reply(esc(text), ((bc.cancel_button(context.t),),)))
    return TEXT


async def ask_audience(update: Update, context: BotContext, data: object = None) -> int:
    """bc:aud: who should get it."""
    services = context.services
    targets = await service.subscription_targets(services.db, services.knowledge, context.t)
    await show(update, context, bc.audience_menu(context.t, targets))
    return AUDIENCE


async def pick_kind(update: Update, context: BotContext, data: AudienceKind) -> int | None:
    """bc:a:all|lang|topic|district: everyone, or pick languages, or MOs of a topic/district."""
    draft, services = _draft(context), context.services
    if data.kind == "all":
        draft.audience = service.Audience("all")
        return await _preview(update, context, draft)
    if data.kind == "lang":
        await show(update, context, bc.language_picker(context.t, draft.picked))
        return AUDIENCE
    if data.kind in service.KINDS:
        found = await service.choices(services.db, services.knowledge, data.kind)
        await show(update, context, bc.picker(context.t, services.knowledge, data.kind, found))
        return AUDIENCE
    await refuse_button(update, context)
    return None


async def toggle_language(update: Update, context: BotContext, data: LanguageToggle) -> int | None:
    """bc:l:<lang>: tick or untick a language; bc:l:ok: those ticked are the audience."""
    draft = _draft(context)
    if data.lang == "ok" and draft.picked:
        draft.audience = service.Audience("lang", draft.picked)
        return await _preview(update, context, draft)
    if data.lang not in LANGUAGES:
        await refuse_button(update, context)
        return None
    draft.picked = tuple(x for x in LANGUAGES if (x in draft.picked) != (x == data.lang))
    await show(update, context, bc.language_picker(context.t, draft.picked))
    return AUDIENCE


async def pick_subscribers(update: Update, context: BotContext, data: Subscribers) -> int | None:
    """bc:s:<target>: those who follow a network or program."""
    services = context.services
    targets = await service.subscription_targets(services.db, services.knowledge, context.t)
    if data.target not in dict(targets):
        await refuse_button(update, context)
        return None
    draft = _draft(context)
    draft.audience = service.Audience("sub", target=data.target)
    return await _preview(update, context, draft)


async def pick_mos(
    update: Update, context: BotContext, data: TopicMOs | DistrictMOs
) -> int | None:
    """bc:t:<topic> or bc:d:<district>: the MOs of one topic or district."""
    kind, value = (
        ("topic", data.topic) if isinstance(data, TopicMOs) else ("district", data.district)
    )
    services = context.services
    if value not in await service.choices(services.db, services.knowledge, kind):
        await refuse_button(update, context)
        return None
    draft = _draft(context)
    draft.audience = service.Audience(kind, target=value)
    return await _preview(update, context, draft)


async def _preview(update: Update, context: BotContext, draft: service.Draft) -> int:
    assert draft.audience is not None
    services = context.services
    people = await service.recipients(
        services.db, services.config.default_language, draft.audience
    )
    if update.callback_query:
        await update.callback_query.answer()
    if not people:
        text = context.t.gettext("Nobody in this audience can be reached. Choose another one.")
        await send(update, context, Reply(esc(text)))
        return await ask_audience(update, context)
    for page in bc.preview(context.t, draft, people):
        await send(update, context, page)
    return CONFIRM


async def send_now(update: Update, context: BotContext, data: object = None) -> int:
    """bc:go: queue the broadcast and show its status message."""
    if context.user is None:
        return END
    services = context.services
    number = await service.submit(
        services.db, services.config.default_language, context.user.id, _draft(context), None
    )
    if update.callback_query:
        await update.callback_query.answer()
    runner = runner_of(context.application)
    stored = await services.db.outbox.get_broadcast(number)
    if runner is not None and stored is not None:
        await runner.worker.show_report(stored, "sending")
        runner.kick()
    return END


async def ask_time(update: Update, context: BotContext, data: object = None) -> int:
    """bc:later: ask for the send time."""
    await show(update, context, Reply(esc(_time_prompt(context))))
    return WHEN


def _time_prompt(context: BotContext) -> str:
    return context.t.gettext(
        "When should it go out? For example 2025-12-01 18:00 or 01.12.2025 18:00 ({zone}).",
        zone=str(context.services.config.timezone),
    )


async def take_time(update: Update, context: BotContext) -> int:
    """A send time: schedule the broadcast, or ask again."""
    message = update.effective_message
    if message is None or context.user is None:
        return END
    services = context.services
    zone = services.config.timezone
    when = service.parse_send_time(message.text or "", zone, datetime.now(zone))
    if when is None:
        again = context.t.gettext("That is not a future date and time.")
        await send(update, context, Reply(esc(again + " " + _time_prompt(context))))
        return WHEN
    number = await service.submit(
        services.db, services.config.default_language, context.user.id, _draft(context), when
    )
    text = context.t.gettext(
        "Broadcast no. {number} is scheduled for {when}.",
        number=number,
        when=context.t.datetime(when),
    )
    await send(update, context, Reply(esc(text), ((bc.stop_button(context.t, number),),)))
    return END


async def cancel_draft(update: Update, context: BotContext, data: object = None) -> int:
    """bc:x or /cancel: drop the draft; nothing is sent."""
    if context.user_data is not None:
        context.user_data.pop(KEY, None)
    await show(update, context, Reply(esc(context.t.gettext("Cancelled. Nothing was sent."))))
    return END


async def stop_broadcast(update: Update, context: BotContext, data: Stop) -> None:
    """bx:<no.>: stop a running or scheduled broadcast."""
    runner = runner_of(context.application)
    if runner is None or not await runner.worker.cancel(data.broadcast):
        await refuse_button(update, context)
        return
    if update.callback_query:
        await update.callback_query.answer()


class Runner:
    """The worker's background task in a running application."""

    def __init__(self, app: App, worker: Worker) -> None:
        self.app, self.worker = app, worker
        self.background = True  # tests switch the background task off and call drain()
        self._task: asyncio.Task[None] | None = None

    def kick(self) -> None:
        """New work: wake the idle worker now (or start it, before the first watchdog)."""
        self.worker.wake()
        self.ensure_running()

    def ensure_running(self) -> None:
        task = self._task
        if self.background and (task is None or task.done()):
            loop = self.worker.run(lambda: self.app.running and self.background)
            self._task = self.app.create_task(loop, name=JOB_NAME)


async def _watchdog(context: BotContext) -> None:
    """Start the worker after start-up, and again should it ever have died."""
    if context.job is not None and isinstance(context.job.data, Runner):
        context.job.data.ensure_running()


async def _resume(context: BotContext) -> None:
    """At start: the worker at once if a broadcast is unfinished (e.g. after a crash)."""
    runner = context.job.data if context.job is not None else None
    if isinstance(runner, Runner) and await runner.worker.has_unfinished():
        runner.ensure_running()


def schedule(app: App) -> Runner | None:
    """Called from post_init: the worker resumes what the database says is unfinished."""
    jobs = app.job_queue
    if jobs is None:
        return None
    for job in jobs.get_jobs_by_name(JOB_NAME):
        job.schedule_removal()
    services = app.bot_data.services
    config = services.config
    worker = Worker(
        services.db,
        services.sender,
        services.catalogs,
        config.default_language,
        config.broadcast_rate,
        config.broadcast_in_flight,
        pacer=services.pacer,
    )
    runner = Runner(app, worker)
    # Unfinished work resumes as soon as the scheduler starts. post_init runs before it: an
    # interval job whose first time passed meanwhile waits for its next round (30 s). A
    # second after the reminders' catch-up (when=0), whose transaction it would interleave.
    jobs.run_once(
        _resume, when=1, name=JOB_NAME, data=runner, job_kwargs={"misfire_grace_time": None}
    )
    jobs.run_repeating(
        _watchdog,
        interval=30,
        first=0.5,
        name=JOB_NAME,
        data=runner,
        job_kwargs={"misfire_grace_time": 30, "coalesce": True},
    )
    return runner


def runner_of(app: App) -> Runner | None:
    jobs = app.job_queue
    found = jobs.get_jobs_by_name(JOB_NAME) if jobs else ()
    data = found[0].data if found else None
    return data if isinstance(data, Runner) else None
