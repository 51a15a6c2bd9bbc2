"""The language a message is written in, when it is clearly one of the nine.

`detect(text, current)` returns another language only when the message is clearly in it, else
None (keep answering in `current`). Script first: Arabic script is Arabic or Farsi by the
letters only one of them uses (پ چ ژ گ ی ک against ة ي ى ك) and by common words; Cyrillic is
Russian or Ukrainian likewise (ы э ъ ё against і ї є ґ). Latin script (de en tr pl it) goes
to Lingua, restricted to those five, after the German names and loanwords of the domain are
masked: "Regierungspräsidium", "Verein", "Antrag" inside a Turkish or Polish sentence say
nothing about its language. A message with fewer than MIN_LETTERS letters left, or a
confidence below MIN_CONFIDENCE, keeps the current language ("WIR Frist", "Bürgerkolleg nedir").
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache
from typing import TYPE_CHECKING, Final

from bot.matching.translit import looks_transliterated

if TYPE_CHECKING:
    from lingua import LanguageDetector


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


MIN_LETTERS: Final = 12  # Latin letters left after masking
MIN_CONFIDENCE: Final = 0.7
KEEP_CONFIDENCE: Final = 0.15  # the member's own language this likely: a mixed message
MIN_OWN_LETTERS: Final = 8  # letters of the member's own script (Cyrillic, Arabic) in a message
MIN_SCRIPT_LETTERS: Final = 2  # "سلام" is clearly Arabic script; which language is another matter
LATIN: Final = ("de", "en", "tr", "pl", "it")

# Farsi letters are decisive (an Arabic keyboard has none of them); Arabic ي and ك are weak
# evidence, since Farsi typed on an Arabic keyboard uses them too.
_FARSI_ONLY: Final = frozenset("پچژگیک")
_ARABIC_ONLY: Final = frozenset("ةىإؤ")
_ARABIC_WEAK: Final = frozenset("يك")
_TO_FARSI_LETTERS: Final = str.maketrans({"ي": "ی", "ك": "ک", "ى": "ی"})
_FARSI_WORDS: Final = _words(
    """
    است هست هستیم هستند می نمی را برای برا این اون چه چی چطور چطوری کجا کی ما شما من هم یک یه
    بود شد کنیم کنم تو باید داریم دارم میخواهیم میخوایم میشه خیلی ممنون مرسی انجمن انجمنمون
    ماست
    """
)
_ARABIC_WORDS: Final = _words(
    """
    في من على إلى الى عن هل ما ماذا كيف أين وين شو مع هذا هذه التي الذي الذين نحن انا أنا يمكن
    ممكن بدنا نريد عندنا لدينا مرحبا شكرا الجمعية جمعيتنا جمعية
    """.translate(_TO_FARSI_LETTERS)
)
_RUSSIAN_ONLY: Final = frozenset("ыэъё")
_UKRAINIAN_ONLY: Final = frozenset("іїєґ")
_RUSSIAN_WORDS: Final = _words(
    """
    и что как где это мы вы нам нас или если когда
    """
)
_UKRAINIAN_WORDS: Final = _words(
    """
    і що як де це ми ви нам нас або якщо коли чи
    """
)

# German names and loanwords of the domain (folded: lower case, no diacritics), masked before
# a Latin-script message is detected. A word containing one is masked ("Vereinsraum").
DOMAIN_STEMS: Final = tuple(
    sorted(
        _words(
            """
            auslanderbeirat beirat zuwanderung integration forder verein antrag satzung
            regierungsprasidium kulturamt freiwilligen burgerkolleg jobcenter minijob wiesbaden
            hessen darmstadt frankfurt stiftung koordinierung kompetenzzentrum vielfalt
            teilhabe lotse lotsin grunflachen sozialleist ministerium stadtforschung statistik
            wohlfahrt paritat lagfa bagiv damigra ditib foted bvre zuschuss frist vorstand
            eigenanteil finanzierungsplan gemeinnutzig verwendungsnachweis zuwendung sportamt
            geschaftsstelle landeshauptstadt arbeitskreis netzwerk sonderetat neuzugewandert
            bildungskoordination integrationskurs sachbericht bescheid freistellung amt ack
            amin house resources rhein main steuer bundesliga kultur abteilung projekt ehrenamt
            migrant e.v mo beratung ansprechpartner anlaufstelle unterlagen nachweis
            """
        )
    )
)
_WORD: Final = re.compile(r"[^\W\d_]+(?:[.'’][^\W\d_]+)*")


def detect(text: str, current: str) -> str | None:
    """Another of the nine languages when the message is clearly in it, else None."""
    found = _detect(text, current)
    return found if found is not None and found != current else None


def _detect(text: str, current: str) -> str | None:
    letters = [c for c in text if c.isalpha()]
    arabic = sum("\u0600" <= c <= "\u06ff" or "\ufb50" <= c <= "\ufeff" for c in letters)
    cyrillic = sum("\u0400" <= c <= "\u04ff" for c in letters)
    latin = sum(c.isascii() or "\u00c0" <= c <= "\u024f" for c in letters)
    if max(arabic, cyrillic) >= MIN_SCRIPT_LETTERS and max(arabic, cyrillic) >= latin:
        return _arabic_script(text) if arabic >= cyrillic else _cyrillic(text)
    own = {"ar": arabic, "fa": arabic, "ru": cyrillic, "uk": cyrillic}.get(current, 0)
    if own >= MIN_OWN_LETTERS:
        return None  # German names and phrases inside a message in the member's script
    return _latin(text, current)


def _arabic_script(text: str) -> str | None:
    words = set(re.findall(r"[\u0600-\u06ff\u200c]+", text.translate(_TO_FARSI_LETTERS)))
    farsi = 2 * sum(c in _FARSI_ONLY for c in text) + 3 * len(words & _FARSI_WORDS)
    arabic = (
        2 * sum(c in _ARABIC_ONLY for c in text)
        + sum(c in _ARABIC_WEAK for c in text) / 2
        + 3 * len(words & _ARABIC_WORDS)
    )
    return "fa" if farsi > arabic else "ar" if arabic > farsi else None


def _cyrillic(text: str) -> str | None:
    lower = text.casefold()
    words = set(re.findall(r"[\u0400-\u04ff']+", lower))
    uk = sum(c in _UKRAINIAN_ONLY for c in lower) + 2 * len(words & _UKRAINIAN_WORDS)
    ru = sum(c in _RUSSIAN_ONLY for c in lower) + 2 * len(words & _RUSSIAN_WORDS)
    return "uk" if uk > ru else "ru" if ru > uk else None


def _latin(text: str, current: str) -> str | None:
    words = _WORD.findall(text)
    if looks_transliterated(text):
        return None  # Russian or Ukrainian in Latin letters: not one of the five
    kept = _unmasked(words)
    if sum(len(w) for w in kept) < MIN_LETTERS:
        return None
    values = _lingua().compute_language_confidence_values(" ".join(kept))
    if not values or values[0].value < MIN_CONFIDENCE:
        return None
    if any(_CODES[v.language.name] == current and v.value >= KEEP_CONFIDENCE for v in values):
        return None  # the member's language mixed with German ("Verein'lere ne tür Beratung")
    return _CODES[values[0].language.name]


# German words that join the parts of an official name ("Amt für Zuwanderung und Integration")
_NAME_JOINERS: Final = frozenset(
    {"für", "fur", "und", "des", "der", "die", "im", "am", "zur", "zum"}
)


def _unmasked(words: list[str]) -> list[str]:
    """The words left when domain words, and the joiners between two of them, are masked."""
    masked = [_is_domain_word(w) for w in words]
    return [
        w
        for n, w in enumerate(words)
        if not masked[n]
        and not (
            w.casefold() in _NAME_JOINERS
            and 0 < n < len(words) - 1
            and masked[n - 1]
            and masked[n + 1]
        )
    ]


def _is_domain_word(word: str) -> bool:
    if word == "WIR" or "ß" in word:  # the program ("wir", we, is German); "Fußballabteilung"
        return True
    folded = _fold(word)
    return folded in _SHORT_STEMS or any(stem in folded for stem in _LONG_STEMS)


def _fold(word: str) -> str:
    """Lower case without diacritics, umlauts as typed without them ("Buergerkolleg")."""
    decomposed = unicodedata.normalize("NFD", word.casefold())
    plain = "".join(c for c in decomposed if unicodedata.category(c) != "Mn")
    return plain.replace("ae", "a").replace("oe", "o").replace("ue", "u")


_LONG_STEMS: Final = tuple({_fold(s) for s in DOMAIN_STEMS if len(s) > 3})
_SHORT_STEMS: Final = frozenset(_fold(s) for s in DOMAIN_STEMS if len(s) <= 3)
_CODES: Final = {
    "GERMAN": "de",
    "ENGLISH": "en",
    "TURKISH": "tr",
    "POLISH": "pl",
    "ITALIAN": "it",
}


@cache
def _lingua() -> LanguageDetector:
    """Lingua for the five Latin-script languages, low-accuracy mode (trigrams only): about
    25 MB of memory instead of 180 MB, and the masked questions are long enough for it."""
    from lingua import Language, LanguageDetectorBuilder

    languages = [getattr(Language, name) for name in _CODES]
    return LanguageDetectorBuilder.from_languages(*languages).with_low_accuracy_mode().build()
