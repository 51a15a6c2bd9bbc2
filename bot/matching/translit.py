"""Russian and Ukrainian typed in Latin letters ("privet, gde mozhno najti pomeshhenie").

People on a German phone keyboard often write Russian this way. `looks_transliterated` tells
such a message by its common words; `to_cyrillic` spells a word back, so the matcher can find
"pomeshhenie" under "помещение" and "ferajna" under "ферайна".
"""

from __future__ import annotations

import re
from typing import Final

# common words of transliterated Russian and Ukrainian, none of them a word of de en tr pl it
MARKERS: Final = frozenset(
    """
    privet pryvit zdravstvujte zdravstvuite gde mozhno mozhna nuzhno pozhalujsta pozhaluista
    spasibo djakuju dyakuyu chto shcho kak dlja dlya ochen pomeshhenie pomeshchenie skolko
    skilky kogda koly skol'ko vzyat vzjat' vzyat' vzjat nado nuzhen nuzhna nuzhny khotim hotim
    mozhem mozhete pomogaet pomogite pomoch podskazhite skazhite zayavku zayavka zajavku
    zajavka dengi den'gi deneg tozhe uzhe tol'ko tolko pochemu zachem umeem eto kakoj kakaya
    kakie obshchestvo obshestvo meropriyatie meroprijatie dajut dayut
    """.split()  # noqa: SIM905 (a list of words reads better as text)
)
MIN_MARKERS: Final = 2

# longest first: "shch" before "sh" before "s"
_LETTERS: Final = (
    ("shch", "щ"),
    ("shh", "щ"),
    ("zh", "ж"),
    ("kh", "х"),
    ("ch", "ч"),
    ("sh", "ш"),
    ("ts", "ц"),
    ("ya", "я"),
    ("ja", "я"),
    ("yu", "ю"),
    ("ju", "ю"),
    ("yo", "ё"),
    ("jo", "ё"),
    ("ye", "е"),
    ("je", "е"),
    ("a", "а"),
    ("b", "б"),
    ("v", "в"),
    ("w", "в"),
    ("g", "г"),
    ("d", "д"),
    ("e", "е"),
    ("z", "з"),
    ("i", "и"),
    ("j", "й"),
    ("y", "ы"),
    ("k", "к"),
    ("l", "л"),
    ("m", "м"),
    ("n", "н"),
    ("o", "о"),
    ("p", "п"),
    ("r", "р"),
    ("s", "с"),
    ("t", "т"),
    ("u", "у"),
    ("f", "ф"),
    ("h", "х"),
    ("c", "ц"),
    ("'", "ь"),
)
_PATTERN: Final = re.compile("|".join(re.escape(latin) for latin, _ in _LETTERS))
_CYRILLIC: Final = dict(_LETTERS)
_WORD: Final = re.compile(r"[a-z']+")


def looks_transliterated(text: str) -> bool:
    """Whether the message is Russian or Ukrainian written in Latin letters."""
    return len(set(_WORD.findall(text.casefold())) & MARKERS) >= MIN_MARKERS


def to_cyrillic(word: str) -> str:
    """A Latin-letter word spelled in Cyrillic (lower case; other characters kept)."""
    return _PATTERN.sub(lambda m: _CYRILLIC[m.group(0)], word.casefold())
