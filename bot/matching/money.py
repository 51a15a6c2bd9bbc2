"""Words that ask for money: a question with one of them wants the program that pays, not the
office beside it ("Слышали про фонд культуры города", "kültür fonu", "Geld für unser Fest").
Nouns only, in the forms people write; "destek" and "поддержка" (support) say less.
"""

from __future__ import annotations

from typing import Final

from bot.matching.normalize import tokens

_WORDS: Final = {
    "de": "geld geldes zuschuss zuschüsse förderung fördergeld fördermittel finanzierung fonds",
    "en": "money funding funds fund grant grants budget",
    "tr": "para parası parayı paraya hibe hibesi fon fonu fonuna bütçe bütçesi ödenek",
    "ru": "деньги денег деньгами грант гранта финансирование фонд фонда фонду бюджет",
    "uk": "гроші грошей грант фінансування фонд фонду бюджет",
    "pl": "pieniądze pieniędzy dofinansowanie grant fundusz budżet",
    "it": "soldi finanziamento finanziamenti fondi fondo contributo budget",
    "ar": "مال المال تمويل منحة ميزانية فلوس مصاري",
    "fa": "پول بودجه",
}

MONEY_TOKENS: Final[frozenset[str]] = frozenset(
    tok for text in _WORDS.values() for word in text.split() for tok in tokens(word)
)
