"""The hooks around every update: who is writing and in which language (group -1), and that
they are reachable again (group 1)."""

from __future__ import annotations

from telegram import Update

from bot.handlers.context import BotContext
from bot.i18n.locale import decide_locale


async def prepare_update(update: Update, context: BotContext) -> None:
    """Remember the user (first/last seen) and decide the locale once for this update."""
    user = update.effective_user
    if user is None or user.is_bot:
        return
    context.user = await context.services.db.users.touch_user(user.id)
    context.locale = decide_locale(
        context.user.locale, user.language_code, context.services.config.default_language
    )


async def note_reach(update: Update, context: BotContext) -> None:
    """After every update: the user wrote, so they are reachable; note Telegram's language."""
    user = update.effective_user
    if user is not None and not user.is_bot and context.user is not None:
        await context.services.db.users.note_seen_language(user.id, user.language_code)
