"""Words that ask for the difference between two things ("Unterschied", "чем отличается",
"ne fark var"): the glossary explains such pairs (institutional vs project funding,
Feststellungs- vs Freistellungsbescheid), while each of the two things named in the question
points to a program of its own. Whole normalised words only: "farklı" (various) and
"различных" (different ones) do not ask for a difference.
"""

from __future__ import annotations

from typing import Final

from bot.matching.normalize import tokens

_WORDS: Final = {
    "de": "unterschied unterschiede unterscheidet unterscheiden",
    "en": "difference differences differ differs",
    "tr": "fark farkı farkları farkı",
    "ru": "разница разницу разнице отличается отличаются отличие отличия различие",
    "uk": "різниця різницю відрізняється відрізняються відмінність",
    "pl": "różnica różnicę różni różnią",
    "it": "differenza differenze differisce",
    "fa": "تفاوت",
}

COMPARISON_TOKENS: Final[frozenset[str]] = frozenset(
    tok for text in _WORDS.values() for word in text.split() for tok in tokens(word)
)
