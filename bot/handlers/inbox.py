"""The member's side of the hand-over (ho:, hn:) and the coordinators' inbox and answers."""

from __future__ import annotations

from datetime import datetime

from telegram import Update

from bot.core.reply import esc
from bot.handlers import ask
from bot.handlers.context import BotContext
from bot.handlers.messages import alert, refuse_button, send, show
from bot.handlers.routing import allowed
from bot.inbox import HandOver, SaveSuggestion, ShareName
from bot.inbox import pages as inbox_pages
from bot.inbox.service import delivery_note, parse_answer_command
from bot.inbox.suggestions import save


async def offer_hand_over(update: Update, context: BotContext, data: HandOver) -> None:
    """ho:<question>: ask whether the office may see the member's name."""
    user = update.effective_user
    if (
        context.user is None
        or user is None
        or not await context.services.inbox.is_theirs(context.user.id, data.question)
    ):
        await refuse_button(update, context)
        return
    await show(update, context, inbox_pages.name_choice(context.t, data.question, user.full_name))


async def hand_over(update: Update, context: BotContext, data: ShareName) -> None:
    """hn:<question>:<0|1>: pass the question on, with or without the name."""
    user = update.effective_user
    item = None
    if context.user is not None and user is not None:
        name = user.full_name if data.share == "1" else None
        item = await context.services.inbox.hand_over(user.id, data.question, name)
    if item is None:
        await refuse_button(update, context)
        return
    config = context.services.config
    now = datetime.now(config.timezone)
    await show(
        update, context, inbox_pages.handed_over(context.t, item.number, config.office_hours, now)
    )


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
    if not await allowed(update, context, "answer") or message is None:
        return
    assert context.user is not None
    result = await context.services.inbox.deliver_answer(q, message.text_html, context.user.id)
    await send(update, context, delivery_note(context.t, result))


async def show_inbox(update: Update, context: BotContext) -> None:
    """/inbox: the open questions, each one to reply to."""
    if update.effective_chat is None:
        return
    reply = await context.services.inbox.list_open(context.t, update.effective_chat.id)
    await send(update, context, reply)


async def answer_command(update: Update, context: BotContext) -> None:
    """/answer N text: answer question N without replying to its message."""
    parsed = parse_answer_command(context.args or [])
    inbox = context.services.inbox
    q = await inbox.db.inbox.get_open_question(parsed[0]) if parsed else None
    if parsed is None or q is None or context.user is None:
        await send(update, context, inbox_pages.answer_usage(context.t))
        return
    result = await inbox.deliver_answer(q, esc(parsed[1]), context.user.id)
    await send(update, context, delivery_note(context.t, result))


async def save_suggestion(update: Update, context: BotContext, data: SaveSuggestion) -> None:
    """kb:<no.>: save an answered question as a suggested knowledge entry."""
    services = context.services
    q = await services.db.inbox.get_open_question(data.question)
    if q is None or q.status != "answered":
        await refuse_button(update, context)
        return
    path = save(services.config.review_dir, q, datetime.now())
    await alert(update, inbox_pages.saved(context.t, path.name))
