"""The member's side of the hand-over (ho:, hn:) and the coordinators' inbox and answers
(replies to question cards, /answer, /inbox [N], ax:, kb:)."""

from __future__ import annotations

from datetime import datetime

from telegram import Message, Update

from bot.core.reply import esc
from bot.handlers import ask
from bot.handlers.context import BotContext
from bot.handlers.messages import alert, refuse_button, send, show
from bot.handlers.routing import allowed
from bot.i18n import Translator
from bot.inbox import HandOver, SaveSuggestion, SendAnswer, ShareName
from bot.inbox import pages as inbox_pages
from bot.inbox.service import (
    Delivered,
    Draft,
    Limited,
    delivery_note,
    parse_answer_command,
    parse_number,
)
from bot.inbox.suggestions import save


async def _question_t(context: BotContext, user_id: int, question: int) -> Translator | None:
    """The catalog of the language the question was answered in (a Turkish question from a
    German phone goes on in Turkish), or None if the question is not this user's."""
    lang = await context.services.inbox.language_of(user_id, question)
    if lang is None:
        return None
    catalogs = context.services.catalogs
    return catalogs.get(lang) if lang in catalogs.languages else context.t


async def offer_hand_over(update: Update, context: BotContext, data: HandOver) -> None:
    """ho:<question>: ask whether the office may see the member's name."""
    user, inbox = update.effective_user, context.services.inbox
    t = await _question_t(context, user.id, data.question) if context.user and user else None
    if user is None or t is None:
        await refuse_button(update, context)
        return
    if await inbox.limit_reached(user.id, data.question):
        limit = context.services.config.handovers_per_day
        await show(update, context, inbox_pages.limit_reached(t, limit))
        return
    await show(update, context, inbox_pages.name_choice(t, data.question, user.full_name))


async def hand_over(update: Update, context: BotContext, data: ShareName) -> None:
    """hn:<question>:<0|1>: pass the question on, with or without the name; the member is
    told first, then the cards go out (a translation may take a moment)."""
    user, inbox = update.effective_user, context.services.inbox
    item = None
    if context.user is not None and user is not None:
        item = await inbox.hand_over(
            user.id, data.question, user.full_name if data.share == "1" else None
        )
    if item is None or user is None:
        await refuse_button(update, context)
        return
    t = await _question_t(context, user.id, data.question) or context.t
    if isinstance(item, Limited):
        await show(update, context, inbox_pages.limit_reached(t, item.limit))
        return
    config = context.services.config
    now = datetime.now(config.timezone)
    await show(update, context, inbox_pages.handed_over(t, item.number, config.office_hours, now))
    await inbox.notify(item)


async def answer_reply(update: Update, context: BotContext) -> None:
    """A reply: to a question card it is a coordinator's answer, otherwise a question."""
    message = update.effective_message
    replied = message.reply_to_message if message else None
    found = None
    if message and replied and update.effective_chat and _from_bot(replied, context):
        found = await context.services.inbox.question_of_card(
            update.effective_chat.id, replied.message_id, replied.text
        )
    if found is None:
        await ask.answer_question(update, context)
        return
    if not await allowed(update, context, "answer") or message is None or context.user is None:
        return
    if isinstance(found, int):  # the member has deleted their data since
        await send(update, context, inbox_pages.member_gone(context.t, found))
        return
    result = await context.services.inbox.answer(found, message.text_html, context.user.id)
    await _after_answer(update, context, result)


def _from_bot(message: Message, context: BotContext) -> bool:
    return message.from_user is not None and message.from_user.id == context.bot.id


async def _after_answer(update: Update, context: BotContext, result: Delivered | Draft) -> None:
    """The delivery note, or the preview with its machine translation to choose from."""
    if isinstance(result, Draft):
        page = inbox_pages.answer_preview(
            context.t,
            result.question.id,
            result.serial,
            result.language,
            result.answer_html,
            result.translation,
        )
        await send(update, context, page)
        return
    await send(update, context, delivery_note(context.t, result))


async def send_answer(update: Update, context: BotContext, data: SendAnswer) -> None:
    """ax:<question>:<draft>:<0|1>: send the previewed answer with or without its translation."""
    if context.user is None:
        return
    inbox = context.services.inbox
    translated = data.translated == "1"
    result = await inbox.send_draft(context.user.id, data.question, data.draft, translated)
    if result is None:
        await alert(update, inbox_pages.draft_gone(context.t))
        return
    await show(update, context, delivery_note(context.t, result))


async def show_inbox(update: Update, context: BotContext) -> None:
    """/inbox: the open questions, each one to reply to; /inbox N: question N whole."""
    if update.effective_chat is None:
        return
    inbox, chat_id = context.services.inbox, update.effective_chat.id
    if not context.args:
        await send(update, context, await inbox.list_open(context.t, chat_id))
        return
    number = parse_number(context.args)
    if number is None:
        await send(update, context, inbox_pages.inbox_usage(context.t))
        return
    if (problem := await inbox.show_one(context.t, chat_id, number)) is not None:
        await send(update, context, problem)


async def answer_command(update: Update, context: BotContext) -> None:
    """/answer N text: answer question N without replying to its message."""
    parsed = parse_answer_command(context.args or [])
    inbox = context.services.inbox
    q = await inbox.db.inbox.get_open_question(parsed[0]) if parsed else None
    if parsed is None or q is None or context.user is None:
        await send(update, context, inbox_pages.answer_usage(context.t))
        return
    await _after_answer(update, context, await inbox.answer(q, esc(parsed[1]), context.user.id))


async def save_suggestion(update: Update, context: BotContext, data: SaveSuggestion) -> None:
    """kb:<no.>: save an answered question as a suggested knowledge entry."""
    services = context.services
    q = await services.db.inbox.get_open_question(data.question)
    if q is None or q.status != "answered" or not q.text:
        await refuse_button(update, context)
        return
    path = save(services.config.review_dir, q, datetime.now())
    await alert(update, inbox_pages.saved(context.t, path.name))
