"""Text normalisation for matching, explicit per script (rapidfuzz does none by default).

NFKC, casefold, marks stripped (Latin diacritics, Arabic harakat, Cyrillic breve), Turkish
dotless i folded, Arabic alef/yeh/teh marbuta/kaf variants and Persian yeh/kaf unified,
ZWNJ and tatweel removed, Eastern Arabic digits to ASCII, punctuation and emoji to spaces.
"""

import re
import unicodedata
from typing import Final

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
_WIR = re.compile(r"\b(?:WIR|ВИР)\b")  # also in Cyrillic capitals
WIR_TOKEN = "wirprogramm"


def _mark_acronyms(text: str) -> str:
    if "WIR" not in text and "ВИР" not in text:
        return text
    upper = sum(c.isupper() for c in text)
    lower = sum(c.islower() for c in text)
    uncased = sum(c.isalpha() for c in text) - upper - lower  # Arabic, Farsi
    if upper > lower and upper + lower > uncased:
        return text  # shouted in capitals: "WIR" may be "we"
    return _WIR.sub(WIR_TOKEN, text)


def tokens(text: str) -> list[str]:
    """Normalised words; the Arabic article (al-, wal-, bil-, li-l-) is split off, Turkish
    endings after an apostrophe are dropped, Persian affixes written apart are joined."""
    persian = bool(_PERSIAN_LETTERS.search(text))
    text = _APOSTROPHE_ENDING.sub(_drop_turkish_ending, _mark_acronyms(text))
    if "-" in text or "‐" in text or "‑" in text:
        text = _HYPHENATED_PREFIX.sub(r"\1", text)
    text = _CYRILLIC_APOSTROPHE.sub("", text)
    words = normalize(text).split()
    if persian:
        words = _join_persian_affixes(words)
    return [_AR_ARTICLE.sub("", word) for word in words]


# "Мини-джоб", "mini-job", "микро-проект" are one word ("миниджоб", "Minijob"), not a short
# word that begins "министерство" and another that begins "Jobcenter".
_HYPHENATED_PREFIX = re.compile(
    "(?<!\\w)("
    + "|".join(
        p
        for w in ("мини", "микро", "mini", "mikro", "micro")
        for p in (w, w.capitalize(), w.upper())
    )
    + ")[-‐‑](?=\\w)"
)


# Turkish writes case and possessive endings after an apostrophe on names and loanwords
# ("Ausländerbeirat'tan", "Verein'imiz", "WIR'e", "e.V.'yi"): the name is the word. Only a
# real ending is dropped, so "dell'ente", "don't" or Ukrainian "об'єднання" stay as they are.
_APOSTROPHE_ENDING = re.compile(r"(?:(?<=[^\W\d_]{2})|(?<=\.))['’‘`´ʼ]([^\W\d_]{1,12})\b")


def _turkish_endings() -> frozenset[str]:
    """Endings a Turkish name takes (plural, possessive, case, -ki), folded like tokens."""
    plural = ("", "ler", "lar")
    possessive = (
        *("", "m", "n", "i", "si", "miz", "niz", "leri"),
        *(v + e for v in "iu" for e in ("m", "n", "miz", "niz")),
        *("imiz", "umuz", "iniz", "unuz", "su", "u"),
    )
    case = (
        *("", "i", "u", "yi", "yu", "ni", "nu", "e", "a", "ye", "ya", "ne", "na"),
        *("de", "da", "te", "ta", "nde", "nda", "den", "dan", "ten", "tan", "nden", "ndan"),
        *("in", "un", "nin", "nun", "le", "la", "yle", "yla", "ce", "ca", "dir", "tir"),
    )
    return frozenset(
        p + o + c + k
        for p in plural
        for o in possessive
        for c in case
        for k in ("", "ki")
        if p + o + c + k
    )


TURKISH_ENDINGS: Final = _turkish_endings()


def _drop_turkish_ending(m: re.Match[str]) -> str:
    return "" if normalize(m.group(1)) in TURKISH_ENDINGS else m.group(0)


# Ukrainian writes an apostrophe inside words ("об'єднання", "сім'я"), often as ’ or ʼ or not
# at all: one word.
_CYRILLIC_APOSTROPHE = re.compile("(?<=[\u0400-\u04ff])['’‘`´ʼ](?=[\u0400-\u04ff])")


# Persian writes a verb's prefix (می, نمی) and a noun's endings (ها, مان, …) with a ZWNJ, a
# space or nothing: joined, as normalize() joins them when the ZWNJ is typed.
_PERSIAN_LETTERS = re.compile("[پچژگیک]")
_PERSIAN_PREFIXES: Final = frozenset({"مي", "نمي", "بي"})
_PERSIAN_ENDINGS: Final = frozenset(
    {"ها", "هاي", "هايي", "هايم", "هايمان", "هايتان", "هايشان", "مان", "تان", "شان"}
    | {"ام", "اش", "اي", "تر", "ترين"}
)


def _join_persian_affixes(words: list[str]) -> list[str]:
    out: list[str] = []
    for word in words:
        if out and (out[-1] in _PERSIAN_PREFIXES or word in _PERSIAN_ENDINGS):
            out[-1] += word
        else:
            out.append(word)
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


# How German sounds are written in Cyrillic, the other way round: "ферайн" is Verein (ф for
# v, ай for ei), "штойер" Steuer, "штифтунг" Stiftung, "шпенде" Spende.
_SOUNDS: Final = (("ai", "ei"), ("oi", "eu"))
_INITIAL: Final = (("f", "v"), ("scht", "st"), ("schp", "sp"))


def german_readings(token: str) -> tuple[str, ...]:
    """The German spellings a normalised Cyrillic token may stand for (none for other
    scripts): the letter-for-letter reading, and the one with German sounds spelled back."""
    reading = german_reading(token)
    if reading is None:
        return ()
    spelled = reading
    for cyrillic, german in _SOUNDS:
        spelled = spelled.replace(cyrillic, german)
    for cyrillic, german in _INITIAL:
        if spelled.startswith(cyrillic):
            spelled = german + spelled[len(cyrillic) :]
            break
    return (reading,) if spelled == reading else (reading, spelled)
