"""The coordinator desk: role checks, /grant, /revoke, /inbox, /answer, saved answers, cancel."""

import logging
from datetime import datetime

from telegram import Update

from bot.broadcast.delivery import delivery_of
from bot.core.reply import Reply, esc
from bot.handlers.common import callback_parts, refuse_button, send
from bot.handlers.context import BotContext
from bot.inbox import service as inbox
from bot.inbox import suggestions
from bot.roles import service as roles

log = logging.getLogger(__name__)


async def guard(
    update: Update, context: BotContext, action: str, refusal: str | None = None
) -> bool:
    """True for a coordinator; anyone else gets a polite refusal (`refusal`, translated, or
    the usual one) and the attempt is logged."""
    if context.is_coordinator:
        return True
    log.warning("refused %s: the user is not a coordinator", action)  # no ids, no text
    text = refusal or context.t.gettext("Sorry, only the coordination office can do that.")
    if update.callback_query:
        await update.callback_query.answer(text, show_alert=True)
    else:
        await send(update, context, Reply(esc(text)))
    return False


async def grant_role(update: Update, context: BotContext) -> None:
    """/grant <user id>: make someone a coordinator."""
    if await guard(update, context, "/grant") and context.user:
        reply = await roles.change_role(
            context.services, context.t, context.user.id, context.args or [], grant=True
        )
        await send(update, context, reply)


async def revoke_role(update: Update, context: BotContext) -> None:
    """/revoke <user id>: take the coordinator role away."""
    if await guard(update, context, "/revoke") and context.user:
        reply = await roles.change_role(
            context.services, context.t, context.user.id, context.args or [], grant=False
        )
        await send(update, context, reply)


async def show_inbox(update: Update, context: BotContext) -> None:
    """/inbox: the open questions, each one to reply to."""
    if await guard(update, context, "/inbox") and update.effective_chat:
        chat_id = update.effective_chat.id
        reply = await inbox.list_open(context.bot, context.services, context.t, chat_id)
        await send(update, context, reply)


async def answer_command(update: Update, context: BotContext) -> None:
    """/answer N text: answer question N without replying to its message."""
    if not await guard(update, context, "/answer") or context.user is None:
        return
    parsed = inbox.parse_answer_command(context.args or [])
    q = await context.services.db.inbox.get_open_question(parsed[0]) if parsed else None
    if parsed is None or q is None:
        usage = context.t.gettext("Usage: /answer [question no.] [your answer]")
        await send(update, context, Reply(esc(usage)))
        return
    result = await inbox.deliver_answer(
        context.bot, context.services, q, esc(parsed[1]), context.user.id
    )
    await send(update, context, inbox.delivery_note(context.t, result))


async def save_suggestion(update: Update, context: BotContext) -> None:
    """kb:<no.>: save an answered question as a suggested knowledge entry."""
    if not await guard(update, context, "kb:"):
        return
    parts = callback_parts(update, 2)
    q = None
    if parts and parts[1].isdigit():
        q = await context.services.db.inbox.get_open_question(int(parts[1]))
    if q is None or q.status != "answered" or update.callback_query is None:
        await refuse_button(update, context)
        return
    path = suggestions.save(context.services.config.review_dir, q, datetime.now())
    text = context.t.gettext("Saved for review as {file}.", file=path.name)
    await update.callback_query.answer(text, show_alert=True)


async def cancel_broadcast(update: Update, context: BotContext) -> None:
    """bx:<no.>: stop a running or scheduled broadcast."""
    if not await guard(update, context, "bx:"):
        return
    parts = callback_parts(update, 2)
    delivery = delivery_of(context.application)
    number = int(parts[1]) if parts and parts[1].isdigit() else None
    if number is None or delivery is None or not await delivery.cancel(number):
        await refuse_button(update, context)
        return
    if update.callback_query:
        await update.callback_query.answer()


async def refuse_desk_button(update: Update, context: BotContext) -> None:
    """A coordinator button outside its conversation: forged (refused, logged) or stale."""
    if await guard(update, context, "desk button"):
        await refuse_button(update, context)


async def note_reach(update: Update, context: BotContext) -> None:
    """After every update: the user wrote, so they are reachable; note Telegram's language."""
    user = update.effective_user
    if user is not None and not user.is_bot and context.user is not None:
        await context.services.db.users.note_seen_language(user.id, user.language_code)
