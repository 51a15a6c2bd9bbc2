"""Free-text messages and the buttons under a reply (c:, nm:, kl:, ft:)."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from telegram import Update

from bot.ask import Candidate, Feature, KeepLanguage, NotMeant
from bot.ask.pages import kept_language
from bot.handlers import browse, privacy
from bot.handlers.context import BotContext
from bot.handlers.messages import refuse_button, send, show
from bot.i18n.languages import LANGUAGES

# Features offered as a button under a reply to free text that have no button of their own.
FEATURES: dict[str, Callable[[Update, BotContext], Awaitable[None]]] = {
    "mydata": privacy.send_my_data,
}


async def answer_question(update: Update, context: BotContext) -> None:
    """Answer a typed message in its language: small talk, a feature, or a question."""
    message = update.effective_message
    if message is None or not message.text or context.user is None:
        return
    reply = await context.services.ask.ask(context.t, context.user.id, message.text)
    await send(update, context, reply)


async def pick_candidate(update: Update, context: BotContext, data: Candidate) -> None:
    """Show the candidate chosen instead of the first answer, in the question's language."""
    user = context.user
    lang = await context.services.ask.pick(user.id, data.question, data.entry) if user else None
    if lang is None:
        await refuse_button(update, context)
        return
    t = context.services.catalogs.get(lang)
    await browse.open_entry(update, context, data.entry, None, keep=True, t=t)  # counted by pick


async def not_what_i_meant(update: Update, context: BotContext, data: NotMeant) -> None:
    """Offer the other candidates and the coordination office."""
    reply = None
    if context.user is not None:
        reply = await context.services.ask.other_candidates(context.user.id, data.question)
    if reply is None:
        await refuse_button(update, context)
        return
    await show(update, context, reply)


async def keep_language(update: Update, context: BotContext, data: KeepLanguage) -> None:
    """kl:<lang>: store the language the question was answered in as the member's choice."""
    if data.lang not in LANGUAGES or context.user is None:
        await refuse_button(update, context)
        return
    await context.services.db.users.set_locale(context.user.id, data.lang)
    context.locale = data.lang
    if update.callback_query:
        await update.callback_query.answer()
    await send(update, context, kept_language(context.t))


async def run_feature(update: Update, context: BotContext, data: Feature) -> None:
    """ft:<command>: do what the command does (offered under a reply to free text)."""
    run = FEATURES.get(data.command)
    if run is None:
        await refuse_button(update, context)
        return
    if update.callback_query:
        await update.callback_query.answer()
    await run(update, context)
