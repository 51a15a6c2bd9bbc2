"""UI strings through gettext catalogs, locale negotiation, and Babel formatting."""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import date, datetime
from functools import cache
from pathlib import Path
from zoneinfo import ZoneInfo

from babel import Locale
from babel.dates import format_date, format_datetime
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.numbers import format_currency, format_decimal
from babel.support import Translations

from bot.i18n.bidi import isolate_latin
from bot.i18n.languages import LANGUAGES, RTL_LANGUAGES

CATALOG_DIR = Path(__file__).resolve().parent
DOMAIN = "messages"


class CatalogError(Exception):
    """A shipped catalog is missing or unreadable."""


def po_path(lang: str) -> Path:
    return CATALOG_DIR / lang / "LC_MESSAGES" / f"{DOMAIN}.po"


def _compile(lang: str) -> Translations:
    """Compile the language's .po in memory, so no stale .mo can ever be shipped."""
    path = po_path(lang)
    try:
        with path.open("rb") as fh:
            catalog = read_po(fh, locale=lang)
    except (OSError, ValueError) as exc:
        raise CatalogError(f"{path}: {exc}") from exc
    buf = io.BytesIO()
    write_mo(buf, catalog)
    buf.seek(0)
    return Translations(fp=buf, domain=DOMAIN)


def negotiate(code: str | None, available: tuple[str, ...] = LANGUAGES) -> str | None:
    """Map a Telegram language_code ("de-AT", "pt-br", "fa") to a catalog, or None."""
    if not code:
        return None
    primary = code.replace("_", "-").split("-", 1)[0].strip().lower()
    return primary if primary in available else None


@cache
def _currency_pattern(lang: str) -> str:
    """The locale's currency pattern without cents, for whole-euro amounts."""
    pattern = Locale.parse(lang).currency_formats["standard"].pattern
    return pattern.replace(".00", "")


@dataclass(frozen=True)
class Text:
    """A UI string marked for translation where it is declared, translated where it is shown."""

    message: str
    context: str | None = None


def N_(message: str) -> Text:
    """Mark a string for translation later (extracted by `python -m bot i18n`)."""
    return Text(message)


def NC_(context: str, message: str) -> Text:
    """Mark a string with a context (as pgettext) for translation later."""
    return Text(message, context)


@dataclass(frozen=True)
class Translator:
    """UI strings and formatting for one locale. Placeholders are filled after translation."""

    locale: str
    translations: Translations
    timezone: ZoneInfo

    @property
    def rtl(self) -> bool:
        return self.locale in RTL_LANGUAGES

    def _finish(self, text: str, values: dict[str, object]) -> str:
        if values:
            text = text.format(**values)
        return isolate_latin(text) if self.rtl else text

    def gettext(self, message: str, **values: object) -> str:
        return self._finish(self.translations.gettext(message), values)

    def ngettext(self, singular: str, plural: str, n: int, **values: object) -> str:
        text = self.translations.ngettext(singular, plural, n)
        return self._finish(text, {"n": self.number(n), **values})

    def pgettext(self, context: str, message: str, **values: object) -> str:
        return self._finish(self.translations.pgettext(context, message), values)

    def text(self, marked: Text, **values: object) -> str:
        """A string marked with N_ or NC_, translated."""
        if marked.context is None:
            return self.gettext(marked.message, **values)
        return self.pgettext(marked.context, marked.message, **values)

    def bidi(self, text: str) -> str:
        """Content text in this locale, with Latin names isolated where the script is RTL."""
        return isolate_latin(text) if self.rtl else text

    def money(self, eur: float) -> str:
        if float(eur).is_integer():
            return format_currency(
                eur,
                "EUR",
                format=_currency_pattern(self.locale),
                locale=self.locale,
                currency_digits=False,
            )
        return format_currency(eur, "EUR", locale=self.locale)

    def number(self, value: float) -> str:
        return format_decimal(value, locale=self.locale)

    def date(self, value: date) -> str:
        return format_date(value, format="long", locale=self.locale)

    def datetime(self, value: datetime) -> str:
        return format_datetime(value, format="medium", tzinfo=self.timezone, locale=self.locale)


class Catalogs:
    """All nine catalogs, compiled once at start; hands out a Translator per locale."""

    def __init__(self, timezone: ZoneInfo, languages: tuple[str, ...] = LANGUAGES) -> None:
        self._translators = {
            lang: Translator(lang, _compile(lang), timezone) for lang in languages
        }

    @property
    def languages(self) -> tuple[str, ...]:
        return tuple(self._translators)

    def get(self, locale: str) -> Translator:
        return self._translators[locale]
