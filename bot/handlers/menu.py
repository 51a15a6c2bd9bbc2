"""The main menu buttons (callback data menu:<item>)."""

from collections.abc import Callable

from telegram import Update

from bot.browse import pages as browse
from bot.core.reply import Reply
from bot.handlers.common import callback_parts, refuse_button, show
from bot.handlers.context import BotContext
from bot.home.pages import language_menu, welcome
from bot.privacy.pages import notice


async def open_menu(update: Update, context: BotContext) -> None:
    """Show the menu item the user pressed."""
    parts = callback_parts(update, 2)
    t, services = context.t, context.services
    first_name = update.effective_user.first_name if update.effective_user else None
    pages: dict[str, Callable[[], Reply]] = {
        "main": lambda: welcome(t, first_name),
        "ask": lambda: browse.ask_prompt(t),
        "programs": lambda: browse.programs(t, services.knowledge),
        "offices": lambda: browse.topics(t, services.knowledge),
        "dates": lambda: browse.networks(t, services.knowledge),
        "language": lambda: language_menu(t),
        "privacy": lambda: notice(t, services.config.question_retention_days),
    }
    build = pages.get(parts[1]) if parts else None
    if build is None:
        await refuse_button(update, context)
        return
    await show(update, context, build())
