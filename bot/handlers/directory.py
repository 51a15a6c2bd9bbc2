"""The MO directory: /register (guided, og:), /myorg with edit and delete (org:), and the
coordinators' /directory with its CSV export (dir:)."""

from __future__ import annotations

from typing import Any

from telegram import InputFile, Update
from telegram.ext import ConversationHandler

from bot.core.reply import esc
from bot.directory import ASKING, EDIT, Export, Org, Step, pages
from bot.directory import export as directory_csv
from bot.directory.service import MAX_NAME, MULTI, Registration, check_name, matches, options
from bot.handlers.context import BotContext
from bot.handlers.messages import alert, refuse_button, reply, send, show

END = ConversationHandler.END
TIMEOUT_SECONDS = 20 * 60
KEY = "org_registration"


def _store(context: BotContext) -> dict[Any, Any]:
    """user_data (always there for updates from a user; a throwaway dict otherwise)."""
    return context.user_data if context.user_data is not None else {}


def _reg(context: BotContext) -> Registration | None:
    reg = _store(context).get(KEY) if context.user_data is not None else None
    return reg if isinstance(reg, Registration) else None


async def start_registration(update: Update, context: BotContext, data: Org | None = None) -> int:
    """/register, org:new, org:edit: the first step (an existing entry is shown, or edited)."""
    if context.user is None:
        return END
    org = await context.services.db.directory.organisation_of(context.user.id)
    knowledge = context.services.knowledge
    if org is not None and data != EDIT:
        await reply(update, context, pages.entry_page(context.t, knowledge, org, False))
        return END
    reg = Registration.of(org) if org is not None else Registration()
    _store(context)[KEY] = reg
    await reply(update, context, pages.step_page(context.t, knowledge, reg))
    return ASKING


async def take_button(update: Update, context: BotContext, data: Step) -> int | None:
    """og:<choice>, og:ok, og:keep, og:back, og:x: one step of the registration."""
    reg = _reg(context)
    if reg is None:
        await refuse_button(update, context)
        return END
    arg, knowledge, t = data.choice, context.services.knowledge, context.t
    if arg == "x":
        return await cancel(update, context)
    if arg == "back":
        reg.step = max(0, reg.step - 1)
    elif arg == "keep" and reg.current == "name" and reg.values.get("name"):
        reg.step += 1
    elif arg == "ok" and reg.current in MULTI:
        if not reg.done():
            await alert(update, pages.need_one(t))
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
    directory = context.services.db.directory
    await directory.save_organisation(context.user.id, reg.values)
    _store(context).pop(KEY, None)
    org = await directory.organisation_of(context.user.id)
    assert org is not None
    await show(update, context, pages.entry_page(context.t, knowledge, org, True))
    return END


async def cancel(update: Update, context: BotContext, data: object = None) -> int:
    """og:x or /cancel: end; the stored entry (if any) stays as it was."""
    _store(context).pop(KEY, None)
    await show(update, context, pages.cancelled(context.t))
    return END


async def end_politely(update: Update, context: BotContext) -> None:
    """No answer for a while: end the registration and say so."""
    _store(context).pop(KEY, None)
    await send(update, context, pages.timed_out(context.t))


async def show_entry(update: Update, context: BotContext, data: Org | None = None) -> None:
    """/myorg or org:view: the member's own entry, or the offer to register."""
    if context.user is None:
        return
    org = await context.services.db.directory.organisation_of(context.user.id)
    t, knowledge = context.t, context.services.knowledge
    page = pages.no_entry(t) if org is None else pages.entry_page(t, knowledge, org, False)
    await reply(update, context, page)


async def ask_delete(update: Update, context: BotContext, data: Org) -> None:
    """org:del: ask before deleting."""
    await show(update, context, pages.confirm_delete(context.t))


async def delete_entry(update: Update, context: BotContext, data: Org) -> None:
    """org:delyes: delete the member's own entry (there is no way to name another one)."""
    directory = context.services.db.directory
    if context.user is None or not await directory.delete_organisation(context.user.id):
        await refuse_button(update, context)
        return
    await show(update, context, pages.deleted(context.t))


async def show_directory(update: Update, context: BotContext) -> None:
    """/directory [words]: every entry, or those the words match."""
    t, knowledge = context.t, context.services.knowledge
    term = " ".join(context.args or []).strip() or None
    orgs = await context.services.db.directory.organisations()
    if term:
        orgs = [o for o in orgs if matches(o, term, t, knowledge)]
    await send(update, context, pages.directory_list(t, knowledge, orgs, term))


async def export_directory(update: Update, context: BotContext, data: Export) -> None:
    """dir:csv: the whole directory as a CSV document."""
    chat = update.effective_chat
    if chat is None:
        return
    if update.callback_query:
        await update.callback_query.answer()
    orgs = await context.services.db.directory.organisations()
    content = directory_csv.export(context.t, context.services.knowledge, orgs)
    caption = context.t.gettext(
        "The directory as a table (UTF-8, separated by semicolons; opens in Excel)."
    )
    await context.bot.send_document(
        chat.id, InputFile(content, filename=directory_csv.FILENAME), caption=esc(caption)
    )
