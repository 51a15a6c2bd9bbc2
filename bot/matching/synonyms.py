"""Words a language has two of for one thing, so a question in either finds triggers in both.

Turkish members say "entegrasyon" as often as "uyum" for integration, and "şehir" (the city)
for what the entries call "belediye" (the municipality); the entries were written with one or
the other. Only real synonyms of the domain belong here, never a question's odd phrasing.
A word's forms that no shared beginning reaches are listed with it: Turkish drops the vowel
of "şehir" before an ending ("şehrin", "şehre").
"""

from __future__ import annotations

from typing import Final

from bot.matching.normalize import tokens

_GROUPS: Final = (
    # tr: integration
    ("entegrasyon", "uyum"),
    # tr: the city and its administration
    ("şehir", "şehri", "şehrin", "şehre", "şehrimiz", "şehrimizin", "şehrimizde", "belediye"),
    # tr: to found (an association): forms of "kurmak" that share only "kur" with it, while
    # "kurul" (a board) and "kuruluş" (an organisation) share more
    (
        *("kurmak", "kurulur", "kurulması", "kurarız", "kurabiliriz", "kurduk", "kuruyoruz"),
        *("kurmayı", "kurmanın", "kurulabilir", "kuracağız"),
    ),
    # tr: registration, whose forms drop a vowel ("kayıt", "kaydı") or say "tescil"
    ("kayıt", "kaydı", "kaydını", "kayda", "kaydettirmek", "kaydolmak"),
    # tr: a department of an office ("Integrationsabteilung": "uyum bölümü")
    ("bölüm", "bölümü", "departman", "departmanı", "şube", "şubesi"),
    # ru, uk: a room and premises
    ("комната", "помещение"),
    ("кімната", "приміщення"),
    # ru: the coordination office is a "бюро" to many, an "офис" in the entries
    ("бюро", "офис"),
    # ru: money, whose forms share only three letters ("денег", "деньгами")
    ("деньги", "денег", "деньгам", "деньгами", "деньгах"),
    # ru, uk: a club's section (a sports section) is a "секция" or an "отделение"
    ("секция", "секции", "секцию", "секцией", "отделение", "отделения", "отделений"),
    ("секція", "секції", "секцію", "відділення"),
    # ru: a difference, and what differs (the entries say "разница")
    ("разница", "разницу", "отличие", "отличается", "отличаются", "различие"),
)
SIMILARITY: Final = 0.8  # like a word in another case: the same thing, not the same word


def _index() -> dict[str, tuple[str, ...]]:
    out: dict[str, tuple[str, ...]] = {}
    for group in _GROUPS:
        words = tuple(tokens(" ".join(group)))
        for w in words:
            out[w] = tuple(o for o in words if o != w)
    return out


SYNONYMS: Final[dict[str, tuple[str, ...]]] = _index()
