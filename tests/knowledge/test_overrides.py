"""Quick fixes: validated, applied at once in all nine languages, rendered as a patch."""

from __future__ import annotations

import re
import tomllib
from datetime import date, datetime

import pytest

from bot.i18n.languages import LANGUAGES
from bot.knowledge import count_stale_translations
from bot.knowledge.overrides import (
    Override,
    OverrideError,
    apply_overrides,
    render_patch,
    repeats,
    validate,
)

WHEN = datetime(2026, 12, 2, 10, 15)
INST = "auslaenderbeirat-institutionell"


def _o(entry_id: str, field: str, value: object, year: int | None = None) -> Override:
    return Override(entry_id, field, value, "Koordinatorin A", WHEN, year)  # type: ignore[arg-type]


def _page_summary(entry, lang, t) -> str:
    """The summary as the page shows it: amounts and dates formatted for the reader."""
    values = {k: t.money(a.eur) for k, a in entry.amounts.items()}
    values |= {k: t.date(d) for k, d in entry.dates.items()}
    return entry.texts[lang].summary.format(**values)


def test_an_amount_changes_in_all_nine_languages_at_once(knowledge, catalogs):
    changed = apply_overrides(knowledge, [_o(INST, "amounts.with_rooms", 250, 2027)])
    entry = changed.entries[INST]
    assert entry.amounts["with_rooms"].eur == 250 and entry.amounts["with_rooms"].year == 2027
    for lang in LANGUAGES:
        t = catalogs.get(lang)
        page = _page_summary(entry, lang, t)
        assert t.money(250) in page and t.money(200) not in page, lang
    # the same fact repeated elsewhere changes with it; the original knowledge does not
    assert repeats(knowledge, _o(INST, "amounts.with_rooms", 250, 2027)) == [
        "geschaeftsstelle-auslaenderbeirat",
        "raeume-finden",
    ]
    assert changed.entries["raeume-finden"].amounts["with_rooms"].eur == 250
    assert knowledge.entries[INST].amounts["with_rooms"].eur == 200
    assert changed.entries[INST].stale_languages == frozenset()  # a placeholder: no new text


@pytest.mark.parametrize(
    ("entry_id", "field", "value", "year", "message"),
    [
        (INST, "amounts.with_rooms", 250, None, "set anew every year"),
        (INST, "amounts.with_rooms", 250, 2030, "set anew every year"),
        ("auslaenderbeirat-projekt", "amounts.project", 3000, 2027, "holds for no single year"),
        (INST, "amounts.with_rooms", 0, 2027, "whole number of euros"),
        (INST, "amounts.with_rooms", -5, 2027, "whole number of euros"),
        (INST, "amounts.with_rooms", 1_000_001, 2027, "whole number of euros"),
        (INST, "amounts.with_rooms", 12.5, 2027, "whole number of euros"),
        (INST, "amounts.with_rooms", "zweihundert", 2027, "whole number of euros"),
        (INST, "amounts.rooms", 250, 2027, "has no amount 'rooms'"),
        ("no-such-entry", "amounts.x", 1, None, "no entry"),
        (INST, "facts.x", 1, None, "amounts.KEY, dates.KEY or text.LANG.FIELD"),
    ],
)
def test_bad_amounts_are_refused(knowledge, entry_id, field, value, year, message):
    with pytest.raises(OverrideError, match=message):
        validate(knowledge, _o(entry_id, field, value, year))


def test_an_amount_may_be_written_as_people_write_it(knowledge):
    assert validate(knowledge, _o(INST, "amounts.with_rooms", "2.500", 2027)).value == 2500
    assert validate(knowledge, _o(INST, "amounts.with_rooms", "250", 2026)).value == 250


def test_a_date_changes_and_is_checked(knowledge, catalogs):
    entry_id, field = "integration-durch-kultur", "dates.deadline_2025"
    changed = apply_overrides(knowledge, [_o(entry_id, field, "2026-03-31")])
    assert changed.entries[entry_id].dates["deadline_2025"] == date(2026, 3, 31)
    for bad, message in [("31.03.2026", "YYYY-MM-DD"), (date(2040, 1, 1), "within 10 years")]:
        with pytest.raises(OverrideError, match=message):
            validate(knowledge, _o(entry_id, field, bad))
    with pytest.raises(OverrideError, match="has no date"):
        validate(knowledge, _o(entry_id, "dates.deadline", "2026-03-31"))


def test_a_german_text_change_marks_the_translations_stale(knowledge):
    new = "Eine Antragsfrist nennt das Konzept nicht. Fragen Sie die Geschäftsstelle."
    changed = apply_overrides(knowledge, [_o("auslaenderbeirat-projekt", "text.de.when", new)])
    entry = changed.entries["auslaenderbeirat-projekt"]
    assert entry.texts["de"].when == new
    assert entry.stale_languages == frozenset(LANGUAGES) - {"de"} and entry.is_stale("tr")
    assert count_stale_translations(changed) == 8
    assert count_stale_translations(knowledge) == 0


def test_a_typo_fix_of_the_german_text_is_minor(knowledge):
    old = knowledge.entries["auslaenderbeirat-projekt"].texts["de"].when
    typo = old.replace("Antragsfrist", "Antragsfirst")
    changed = apply_overrides(knowledge, [_o("auslaenderbeirat-projekt", "text.de.when", typo)])
    entry = changed.entries["auslaenderbeirat-projekt"]
    assert entry.minor_stale_languages == entry.stale_languages and not entry.is_stale("ar")


def test_a_translation_change_leaves_the_rest_alone(knowledge):
    text = "طرح مهلتی برای درخواست ذکر نمی‌کند. از Geschäftsstelle des Ausländerbeirats بپرسید."
    changed = apply_overrides(knowledge, [_o("auslaenderbeirat-projekt", "text.fa.when", text)])
    entry = changed.entries["auslaenderbeirat-projekt"]
    assert entry.texts["fa"].when == text and entry.stale_languages == frozenset()
    assert entry.texts["de"] == knowledge.entries["auslaenderbeirat-projekt"].texts["de"]


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("text.de.when", "<b>Frist</b> ist bald", "no HTML or Markdown"),
        ("text.de.when", "Die **Frist** ist bald", "no HTML or Markdown"),
        ("text.de.when", "Siehe [hier](https://example.org)", "no HTML or Markdown"),
        ("text.de.when", "x" * 1501, "at most 1500 characters"),
        ("text.de.when", "   ", "must not be empty"),
        ("text.de.when", "Es gibt bis zu 300 Euro.", "changed as an amount"),
        ("text.de.when", "Bis zu {project} je Projekt.", "keep the placeholders []"),
        ("text.de.summary", "Ohne Betrag.", "keep the placeholders ['project']"),
        ("text.de.when", "Eine {Klammer", "no curly braces"),
        ("text.xx.when", "Text", "text.LANG.FIELD"),
        ("text.de.triggers", "Text", "text.LANG.FIELD"),
    ],
)
def test_texts_are_plain_and_keep_their_facts(knowledge, field, value, message):
    with pytest.raises(OverrideError, match=re.escape(message)):
        validate(knowledge, _o("auslaenderbeirat-projekt", field, value))


def test_who_and_when_are_required(knowledge):
    with pytest.raises(OverrideError, match="who"):
        validate(knowledge, Override(INST, "amounts.with_rooms", 250, " ", WHEN, 2027))
    with pytest.raises(OverrideError, match="who"):
        validate(knowledge, Override(INST, "amounts.with_rooms", 250, "A\nB", WHEN, 2027))


def test_the_patch_is_toml_a_maintainer_can_merge(knowledge):
    overrides = [
        _o(INST, "amounts.with_rooms", 250, 2027),
        _o("integration-durch-kultur", "dates.deadline_2025", date(2026, 3, 31)),
        _o("auslaenderbeirat-projekt", "text.de.when", 'Fragen Sie die "Geschäftsstelle".'),
    ]
    patch = render_patch([validate(knowledge, o) for o in overrides], knowledge)
    assert tomllib.loads(patch) == {
        INST: {"facts": {"amounts": {"with_rooms": {"eur": 250, "year": 2027}}}},
        "geschaeftsstelle-auslaenderbeirat": {
            "facts": {"amounts": {"with_rooms": {"eur": 250, "year": 2027}}}
        },
        "raeume-finden": {"facts": {"amounts": {"with_rooms": {"eur": 250, "year": 2027}}}},
        "integration-durch-kultur": {"facts": {"dates": {"deadline_2025": "2026-03-31"}}},
        "auslaenderbeirat-projekt": {
            "text": {"de": {"when": 'Fragen Sie die "Geschäftsstelle".'}}
        },
    }
    assert "# Koordinatorin A, 2026-12-02 10:15" in patch
    assert "--stamp ENTRY" in patch  # what to do about the stale translations
