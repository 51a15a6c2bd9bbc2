"""The directory for members: /register (guided, og: buttons), /myorg, edit and delete (org:)."""

import warnings
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

from bot.directory import pages
from bot.directory.service import MAX_NAME, MULTI, Registration, check_name, options
from bot.handlers.common import callback_parts, refuse_button, send, show
from bot.handlers.context import BotContext

ASKING = 0
END = ConversationHandler.END
TIMEOUT_SECONDS = 20 * 60
KEY = "org_registration"


def _store(context: BotContext) -> dict[Any, Any]:
    """user_data (always there for updates from a user; a throwaway dict otherwise)."""
    return context.user_data if context.user_data is not None else {}


def _reg(context: BotContext) -> Registration | None:
    reg = _store(context).get(KEY) if context.user_data is not None else None
    return reg if isinstance(reg, Registration) else None


async def start_registration(update: Update, context: BotContext) -> int:
    """/register, org:new, org:edit: the first step (an existing entry is shown, or edited)."""
    if context.user is None:
        return END
    org = await context.services.db.directory.organisation_of(context.user.id)
    editing = callback_parts(update, 2) == ["org", "edit"]
    if org is not None and not editing:
        await show(
            update, context, pages.entry_page(context.t, context.services.knowledge, org, False)
        )
        return END
    reg = Registration.of(org) if org is not None else Registration()
    _store(context)[KEY] = reg
    await show(update, context, pages.step_page(context.t, context.services.knowledge, reg))
    return ASKING


async def take_button(update: Update, context: BotContext) -> int:
    """og:<choice>, og:ok, og:keep, og:back, og:x: one step of the registration."""
    reg, parts = _reg(context), callback_parts(update, 2)
    if reg is None or parts is None:
        await refuse_button(update, context)
        return END if reg is None else ASKING
    arg, knowledge, t = parts[1], context.services.knowledge, context.t
    if arg == "x":
        return await cancel(update, context)
    if arg == "back":
        reg.step = max(0, reg.step - 1)
    elif arg == "keep" and reg.current == "name" and reg.values.get("name"):
        reg.step += 1
    elif arg == "ok" and reg.current in MULTI:
        if not reg.done() and update.callback_query:
            await update.callback_query.answer(pages.need_one(t), show_alert=True)
            return ASKING
    elif arg in options(reg.current, knowledge):
        reg.choose(arg)
    else:
        await refuse_button(update, context)
        return ASKING
    return await _next(update, context, reg)


async def take_text(update: Update, context: BotContext) -> int:
    """A typed message: the name on the first step; elsewhere a hint to use the buttons."""
    reg = _reg(context)
    message = update.effective_message
    if reg is None or message is None:
        return END
    if reg.current != "name":
        await send(update, context, pages.use_buttons(context.t))
    elif (name := check_name(message.text)) is None:
        await send(update, context, pages.bad_name(context.t, MAX_NAME))
        return ASKING
    else:
        reg.values["name"] = name
        reg.step += 1
    await send(update, context, pages.step_page(context.t, context.services.knowledge, reg))
    return ASKING


async def take_other(update: Update, context: BotContext) -> int:
    """A photo, file or sticker instead of text: say what is expected; nothing is lost."""
    reg = _reg(context)
    if reg is None:
        return END
    if reg.current == "name":
        await send(update, context, pages.bad_name(context.t, MAX_NAME))
    else:
        await send(update, context, pages.use_buttons(context.t))
    return ASKING


async def _next(update: Update, context: BotContext, reg: Registration) -> int:
    knowledge = context.services.knowledge
    if not reg.finished:
        await show(update, context, pages.step_page(context.t, knowledge, reg))
        return ASKING
    assert context.user is not None
    await context.services.db.directory.save_organisation(context.user.id, reg.values)
    _store(context).pop(KEY, None)
    org = await context.services.db.directory.organisation_of(context.user.id)
    assert org is not None
    await show(update, context, pages.entry_page(context.t, knowledge, org, True))
    return END


async def cancel(update: Update, context: BotContext) -> int:
    """og:x or /cancel: end; the stored entry (if any) stays as it was."""
    _store(context).pop(KEY, None)
    await show(update, context, pages.cancelled(context.t))
    return END


async def end_politely(update: Update, context: BotContext) -> None:
    """No answer for a while: end the registration and say so."""
    _store(context).pop(KEY, None)
    await send(update, context, pages.timed_out(context.t))


async def show_entry(update: Update, context: BotContext) -> None:
    """/myorg or org:view: the member's own entry, or the offer to register."""
    if context.user is None:
        return
    org = await context.services.db.directory.organisation_of(context.user.id)
    t, knowledge = context.t, context.services.knowledge
    reply = pages.no_entry(t) if org is None else pages.entry_page(t, knowledge, org, False)
    await show(update, context, reply)


async def ask_delete(update: Update, context: BotContext) -> None:
    """org:del: ask before deleting."""
    await show(update, context, pages.confirm_delete(context.t))


async def delete_entry(update: Update, context: BotContext) -> None:
    """org:delyes: delete the member's own entry (there is no way to name another one)."""
    if context.user is None or not await context.services.db.directory.delete_organisation(
        context.user.id
    ):
        await refuse_button(update, context)
        return
    await show(update, context, pages.deleted(context.t))


def conversation() -> ConversationHandler[Any]:
    text = filters.ChatType.PRIVATE & filters.UpdateType.MESSAGE
    with warnings.catch_warnings():
        # One registration per user and chat, whatever message the buttons sit on.
        warnings.simplefilter("ignore", PTBUserWarning)
        return ConversationHandler(
            entry_points=[
                CommandHandler("register", start_registration),
                CallbackQueryHandler(start_registration, pattern=r"^org:(new|edit)$"),
            ],
            states={
                ASKING: [
                    CallbackQueryHandler(take_button, pattern=r"^og:"),
                    MessageHandler(text & filters.TEXT & ~filters.COMMAND, take_text),
                    MessageHandler(text & ~filters.TEXT & ~filters.COMMAND, take_other),
                ],
                ConversationHandler.TIMEOUT: [TypeHandler(Update, end_politely)],
            },
            fallbacks=[CommandHandler("cancel", cancel)],
            allow_reentry=True,
            conversation_timeout=TIMEOUT_SECONDS,
            name="register",
        )
