"""The coordinators' guided conversation (/events, eva:): add, change and cancel dates.

Every step offers Back and Close; the conversation ends by itself after TIMEOUT_MINUTES.
The route re-checks on every update that the sender is a coordinator (bot/handlers/__init__).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Coroutine
from datetime import date
from typing import Any

from telegram import Update
from telegram.ext import ConversationHandler

from bot.core.reply import Reply, esc
from bot.core.typed_values import clean_text, parse_time
from bot.events import DeskEvent, DeskField, DeskSeries, admin_pages, drafts
from bot.events.drafts import Draft
from bot.handlers.context import BotContext
from bot.handlers.events import wake
from bot.handlers.messages import reply, show

log = logging.getLogger(__name__)
TIMEOUT_MINUTES = 15
DRAFT, STATE, LOCALE = "event_draft", "event_state", "event_locale"
END = ConversationHandler.END


def _draft(context: BotContext) -> Draft:
    draft = context.user_data.get(DRAFT) if context.user_data is not None else None
    return draft if isinstance(draft, Draft) else Draft()


async def _goto(
    update: Update,
    context: BotContext,
    state: int,
    draft: Draft | None = None,
    error: bool = False,
) -> int:
    """Remember the draft and the step, and show the step's page."""
    assert context.user_data is not None
    if draft is not None:
        context.user_data[DRAFT] = draft
    context.user_data[STATE], context.user_data[LOCALE] = state, context.locale
    services = context.services
    catalog, knowledge = services.desk.catalog, services.knowledge
    if state == drafts.MENU:
        found = await services.events.coordinator_dates()
        page = admin_pages.desk_menu(context.t, found, catalog, knowledge)
    else:
        page = admin_pages.prompt(context.t, state, _draft(context), catalog, knowledge, error)
    await reply(update, context, page)
    return state


async def open_desk(update: Update, context: BotContext, data: object = None) -> int:
    """/events or eva:menu: the dates coordinators set, and "add a date"."""
    return await _goto(update, context, drafts.MENU, Draft())


async def start_add(update: Update, context: BotContext, data: object) -> int:
    """eva:add: a new date; first its series."""
    return await _goto(update, context, drafts.SERIES, Draft())


async def pick_series(update: Update, context: BotContext, data: DeskSeries) -> int:
    """eva:s:<series> (or '-' for a date with its own title)."""
    catalog = context.services.desk.catalog
    if data.series != "-" and data.series not in catalog.events:
        return await _goto(update, context, drafts.SERIES)
    series = None if data.series == "-" else data.series
    draft = Draft(series=series)
    return await _goto(update, context, drafts.next_step(draft, drafts.SERIES), draft)


async def pick_event(update: Update, context: BotContext, data: DeskEvent) -> int:
    """eva:e:<id>: one of the coordinators' dates, to change or cancel."""
    stored = await context.services.db.events.get_event(data.event)
    if stored is None or stored.status != "active":
        return await _goto(update, context, drafts.MENU)
    return await _goto(update, context, drafts.EVENT, Draft.editing(stored))


async def edit_field(update: Update, context: BotContext, data: DeskField) -> int:
    """eva:f:<field>: change the date, time, place or note."""
    state = drafts.FIELD_STEPS.get(data.field)
    return await _goto(update, context, state if state is not None else drafts.EVENT)


def _typed(
    field: str, state: int, parse: Callable[[str, BotContext], str | None]
) -> Callable[[Update, BotContext], Coroutine[Any, Any, int]]:
    async def read(update: Update, context: BotContext) -> int:
        """Read the typed value of one step."""
        text = update.effective_message.text if update.effective_message else None
        value = parse(text or "", context)
        if value is None:
            return await _goto(update, context, state, error=True)
        draft = _draft(context).set(field, value)
        return await _goto(update, context, drafts.next_step(draft, state), draft)

    return read


def _today(context: BotContext) -> date:
    desk = context.services.desk
    return desk.clock.now().astimezone(desk.tz).date()


type_title = _typed("title", drafts.TITLE, lambda text, c: clean_text(text))
type_day = _typed("day", drafts.DAY, lambda text, c: drafts.parse_day(text, _today(c)))
type_time = _typed("start_time", drafts.TIME, lambda text, c: parse_time(text))
type_place = _typed("place", drafts.PLACE, lambda text, c: clean_text(text))
type_note = _typed("note", drafts.NOTE, lambda text, c: clean_text(text))


async def leave_empty(update: Update, context: BotContext, data: object = None) -> int:
    """eva:allday / eva:skip: no time (all day), no place, no note."""
    if context.user_data is None:
        return END
    state = int(context.user_data.get(STATE, drafts.MENU))
    names = {drafts.TIME: "start_time", drafts.PLACE: "place", drafts.NOTE: "note"}
    if state not in names:
        return await _goto(update, context, state)
    draft = _draft(context).set(names[state], None)
    return await _goto(update, context, drafts.next_step(draft, state), draft)


async def go_back(update: Update, context: BotContext, data: object = None) -> int:
    """eva:back: the previous step."""
    if context.user_data is None:
        return END
    state = int(context.user_data.get(STATE, drafts.MENU))
    return await _goto(update, context, drafts.previous_step(_draft(context), state))


async def save_draft(update: Update, context: BotContext, data: object = None) -> int:
    """eva:save: store the date; subscribers are told."""
    await context.services.events.save(_draft(context))
    wake(context.application)
    return await _finish(update, context, context.t.gettext("Saved. Subscribers are told."))


async def ask_cancel(update: Update, context: BotContext, data: object = None) -> int:
    """eva:cancel: ask before cancelling a date."""
    return await _goto(update, context, drafts.CANCEL)


async def confirm_cancel(update: Update, context: BotContext, data: object = None) -> int:
    """eva:yes: cancel the date; subscribers are told."""
    draft = _draft(context)
    if draft.event_id is None:
        return END
    await context.services.db.events.cancel_event(draft.event_id)
    wake(context.application)
    return await _finish(
        update, context, context.t.gettext("The date is cancelled. Subscribers are told.")
    )


async def close(update: Update, context: BotContext, data: object = None) -> int:
    """eva:x or /cancel: leave the conversation, nothing is stored."""
    return await _finish(update, context, context.t.gettext("Closed. Nothing was changed."))


async def _finish(update: Update, context: BotContext, text: str) -> int:
    if context.user_data is not None:
        for key in (DRAFT, STATE, LOCALE):
            context.user_data.pop(key, None)
    await show(update, context, Reply(esc(text)))
    return END


async def timed_out(update: Update, context: BotContext) -> None:
    """After TIMEOUT_MINUTES without input: say so; the draft is dropped."""
    locale = context.user_data.pop(LOCALE, None) if context.user_data is not None else None
    if context.user_data is not None:
        context.user_data.pop(DRAFT, None)
        context.user_data.pop(STATE, None)
    chat = update.effective_chat
    if chat is None:
        return
    services = context.services
    t = services.catalogs.get(
        locale if isinstance(locale, str) else services.config.default_language
    )
    text = t.ngettext(
        "The date editor closed after {n} minute without input; nothing was changed.",
        "The date editor closed after {n} minutes without input; nothing was changed.",
        TIMEOUT_MINUTES,
    )
    await context.bot.send_message(chat.id, esc(text))
