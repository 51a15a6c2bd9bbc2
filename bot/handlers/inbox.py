"""The member's side of the handoff (ho:, hn:) and the coordinators' replies to questions."""

import logging
from datetime import datetime

from telegram import Update

from bot.handlers import ask
from bot.handlers.common import callback_parts, refuse_button, send, show
from bot.handlers.context import BotContext
from bot.handlers.coordinator import guard
from bot.inbox import service as inbox

log = logging.getLogger(__name__)


def _question_id(update: Update, fields: int) -> tuple[int, list[str]] | None:
    parts = callback_parts(update, fields)
    if parts is None or not parts[1].isdigit():
        return None
    return int(parts[1]), parts


async def offer_hand_over(update: Update, context: BotContext) -> None:
    """ho:<question>: ask whether the office may see the member's name."""
    found = _question_id(update, 2)
    services = context.services
    user = update.effective_user
    if found is None or context.user is None or user is None:
        await refuse_button(update, context)
        return
    if (
        await services.db.questions.question_text(found[0], services.user_key(context.user.id))
        is None
    ):
        await refuse_button(update, context)
        return
    await show(update, context, inbox.name_choice(context.t, found[0], user.full_name))


async def hand_over(update: Update, context: BotContext) -> None:
    """hn:<question>:<0|1>: pass the question on, with or without the name."""
    found = _question_id(update, 3)
    user = update.effective_user
    if found is None or found[1][2] not in ("0", "1") or context.user is None or user is None:
        await refuse_button(update, context)
        return
    name = user.full_name if found[1][2] == "1" else None
    item = await inbox.hand_over(context.bot, context.services, user.id, found[0], name)
    if item is None:
        await refuse_button(update, context)
        return
    now = datetime.now(context.services.config.timezone)
    await show(update, context, inbox.handed_over(context.t, context.services, item.number, now))


async def answer_reply(update: Update, context: BotContext) -> None:
    """A reply: to a question card it is a coordinator's answer, otherwise a question."""
    message = update.effective_message
    replied = message.reply_to_message if message else None
    q = None
    if message and replied and update.effective_chat:
        q = await context.services.db.inbox.question_for_message(
            update.effective_chat.id, replied.message_id
        )
    if q is None:
        await ask.answer_question(update, context)
        return
    if not await guard(update, context, "answer") or message is None or context.user is None:
        return
    result = await inbox.deliver_answer(
        context.bot, context.services, q, message.text_html, context.user.id
    )
    await send(update, context, inbox.delivery_note(context.t, result))
