"""Words of the knowledge base close to a word of a question.

Typos (rapidfuzz ratio on words of about the same length), shared stems (inflected endings,
agglutinated suffixes: "dernegimiz" ~ "dernek"), compound parts ("vereinsraume" ⊃ "raume"),
German names written in Cyrillic ("Фрайвиллигенцентрум"), and Arabic one-letter clitics
("بمدينه" ~ "مدينه"). Similarities are in (0, 1]; results are cached per word.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Mapping
from functools import lru_cache
from typing import Final

from rapidfuzz import fuzz, process

from bot.matching.normalize import german_readings
from bot.matching.phrases import common_prefix
from bot.matching.synonyms import SIMILARITY, SYNONYMS

ARABIC_CLITICS: Final = frozenset("وفبلك")  # and, so, with, for, like: written on the next word
VOWELS: Final = frozenset("aeiouyаеиоуыэюяіє")  # endings that change with case and number
STEM_SHARE: Final = 0.6  # a shared beginning this long (of the shorter word) is the same stem
INFLECTED: Final = 0.8  # two words differing only in an ending of up to two letters
SHORT_ROOT: Final = 0.75  # a three-letter word with a case ending (no shared stem of four)
# Russian and Ukrainian case endings, Turkish case and possessive endings (folded like tokens)
SHORT_ROOT_ENDINGS: Final = frozenset(
    {"а", "у", "е", "ы", "и", "о", "я", "ю", "ом", "ов", "ах", "ам", "ей", "ой", "ою", "і"}
    | {"i", "e", "a", "u", "in", "un", "de", "da", "den", "dan", "ye", "ya", "yi", "yu"}
    | {"ni", "nu", "le", "la"}
)
SPOKEN: Final = 0.85  # a Russian word written as pronounced (vowel reduction)
_SPOKEN: Final = str.maketrans({"о": "а", "е": "и", "я": "и", "э": "и"})
_CYRILLIC_START, _CYRILLIC_END = "\u0400", "\u04ff"
READING_MIN: Final = 0.7  # a German name read from Cyrillic: about as close as a typo


class Vocabulary:
    def __init__(self, idf: Mapping[str, float]) -> None:
        self._idf = idf
        self._vocab = sorted(self._idf)
        self._by_length: dict[int, list[str]] = defaultdict(list)
        for tok in self._vocab:
            self._by_length[len(tok)].append(tok)
        self._by_prefix: dict[str, list[str]] = defaultdict(list)
        self._four: dict[str, list[str]] = defaultdict(list)  # four letters, a vowel ending
        for tok in self._vocab:
            if len(tok) >= 4:
                self._by_prefix[tok[:4]].append(tok)
            if len(tok) == 4 and tok[-1] in VOWELS:
                self._four[tok[:3]].append(tok)
        # typo candidates by length and first letter, and by second letter (other first)
        self._by_first: dict[tuple[int, str], list[str]] = defaultdict(list)
        self._by_second: dict[tuple[int, str], list[str]] = defaultdict(list)
        for tok in self._vocab:
            if len(tok) >= 4:
                self._by_first[len(tok), tok[0]].append(tok)
                self._by_second[len(tok), tok[1]].append(tok)
        # Russian and Ukrainian written as spoken: unstressed "о" as "а", "е" as "и"
        self._spoken: dict[str, list[str]] = defaultdict(list)
        for tok in self._vocab:
            if len(tok) >= 4 and _CYRILLIC_START <= tok[0] <= _CYRILLIC_END:
                self._spoken[tok.translate(_SPOKEN)].append(tok)
        self.similar = lru_cache(maxsize=50_000)(self._similar)

    def _similar(self, q: str) -> tuple[tuple[str, float], ...]:
        """Vocabulary words close to q (or to its German reading), similarity in (0, 1]."""
        found = self._close_words(q)
        for reading in german_readings(q):
            # the reading is for German names: only a near-exact one counts, the whole name
            # and not a short word it begins with ("допомога" is not the Italian "dopo") nor
            # a longer one beginning like it ("подать" is not "podatkowego")
            for tok, sim in self._close_words(reading).items():
                if sim >= READING_MIN and abs(len(tok) - len(reading)) <= 2:
                    found[tok] = max(found.get(tok, 0.0), 0.9 * sim)
        if len(q) >= 4 and q[0] in ARABIC_CLITICS:
            # "بمدينه", "وللجمعية": a one-letter conjunction or preposition written on the word
            for tok, sim in self._close_words(q[1:]).items():
                found[tok] = max(found.get(tok, 0.0), 0.9 * sim)
        for tok, sim in [(q, 1.0), *found.items()]:
            # the other word for the same thing ("entegrasyon" ~ "uyum")
            for other in SYNONYMS.get(tok, ()):
                if other in self._idf:
                    found[other] = max(found.get(other, 0.0), SIMILARITY * sim)
        return tuple(found.items())

    def _near(self, q: str) -> list[str]:
        """Typo candidates for q: about as long (one letter more or less, two for a long
        word) and sharing its first letter, or its second when the first is the typo."""
        slack = max(1, len(q) // 5)
        near: list[str] = []
        for n in range(len(q) - slack, len(q) + slack + 1):
            near += self._by_first.get((n, q[0]), ())
            near += [t for t in self._by_second.get((n, q[1]), ()) if t[0] != q[0]]
        return near

    def _close_words(self, q: str) -> dict[str, float]:
        found: dict[str, float] = {}
        if q in self._idf:
            found[q] = 1.0
        if len(q) >= 4 and q not in self._idf:
            # "праект", "зарегестрировать", "валантеры": written as pronounced
            for tok in self._spoken.get(q.translate(_SPOKEN), ()):
                found[tok] = max(found.get(tok, 0.0), SPOKEN)
        if len(q) >= 5 and q not in self._idf:
            # typos (a word the vocabulary knows is taken as meant): about one edit in a
            # short word, two in a long one, and no big difference in length
            cutoff = 85 if len(q) <= 6 else 80 if len(q) <= 9 else 75
            for tok, score, _ in process.extract(
                q,
                self._near(q),
                scorer=fuzz.ratio,
                processor=None,
                score_cutoff=cutoff,
                limit=8,
            ):
                found[tok] = max(found.get(tok, 0.0), 0.9 * score / 100)
        if len(q) == 4 and q[-1] in VOWELS:
            # a short word in another case: "rady" ~ "rada", "kasy" ~ "kasa", "sali" ~ "sala"
            for tok in self._four.get(q[:3], ()):
                if tok != q:
                    found[tok] = max(found.get(tok, 0.0), INFLECTED)
        if 4 <= len(q) <= 6 and q[:3] in self._idf and q[3:] in SHORT_ROOT_ENDINGS:
            # a three-letter root with a case ending: "зала" ~ "зал", "yeri" ~ "yer"
            found[q[:3]] = max(found.get(q[:3], 0.0), SHORT_ROOT)
        if len(q) >= 4:
            # shared stem: inflected endings, agglutinated suffixes ("dernegimiz" ~ "dernek")
            for tok in self._by_prefix.get(q[:4], ()):
                common = common_prefix(q, tok)
                shorter = min(len(q), len(tok))
                if (
                    common >= max(4, math.ceil(STEM_SHARE * shorter))
                    and common >= shorter - 3
                    and not _another_root(common, q, tok)
                ):
                    found[tok] = max(found.get(tok, 0.0), _stem_similarity(common, q, tok))
        if len(q) >= 8:
            # compound parts: "vereinsraume" contains "raume"
            for size in range(len(q) - 1, 4, -1):
                for begin in range(0, len(q) - size + 1):
                    part = q[begin : begin + size]
                    if part in self._idf and part not in found:
                        found[part] = 0.6
        return found


SHORT_WORD: Final = 5  # a word this short that parts from a much longer one before its end
LONGER_BY: Final = 4  # (by this much) is another word: "стран" (countries) ≠ "стратегия"


def _another_root(common: int, a: str, b: str) -> bool:
    short, long_ = (a, b) if len(a) <= len(b) else (b, a)
    parts_early = common < len(short) and len(long_) - len(short) >= LONGER_BY
    return len(short) <= SHORT_WORD and parts_early


def _stem_similarity(common: int, a: str, b: str) -> float:
    """How alike two words sharing a beginning are: one begins the other (0.85), they differ
    in an ending of up to two letters ("projektu", "projektów": INFLECTED), or more (0.75)."""
    if common == min(len(a), len(b)):
        return 0.85
    return INFLECTED if common >= max(len(a), len(b)) - 2 else 0.75
