"""register(app): the single routing table, in the order updates are tried."""

from typing import Any

from telegram import Update
from telegram.ext import (
    Application,
    CallbackQueryHandler,
    CommandHandler,
    MessageHandler,
    TypeHandler,
    filters,
)

from bot.handlers import ask, browse, errors, fallback, language, menu, prepare, privacy, start

PRIVATE = filters.ChatType.PRIVATE
NEW_MESSAGE = filters.UpdateType.MESSAGE  # edits of old messages are not new questions


def register(app: Application[Any, Any, Any, Any, Any, Any]) -> None:
    # Group -1 sees every update first: remember the user and decide the locale once.
    app.add_handler(TypeHandler(Update, prepare.prepare_update), group=-1)

    app.add_handler(CommandHandler("start", start.start))
    app.add_handler(CommandHandler("help", start.show_help))
    app.add_handler(CommandHandler("language", language.show_languages))
    app.add_handler(CommandHandler("privacy", privacy.show_privacy))

    app.add_handler(CallbackQueryHandler(menu.open_menu, pattern=r"^menu:"))
    app.add_handler(CallbackQueryHandler(language.choose_language, pattern=r"^lang:"))
    app.add_handler(CallbackQueryHandler(browse.show_topic, pattern=r"^t:"))
    app.add_handler(CallbackQueryHandler(browse.show_entry, pattern=r"^v:"))
    app.add_handler(CallbackQueryHandler(ask.pick_candidate, pattern=r"^c:"))
    app.add_handler(CallbackQueryHandler(ask.not_what_i_meant, pattern=r"^nm:"))
    app.add_handler(CallbackQueryHandler(ask.hand_over, pattern=r"^ho:"))
    # Any other callback data is stale or forged: refuse it politely.
    app.add_handler(CallbackQueryHandler(fallback.stale_button))

    # Free text in a private chat is a question; commands were tried above.
    app.add_handler(
        MessageHandler(
            PRIVATE & NEW_MESSAGE & filters.TEXT & ~filters.COMMAND, ask.answer_question
        )
    )
    app.add_handler(
        MessageHandler(PRIVATE & NEW_MESSAGE & filters.COMMAND, fallback.unknown_command)
    )
    app.add_handler(MessageHandler(PRIVATE & NEW_MESSAGE & ~filters.TEXT, fallback.not_text))

    app.add_error_handler(errors.on_error)
