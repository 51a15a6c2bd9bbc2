"""'Which programs fit us?': a guided check, one question at a time (callback data fit:)."""

import warnings
from typing import Any

from telegram import Update
from telegram.ext import (
    CallbackQueryHandler,
    CommandHandler,
    ConversationHandler,
    TypeHandler,
)
from telegram.warnings import PTBUserWarning

from bot.handlers.common import callback_parts, refuse_button, send, show
from bot.handlers.context import BotContext
from bot.navigator import pages
from bot.navigator.service import ORDER, answers_for, assess

ASKING = 0
TIMEOUT_SECONDS = 15 * 60
KEY = "fit"


async def start_check(update: Update, context: BotContext) -> int:
    """Begin (or begin again) with the first question."""
    context.user_data[KEY] = {"index": 0, "answers": {}}
    reply = pages.question_page(context.t, context.services.knowledge, 0)
    if update.callback_query:
        await show(update, context, reply)
    else:
        await send(update, context, reply)
    return ASKING


async def take_answer(update: Update, context: BotContext) -> int:
    """Record an answer (or go back, or cancel) and show the next question or the result."""
    state = context.user_data.get(KEY)
    parts = callback_parts(update, 2)
    knowledge, t = context.services.knowledge, context.t
    if state is None or parts is None:
        await refuse_button(update, context)
        return ConversationHandler.END if state is None else ASKING
    index, choice = state["index"], parts[1]
    if choice == "cancel":
        context.user_data.pop(KEY, None)
        await show(update, context, pages.cancelled(t))
        return ConversationHandler.END
    if choice == "back":
        state["index"] = max(0, index - 1)
    elif choice in answers_for(ORDER[index], knowledge):
        state["answers"][ORDER[index]] = choice
        state["index"] = index + 1
    else:
        await refuse_button(update, context)
        return ASKING
    if state["index"] < len(ORDER):
        await show(update, context, pages.question_page(t, knowledge, state["index"]))
        return ASKING
    context.user_data.pop(KEY, None)
    await show(
        update, context, pages.result_page(t, knowledge, assess(knowledge, state["answers"]))
    )
    return ConversationHandler.END


async def end_politely(update: Update, context: BotContext) -> None:
    """No answer for a while: end the check and say so."""
    context.user_data.pop(KEY, None)
    await send(update, context, pages.timed_out(context.t))


def conversation() -> ConversationHandler[Any]:
    with warnings.catch_warnings():
        # per_message=False is deliberate: one check per user and chat, whatever message
        # the buttons sit on; PTB warns about that combination.
        warnings.simplefilter("ignore", PTBUserWarning)
        return ConversationHandler(
            entry_points=[
                CommandHandler("fit", start_check),
                CallbackQueryHandler(start_check, pattern=r"^menu:fit$"),
            ],
            states={
                ASKING: [CallbackQueryHandler(take_answer, pattern=r"^fit:")],
                ConversationHandler.TIMEOUT: [TypeHandler(Update, end_politely)],
            },
            fallbacks=[CommandHandler("fit", start_check)],
            allow_reentry=True,
            conversation_timeout=TIMEOUT_SECONDS,
            name="fit",
        )
