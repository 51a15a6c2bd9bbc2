"""/start (and shared links), /help, the main menu, the language, and what is left over."""

from __future__ import annotations

from telegram import Update

from bot.browse.entry import DEEP_LINK_PREFIX
from bot.handlers import browse
from bot.handlers.context import BotContext
from bot.handlers.messages import refuse_button, send, show
from bot.home import Language, Menu
from bot.home import pages as home
from bot.i18n.languages import LANGUAGES
from bot.privacy.pages import notice_for


async def start(update: Update, context: BotContext) -> None:
    """Greet with the main menu; a shared link (/start e_<id>) opens that page instead."""
    arg = context.args[0] if context.args else ""
    entry_id = arg.removeprefix(DEEP_LINK_PREFIX)
    if arg.startswith(DEEP_LINK_PREFIX) and entry_id in context.services.knowledge.entries:
        await browse.open_entry(update, context, entry_id, "browse")
        return
    user = update.effective_user
    await send(update, context, home.welcome(context.t, user.first_name if user else None))


async def show_help(update: Update, context: BotContext) -> None:
    """Explain what the bot does and list the commands (from the routing table)."""
    await send(update, context, home.help_text(context.t, context.bot_data.commands))


async def show_languages(update: Update, context: BotContext) -> None:
    """Offer the nine languages."""
    await send(update, context, home.language_menu(context.t))


async def choose_language(update: Update, context: BotContext, data: Language) -> None:
    """Store the chosen language and answer in it from now on."""
    if data.code not in LANGUAGES or context.user is None:
        await refuse_button(update, context)
        return
    await context.services.db.users.set_locale(context.user.id, data.code)
    context.locale = data.code
    await show(update, context, home.language_set(context.t, data.code))


async def open_menu(update: Update, context: BotContext, data: Menu) -> None:
    """Show the menu item the user pressed."""
    t, services = context.t, context.services
    user = update.effective_user
    if data.item == "main":
        reply = home.welcome(t, user.first_name if user else None)
    elif data.item == "language":
        reply = home.language_menu(t)
    elif data.item == "privacy":
        reply = notice_for(t, services.config)
    elif (found := browse.menu_page(context, data.item)) is not None:
        reply = found
    else:
        await refuse_button(update, context)
        return
    await show(update, context, reply)


async def unknown_command(update: Update, context: BotContext) -> None:
    """Point to /help."""
    await send(update, context, home.unknown_command(context.t))


async def not_text(update: Update, context: BotContext) -> None:
    """Stickers, photos, voice, locations …: ask for text."""
    await send(update, context, home.not_text(context.t))


async def stale_button(update: Update, context: BotContext) -> None:
    """Callback data no route knows (old or forged): refuse politely, change nothing."""
    await refuse_button(update, context)
