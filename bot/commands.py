"""The Telegram command menu, per language."""

from bot.i18n import Translator


def menu(t: Translator) -> list[tuple[str, str]]:
    """(command, description) pairs as setMyCommands shows them."""
    return [
        ("start", t.pgettext("command", "Start and main menu")),
        ("fit", t.pgettext("command", "Which programs fit us?")),
        ("next", t.pgettext("command", "My next dates")),
        ("reminders", t.pgettext("command", "Reminders of dates")),
        ("register", t.pgettext("command", "Register our organisation")),
        ("help", t.pgettext("command", "What I can do")),
        ("language", t.pgettext("command", "Change language")),
        ("privacy", t.pgettext("command", "What is stored about you")),
        ("mydata", t.pgettext("command", "Get my stored data")),
    ]
