"""The nine languages the bot speaks, in menu order."""

from typing import Final

LANGUAGES: Final = ("de", "en", "tr", "ar", "ru", "uk", "pl", "it", "fa")
RTL_LANGUAGES: Final = frozenset({"ar", "fa"})

# Each language named in itself, for the language menu.
NATIVE_NAMES: Final = {
    "de": "Deutsch",
    "en": "English",
    "tr": "Türkçe",
    "ar": "العربية",
    "ru": "Русский",
    "uk": "Українська",
    "pl": "Polski",
    "it": "Italiano",
    "fa": "فارسی",
}
