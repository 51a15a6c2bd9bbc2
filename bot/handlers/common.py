"""Sending replies: new messages for answers, in-place edits for menu navigation."""

from __future__ import annotations

import logging
import re

from telegram import Update
from telegram.error import BadRequest

from bot.browse.entry_page import PageLinks
from bot.core.reply import Reply
from bot.handlers.context import BotContext
from bot.knowledge import Entry

log = logging.getLogger(__name__)
PREFIX_RE = re.compile(r"[a-z]{1,8}")


async def send(update: Update, context: BotContext, reply: Reply) -> None:
    """Send as new message(s); a long text is split, the buttons go on the last part."""
    chat = update.effective_chat
    if chat is None:
        return
    parts = reply.chunks()
    for i, part in enumerate(parts):
        markup = reply.markup() if i == len(parts) - 1 else None
        await context.bot.send_message(chat.id, part, reply_markup=markup)


async def show(update: Update, context: BotContext, reply: Reply) -> None:
    """Answer a button press by replacing the pressed message; send anew if that fails."""
    query = update.callback_query
    if query is None:
        await send(update, context, reply)
        return
    await query.answer()
    parts = reply.chunks()
    if len(parts) == 1 and query.message is not None:
        try:
            await query.edit_message_text(parts[0], reply_markup=reply.markup())
            return
        except BadRequest as exc:
            if "not modified" in str(exc).lower():
                return
    await send(update, context, reply)


def callback_parts(update: Update, expected: int) -> list[str] | None:
    """The ':'-separated fields of the pressed button's data, or None if malformed."""
    data = update.callback_query.data if update.callback_query else None
    if not isinstance(data, str):
        return None
    parts = data.split(":")
    return parts if len(parts) == expected and all(parts) else None


async def refuse_button(update: Update, context: BotContext) -> None:
    """A button whose data is unknown, malformed or not the presser's: say so, change nothing."""
    data = update.callback_query.data if update.callback_query else None
    prefix = str(data).partition(":")[0]
    # Only a known-shaped prefix: forged data is whatever its sender chose to put in it.
    log.info("refused a button (%s): stale, malformed or not the presser's", _shape(prefix))
    if update.callback_query:
        await update.callback_query.answer(
            context.t.gettext("This button no longer works. Please use /start."), show_alert=True
        )


def _shape(prefix: str) -> str:
    return f"{prefix}:" if PREFIX_RE.fullmatch(prefix) else "unknown data"


def page_links(context: BotContext, entry: Entry) -> PageLinks:
    """Share needs the bot's username; "remind me" needs deadlines reminders can follow."""
    remind = bool(context.services.events.catalog.deadline_events_for(entry.id))
    return PageLinks(bot_username=context.bot.username, remind=remind)
