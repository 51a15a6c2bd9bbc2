"""Text normalisation for matching, explicit per script (rapidfuzz does none by default).

NFKC, casefold, marks stripped (Latin diacritics, Arabic harakat, Cyrillic breve), Turkish
dotless i folded, Arabic alef/yeh/teh marbuta/kaf variants and Persian yeh/kaf unified,
ZWNJ and tatweel removed, Eastern Arabic digits to ASCII, punctuation and emoji to spaces.
"""

import re
import unicodedata

_FOLD = str.maketrans(
    {
        "ı": "i",
        "ə": "e",
        "ة": "ه",
        "ى": "ي",
        "ی": "ي",
        "ې": "ي",
        "ک": "ك",
        "ڪ": "ك",
        "گ": "ك",
        "ۀ": "ه",
        "ە": "ه",
        "ؤ": "و",
        "ئ": "ي",
        "\u0640": None,  # tatweel
        "\u200c": None,  # zero-width non-joiner: Persian writers use it, a space or nothing
        "\u200d": None,
        "\u200e": None,
        "\u200f": None,
        "\ufeff": None,
        **{chr(0x0660 + i): str(i) for i in range(10)},
        **{chr(0x06F0 + i): str(i) for i in range(10)},
    }
)
_NON_WORD = re.compile(r"[^\w]+|_")
MAX_CHARS = 600  # a question longer than this is matched on its beginning


def normalize(text: str, limit: int | None = MAX_CHARS) -> str:
    """Fold text to the form both triggers and questions are compared in."""
    text = unicodedata.normalize("NFKC", text[:limit]).casefold()
    text = "".join(
        ch for ch in unicodedata.normalize("NFD", text) if unicodedata.category(ch) != "Mn"
    )
    text = text.translate(_FOLD)
    return " ".join(_NON_WORD.sub(" ", text).split())


_AR_ARTICLE = re.compile(r"^(?:وال|بال|فال|كال|لل|ال)(?=\w{3})")


# "WIR" in capitals is the Hessian program, "wir" the German "we": told apart before casefolding
# (unless the whole message is shouted in capitals).
_WIR = re.compile(r"\bWIR\b")
WIR_TOKEN = "wirprogramm"


def _mark_acronyms(text: str) -> str:
    if "WIR" not in text:
        return text
    upper = sum(c.isupper() for c in text)
    lower = sum(c.islower() for c in text)
    uncased = sum(c.isalpha() for c in text) - upper - lower  # Arabic, Farsi
    if upper > lower and upper + lower > uncased:
        return text  # shouted in capitals: "WIR" may be "we"
    return _WIR.sub(WIR_TOKEN, text)


def tokens(text: str) -> list[str]:
    """Normalised words; the Arabic article (al-, wal-, bil-, li-l-) is split off."""
    out = []
    for word in normalize(_mark_acronyms(text)).split():
        stripped = _AR_ARTICLE.sub("", word)
        out.append(stripped)
    return out


# German names written in Cyrillic ("Амт цувандерунг", "Бюргерколлег") read back in German
# spelling, after normalize() has folded й→и, ё→е, ї→і.
_CYRILLIC_TO_GERMAN = str.maketrans(
    {
        "а": "a",
        "б": "b",
        "в": "w",
        "г": "g",
        "ґ": "g",
        "д": "d",
        "е": "e",
        "є": "e",
        "ж": "sch",
        "з": "s",
        "и": "i",
        "і": "i",
        "к": "k",
        "л": "l",
        "м": "m",
        "н": "n",
        "о": "o",
        "п": "p",
        "р": "r",
        "с": "s",
        "т": "t",
        "у": "u",
        "ф": "f",
        "х": "ch",
        "ц": "z",
        "ч": "tsch",
        "ш": "sch",
        "щ": "sch",
        "ъ": "",
        "ы": "i",
        "ь": "",
        "э": "e",
        "ю": "u",
        "я": "ja",
    }
)
_CYRILLIC = re.compile("[\u0400-\u04ff]")


def german_reading(token: str) -> str | None:
    """A normalised Cyrillic token spelled the German way, or None for other scripts."""
    if not _CYRILLIC.search(token):
        return None
    return token.translate(_CYRILLIC_TO_GERMAN)
