"""/start (with deep links to a page) and /help."""

from telegram import Update

from bot.browse.entry_page import DEEP_LINK_PREFIX, entry_page
from bot.handlers.common import page_links, send
from bot.handlers.context import BotContext
from bot.home.pages import help_text, welcome


async def start(update: Update, context: BotContext) -> None:
    """Greet with the main menu; a shared link (/start e_<id>) opens that page instead."""
    services = context.services
    arg = context.args[0] if context.args else ""
    entry = services.knowledge.entries.get(arg.removeprefix(DEEP_LINK_PREFIX))
    if arg.startswith(DEEP_LINK_PREFIX) and entry is not None and context.user is not None:
        await services.db.questions.log_referral(
            services.user_key(context.user.id), entry.id, entry.kind, "browse"
        )
        page = entry_page(entry, context.t, services.knowledge, page_links(context, entry))
        await send(update, context, page)
        return
    user = update.effective_user
    await send(update, context, welcome(context.t, user.first_name if user else None))


async def show_help(update: Update, context: BotContext) -> None:
    """Explain what the bot does and list the commands."""
    await send(update, context, help_text(context.t))
