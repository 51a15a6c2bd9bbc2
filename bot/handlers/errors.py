"""The error handler: log with the update's context, apologise in the user's language."""

import logging

from telegram import Update
from telegram.error import TelegramError

from bot.context import BotContext
from bot.locale import decide_locale

log = logging.getLogger(__name__)


async def on_error(update: object, context: BotContext) -> None:
    """Log what failed (no message text, no user id) and apologise; never re-raise."""
    kind = type(update).__name__
    if isinstance(update, Update):
        kind = next(
            (
                k
                for k in ("message", "edited_message", "callback_query")
                if getattr(update, k, None) is not None
            ),
            "update",
        )
        update_id: object = update.update_id
    else:
        update_id = "-"
    log.error("error while handling %s %s", kind, update_id, exc_info=context.error)
    if not isinstance(update, Update) or update.effective_chat is None:
        return
    try:
        services = context.services
        user = update.effective_user
        stored = await services.db.get_user(user.id) if user else None
        locale = decide_locale(
            stored.locale if stored else None,
            user.language_code if user else None,
            services.config.default_language,
        )
        text = services.catalogs.get(locale).gettext(
            "Sorry, something went wrong on my side. Please try again in a moment."
        )
        await context.bot.send_message(update.effective_chat.id, text)
    except (TelegramError, RuntimeError) as exc:
        log.error("could not apologise for update %s: %s", update_id, exc)
