"""The coordinators' guided conversation (/events, eva:): add, change and cancel dates.

Every step offers Back and Close; the conversation ends by itself after TIMEOUT_MINUTES.
Every update re-checks that the sender is a coordinator.
"""

from __future__ import annotations

import logging
import warnings
from collections.abc import Callable, Coroutine
from datetime import date
from typing import Any

from telegram import Update
from telegram.ext import (
    CallbackQueryHandler,
    CommandHandler,
    ConversationHandler,
    MessageHandler,
    TypeHandler,
    filters,
)
from telegram.warnings import PTBUserWarning

from bot.core.reply import Reply, esc
from bot.events import admin, admin_pages, drafts, reminders
from bot.events.drafts import Draft
from bot.handlers.common import callback_parts, send, show
from bot.handlers.context import BotContext
from bot.handlers.coordinator import guard

log = logging.getLogger(__name__)
TIMEOUT_MINUTES = 15
DRAFT, STATE, LOCALE = "event_draft", "event_state", "event_locale"
END = ConversationHandler.END


async def _allowed(update: Update, context: BotContext) -> bool:
    refusal = context.t.gettext("This is for the coordination office only.")
    return await guard(update, context, "the event desk", refusal)


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
    desk, knowledge = context.services.events, context.services.knowledge
    if state == drafts.MENU:
        found = await admin.coordinator_dates(context.services)
        reply = admin_pages.desk_menu(context.t, found, desk.catalog, knowledge)
    else:
        reply = admin_pages.prompt(
            context.t, state, _draft(context), desk.catalog, knowledge, error
        )
    await (show if update.callback_query else send)(update, context, reply)
    return state


async def open_desk(update: Update, context: BotContext) -> int:
    """/events or eva:menu: the dates coordinators set, and "add a date"."""
    if not await _allowed(update, context):
        return END
    return await _goto(update, context, drafts.MENU, Draft())


async def start_add(update: Update, context: BotContext) -> int:
    """eva:add: a new date; first its series."""
    if not await _allowed(update, context):
        return END
    return await _goto(update, context, drafts.SERIES, Draft())


async def pick_series(update: Update, context: BotContext) -> int:
    """eva:s:<series> (or '-' for a date with its own title)."""
    parts = callback_parts(update, 3)
    catalog = context.services.events.catalog
    if not await _allowed(update, context):
        return END
    if parts is None or (parts[2] != "-" and parts[2] not in catalog.events):
        return await _goto(update, context, drafts.SERIES)
    series = None if parts[2] == "-" else parts[2]
    draft = Draft(series=series)
    return await _goto(update, context, drafts.next_step(draft, drafts.SERIES), draft)


async def pick_event(update: Update, context: BotContext) -> int:
    """eva:e:<id>: one of the coordinators' dates, to change or cancel."""
    parts = callback_parts(update, 3)
    if not await _allowed(update, context):
        return END
    stored = (
        await context.services.db.events.get_event(int(parts[2]))
        if parts and parts[2].isdigit()
        else None
    )
    if stored is None or stored.status != "active":
        return await _goto(update, context, drafts.MENU)
    return await _goto(update, context, drafts.EVENT, Draft.editing(stored))


async def edit_field(update: Update, context: BotContext) -> int:
    """eva:f:<field>: change the date, time, place or note."""
    parts = callback_parts(update, 3)
    if not await _allowed(update, context):
        return END
    state = drafts.FIELD_STEPS.get(parts[2]) if parts else None
    return await _goto(update, context, state if state is not None else drafts.EVENT)


def _typed(
    field: str, state: int, parse: Callable[[str, BotContext], str | None]
) -> Callable[[Update, BotContext], Coroutine[Any, Any, int]]:
    async def read(update: Update, context: BotContext) -> int:
        """Read the typed value of one step."""
        if not await _allowed(update, context):
            return END
        text = update.effective_message.text if update.effective_message else None
        value = parse(text or "", context)
        if value is None:
            return await _goto(update, context, state, error=True)
        draft = _draft(context).set(field, value)
        return await _goto(update, context, drafts.next_step(draft, state), draft)

    return read


def _today(context: BotContext) -> date:
    desk = context.services.events
    return desk.clock.now().astimezone(desk.tz).date()


type_title = _typed("title", drafts.TITLE, lambda text, c: drafts.clean_text(text))
type_day = _typed("day", drafts.DAY, lambda text, c: drafts.parse_day(text, _today(c)))
type_time = _typed("start_time", drafts.TIME, lambda text, c: drafts.parse_time(text))
type_place = _typed("place", drafts.PLACE, lambda text, c: drafts.clean_text(text))
type_note = _typed("note", drafts.NOTE, lambda text, c: drafts.clean_text(text))


async def leave_empty(update: Update, context: BotContext) -> int:
    """eva:allday / eva:skip: no time (all day), no place, no note."""
    if not await _allowed(update, context) or context.user_data is None:
        return END
    state = int(context.user_data.get(STATE, drafts.MENU))
    names = {drafts.TIME: "start_time", drafts.PLACE: "place", drafts.NOTE: "note"}
    if state not in names:
        return await _goto(update, context, state)
    draft = _draft(context).set(names[state], None)
    return await _goto(update, context, drafts.next_step(draft, state), draft)


async def go_back(update: Update, context: BotContext) -> int:
    """eva:back: the previous step."""
    if not await _allowed(update, context) or context.user_data is None:
        return END
    state = int(context.user_data.get(STATE, drafts.MENU))
    return await _goto(update, context, drafts.previous_step(_draft(context), state))


async def save_draft(update: Update, context: BotContext) -> int:
    """eva:save: store the date; subscribers are told."""
    if not await _allowed(update, context):
        return END
    await admin.save(context.services, _draft(context))
    reminders.wake(context.application)
    return await _finish(update, context, context.t.gettext("Saved. Subscribers are told."))


async def ask_cancel(update: Update, context: BotContext) -> int:
    """eva:cancel: ask before cancelling a date."""
    if not await _allowed(update, context):
        return END
    return await _goto(update, context, drafts.CANCEL)


async def confirm_cancel(update: Update, context: BotContext) -> int:
    """eva:yes: cancel the date; subscribers are told."""
    draft = _draft(context)
    if not await _allowed(update, context) or draft.event_id is None:
        return END
    await context.services.db.events.cancel_event(draft.event_id)
    reminders.wake(context.application)
    return await _finish(
        update, context, context.t.gettext("The date is cancelled. Subscribers are told.")
    )


async def close(update: Update, context: BotContext) -> int:
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


def conversation() -> ConversationHandler:  # type: ignore[type-arg]
    """The ConversationHandler; register it before the free-text and catch-all handlers."""
    text = filters.ChatType.PRIVATE & filters.UpdateType.MESSAGE & filters.TEXT & ~filters.COMMAND

    def cb(callback: Callable, pattern: str) -> CallbackQueryHandler:  # type: ignore[type-arg]
        return CallbackQueryHandler(callback, pattern=pattern)

    nav = [cb(go_back, r"^eva:back$"), cb(close, r"^eva:x$")]
    states: dict[int, list[Any]] = {
        drafts.MENU: [cb(start_add, r"^eva:add$"), cb(pick_event, r"^eva:e:\d+$")],
        drafts.SERIES: [cb(pick_series, r"^eva:s:")],
        drafts.TITLE: [MessageHandler(text, type_title)],
        drafts.DAY: [MessageHandler(text, type_day)],
        drafts.TIME: [MessageHandler(text, type_time), cb(leave_empty, r"^eva:allday$")],
        drafts.PLACE: [MessageHandler(text, type_place), cb(leave_empty, r"^eva:skip$")],
        drafts.NOTE: [MessageHandler(text, type_note), cb(leave_empty, r"^eva:skip$")],
        drafts.CONFIRM: [cb(save_draft, r"^eva:save$")],
        drafts.EVENT: [cb(edit_field, r"^eva:f:"), cb(ask_cancel, r"^eva:cancel$")],
        drafts.CANCEL: [cb(confirm_cancel, r"^eva:yes$")],
    }
    with warnings.catch_warnings():
        # per_message=False is intended: text replies and buttons share one conversation per
        # chat; PTB warns that buttons are then not tracked per message.
        warnings.simplefilter("ignore", PTBUserWarning)
        return ConversationHandler(
            entry_points=[CommandHandler("events", open_desk), cb(open_desk, r"^eva:menu$")],
            states={
                **{state: [*handlers, *nav] for state, handlers in states.items()},
                ConversationHandler.TIMEOUT: [TypeHandler(Update, timed_out)],
            },
            fallbacks=[CommandHandler("cancel", close), cb(close, r"^eva:x$")],
            conversation_timeout=TIMEOUT_MINUTES * 60,
            name="event_desk",
        )
