""" "Which programs fit us?": a guided check, one question at a time (fit:)."""

from __future__ import annotations

from telegram import Update
from telegram.ext import ConversationHandler

from bot.handlers.context import BotContext
from bot.handlers.messages import refuse_button, reply, send, show
from bot.navigator import ASKING, Fit, RuledOut, pages
from bot.navigator.service import ORDER, answers_for, assess, decode, encode

END = ConversationHandler.END
TIMEOUT_SECONDS = 15 * 60
KEY = "fit"


async def start_check(update: Update, context: BotContext, data: object = None) -> int:
    """/fit or menu:fit: begin (or begin again) with the first question."""
    context.user_data[KEY] = {"index": 0, "answers": {}}
    await reply(update, context, pages.question_page(context.t, context.services.knowledge, 0))
    return ASKING


async def take_answer(update: Update, context: BotContext, data: Fit) -> int | None:
    """Record an answer (or go back, or cancel) and show the next question or the result."""
    state = context.user_data.get(KEY)
    knowledge, t = context.services.knowledge, context.t
    if state is None:
        await refuse_button(update, context)
        return END
    index, choice = state["index"], data.choice
    if choice == "cancel":
        context.user_data.pop(KEY, None)
        await show(update, context, pages.cancelled(t))
        return END
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
    verdicts = assess(knowledge, state["answers"])
    code = encode(state["answers"], knowledge)
    await show(update, context, pages.result_page(t, knowledge, verdicts, code))
    return END


async def show_ruled_out(update: Update, context: BotContext, data: RuledOut) -> None:
    """fo:<answers>: the programs the answers rule out, with the reasons, as a new message."""
    knowledge = context.services.knowledge
    answers = decode(data.answers, knowledge)
    if answers is None:
        await refuse_button(update, context)
        return
    if update.callback_query:
        await update.callback_query.answer()
    await send(update, context, pages.ruled_out_page(context.t, assess(knowledge, answers)))


async def end_politely(update: Update, context: BotContext) -> None:
    """No answer for a while: end the check and say so."""
    context.user_data.pop(KEY, None)
    await send(update, context, pages.timed_out(context.t))
