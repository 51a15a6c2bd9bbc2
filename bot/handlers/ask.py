"""Free-text questions and the buttons under an answer (c:, nm:, ho:)."""

from telegram import Update

from bot.ask import service as questions
from bot.browse.entry_page import entry_page
from bot.handlers.common import callback_parts, page_links, refuse_button, send, show
from bot.handlers.context import BotContext


async def answer_question(update: Update, context: BotContext) -> None:
    """Match the question against the knowledge base and answer in the user's language."""
    message = update.effective_message
    if message is None or not message.text or context.user is None:
        return
    reply = await questions.ask(context.services, context.t, context.user.id, message.text)
    await send(update, context, reply)


def _question_id(update: Update, fields: int) -> tuple[int, list[str]] | None:
    parts = callback_parts(update, fields)
    if parts is None or not parts[1].isdigit():
        return None
    return int(parts[1]), parts


async def pick_candidate(update: Update, context: BotContext) -> None:
    """Show the candidate the user chose instead of the first answer."""
    found = _question_id(update, 3)
    services = context.services
    if (
        found is None
        or context.user is None
        or not await questions.pick(services, context.user.id, found[0], found[1][2])
    ):
        await refuse_button(update, context)
        return
    entry = services.knowledge.entries[found[1][2]]
    if update.callback_query:
        await update.callback_query.answer()
    page = entry_page(entry, context.t, services.knowledge, page_links(context, entry))
    await send(update, context, page)


async def not_what_i_meant(update: Update, context: BotContext) -> None:
    """Offer the other candidates and the coordination office."""
    found = _question_id(update, 2)
    reply = None
    if found is not None and context.user is not None:
        reply = await questions.other_candidates(
            context.services, context.t, context.user.id, found[0]
        )
    if reply is None:
        await refuse_button(update, context)
        return
    await show(update, context, reply)
