"""DSGVO: the first-contact notice, /privacy, /mydata, /deletemydata, FOLLOWUP_DAYS."""

import json
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta

import pytest

from bot.app import build_application
from bot.config import Config, ConfigError
from bot.figures import service as figures
from bot.local.bot_api import LocalBotApi
from bot.local.runtime import running
from tests.conftest import COORDINATOR_ID, Harness, alerts, last_buttons, texts

MEMBER = 73519246
OFFICE = "amt-zuwanderung-integration"
GAP = "xyzzy quux frobnicate"


@pytest.fixture
async def noticing(config, knowledge):
    """The real application with the first-contact notice switched on (the default)."""
    api = LocalBotApi()
    app = build_application(replace(config, privacy_notice=True), request=api, knowledge=knowledge)
    async with running(app):
        yield Harness(app, api)


async def test_the_first_update_gets_the_short_notice_once_after_the_answer(noticing):
    member = noticing.chat(MEMBER, language_code="en")
    shown = texts(await member.send("/start"))
    assert len(shown) == 2 and shown[-1].startswith("Privacy in short:")
    assert "/privacy" in shown[-1] and "/deletemydata" in shown[-1]
    [row] = await noticing.services.db.fetch_all("SELECT privacy_noticed_at FROM users")
    assert row["privacy_noticed_at"]
    assert not [t for t in texts(await member.send("/help")) if t.startswith("Privacy in short")]


async def test_privacy_covers_follow_ups_and_the_rights(harness):
    [text] = texts(await harness.chat(MEMBER, language_code="en").send("/privacy"))
    assert "14 days after the bot pointed you to an office or program" in text
    assert "/mydata" in text and "/deletemydata" in text and "90 days" in text
    # What only some features store is named, too (issues 14, 16).
    assert "your Telegram name for a training you sign up for" in text
    assert "the contact you chose is passed on to it" in text
    assert "translation server" not in text  # TRANSLATE_URL is not set


async def test_privacy_names_the_translation_server_when_there_is_one(config, knowledge):
    api = LocalBotApi()
    config = replace(config, translate_url="http://127.0.0.1:5000")
    app = build_application(config, request=api, knowledge=knowledge)
    async with running(app):
        chat = Harness(app, api).chat(MEMBER, language_code="tr")
        [text] = texts(await chat.send("/privacy"))
    assert "ofisin işlettiği çeviri sunucusunda çevrilir" in text


async def fill(harness):
    """A member with a question handed over, a referral with a follow-up, a subscription."""
    member = harness.chat(MEMBER, language_code="en")
    calls = await member.send(GAP)
    ho = next(b["callback_data"] for b in last_buttons(calls) if b["callback_data"][:3] == "ho:")
    await member.press(ho)
    await member.press(f"hn:{ho[3:]}:0")
    await member.press(f"v:{OFFICE}")
    later = datetime.now(UTC) + timedelta(days=14.1)
    await harness.services.followups.send_due(later)
    db = harness.services.db
    await db.events.subscribe(MEMBER, "*", "en", ("1d",), "2026-01-01T00:00:00+00:00")
    await db.roles.set_role(COORDINATOR_ID, MEMBER, "coordinator")
    await db.roles.set_role(COORDINATOR_ID, MEMBER, "member")
    return member


async def test_mydata_sends_everything_stored_as_a_json_file(harness):
    member = await fill(harness)
    calls = await member.send("/mydata")
    [doc] = [c for c in calls if c.method == "sendDocument"]
    assert doc.chat_id == MEMBER and "/deletemydata" in doc.text
    exported = json.loads(doc.files["document"])
    data = exported["data"]
    assert exported["telegram_user_id"] == MEMBER
    assert exported["pseudonym"] == harness.services.user_key(MEMBER)
    assert data["users"][0]["id"] == MEMBER
    assert [q["text"] for q in data["questions"]] == [GAP]
    assert data["question_actions"] and data["question_matches"] is not None
    assert [r["entry_id"] for r in data["referrals"]] == [OFFICE]
    assert [f["status"] for f in data["followups"]] == ["asked"]
    assert [o["text"] for o in data["open_questions"]] == [GAP]
    assert [s["target"] for s in data["subscriptions"]] == ["*"]
    assert [r["action"] for r in data["role_changes"]] == ["grant", "revoke"]
    assert "reminder_deliveries" in data and "directory" in data


async def test_deletemydata_erases_after_confirmation_and_counts_remain(harness):
    member = await fill(harness)
    db, key = harness.services.db, harness.services.user_key(MEMBER)
    period = figures.Period(date.today() - timedelta(days=1), date.today() + timedelta(days=1))
    before = await figures.compute(db, period)

    calls = await member.send("/deletemydata")
    assert [b["callback_data"] for b in last_buttons(calls)] == ["del:yes", "del:no"]
    calls = await member.press("del:no")
    assert texts(calls)[-1] == "Nothing was deleted."
    assert await db.users.get_user(MEMBER) is not None
    calls = await member.press("del:forged")
    assert alerts(calls) == ["This button no longer works. Please use /start."]

    await member.send("/deletemydata")
    calls = await member.press("del:yes")
    assert "Your data has been deleted" in texts(calls)[-1]
    assert await db.users.get_user(MEMBER) is None
    for table, column in (
        ("subscriptions", "user_id"),
        ("subscribers", "user_id"),
        ("open_questions", "user_id"),
    ):
        assert await db.fetch_all(f"SELECT * FROM {table} WHERE {column} = ?", (MEMBER,)) == []
    for table in ("questions", "referrals", "followups"):
        rows = await db.fetch_all(f"SELECT user_key FROM {table}")
        assert rows and all(r["user_key"].startswith("anon-") for r in rows), table
        assert all(r["user_key"] != key for r in rows)
    assert [r["text"] for r in await db.fetch_all("SELECT text FROM questions")] == [None]
    [handed] = await db.fetch_all("SELECT user_id, text, shared_name FROM open_questions")
    assert (handed["user_id"], handed["text"], handed["shared_name"]) == (0, "", None)

    after = await figures.compute(db, period)
    assert (after.questions, after.handed_off, after.contacts) == (
        before.questions,
        before.handed_off,
        before.contacts,
    )
    assert after.referrals_by_office == before.referrals_by_office
    # The follow-up can no longer be answered by the (now unknown) person.
    [row] = await db.fetch_all("SELECT referral_id FROM followups")
    calls = await member.press(f"fu:{row['referral_id']}:h")
    assert alerts(calls)[-1] == "This button no longer works. Please use /start."
    # Their export is now (nearly) empty: a fresh users row from this very update only.
    calls = await member.send("/mydata")
    [doc] = [c for c in calls if c.method == "sendDocument"]
    data = json.loads(doc.files["document"])["data"]
    assert data["questions"] == data["referrals"] == data["subscriptions"] == []


async def test_a_coordinators_quick_fixes_are_in_their_data_and_lose_their_name(harness):
    db = harness.services.db
    await db.upkeep.add_fix(
        "wir-migrantenorganisationen", "dates.deadline", "2027-01-31", None, "2026-12-31",
        "Dana Koordinatorin", COORDINATOR_ID, "2026-12-01T10:00:00+00:00",
    )  # fmt: skip
    coordinator = harness.chat(COORDINATOR_ID, language_code="de")
    calls = await coordinator.send("/mydata")
    [doc] = [c for c in calls if c.method == "sendDocument"]
    [fix] = json.loads(doc.files["document"])["data"]["knowledge_fixes"]
    assert (fix["who"], fix["field"], fix["value"]) == (
        "Dana Koordinatorin",
        "dates.deadline",
        "2027-01-31",
    )
    await coordinator.send("/deletemydata")
    await coordinator.press("del:yes")
    [kept] = await db.upkeep.active_fixes()  # the knowledge goes on using the fix
    assert (kept.who, kept.who_id, kept.value) == ("Koordinierungsstelle", 0, "2027-01-31")


@pytest.mark.parametrize("raw", ["0", "-3", "two", "1.5"])
def test_followup_days_is_validated(raw):
    with pytest.raises(ConfigError) as err:
        Config.from_env({"FOLLOWUP_DAYS": raw}, env_file=None)
    assert err.value.variable == "FOLLOWUP_DAYS"


def test_followup_days_default_and_setting():
    assert Config.from_env({}, env_file=None).followup_days == 14
    assert Config.from_env({"FOLLOWUP_DAYS": "21"}, env_file=None).followup_days == 21
