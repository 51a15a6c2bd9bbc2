"""The figures of seed 002 §1.1 as an entry: exactly the seed's numbers, in all languages."""

from __future__ import annotations

import re

import pytest

from bot.knowledge.textfacts import numbers
from bot.matching.matcher import Matcher
from tests.knowledge.test_seed_sections import SEEDS_DIR, needs_seeds

# 39 % (113.595) with a migration background, from 170 countries; 62 958 foreign citizens
# only, 50 637 Germans; the five most common countries of origin.
FIGURES = {2020, 39, 113595, 170, 62958, 50637, 16439, 7183, 6002, 5905, 5157}


def test_the_entry_states_the_seed_figures(knowledge):
    entry = knowledge.entries["wiesbaden-in-zahlen"]
    assert entry.kind == "faq" and entry.confirmed and entry.as_of == "2020"
    assert entry.offices[0] == "amt-statistik-stadtforschung"
    assert [(c.source.id, c.section) for c in entry.citations] == [("seed-002", "1.1")]
    for lang, text in entry.texts.items():
        assert numbers(text.summary) == FIGURES, lang
        assert "Amt für Statistik und Stadtforschung" in text.next_step, lang


@needs_seeds
def test_every_figure_is_in_section_1_1_of_the_seed(knowledge):
    seed = (SEEDS_DIR / "002_637706e2ad26b710.txt").read_text("utf-8")
    section = seed[seed.index("1.1 Zuwanderung") : seed.index("1.2. Definition")]
    stated = numbers(re.sub(r"(\d) (\d{3})\b", r"\1\2", section))  # "62 958" in the OCR
    assert FIGURES - {2020} <= stated


@pytest.mark.parametrize(
    ("question", "lang"),
    [
        ("Wie viele Menschen mit Migrationshintergrund gibt es in Wiesbaden?", "de"),
        ("How many Turkish people live in Wiesbaden?", "en"),
        ("ویسبادن چند درصد مهاجر دارد؟", "fa"),
        ("Wiesbaden'de kaç göçmen var?", "tr"),
    ],
)
def test_questions_about_the_figures_find_it(knowledge, question, lang):
    result = Matcher.from_knowledge(knowledge).match(question)
    assert result.matches and result.matches[0].entry_id == "wiesbaden-in-zahlen"
