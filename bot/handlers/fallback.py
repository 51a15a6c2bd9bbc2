"""What is left: unknown commands, messages without text, buttons nobody handles."""

from telegram import Update

from bot.core.reply import Reply, esc
from bot.handlers.common import refuse_button, send
from bot.handlers.context import BotContext


async def unknown_command(update: Update, context: BotContext) -> None:
    """Point to /help."""
    await send(
        update,
        context,
        Reply(esc(context.t.gettext("I do not know that command. /help shows what I can do."))),
    )


async def not_text(update: Update, context: BotContext) -> None:
    """Stickers, photos, voice, locations …: ask for text."""
    await send(
        update,
        context,
        Reply(esc(context.t.gettext("I can only read text. Please type your question."))),
    )


async def stale_button(update: Update, context: BotContext) -> None:
    """Callback data no handler knows (old or forged): refuse politely, change nothing."""
    await refuse_button(update, context)
