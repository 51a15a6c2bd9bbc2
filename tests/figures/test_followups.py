"""Follow-ups after referrals: due after FOLLOWUP_DAYS, asked once, answers logged."""

from datetime import UTC, datetime, timedelta

from bot.app import build_application
from bot.handlers import figures as figure_jobs
from bot.local.runtime import running
from tests.conftest import alerts, texts

MEMBER = 73519246
OTHER = 73519247
OFFICE = "amt-zuwanderung-integration"
PROGRAM = "auslaenderbeirat-institutionell"
GLOSSARY = "eigenanteil"


def later(days: float) -> datetime:
    return datetime.now(UTC) + timedelta(days=days)


async def followup_rows(harness):
    return await harness.services.db.fetch_all("SELECT * FROM followups ORDER BY referral_id")


def questions_to(harness, chat_id):
    return [c for c in harness.api.calls if c.method == "sendMessage" and c.chat_id == chat_id]


async def test_a_referral_to_an_office_is_followed_up_once_and_the_answer_logged(harness):
    member = harness.chat(MEMBER, language_code="en")
    await member.press(f"v:{OFFICE}")
    [referral] = await harness.services.db.fetch_all("SELECT id FROM referrals")

    # Not yet due after 13 days; due after 14 (the default FOLLOWUP_DAYS).
    assert await harness.services.followups.send_due(later(13)) == 0
    assert await harness.services.followups.send_due(later(14.1)) == 1
    [asked] = questions_to(harness, MEMBER)[-1:]
    title = harness.services.knowledge.entries[OFFICE].text("en").title
    assert title in asked.text and "Did you contact them" in asked.text
    assert [b["callback_data"] for b in asked.buttons] == [
        f"fu:{referral['id']}:h",
        f"fu:{referral['id']}:c",
        f"fu:{referral['id']}:n",
    ]
    [row] = await followup_rows(harness)
    assert row["status"] == "asked" and row["entry_id"] == OFFICE
    assert str(MEMBER) not in str(row)  # the follow-up record has no Telegram id

    # At most once: another run (or a restart's) asks nothing more.
    before = len(harness.api.calls)
    assert await harness.services.followups.send_due(later(15)) == 0
    assert len(harness.api.calls) == before

    calls = await member.press(f"fu:{referral['id']}:h", message=asked.result)
    assert "Thank you" in texts(calls)[-1]
    [row] = await followup_rows(harness)
    assert (row["status"], row["contacted"], row["helped"]) == ("answered", 1, 1)

    # A second press (e.g. an old copy of the message) changes nothing and is refused.
    calls = await member.press(f"fu:{referral['id']}:n", message=asked.result)
    assert alerts(calls) == ["This button no longer works. Please use /start."]
    [row] = await followup_rows(harness)
    assert (row["contacted"], row["helped"]) == (1, 1)


async def test_someone_else_cannot_answer_and_malformed_data_is_refused(harness):
    await harness.chat(MEMBER).press(f"v:{PROGRAM}")
    await harness.services.followups.send_due(later(14.1))
    [row] = await followup_rows(harness)
    intruder = harness.chat(OTHER, language_code="en")
    for data in (f"fu:{row['referral_id']}:h", "fu:x:h", f"fu:{row['referral_id']}:z", "fu:"):
        calls = await intruder.press(data)
        assert alerts(calls) == ["This button no longer works. Please use /start."]
    [row] = await followup_rows(harness)
    assert row["status"] == "asked" and row["contacted"] is None


async def test_no_follow_up_for_glossary_entries_and_repeats_are_asked_once(harness):
    member = harness.chat(MEMBER)
    await member.press(f"v:{GLOSSARY}")
    await member.press(f"v:{OFFICE}")
    await member.press(f"v:{OFFICE}")  # the same office twice: one question
    await member.press(f"v:{PROGRAM}")  # another place: asked in the next run, not at once
    assert await harness.services.followups.send_due(later(14.1)) == 1
    assert await harness.services.followups.send_due(later(14.2)) == 1
    assert await harness.services.followups.send_due(later(14.3)) == 0
    rows = await followup_rows(harness)
    assert [(r["entry_id"], r["status"]) for r in rows] == [
        (OFFICE, "asked"),
        (OFFICE, "skipped"),
        (PROGRAM, "asked"),
    ]


async def test_old_referrals_and_blocked_users_are_not_asked(harness):
    await harness.chat(MEMBER).press(f"v:{OFFICE}")
    # Far beyond FOLLOWUP_DAYS + grace: too late to ask.
    assert await harness.services.followups.send_due(later(40)) == 0
    assert await followup_rows(harness) == []
    await harness.chat(OTHER).press(f"v:{OFFICE}")
    harness.api.refuse["sendMessage"] = (403, "Forbidden: bot was blocked by the user")
    await harness.services.followups.send_due(later(14.1))
    rows = await followup_rows(harness)
    assert [r["status"] for r in rows] == ["unreachable", "unreachable"]
    assert await harness.services.db.users.is_unreachable(OTHER)
    assert await harness.services.followups.send_due(later(14.2)) == 0


async def test_the_job_is_scheduled_and_the_database_survives_a_restart(
    harness, config, knowledge
):
    assert harness.app.job_queue.get_jobs_by_name(figure_jobs.FOLLOWUP_JOB)
    await harness.chat(MEMBER).press(f"v:{OFFICE}")
    await harness.services.followups.send_due(later(14.1))
    await harness.app.stop()  # the harness keeps the database file; start a second process
    from bot.local.bot_api import LocalBotApi

    api = LocalBotApi()
    app = build_application(config, request=api, knowledge=knowledge)
    async with running(app):
        assert app.job_queue.get_jobs_by_name(figure_jobs.FOLLOWUP_JOB)
        assert await app.bot_data.services.followups.send_due(later(14.2)) == 0
    assert [c for c in api.calls if c.method == "sendMessage"] == []
    await harness.app.start()
