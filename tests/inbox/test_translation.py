"""The inbox in any language (issue 15): with TRANSLATE_URL, a Farsi question reaches the
coordinator with a German machine translation and the answer can reach the member with a
Farsi one below the German original; with the service down or slow, both arrive untranslated.
Against the fake LibreTranslate server over real HTTP."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from dataclasses import replace

import pytest

from bot.app import build_application
from bot.local.bot_api import LocalBotApi, visible_text
from bot.local.runtime import running
from tests.conftest import COORDINATOR_ID, Harness, alerts, last_buttons, texts
from tests.core.fake_libretranslate import FakeLibreTranslate, fake_libretranslate
from tests.inbox.helpers import MEMBER, cards_to, hand_over

QUESTION = "گربه من روی پشت بام آواز می‌خواند، چه کار کنیم؟"  # nothing the knowledge answers
ANSWER = "Bitte rufen Sie uns am Montag an."


@pytest.fixture
def server() -> Iterator[FakeLibreTranslate]:
    with fake_libretranslate() as fake:
        yield fake


@pytest.fixture
async def translated(config, knowledge, server) -> AsyncIterator[Harness]:
    """The bot with TRANSLATE_URL set to the fake (a short timeout: 'slow' means slower)."""
    config = replace(config, translate_url=server.url, translate_timeout=0.5)
    api = LocalBotApi()
    app = build_application(config, request=api, knowledge=knowledge)
    async with running(app):
        yield Harness(app, api)


async def test_a_farsi_question_and_its_answer_are_machine_translated(
    translated, server, catalogs
):
    await hand_over(translated, QUESTION, lang="fa")
    [card] = cards_to(translated, COORDINATOR_ID)
    shown = visible_text(card.text)
    de = catalogs.get("de")
    label = de.gettext("Machine translation into German (may contain errors):")
    # the original first, the German translation below it, marked as machine translation
    assert shown.index(QUESTION) < shown.index(label) < shown.index(f"[de] {QUESTION}")
    assert server.requests[-1] == {"q": QUESTION, "source": "fa", "target": "de", "format": "text"}

    coord = translated.chat(COORDINATOR_ID, language_code="de")
    calls = await coord.send(ANSWER, reply_to_message=card.result)
    assert not [c for c in calls if c.chat_id == MEMBER]  # first the coordinator chooses
    preview = visible_text(calls[-1].text)
    assert ANSWER in preview and f"[fa] {ANSWER}" in preview
    assert [b["callback_data"] for b in last_buttons(calls)] == ["ax:1:1:1", "ax:1:1:0"]
    assert server.requests[-1]["source"] == "de" and server.requests[-1]["target"] == "fa"

    calls = await coord.press("ax:1:1:1")
    [answer] = [c for c in calls if c.chat_id == MEMBER]
    fa = catalogs.get("fa")
    note = fa.gettext(
        "Machine translation into your language (may contain errors; the original is above):"
    )
    text = visible_text(answer.text)
    assert text.index(ANSWER) < text.index(note) < text.index(f"[fa] {ANSWER}")
    q = await translated.services.db.inbox.get_open_question(1)
    assert q.status == "answered" and q.answer == ANSWER  # the German original is what is kept
    told = texts(calls)[-1]
    assert de.gettext("Your answer was delivered (question no. {number}).", number=1) in told
    assert (
        de.gettext("It went with a machine translation into {language}.", language="فارسی") in told
    )
    calls = await coord.press("ax:1:1:1")  # pressed again: nothing is sent twice
    assert not [c for c in calls if c.chat_id == MEMBER]
    assert de.gettext(
        "This answer is no longer waiting to be sent. Please reply to the question again."
    ) in alerts(calls)


async def test_the_coordinator_may_send_the_answer_without_its_translation(translated):
    await hand_over(translated, QUESTION, lang="fa")
    coord = translated.chat(COORDINATOR_ID, language_code="de")
    await coord.send("/answer 1 Erste Fassung.")
    await coord.send(f"/answer 1 {ANSWER}")  # a second answer replaces the first preview
    calls = await coord.press("ax:1:1:0")  # the older preview sends nothing
    assert not [c for c in calls if c.chat_id == MEMBER]
    calls = await coord.press("ax:1:2:0")
    [answer] = [c for c in calls if c.chat_id == MEMBER]
    assert ANSWER in answer.text and "[fa]" not in answer.text


@pytest.mark.parametrize("mode", ["down", "slow", "error", "malformed"])
async def test_without_the_service_both_still_arrive_untranslated(
    translated, server, mode, catalogs
):
    server.set_mode(mode)
    server.delay = 2.0  # "slow": longer than TRANSLATE_TIMEOUT (0.5 s)
    _, calls = await hand_over(translated, QUESTION, lang="fa")
    passed = catalogs.get("fa").gettext(
        "I have passed your question to the coordination office for migrant organisations "
        "(no. {number}).",
        number=1,
    )
    assert passed in texts([c for c in calls if c.chat_id == MEMBER])[-1]
    [card] = cards_to(translated, COORDINATOR_ID)
    assert QUESTION in visible_text(card.text) and "[de]" not in card.text

    coord = translated.chat(COORDINATOR_ID, language_code="en")
    calls = await coord.send(ANSWER, reply_to_message=card.result)  # delivered at once
    [answer] = [c for c in calls if c.chat_id == MEMBER]
    assert answer.text.endswith(ANSWER)
    assert texts(calls)[-1] == (
        "Your answer was delivered (question no. 1). It went without a machine translation: "
        "the translation service did not answer."
    )


async def test_german_questions_and_answers_in_the_members_language_are_not_translated(
    translated, server
):
    await hand_over(translated, "Xyzzy quux frobnicate, was machen wir da?", lang="de")
    [card] = cards_to(translated, COORDINATOR_ID)
    coord = translated.chat(COORDINATOR_ID, language_code="de")
    calls = await coord.send(ANSWER, reply_to_message=card.result)
    assert [c for c in calls if c.chat_id == MEMBER]  # no preview: nothing to translate
    assert server.requests == []


async def test_knowledge_content_is_never_machine_translated(translated, server):
    member = translated.chat(MEMBER, language_code="fa")
    await member.send("/start")
    await member.send("برای جشن تابستانی انجمن‌مان کجا پول بگیریم؟")
    await member.press("v:auslaenderbeirat-institutionell")
    assert server.requests == []


async def test_translation_is_off_by_default(harness, server):
    await hand_over(harness, QUESTION, lang="fa")
    [card] = cards_to(harness, COORDINATOR_ID)
    coord = harness.chat(COORDINATOR_ID, language_code="de")
    calls = await coord.send(ANSWER, reply_to_message=card.result)
    assert [c for c in calls if c.chat_id == MEMBER] and server.requests == []
