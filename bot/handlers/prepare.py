"""Group -1: runs for every update before the handlers that answer it."""

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
