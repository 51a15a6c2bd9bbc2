"""/language and the language buttons; the choice is stored."""

from telegram import Update

from bot.core.reply import Reply, esc
from bot.handlers.common import callback_parts, refuse_button, send, show
from bot.handlers.context import BotContext
from bot.home.pages import language_menu, main_menu_buttons
from bot.i18n.languages import LANGUAGES, NATIVE_NAMES


async def show_languages(update: Update, context: BotContext) -> None:
    """Offer the nine languages."""
    await send(update, context, language_menu(context.t))


async def choose_language(update: Update, context: BotContext) -> None:
    """Store the chosen language and answer in it from now on."""
    parts = callback_parts(update, 2)
    if parts is None or parts[1] not in LANGUAGES or context.user is None:
        await refuse_button(update, context)
        return
    await context.services.db.users.set_locale(context.user.id, parts[1])
    context.locale = parts[1]
    t = context.t
    text = esc(t.gettext("Language set: {language}.", language=NATIVE_NAMES[parts[1]]))
    await show(update, context, Reply(text, main_menu_buttons(t)))
