"""Every translation states the facts of its German text: the same numbers, the same
official names (kept in German)."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator

import pytest

from bot.i18n.languages import LANGUAGES
from bot.knowledge import Knowledge
from bot.knowledge.textfacts import name_pattern, name_units, names_in, numbers, official_names

FIELDS = ("title", "summary", "who", "when", "next_step")
# Titles are headings in the reader's language: the page shows the official `name` right
# under a title that differs from it (answers.entry_text), so names are checked in the prose.
PROSE = ("summary", "who", "when", "next_step")


def texts(knowledge: Knowledge) -> Iterator[tuple[str, str, dict[str, str]]]:
    """(where, field, {lang: text}) for every text of the entries and the applying files."""
    for entry in knowledge.entries.values():
        for name in FIELDS:
            by_lang = {
                lang: getattr(entry.texts[lang], name) or ""
                for lang in LANGUAGES
                if lang in entry.texts
            }
            yield entry.id, name, by_lang
    for applying in knowledge.applying.values():
        for i, rule in enumerate(applying.rules):
            yield f"applying/{applying.program}", f"rules[{i}].reason", dict(rule.reason)
        items = applying.checklist.get("de", ())
        for i in range(len(items)):
            by_lang = {lang: applying.checklist[lang][i] for lang in applying.checklist}
            yield f"applying/{applying.program}", f"checklist[{i}]", by_lang


def number_mismatches(knowledge: Knowledge) -> list[str]:
    found = []
    for where, name, by_lang in texts(knowledge):
        german = numbers(by_lang.get("de", ""))
        for lang, text in by_lang.items():
            got = numbers(text)
            if lang != "de" and got != german:
                found.append(
                    f"{where} {lang} {name}: only German {sorted(german - got)}, "
                    f"only {lang} {sorted(got - german)}"
                )
    return found


def name_mismatches(knowledge: Knowledge) -> list[str]:
    units = official_names(knowledge.entries.values())
    found = []
    for where, name, by_lang in texts(knowledge):
        if name not in PROSE and "[" not in name:
            continue
        german = names_in(by_lang.get("de", ""), units)
        for lang, text in by_lang.items():
            missing = german - names_in(text, german)
            if lang != "de" and missing:
                found.append(f"{where} {lang} {name}: lacks {sorted(missing)}")
    return found


def test_every_translation_states_the_numbers_of_the_german_text(knowledge):
    assert number_mismatches(knowledge) == []


def test_every_translation_keeps_the_official_german_names(knowledge):
    assert name_mismatches(knowledge) == []


# --- the checks can fail --------------------------------------------------------------------


def _with_text(knowledge: Knowledge, entry_id: str, lang: str, **fields: str) -> Knowledge:
    entry = knowledge.entries[entry_id]
    text = dataclasses.replace(entry.texts[lang], **fields)
    entry = dataclasses.replace(entry, texts={**entry.texts, lang: text})
    return dataclasses.replace(knowledge, entries={**knowledge.entries, entry_id: entry})


def test_a_changed_number_in_a_translation_is_named(knowledge):
    entry = knowledge.entries["ack"]
    summary = entry.texts["fa"].summary + " ۱۲"
    broken = _with_text(knowledge, "ack", "fa", summary=summary)
    assert "ack fa summary: only German [], only fa [12]" in number_mismatches(broken)
    assert "ack fa summary: only German [], only fa [12]" not in number_mismatches(knowledge)


def test_a_translated_official_name_is_named(knowledge):
    entry = knowledge.entries["kulturamt"]
    german = entry.texts["de"].next_step
    assert "Kulturamt" in german
    english = entry.texts["en"].next_step.replace("Kulturamt", "cultural office")
    broken = _with_text(knowledge, "kulturamt", "en", next_step=english)
    assert "kulturamt en next_step: lacks ['Kulturamt']" in name_mismatches(broken)
    assert "kulturamt en next_step: lacks ['Kulturamt']" not in name_mismatches(knowledge)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("bis zu 2.500 Euro", {2500}),
        ("up to 2,500 euros", {2500}),
        ("до 2 500 евро", {2500}),
        ("تا ۲٬۵۰۰ یورو", {2500}),
        ("حتى ٢٥٠٠ يورو", {2500}),
        ("Richtlinie Nr. 4.5, 24 Monate", {4, 5, 24}),
        ("bis zu {project} je Projekt, seit 2016", {2016}),
        ("{budget_2018} im Jahr", set()),
    ],
)
def test_numbers_are_normalised(text, expected):
    assert numbers(text) == expected


def test_name_units_and_inflected_german():
    assert name_units(
        "Integrationsabteilung im Amt für Zuwanderung und Integration", "office"
    ) == {
        "Integrationsabteilung",
        "Amt für Zuwanderung und Integration",
    }
    assert name_units("Hessisches Ministerium für Soziales und Integration (HMSI)", "office") == {
        "Hessisches Ministerium für Soziales und Integration",
        "HMSI",
    }
    assert name_units("WIR – Vielfalt und Teilhabe: Modellprojekte", "program") == {
        "WIR – Vielfalt und Teilhabe"
    }
    assert name_units("Sonderetat „Integration durch Kultur“ (heute: …)", "program") == {
        "Integration durch Kultur"
    }
    assert name_units("Ministerium A (MA) – seit 2024 Ministerium B (MB)", "office") == {
        "Ministerium A",
        "MA",
        "Ministerium B",
        "MB",
    }
    ministry = name_pattern("Hessisches Ministerium für Soziales und Integration")
    assert ministry.search("im Auftrag des Hessischen Ministeriums für Soziales und Integration")
    assert name_pattern("Kulturamt").search("يقود وKulturamt الميزانية")
    assert not name_pattern("Kulturamt").search("das Sportkulturamt")
