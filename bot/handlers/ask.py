"""Free-text questions and the buttons under an answer (c:, nm:)."""

from __future__ import annotations

from telegram import Update

from bot.ask import Candidate, NotMeant
from bot.handlers import browse
from bot.handlers.context import BotContext
from bot.handlers.messages import refuse_button, send, show


async def answer_question(update: Update, context: BotContext) -> None:
    """Match the question against the knowledge base and answer in the user's language."""
    message = update.effective_message
    if message is None or not message.text or context.user is None:
        return
    reply = await context.services.ask.ask(context.t, context.user.id, message.text)
    await send(update, context, reply)


async def pick_candidate(update: Update, context: BotContext, data: Candidate) -> None:
    """Show the candidate the user chose instead of the first answer."""
    user = context.user
    if user is None or not await context.services.ask.pick(user.id, data.question, data.entry):
        await refuse_button(update, context)
        return
    await browse.open_entry(update, context, data.entry, None, keep=True)  # counted by pick


async def not_what_i_meant(update: Update, context: BotContext, data: NotMeant) -> None:
    """Offer the other candidates and the coordination office."""
    reply = None
    if context.user is not None:
        reply = await context.services.ask.other_candidates(
            context.t, context.user.id, data.question
        )
    if reply is None:
        await refuse_button(update, context)
        return
    await show(update, context, reply)
