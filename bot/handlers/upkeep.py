"""Keeping the knowledge true: the coordinators' quick fixes from an entry's page (fx:, fxf:,
fxy:, fxd:, typed values) and the weekly job that lists what is due for review."""

from __future__ import annotations

import logging
from dataclasses import replace

from telegram import Update
from telegram.ext import ConversationHandler

from bot.handlers import inbox
from bot.handlers.context import BotContext
from bot.handlers.jobs import App, fresh_job_queue
from bot.handlers.messages import refuse_button, reply, send, show
from bot.upkeep import CHOOSE, CONFIRM, VALUE, YEAR, Fix, FixDone, FixField, FixYear, pages
from bot.upkeep.service import Draft, Problem, field_by_token, fields_of, parse_value, year_choices

log = logging.getLogger(__name__)
DRAFT = "fix_draft"
TIMEOUT_SECONDS = 15 * 60
REVIEW_JOB = "review-notices"
END = ConversationHandler.END


def _draft(context: BotContext) -> Draft | None:
    draft = context.user_data.get(DRAFT) if context.user_data is not None else None
    return draft if isinstance(draft, Draft) else None


def _keep(context: BotContext, draft: Draft | None) -> None:
    if context.user_data is not None:
        context.user_data[DRAFT] = draft


async def open_fixes(update: Update, context: BotContext, data: Fix) -> object:
    """fx:<entry>, the ✏️ button on an entry's page: which fact to change."""
    entry = context.services.fixes.entry(data.entry)
    if entry is None:
        await refuse_button(update, context)
        return END
    _keep(context, None)
    await show(update, context, pages.fix_menu(context.t, entry, fields_of(entry)))
    return CHOOSE


async def pick_field(update: Update, context: BotContext, data: FixField) -> object:
    """fxf:<entry>:<field>: ask for the new value."""
    fixes = context.services.fixes
    entry = fixes.entry(data.entry)
    field = field_by_token(entry, data.field) if entry else None
    if entry is None or field is None:
        await refuse_button(update, context)
        return None  # stay on the step
    draft = Draft(entry.id, field)
    _keep(context, draft)
    await show(update, context, pages.prompt(context.t, entry, draft, fixes.also_changes(draft)))
    return VALUE


async def take_value(update: Update, context: BotContext) -> object:
    """The typed value; a yearly amount then asks for its year."""
    draft, message = _draft(context), update.effective_message
    if draft is None or message is None or not message.text:
        return END
    if message.reply_to_message is not None:  # a reply (to a question card) is no value
        _keep(context, None)
        await inbox.answer_reply(update, context)
        return END
    value = parse_value(draft.field, message.text)
    if isinstance(value, Problem):
        await send(update, context, pages.problem(context.t, value))
        return VALUE
    draft = replace(draft, value=value)
    fixes = context.services.fixes
    entry = fixes.entry(draft.entry_id)
    if entry is not None and fixes.needs_year(draft):
        _keep(context, draft)
        years = year_choices(context.services.desk.clock.now())
        await send(update, context, pages.year_prompt(context.t, entry, draft, years))
        return YEAR
    return await _confirm(update, context, draft)


async def take_year(update: Update, context: BotContext, data: FixYear) -> object:
    """fxy:<year>: the year a new yearly amount holds for."""
    draft = _draft(context)
    if draft is None or draft.value is None:
        await refuse_button(update, context)
        return END
    return await _confirm(update, context, replace(draft, year=data.year))


async def _confirm(update: Update, context: BotContext, draft: Draft) -> object:
    fixes = context.services.fixes
    entry = fixes.entry(draft.entry_id)
    checked = fixes.check(draft, context.services.desk.clock.now())
    if entry is None or isinstance(checked, Problem):
        found = checked if isinstance(checked, Problem) else Problem("other")
        await reply(update, context, pages.problem(context.t, found, entry, draft))
        return YEAR if found.code == "year" else VALUE
    _keep(context, draft)
    await reply(update, context, pages.confirm(context.t, entry, draft, fixes.also_changes(draft)))
    return CONFIRM


async def save_fix(update: Update, context: BotContext, data: FixDone) -> object:
    """fxd:save: store the fix, use it at once, write the patch."""
    draft, user = _draft(context), update.effective_user
    if draft is None or user is None:
        await refuse_button(update, context)
        return END
    services = context.services
    done = await services.fixes.save(draft, user.full_name, user.id, services.desk.clock.now())
    if isinstance(done, Problem):
        entry = services.fixes.entry(draft.entry_id)
        await show(update, context, pages.problem(context.t, done, entry, draft))
        return VALUE
    _keep(context, None)
    await show(update, context, pages.saved(context.t, services.knowledge, done))
    return END


async def cancel(update: Update, context: BotContext, data: object = None) -> object:
    """fxd:cancel or /cancel: nothing changes."""
    _keep(context, None)
    await reply(update, context, pages.cancelled(context.t))
    return END


async def timed_out(update: Update, context: BotContext) -> None:
    """The correction was left open: forget the draft (nothing was saved)."""
    _keep(context, None)


async def review_job(context: BotContext) -> None:
    """Job: this week's review message to the coordinators who have not had it."""
    services = context.services
    await services.review_notices.send_due(services.desk.clock.now(), context.bot.username)


def schedule(app: App) -> None:
    """Every half hour: the database says who had this week's message (restarts are safe)."""
    jobs = fresh_job_queue(app, REVIEW_JOB)
    if jobs is None:
        return
    jobs.run_repeating(
        review_job,
        interval=1800,
        first=30,
        name=REVIEW_JOB,
        # A missed run is covered by the next one; a late one is still this week's.
        job_kwargs={"misfire_grace_time": 900, "coalesce": True},
    )


async def restore(app: App) -> None:
    """At start: the quick fixes still in use, applied on top of knowledge/."""
    applied = await app.bot_data.services.fixes.restore()
    if applied:
        log.info("%d quick fix(es) in use on top of knowledge/", applied)
