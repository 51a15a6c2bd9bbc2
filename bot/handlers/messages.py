"""Sending replies: new messages for answers, in-place edits for menu navigation."""

from __future__ import annotations

import logging
import re

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.error import BadRequest

from bot.core.reply import Reply
from bot.handlers.context import BotContext

log = logging.getLogger(__name__)
PREFIX_RE = re.compile(r"[a-z]{1,8}")


def markup(reply: Reply) -> InlineKeyboardMarkup | None:
    """The reply's buttons as Telegram's inline keyboard."""
    if not reply.buttons:
        return None
    return InlineKeyboardMarkup(
        [
            [
                InlineKeyboardButton(b.label, url=b.url)
                if b.url
                else InlineKeyboardButton(b.label, callback_data=b.data)
                for b in row
            ]
            for row in reply.buttons
        ]
    )


async def send(update: Update, context: BotContext, reply: Reply) -> None:
    """Send as new message(s); a long text is split, the buttons go on the last part."""
    chat = update.effective_chat
    if chat is None:
        return
    parts = reply.chunks()
    for i, part in enumerate(parts):
        keyboard = markup(reply) if i == len(parts) - 1 else None
        await context.bot.send_message(chat.id, part, reply_markup=keyboard)


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
            await query.edit_message_text(parts[0], reply_markup=markup(reply))
            return
        except BadRequest as exc:
            if "not modified" in str(exc).lower():
                return
    await send(update, context, reply)


async def reply(update: Update, context: BotContext, reply: Reply) -> None:
    """`show` for a button press, `send` for a typed message."""
    await (show if update.callback_query else send)(update, context, reply)


async def alert(update: Update, text: str) -> None:
    """A short notice on the pressed button (nothing if the update is no button press)."""
    if update.callback_query:
        await update.callback_query.answer(text, show_alert=True)


async def refuse_button(update: Update, context: BotContext) -> None:
    """A button whose data is unknown, malformed or not the presser's: say so, change nothing."""
    data = update.callback_query.data if update.callback_query else None
    prefix = str(data).partition(":")[0]
    # Only a known-shaped prefix: forged data is whatever its sender chose to put in it.
    log.info("refused a button (%s): stale, malformed or not the presser's", _shape(prefix))
    await alert(update, context.t.gettext("This button no longer works. Please use /start."))


def _shape(prefix: str) -> str:
    return f"{prefix}:" if PREFIX_RE.fullmatch(prefix) else "unknown data"
