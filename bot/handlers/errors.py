"""The error handler: log with the update's context, apologise in the user's language."""

import logging
import sqlite3

from telegram import Update
from telegram.error import NetworkError, RetryAfter, TelegramError
from telegram.ext import ApplicationHandlerStop

from bot.db.faults import explain, storage_fault
from bot.handlers.context import BotContext
from bot.i18n.locale import decide_locale

log = logging.getLogger(__name__)


async def on_error(update: object, context: BotContext) -> None:
    """Log what failed (no message text, no user id) and apologise; never re-raise."""
    kind, update_id = _describe(update)
    error = context.error
    fault = storage_fault(error)
    if error is not None and fault:
        # A condition of the machine, not a bug: one line the operator can act on.
        log.error(
            "cannot save while handling %s %s: %s; the write was rolled back and the member "
            "asked to try again later; it works again once the database (%s) can be written",
            kind,
            update_id,
            explain(error),
            _database_path(context),
        )
        log.debug("the failed write", exc_info=error)
    elif isinstance(error, RetryAfter):
        # Telegram's flood limit for this chat (bot/handlers/limiter.py): an apology would
        # meet the same limit. The member's next message is answered as usual.
        log.warning("a reply for %s %s met Telegram's flood limit", kind, update_id)
        return
    elif isinstance(error, NetworkError):
        # Telegram or the line failed after the retries (bot/request.py): a reply that timed
        # out has probably arrived, and an apology would go down the same failing line.
        log.warning("a Bot API call for %s %s failed: %s", kind, update_id, type(error).__name__)
        return
    else:
        log.error("error while handling %s %s", kind, update_id, exc_info=error)
    if not isinstance(update, Update) or update.effective_chat is None:
        return
    await _apologise(update, update.effective_chat.id, context, cannot_save=fault is not None)
    if fault:
        # The other handler groups would write too and fail again: one clear reply is enough.
        raise ApplicationHandlerStop


def _describe(update: object) -> tuple[str, object]:
    """The kind of update (message, button …) and its id: what happened, without whom."""
    if update is None:  # PTB passes None for an error in a job (reminders, broadcasts …)
        return "a scheduled job", "-"
    if not isinstance(update, Update):
        return type(update).__name__, "-"
    kind = next(
        (
            k
            for k in ("message", "edited_message", "callback_query")
            if getattr(update, k, None) is not None
        ),
        "update",
    )
    return kind, update.update_id


def _database_path(context: BotContext) -> object:
    try:
        return context.services.config.database_path
    except RuntimeError:
        return "DATABASE_PATH"


async def _apologise(update: Update, chat_id: int, context: BotContext, cannot_save: bool) -> None:
    """Say sorry in the member's language: a full disk is not the member's to fix."""
    try:
        t = context.services.catalogs.get(await _locale(update, context))
        text = (
            t.gettext("Sorry, I cannot save anything right now. Please try again later.")
            if cannot_save
            else t.gettext("Sorry, something went wrong on my side. Please try again in a moment.")
        )
        await context.bot.send_message(chat_id, text)
    except (TelegramError, RuntimeError) as exc:
        log.error("could not apologise for update %s: %s", update.update_id, exc)


async def _locale(update: Update, context: BotContext) -> str:
    """The stored choice if the database can be read, else Telegram's language."""
    services = context.services
    user = update.effective_user
    try:
        stored = await services.db.users.get_user(user.id) if user else None
    except sqlite3.Error:
        stored = None
    return decide_locale(
        stored.locale if stored else None,
        user.language_code if user else None,
        services.config.default_language,
    )
