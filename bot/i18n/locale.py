"""Decide the locale of an update: stored choice, else Telegram's language, else the default."""

from bot.i18n import negotiate
from bot.i18n.languages import LANGUAGES


def decide_locale(stored: str | None, telegram_code: str | None, default: str) -> str:
    if stored in LANGUAGES:
        return stored
    return negotiate(telegram_code) or default
