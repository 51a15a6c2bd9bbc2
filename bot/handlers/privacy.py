"""/privacy."""

from telegram import Update

from bot.context import BotContext
from bot.handlers.common import send
from bot.privacy import notice


async def show_privacy(update: Update, context: BotContext) -> None:
    """What is stored, why, for how long, whom to ask."""
    await send(update, context, notice(context.t, context.services.config.question_retention_days))
