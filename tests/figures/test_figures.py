"""/stats, /gaps, `python -m bot report` and the retention of question texts."""

import asyncio
import json
from datetime import UTC, date, datetime, timedelta

from bot.__main__ import main
from bot.core.pseudonyms import user_key
from bot.db import Database
from bot.figures import service as figures
from bot.handlers import privacy as privacy_jobs
from tests.conftest import COORDINATOR_ID, last_buttons, texts

MEMBER = 73519246
CLEAR = "Ausländerbeirat institutionelle Förderung für Vereine mit eigenem Vereinsraum"
GAP = "xyzzy quux frobnicate"
OTHER_GAP = "blorp zzzz qqqq"
OFFICE = "amt-zuwanderung-integration"
REFUSAL = "Sorry, only the coordination office can do that."


async def seed(harness) -> None:
    """One answered question, one handed over, one unanswered, an office referral answered."""
    member = harness.chat(MEMBER, language_code="tr")
    await member.send(CLEAR)
    calls = await member.send(GAP)
    ho = next(b["callback_data"] for b in last_buttons(calls) if b["callback_data"][:3] == "ho:")
    await member.press(ho)
    await member.press(f"hn:{ho[3:]}:0")
    await member.send(OTHER_GAP)
    await member.press(f"v:{OFFICE}")
    later = datetime.now(UTC) + timedelta(days=14.1)
    await harness.services.followups.send_due(later)  # the program first
    await harness.services.followups.send_due(later)  # then the office
    rows = await harness.services.db.fetch_all(
        "SELECT referral_id FROM followups WHERE entry_id = ?", (OFFICE,)
    )
    await member.press(f"fu:{rows[0]['referral_id']}:c")


def this_year() -> figures.Period:
    today = date.today()
    return figures.Period(today - timedelta(days=30), today + timedelta(days=30))


async def test_figures_partition_the_questions_and_count_referrals_and_follow_ups(harness):
    await seed(harness)
    found = await figures.compute(harness.services.db, this_year())
    assert (found.contacts, found.questions) == (1, 3)
    assert (found.answered, found.handed_off, found.unanswered) == (1, 1, 1)
    assert found.answered_share == round(1 / 3, 3)
    assert found.referrals_by_office == {OFFICE: 1}
    assert sum(found.referrals_by_program.values()) == 1  # the confident answer
    assert found.followup_success_by_office[OFFICE] == {
        "asked": 1,
        "answered": 1,
        "contacted": 1,
        "helped": 0,
    }
    # CLEAR is German: it is answered, and counted, in the language it is written in
    assert found.languages == {"de": 1, "tr": 2}
    assert found.registrations == 0  # the directory table exists, nobody registered
    assert sum(found.contacts_per_month.values()) == 1


async def test_stats_for_coordinators_with_a_chart_and_refused_for_others(harness):
    await seed(harness)
    calls = await harness.chat(MEMBER, language_code="en").send("/stats")
    assert texts(calls) == [REFUSAL]
    assert not [c for c in calls if c.method == "sendPhoto"]

    coord = harness.chat(COORDINATOR_ID, language_code="en")
    calls = await coord.send("/stats")
    [summary] = texts(calls)
    assert "Questions: 3" in summary and "Contacts (people): 1" in summary
    assert "passed to the office: 1" in summary and "unanswered: 1" in summary
    title = harness.services.knowledge.entries[OFFICE].text("en").title
    assert f"{title}: asked 1, answered 1, contacted 1, helped 0" in summary
    photos = [c for c in calls if c.method == "sendPhoto"]
    assert [p.params["caption"] for p in photos] == [
        "Contacts and questions per month",
        "Referrals per office",
        "Trainings and attendance",
        "Introductions and new cooperations",
        "Survey of the organisations",
    ]
    for photo in photos:
        assert photo.chat_id == COORDINATOR_ID
        assert photo.files["photo"][:8] == b"\x89PNG\r\n\x1a\n"
    assert str(MEMBER) not in summary and harness.services.user_key(MEMBER) not in summary

    calls = await coord.send("/stats 2026-13-01 2026-12-31")
    assert "Use /stats" in texts(calls)[0]


async def test_a_revoked_coordinator_is_refused_on_the_next_update(harness):
    granted = 73519250
    await harness.services.db.roles.set_role(COORDINATOR_ID, granted, "coordinator")
    calls = await harness.chat(granted, language_code="en").send("/gaps")
    assert texts(calls) != [REFUSAL]
    await harness.services.db.roles.set_role(COORDINATOR_ID, granted, "member")
    calls = await harness.chat(granted, language_code="en").send("/gaps")
    assert texts(calls) == [REFUSAL]


async def test_gaps_list_unanswered_texts_without_ids_until_retention_erases_them(
    harness, monkeypatch
):
    await seed(harness)
    coord = harness.chat(COORDINATOR_ID, language_code="en")
    [listing] = texts(await coord.send("/gaps"))
    assert GAP in listing and OTHER_GAP in listing and CLEAR not in listing
    assert "passed to the office" in listing
    assert str(MEMBER) not in listing and harness.services.user_key(MEMBER) not in listing
    assert texts(await harness.chat(MEMBER, language_code="en").send("/gaps")) == [REFUSAL]

    # The retention job, QUESTION_RETENTION_DAYS (90) later: texts erased, counts remain.
    assert harness.app.job_queue.get_jobs_by_name(privacy_jobs.RETENTION_JOB)
    real = datetime

    class Later(datetime):
        @classmethod
        def now(cls, tz=None):
            return real.now(tz) + timedelta(days=91)

    monkeypatch.setattr(privacy_jobs, "datetime", Later)
    await privacy_jobs.purge_job(_Ctx(harness.services))
    stored = await harness.services.db.fetch_all("SELECT text FROM questions")
    assert [r["text"] for r in stored] == [None, None, None]
    [listing] = texts(await coord.send("/gaps"))
    assert listing == "No unanswered questions are stored at the moment."
    found = await figures.compute(harness.services.db, this_year())
    assert found.questions == 3


class _Ctx:
    """What the retention job reads of a job's context."""

    def __init__(self, services) -> None:
        self.services = services


def test_report_command_prints_json_and_csv_without_telegram_ids(tmp_path, monkeypatch, capsys):
    path = tmp_path / "report.sqlite3"
    key = user_key("report-secret", MEMBER)

    async def fill() -> None:
        db = await Database.open(path)
        await db.users.touch_user(MEMBER)
        q = await db.questions.log_question(key, "ar", "wo ist das Amt?", "answered", [])
        await db.questions.log_referral(key, OFFICE, "office", "answer", q)
        await db.questions.log_question(key, "ar", "xyz", "no_match", [])
        await db.close()

    asyncio.run(fill())
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("DATABASE_PATH", str(path))
    today = date.today().isoformat()
    assert main(["report", "--from", "2020-01-01", "--to", today, "--format", "json"]) == 0
    out = capsys.readouterr().out
    report = json.loads(out)
    for field in (
        "contacts",
        "questions",
        "answered_share",
        "handed_off",
        "unanswered",
        "referrals_by_office",
        "followup_success_by_office",
        "languages",
        "registrations",
    ):
        assert field in report
    assert (report["contacts"], report["questions"], report["unanswered"]) == (1, 2, 1)
    assert report["answered_share"] == 0.5
    assert report["referrals_by_office"] == {OFFICE: 1}
    assert report["languages"] == {"ar": 2}
    assert str(MEMBER) not in out and key not in out

    assert main(["report", "--from", "2020-01-01", "--to", today, "--format", "csv"]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[0] == "metric,key,value"
    assert f"referrals_by_office,{OFFICE},1" in out.splitlines()
    assert str(MEMBER) not in out and key not in out

    assert main(["report", "--from", "2026-02-30", "--to", today]) == 2
    assert "YYYY-MM-DD" in capsys.readouterr().err


async def test_stats_charts_are_labelled_in_the_coordinators_language(harness, catalogs):
    await seed(harness)
    coord = harness.chat(COORDINATOR_ID, language_code="ar")
    calls = await coord.send("/stats")
    ar = catalogs.get("ar")
    captions = [c.params["caption"] for c in calls if c.method == "sendPhoto"]
    assert captions == [
        ar.gettext("Contacts and questions per month"),
        ar.gettext("Referrals per office"),
        ar.gettext("Trainings and attendance"),
        ar.gettext("Introductions and new cooperations"),
        ar.gettext("Survey of the organisations"),
    ]
    assert all(c != "Referrals per office" for c in captions)  # not the English fallback
