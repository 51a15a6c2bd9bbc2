"""Home: /start (and shared links), /help, the main menu, the language, what is left over."""

from bot.core.callbacks import CallbackData


class Menu(CallbackData, prefix="menu"):
    """A main-menu item: main, ask, programs, offices, dates, fit, language, privacy."""

    item: str


class Language(CallbackData, prefix="lang"):
    code: str


MAIN = Menu("main")
