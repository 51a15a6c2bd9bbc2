"""The hooks around every update: the gate and who is writing in which language (group -1),
and that they are reachable again (group 1).

The gate lets through only what the bot is for: new messages and button presses in a
private chat. In a group or channel the bot says once that it works in private chats and
leaves, storing nothing; an edited message is not a new command, answer or step and stores
nothing either; a member over their budget (bot/handlers/updates.py) is told once to slow
down, and the rest is silence.
"""

from __future__ import annotations

import logging

from telegram import Chat, Update
from telegram.error import TelegramError
from telegram.ext import ApplicationHandlerStop

from bot.core.reply import esc
from bot.handlers.context import BotContext
from bot.handlers.messages import refuse_button
from bot.handlers.updates import Sequencer
from bot.i18n.locale import decide_locale

log = logging.getLogger(__name__)
# What the bot asks Telegram for: new messages and button presses (in private chats), and
# what it needs to leave a group or channel it was added to; never edited messages.
ALLOWED_UPDATES = ["message", "callback_query", "my_chat_member", "channel_post"]


async def prepare_update(update: Update, context: BotContext) -> None:
    """The gate; then remember the user (first/last seen) and decide the locale once."""
    await _gate(update, context)
    user = update.effective_user
    assert user is not None  # the gate let only a person's update through
    processor = context.application.update_processor
    if isinstance(processor, Sequencer) and processor.slow_down_due(update):
        await _slow_down(update, context)
        raise ApplicationHandlerStop
    context.user = await context.services.db.users.touch_user(user.id)
    context.locale = decide_locale(
        context.user.locale, user.language_code, context.services.config.default_language
    )


async def _gate(update: Update, context: BotContext) -> None:
    """Stop every update that is not a new message or a button press in a private chat."""
    chat = update.effective_chat
    if chat is not None and chat.type != Chat.PRIVATE:
        await _leave(update, context, chat)
        raise ApplicationHandlerStop
    user = update.effective_user
    if user is None or user.is_bot or chat is None:
        raise ApplicationHandlerStop  # edited or inline-mode updates, polls, a bot …
    if update.message is None and update.callback_query is None:
        raise ApplicationHandlerStop  # an edited message, a reaction, a blocked bot …
    query = update.callback_query
    if query is not None and (query.message is None or query.message.chat.id != user.id):
        await refuse_button(update, context)  # pressed on someone else's message: forged
        raise ApplicationHandlerStop


async def _leave(update: Update, context: BotContext, chat: Chat) -> None:
    """Say once, in the language of whoever added or wrote, that the bot works privately."""
    member = update.my_chat_member
    if member is not None and member.new_chat_member.status in ("left", "kicked"):
        return  # removed: nothing can be said there any more
    left = context.bot_data.groups_left
    if chat.id in left:
        return
    left.add(chat.id)
    if len(left) > 10_000:  # only against a burst of updates before Telegram has us out
        left.clear()
    user = update.effective_user
    config = context.services.config
    t = context.services.catalogs.get(
        decide_locale(None, user.language_code if user else None, config.default_language)
    )
    link = "https://t.me/" + context.bot.username
    text = t.gettext(
        "I only work in private chats, so I am leaving this one. "
        "Please write to me directly: {link}",
        link=link,
    )
    try:
        if update.callback_query is None:
            await context.bot.send_message(chat.id, esc(text))
        else:
            await update.callback_query.answer(text, show_alert=True)
    except TelegramError:
        pass  # a channel the bot may not post in: leaving is what matters
    try:
        await context.bot.leave_chat(chat.id)
    except TelegramError as exc:
        log.warning("could not leave a group or channel: %s", exc)
        return
    log.info("left a group or channel: the bot works in private chats only")  # no ids


async def _slow_down(update: Update, context: BotContext) -> None:
    """The one polite notice of a member over their budget, counted in the figures."""
    user = update.effective_user
    assert user is not None
    services = context.services
    stored = await services.db.users.get_user(user.id)
    t = services.catalogs.get(
        decide_locale(
            stored.locale if stored else None, user.language_code, services.config.default_language
        )
    )
    await services.db.figures.count_slowed_down()
    text = t.gettext(
        "You are writing faster than I can answer. Please wait a minute, then write again."
    )
    if update.callback_query is not None:
        await update.callback_query.answer(text, show_alert=True)
    elif update.effective_chat is not None:
        await context.bot.send_message(update.effective_chat.id, esc(text))


async def note_reach(update: Update, context: BotContext) -> None:
    """After every update: the user wrote, so they are reachable; note Telegram's language."""
    user = update.effective_user
    if user is not None and not user.is_bot and context.user is not None:
        await context.services.db.users.note_seen_language(user.id, user.language_code)
