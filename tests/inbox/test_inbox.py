"""The handoff inbox: name choice, office hours, the coordinator's reply, /inbox, review file."""

import logging
import tomllib
from dataclasses import replace
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from bot.app import build_application
from bot.core.office_hours import OfficeHours, expectation
from bot.local.runtime import running
from tests.conftest import COORDINATOR_ID, Harness, alerts, last_buttons, texts

MEMBER = 5001
BERLIN = ZoneInfo("Europe/Berlin")


async def _ask_and_hand_over(harness, share: bool, lang: str = "tr"):
    member = harness.chat(MEMBER, language_code=lang, first_name="Ayşe")
    calls = await member.send("xyzzy quux frobnicate")  # nothing in the knowledge base
    ho = next(
        b["callback_data"] for b in last_buttons(calls) if b["callback_data"].startswith("ho:")
    )
    calls = await member.press(ho)
    choice = [b["callback_data"] for b in last_buttons(calls)]
    assert choice == [f"hn:{ho[3:]}:0", f"hn:{ho[3:]}:1"]  # the pseudonym comes first
    calls = await member.press(choice[1] if share else choice[0])
    return member, calls


def _cards(harness):
    return [
        c for c in harness.api.calls if c.method == "sendMessage" and c.chat_id == COORDINATOR_ID
    ]


async def test_round_trip_pseudonym_reply_answered(harness, catalogs):
    _member, calls = await _ask_and_hand_over(harness, share=False)
    t = catalogs.get("tr")
    told = texts([c for c in calls if c.chat_id == MEMBER])[-1]  # told first, then the cards
    assert (
        t.gettext(
            "I have passed your question to the coordination office for migrant organisations "
            "(no. {number}).",
            number=1,
        )
        in told
    )
    [card] = _cards(harness)
    assert "xyzzy quux frobnicate" in card.text and "Türkçe" in card.text
    assert harness.services.user_key(MEMBER)[:8] in card.text and "Ayşe" not in card.text

    coord = harness.chat(COORDINATOR_ID, language_code="en")
    reply_to = card.result
    calls = await coord.send(
        "Please call the office on Monday.",
        reply_to_message=reply_to,
        entities=[{"type": "bold", "offset": 0, "length": 6}],
    )
    [answer] = [c for c in calls if c.chat_id == MEMBER]
    head = t.gettext("Answer of the coordination office to your question no. {number}:", number=1)
    assert answer.text == f"<b>{head}</b>\n\n<b>Please</b> call the office on Monday."
    note = [c for c in calls if c.chat_id == COORDINATOR_ID][-1]
    assert "Your answer was delivered (question no. 1)." in note.text
    assert note.buttons[0]["callback_data"] == "kb:1"
    q = await harness.services.db.inbox.get_open_question(1)
    assert q.status == "answered" and q.answer == "<b>Please</b> call the office on Monday."
    await coord.send("/inbox")
    assert "No open questions." in texts(harness.api.calls[-1:])


async def test_shared_name_is_shown_to_the_office(harness):
    await _ask_and_hand_over(harness, share=True)
    [card] = _cards(harness)
    t = harness.services.catalogs.get(harness.services.config.default_language)
    assert (
        t.gettext(
            "Language: {language} · from: {name} (name shared)", language="Türkçe", name="Ayşe"
        )
        in card.text
    )


async def test_pressing_twice_notifies_the_office_once(harness):
    member, _ = await _ask_and_hand_over(harness, share=False)
    await member.press("hn:1:0")
    assert len(_cards(harness)) == 1


async def test_inbox_lists_open_questions_as_cards_one_can_reply_to(harness):
    await _ask_and_hand_over(harness, share=False, lang="ar")
    coord = harness.chat(COORDINATOR_ID, language_code="en")
    calls = await coord.send("/inbox")
    assert texts(calls)[-1] == "1 open question."
    card = next(c for c in calls if "xyzzy" in c.text)
    calls = await coord.send("Antwort", reply_to_message=card.result)
    assert next(c.chat_id for c in calls if c.method == "sendMessage") == MEMBER


async def test_answer_command_works_without_replying(harness):
    await _ask_and_hand_over(harness, share=False)
    coord = harness.chat(COORDINATOR_ID, language_code="en")
    calls = await coord.send("/answer 1 Look at <WIR> & more")
    [answer] = [c for c in calls if c.chat_id == MEMBER]
    assert answer.text.endswith("Look at &lt;WIR&gt; &amp; more")
    calls = await coord.send("/answer x")
    assert "Usage: /answer [question no.] [your answer]" in texts(calls)


async def test_a_members_reply_to_a_bot_message_is_just_a_question(harness):
    member = harness.chat(MEMBER, language_code="de")
    calls = await member.send("/start")
    calls = await member.send("Wo gibt es Geld für Vereine?", reply_to_message=calls[-1].result)
    assert texts(calls) and all(c.chat_id == MEMBER for c in calls if c.method == "sendMessage")


async def test_a_revoked_coordinator_cannot_answer(harness, caplog):
    await _ask_and_hand_over(harness, share=False)
    db = harness.services.db
    await db.roles.set_role(COORDINATOR_ID, 7777, "coordinator")
    [card, _] = await _cards_for(harness, 7777)
    await db.roles.set_role(COORDINATOR_ID, 7777, "member")
    with caplog.at_level(logging.WARNING):
        calls = await harness.chat(7777, language_code="en").send("Hi", reply_to_message=card)
    assert not [c for c in calls if c.chat_id == MEMBER]
    assert "Sorry, only the coordination office can do that." in texts(calls)
    assert "not a coordinator" in caplog.text and "7777" not in caplog.text


async def _cards_for(harness, chat_id):
    calls = await harness.chat(chat_id, language_code="en").send("/inbox")
    return [c.result for c in calls if c.method == "sendMessage"]


async def test_save_as_suggested_entry_writes_an_unreviewed_toml(config, knowledge, tmp_path):
    config = replace(config, review_dir=tmp_path / "review")
    from bot.local.bot_api import LocalBotApi

    api = LocalBotApi()
    app = build_application(config, request=api, knowledge=knowledge)
    async with running(app):
        h = Harness(app, api)
        await _ask_and_hand_over(h, share=False)
        coord = h.chat(COORDINATOR_ID, language_code="en")
        card = _cards(h)[0]
        await coord.send('Ask the "Amt" first.\nThen us.', reply_to_message=card.result)
        calls = await coord.press("kb:1")
        assert alerts(calls) == ["Saved for review as inbox-1.toml."]
        calls = await h.chat(MEMBER, language_code="tr").press("kb:1")  # forged by a member
        assert alerts(calls) == [
            h.services.catalogs.get("tr").gettext(
                "Sorry, only the coordination office can do that."
            )
        ]
    raw = (tmp_path / "review" / "inbox-1.toml").read_text("utf-8")
    assert raw.startswith("# UNREVIEWED")
    data = tomllib.loads(raw)
    assert data["status"] == "unreviewed" and data["confirmed"] is False
    assert data["suggestion"]["question"] == "xyzzy quux frobnicate"
    assert data["suggestion"]["answer"] == 'Ask the "Amt" first.\nThen us.'
    assert data["suggestion"]["language"] == "tr"
    assert data["text"]["tr"]["triggers"] == ["xyzzy quux frobnicate"]
    assert str(MEMBER) not in raw


async def test_unanswered_question_cannot_be_saved(harness):
    await _ask_and_hand_over(harness, share=False)
    calls = await harness.chat(COORDINATOR_ID, language_code="en").press("kb:1")
    assert alerts(calls) == ["This button no longer works. Please use /start."]


@pytest.mark.parametrize(
    ("now", "expected"),
    [
        (datetime(2025, 11, 19, 10, 0, tzinfo=BERLIN), "working now"),  # Wednesday
        (datetime(2025, 11, 21, 17, 0, tzinfo=BERLIN), "24, 2025"),  # Friday evening → Monday
        (datetime(2025, 11, 22, 12, 0, tzinfo=BERLIN), "24, 2025"),  # Saturday → Monday
        (datetime(2025, 11, 20, 7, 0, tzinfo=BERLIN), "20, 2025"),  # before opening → today
    ],
)
def test_member_is_told_when_to_expect_an_answer(catalogs, now, expected):
    hours = OfficeHours.parse("Mon-Fri 09:00-16:00")
    text = expectation(hours, catalogs.get("en"), now)
    assert expected in text and "Monday–Friday" in text


def test_office_hours_parse_day_lists():
    hours = OfficeHours.parse("mon,wed, fri 10:00-12:30")
    assert hours.days == {0, 2, 4}
    assert hours.next_opening(datetime(2025, 11, 18, 13, 0, tzinfo=BERLIN)).day == 19
