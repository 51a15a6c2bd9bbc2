"""/start and /help."""

from telegram import Update

from bot.context import BotContext
from bot.handlers.common import send
from bot.menus import help_text, welcome


async def start(update: Update, context: BotContext) -> None:
    """Greet in the user's language and show the main menu."""
    user = update.effective_user
    await send(update, context, welcome(context.t, user.first_name if user else None))


async def show_help(update: Update, context: BotContext) -> None:
    """Explain what the bot does and list the commands."""
    await send(update, context, help_text(context.t))
