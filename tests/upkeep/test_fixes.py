"""Quick fixes in Telegram (issue 15): a coordinator corrects an amount, a date or a German
text from the entry's page; stored with who and when, logged, used at once in all nine
languages, applied again at start, and written as a patch for knowledge/."""

from __future__ import annotations

import dataclasses
import logging
import tomllib
from datetime import date

import pytest

from bot.i18n.languages import LANGUAGES
from bot.knowledge import Amount
from bot.upkeep import FixField
from bot.upkeep.service import PATCH_FILE, fields_of
from tests.conftest import COORDINATOR_ID, alerts, last_buttons, texts
from tests.upkeep.helpers import ENTRY, berlin, bot_on, data_of, fix_amount

NOW = berlin(2026, 11, 23, 10, 0)
PROJECT = "auslaenderbeirat-projekt"  # the Ausländerbeirat sets next year's amounts now


def _question(h, entry: str, lang: str) -> str:
    """A question of the entry's own that the bot answers with the entry, confidently."""
    for trigger in h.services.knowledge.entries[entry].texts[lang].triggers:
        result = h.services.matcher.match(trigger)
        if result.confident and result.best and result.best.entry_id == entry:
            return trigger
    raise AssertionError(f"no confident trigger of {entry} in {lang}")


async def test_a_new_auslaenderbeirat_amount_is_the_next_answer_in_all_nine_languages(
    config, knowledge, catalogs, caplog
):
    async with bot_on(config, knowledge, NOW) as h:
        coord, calls = await fix_amount(h, ENTRY, "a.with_rooms", "250 €")
        assert data_of(calls, "fxy:") == ["fxy:2025", "fxy:2026", "fxy:2027"]
        calls = await coord.press("fxy:2027")
        assert "from €200 (2020) to €250 (2027)?" in texts(calls)[-1]
        assert data_of(calls, "fxd:") == ["fxd:save", "fxd:cancel"]
        with caplog.at_level(logging.INFO):
            calls = await coord.press("fxd:save")
        assert "is now €250 (2027)" in texts(calls)[-1]
        assert "quick fix 1: auslaenderbeirat-institutionell amounts.with_rooms" in caplog.text
        assert "Dana" not in caplog.text and str(COORDINATOR_ID) not in caplog.text

        for i, lang in enumerate(LANGUAGES):
            t = catalogs.get(lang)
            calls = await h.chat(7000 + i, language_code=lang).send(_question(h, ENTRY, lang))
            answer = texts(calls)[0]
            assert t.money(250) in answer and t.money(200) not in answer, lang

        [row] = await h.services.db.fetch_all("SELECT * FROM knowledge_overrides")
        assert (row["entry_id"], row["field"], row["value"], row["year"]) == (
            ENTRY,
            "amounts.with_rooms",
            "250",
            2027,
        )
        assert row["old"] == "200 (2020)" and row["who"] == "Dana Koordinatorin"
        assert row["who_id"] == COORDINATOR_ID and row["made_at"].startswith("2026-11-23T09:00")

    patch = tomllib.loads((config.review_dir / PATCH_FILE).read_text("utf-8"))
    for entry in (ENTRY, "geschaeftsstelle-auslaenderbeirat", "raeume-finden"):  # repeats
        assert patch[entry]["facts"]["amounts"]["with_rooms"] == {"eur": 250, "year": 2027}


async def test_a_fix_is_applied_at_start_and_retired_once_knowledge_holds_another_value(
    config, knowledge, catalogs
):
    async with bot_on(config, knowledge, NOW) as h:
        coord, _ = await fix_amount(h, PROJECT, "a.project", "3000")
        await coord.press("fxd:save")
        assert knowledge.entries["auslaenderbeirat-projekt"].amounts["project"].eur == 2500
    t = catalogs.get("de")
    async with bot_on(config, knowledge, NOW) as h:  # a restart: the fix is in use again
        question = _question(h, PROJECT, "de")
        assert h.services.knowledge.entries[PROJECT].amounts["project"].eur == 3000
        assert t.money(3000) in texts(await h.chat(7001, language_code="de").send(question))[0]

    # a maintainer merged the patch, then the file moved on (3,500 €): the file wins
    entry = knowledge.entries[PROJECT]
    moved = dataclasses.replace(
        entry, amounts={**entry.amounts, "project": Amount(3500.0, "once", True)}
    )
    newer = dataclasses.replace(knowledge, entries={**knowledge.entries, PROJECT: moved})
    async with bot_on(config, newer, NOW) as h:
        assert h.services.knowledge.entries[PROJECT].amounts["project"].eur == 3500
        [row] = await h.services.db.fetch_all("SELECT retired_at FROM knowledge_overrides")
        assert row["retired_at"] is not None
    assert not (config.review_dir / PATCH_FILE).exists()


async def test_a_date_is_corrected_with_german_or_iso_dates_and_wrong_ones_are_refused(
    config, knowledge, catalogs
):
    entry = "integration-durch-kultur"
    async with bot_on(config, knowledge, NOW) as h:
        coord = h.chat(COORDINATOR_ID, language_code="en")
        await coord.press(f"fx:{entry}")
        calls = await coord.press(f"fxf:{entry}:d.deadline_2025")
        assert "The date deadline_2025 is now March 31, 2025." in texts(calls)[-1]
        wrong = "Please type a date within ten years of today, for example 31.03.2027."
        for typed in ("31.02.2027", "morgen", "2099-01-01", "٣١.٠٣.٢٠٢٧"):
            assert texts(await coord.send(typed)) == [wrong], typed
        calls = await coord.send("31.03.2027")
        assert "from March 31, 2025 to March 31, 2027?" in texts(calls)[-1]
        calls = await coord.press("fxd:save")
        assert h.services.knowledge.entries[entry].dates["deadline_2025"] == date(2027, 3, 31)


async def test_wrong_amounts_are_refused_and_the_step_stays_open(config, knowledge):
    async with bot_on(config, knowledge, NOW) as h:
        coord, calls = await fix_amount(h, "auslaenderbeirat-projekt", "a.project", "12,50")
        wrong = "Please type a whole number of euros from 1 to 1,000,000, for example 250."
        assert texts(calls) == [wrong]
        for typed in ("0", "2000000", "²⁵⁰", "viel"):
            assert texts(await coord.send(typed)) == [wrong], typed
        calls = await coord.send("2.600")
        assert "from €2,500 to €2,600?" in texts(calls)[-1]


async def test_a_german_text_fix_marks_the_eight_translations_stale_and_gaps_counts_them(
    config, knowledge
):
    entry = "raeume-finden"
    german = knowledge.entries[entry].texts["de"].summary
    async with bot_on(config, knowledge, NOW) as h:
        coord = h.chat(COORDINATOR_ID, language_code="en")
        before = texts(await coord.send("/gaps"))
        assert len(before) == 1 and "out of date" not in before[0]  # all current: not a word
        await coord.press(f"fx:{entry}")
        calls = await coord.press(f"fxf:{entry}:t.summary")
        assert german in texts(calls)[-1]
        assert "<code>" in calls[-1].text  # one tap copies the current text

        refused = {
            "<b>Neu</b> " + german: "Please send plain text, without HTML or Markdown.",
            german.replace("{with_rooms}", "200 Euro"): "Amounts are not written into the text",
            german.replace("{with_rooms}", "viel Geld"): "Please keep the placeholders",
            "x" * 1501: "Please send a text of 1 to 1,500 characters.",
        }
        for typed, why in refused.items():
            assert why in texts(await coord.send(typed))[0]
        new = german.replace("Räume", "Vereinsräume", 1)
        await coord.send(new)
        calls = await coord.press("fxd:save")
        assert "8 translations of this entry are now out of date." in texts(calls)[-1]
        assert h.services.knowledge.entries[entry].texts["de"].summary == new
        gaps = texts(await coord.send("/gaps"))[-1]
        assert gaps.startswith("8 translations are out of date")
        assert f"({entry}): en, tr, ar, ru, uk, pl, it, fa" in gaps


async def test_members_get_no_fix_button_and_cannot_forge_one(config, knowledge, catalogs):
    async with bot_on(config, knowledge, NOW) as h:
        member = h.chat(5005, language_code="tr")
        calls = await member.press(f"v:{ENTRY}")
        assert not data_of(calls, "fx")
        for data in (f"fx:{ENTRY}", f"fxf:{ENTRY}:a.with_rooms", "fxd:save"):
            calls = await member.press(data)
            refusal = catalogs.get("tr").gettext(
                "Sorry, only the coordination office can do that."
            )
            assert alerts(calls) == [refusal] or texts(calls) == [refusal]
        assert await h.services.db.fetch_all("SELECT * FROM knowledge_overrides") == []


async def test_cancel_changes_nothing(config, knowledge):
    async with bot_on(config, knowledge, NOW) as h:
        coord, _ = await fix_amount(h, "auslaenderbeirat-projekt", "a.project", "3000")
        assert texts(await coord.press("fxd:cancel")) == ["Nothing was changed."]
        stale = "This button no longer works. Please use /start."
        assert alerts(await coord.press("fxd:save")) == [stale]
        coord, _ = await fix_amount(h, "auslaenderbeirat-projekt", "a.project", "3100")
        assert texts(await coord.send("/cancel")) == ["Nothing was changed."]
        assert await h.services.db.fetch_all("SELECT * FROM knowledge_overrides") == []
        assert (
            h.services.knowledge.entries["auslaenderbeirat-projekt"].amounts["project"].eur == 2500
        )


@pytest.mark.parametrize("kind", ["program", "office", "network", "faq", "glossary"])
def test_every_fact_of_every_entry_has_a_button_that_fits(knowledge, kind):
    for entry in knowledge.of_kind(kind):
        for field in fields_of(entry):
            assert FixField(entry.id, field.token).data()  # raises beyond 64 bytes


async def test_the_coordinators_entry_page_has_the_fix_button(config, knowledge):
    async with bot_on(config, knowledge, NOW) as h:
        calls = await h.chat(COORDINATOR_ID, language_code="de").press(f"v:{ENTRY}")
        assert f"fx:{ENTRY}" in [b.get("callback_data") for b in last_buttons(calls)]


async def test_a_reply_to_a_question_card_during_a_fix_is_an_answer_not_a_value(config, knowledge):
    from tests.inbox.helpers import MEMBER, cards_to, hand_over

    async with bot_on(config, knowledge, NOW) as h:
        await hand_over(h, "xyzzy quux frobnicate")
        [card] = cards_to(h, COORDINATOR_ID)
        coord = h.chat(COORDINATOR_ID, language_code="en")
        await coord.press(f"fx:{PROJECT}")
        await coord.press(f"fxf:{PROJECT}:a.project")
        calls = await coord.send("Call us on Monday.", reply_to_message=card.result)
        assert next(c.text for c in calls if c.chat_id == MEMBER).endswith("Call us on Monday.")
        calls = await coord.send("3000")  # the fix was left: this is a question now
        assert await h.services.db.fetch_all("SELECT * FROM knowledge_overrides") == []


async def test_two_fixes_saved_at_once_both_stay_in_use(config, knowledge):
    import asyncio

    from bot.upkeep.service import Draft, field_by_token

    async with bot_on(config, knowledge, NOW) as h:
        fixes = h.services.fixes
        entry = knowledge.entries[PROJECT]
        culture = knowledge.entries["integration-durch-kultur"]
        drafts = [
            Draft(PROJECT, field_by_token(entry, "a.project"), 2800),
            Draft(culture.id, field_by_token(culture, "d.deadline_2025"), date(2027, 3, 31)),
        ]
        await asyncio.gather(*(fixes.save(d, "A", COORDINATOR_ID, NOW) for d in drafts))
        live = h.services.knowledge
        assert live.entries[PROJECT].amounts["project"].eur == 2800
        assert live.entries[culture.id].dates["deadline_2025"] == date(2027, 3, 31)
