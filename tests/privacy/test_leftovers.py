"""Privacy leftovers closed (issue 14, finding 6).

/mydata shows the member's data, not the staff member's Telegram id; /deletemydata also
removes the member's question and the office's answer from REVIEW_DIR; after the deletion
the figures still agree with themselves (a broadcast delivered to the member stays
delivered, a survey invitation stays an invitation); erased texts are not left in the -wal.
"""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from bot.app import build_application
from bot.broadcast.service import Audience
from bot.figures import service as figures
from bot.local.bot_api import LocalBotApi
from bot.local.runtime import running
from tests.conftest import COORDINATOR_ID, Harness, last_buttons

MEMBER = 73519246
QUESTION = "xyzzy quux frobnicate Sommerfest-Geheimnis"
ANSWER = "Antwort-Geheimnis: bitte beim Kulturamt anrufen"


@pytest.fixture
async def reviewing(config, knowledge, tmp_path):
    """The real application with REVIEW_DIR in the test's folder."""
    api = LocalBotApi()
    config = replace(config, review_dir=tmp_path / "review")
    app = build_application(config, request=api, knowledge=knowledge)
    async with running(app):
        yield Harness(app, api)


async def _handed_over_and_answered(harness) -> None:
    member = harness.chat(MEMBER, language_code="de")
    calls = await member.send(QUESTION)
    ho = next(b["callback_data"] for b in last_buttons(calls) if b["callback_data"][:3] == "ho:")
    await member.press(ho)
    await member.press(f"hn:{ho[3:]}:0")
    coordinator = harness.chat(COORDINATOR_ID, language_code="de")
    calls = await coordinator.send(f"/answer 1 {ANSWER}")
    save = [b["callback_data"] for b in last_buttons(calls) if b["callback_data"][:3] == "kb:"]
    assert save, "the answer offers to save a suggestion"
    await coordinator.press(save[0])


def _saved(review_dir: Path) -> list[str]:
    return [p.read_text("utf-8") for p in sorted(review_dir.glob("*.toml"))]


async def test_mydata_has_no_staff_id(reviewing):
    await _handed_over_and_answered(reviewing)
    calls = await reviewing.chat(MEMBER).send("/mydata")
    [doc] = [c for c in calls if c.method == "sendDocument"]
    exported = next(iter(doc.files.values()))
    content = exported if isinstance(exported, bytes) else exported[1]
    data = json.loads(content)
    assert QUESTION in json.dumps(data, ensure_ascii=False)  # the member's own data is there
    assert "answered_by" not in json.dumps(data)
    assert str(COORDINATOR_ID) not in json.dumps(data)


async def test_deletemydata_removes_the_saved_suggestion(reviewing):
    await _handed_over_and_answered(reviewing)
    review_dir: Path = reviewing.services.config.review_dir
    saved = _saved(review_dir)
    assert saved and QUESTION in saved[0]
    member = reviewing.chat(MEMBER)
    await member.send("/deletemydata")
    await member.press("del:yes")
    assert _saved(review_dir) == []


async def test_figures_agree_with_themselves_after_a_deletion(harness):
    db = harness.services.db
    await harness.chat(MEMBER).send("/start")
    await db.users.touch_user(COORDINATOR_ID)
    broadcast = await db.outbox.create_broadcast(
        COORDINATOR_ID, Audience("all").to_json(), {"": "Einladung"}, None, [(MEMBER, "de")]
    )
    await db.outbox.claim_row(broadcast, MEMBER)
    await db.outbox.finish_row(broadcast, MEMBER, "sent")
    survey = await db.survey.create_survey(COORDINATOR_ID, [MEMBER])
    await db.survey.set_survey_invite_state(survey, MEMBER, "answered")
    await db.survey.save_survey_answer(survey, harness.services.user_key(MEMBER), "q1", 4, None)
    period = figures.Period(date(2020, 1, 1), date(2100, 1, 1))
    before = await figures.compute(db, period)
    member = harness.chat(MEMBER)
    await member.send("/deletemydata")
    await member.press("del:yes")
    after = await figures.compute(db, period)
    assert after.broadcasts == before.broadcasts  # delivered 1 stays 1
    assert after.survey == before.survey  # invited and answered stay as they were
    assert before.broadcasts["sent"] == 1 and before.survey["invited"] == 1
    assert not await db.fetch_all("SELECT * FROM outbox WHERE chat_id = ?", (MEMBER,))
    assert not await db.fetch_all("SELECT * FROM survey_invites WHERE user_id = ?", (MEMBER,))


async def test_erased_texts_are_not_left_in_the_wal(harness):
    member = harness.chat(MEMBER, language_code="de")
    await member.send(QUESTION)
    await member.send("/deletemydata")
    await member.press("del:yes")
    path = harness.services.config.database_path
    wal = path.with_name(path.name + "-wal")
    raw = path.read_bytes() + (wal.read_bytes() if wal.exists() else b"")
    assert b"Sommerfest-Geheimnis" not in raw
