"""Facts reviewed on time (issue 15): the weekly message of what is due for review to every
coordinator, at most once a week by the database (restarts neither repeat nor lose it), none
when nothing is due; and /gaps counts the stale translations `check` names."""

from __future__ import annotations

import argparse
import dataclasses
import io
import shutil
import tomllib
from datetime import date

from bot.config import REPO_ROOT
from bot.core.clock import ManualClock
from bot.handlers import upkeep as upkeep_jobs
from bot.knowledge import Knowledge, load_knowledge
from bot.knowledge.cli import run_check
from tests.conftest import COORDINATOR_ID, texts
from tests.upkeep.helpers import ENTRY, berlin, bot_on, fix_amount

OTHER = 900002
DUE = "ack"


def _nothing_due_but(knowledge: Knowledge, *due: str, years: bool = False) -> Knowledge:
    """The knowledge with every review date far ahead, except the entries named: past;
    `years`: the yearly amounts keep the year they hold for (and are due at its end)."""
    entries = {}
    for entry_id, e in knowledge.entries.items():
        review = date(2026, 11, 1) if entry_id in due else date(2035, 1, 1)
        amounts = {
            k: a if years else dataclasses.replace(a, year=None) for k, a in e.amounts.items()
        }
        entries[entry_id] = dataclasses.replace(e, review_by=review, amounts=amounts)
    return dataclasses.replace(knowledge, entries=entries)


async def _run_job(h) -> list:
    before = len(h.api.calls)
    await h.services.review_notices.send_due(h.services.desk.clock.now(), h.app.bot.username)
    return [c for c in h.api.calls[before:] if c.method == "sendMessage"]


async def test_an_entry_past_its_review_date_is_in_the_weekly_message(config, knowledge, catalogs):
    kb = _nothing_due_but(knowledge, DUE)
    clock = ManualClock(berlin(2026, 11, 23, 8, 30))  # Monday, before the office opens
    async with bot_on(config, kb, clock) as h:
        assert h.app.job_queue.get_jobs_by_name(upkeep_jobs.REVIEW_JOB)
        await h.services.db.roles.set_role(COORDINATOR_ID, OTHER, "coordinator")
        await h.chat(OTHER, language_code="tr").send("/start")
        assert await _run_job(h) == []  # not before the office's first opening of the week

        clock.set(berlin(2026, 11, 23, 9, 5))
        sent = await _run_job(h)
        assert sorted(c.chat_id for c in sent) == [COORDINATOR_ID, OTHER]
        mine = next(c for c in sent if c.chat_id == COORDINATOR_ID)
        title = kb.entries[DUE].texts["de"].title
        assert title in texts([mine])[0] and "knowledge/networks/ack.toml" in mine.text
        assert f"https://t.me/{h.app.bot.username}?start=e_{DUE}" in mine.text  # tap: the page
        de = catalogs.get("de")
        assert de.gettext("review date set in the file") in texts([mine])[0]
        theirs = next(c for c in sent if c.chat_id == OTHER)
        assert kb.entries[DUE].texts["tr"].title in texts([theirs])[0]  # in their language
        assert "1" in texts([theirs])[0].split("\n")[0]

        clock.set(berlin(2026, 11, 25, 11, 0))
        assert await _run_job(h) == []  # once a week

    async with bot_on(config, kb, clock) as h:  # a restart in the same week
        assert await _run_job(h) == []
        clock.set(berlin(2026, 11, 30, 9, 0))  # the next Monday
        assert [c.chat_id for c in await _run_job(h)] == [COORDINATOR_ID, OTHER]
    rows = await _rows(config)
    assert [(r["week"], r["state"]) for r in rows] == [
        ("2026-W48", "sent"),
        ("2026-W48", "sent"),
        ("2026-W49", "sent"),
        ("2026-W49", "sent"),
    ]


async def _rows(config):
    from bot.db import Database

    db = await Database.open(config.database_path)
    try:
        return await db.fetch_all("SELECT week, state FROM review_notices ORDER BY week, chat_id")
    finally:
        await db.close()


async def test_no_message_when_nothing_is_due(config, knowledge):
    async with bot_on(config, _nothing_due_but(knowledge), berlin(2026, 11, 23, 10, 0)) as h:
        assert await _run_job(h) == []
        assert await h.services.db.fetch_all("SELECT * FROM review_notices") == []


async def test_a_quick_fix_of_a_yearly_amount_moves_its_review_date(config, knowledge, catalogs):
    """The shipped Ausländerbeirat amounts hold for 2020: due. Once the new one is set in
    Telegram for 2027, that amount is due at the end of 2027; the other one still now."""
    clock = ManualClock(berlin(2026, 11, 23, 10, 0))
    de, en = catalogs.get("de"), catalogs.get("en")

    def why(key: str, year: int, t=de) -> str:
        message = "amount {key} holds for {year}; the next year's amount is set at its end"
        return t.gettext(message, key=key, year=year)

    async with bot_on(config, _nothing_due_but(knowledge, years=True), clock) as h:
        [sent] = await _run_job(h)
        listed = texts([sent])[0]  # in German: the coordinator has not written yet
        assert why("with_rooms", 2020) in listed and why("without_rooms", 2020) in listed
        coord, _ = await fix_amount(h, ENTRY, "a.with_rooms", "250", 2027)
        await coord.press("fxd:save")
        clock.set(berlin(2026, 11, 30, 10, 0))
        [sent] = await _run_job(h)
        listed = texts([sent])[0]
        # the coordinator has written in English since
        assert why("with_rooms", 2020, en) not in listed
        assert why("with_rooms", 2027, en) not in listed
        assert why("without_rooms", 2020, en) in listed


async def test_the_job_sends_the_week_by_itself(config, knowledge):
    async with bot_on(config, _nothing_due_but(knowledge, DUE), berlin(2026, 11, 23, 10)) as h:
        before = len(h.api.calls)
        await upkeep_jobs.review_job(_JobContext(h))
        assert [c.chat_id for c in h.api.calls[before:]] == [COORDINATOR_ID]


class _JobContext:
    """What PTB hands a job callback, as far as review_job reads it."""

    def __init__(self, h) -> None:
        self.services, self.bot = h.services, h.app.bot


async def test_changing_one_german_summary_makes_check_name_eight_and_gaps_count_them(
    config, tmp_path
):
    folder = tmp_path / "knowledge"
    shutil.copytree(REPO_ROOT / "knowledge", folder, ignore=shutil.ignore_patterns("review"))
    path = folder / "networks" / "ack.toml"
    summary = tomllib.loads(path.read_text("utf-8"))["text"]["de"]["summary"]
    raw = path.read_text("utf-8")
    path.write_text(raw.replace(summary, summary.replace("Austausch", "Gespräch", 1)), "utf-8")

    out = io.StringIO()
    args = argparse.Namespace(stamp=None, stamp_new=False, due=False, days=30)
    assert run_check(folder, args, out, io.StringIO()) == 0
    named = [line for line in out.getvalue().splitlines() if "ack.toml: text." in line]
    assert len(named) == 8

    kb = load_knowledge(folder)
    async with bot_on(config, kb, berlin(2026, 11, 23, 10)) as h:
        gaps = texts(await h.chat(COORDINATOR_ID, language_code="en").send("/gaps"))
        assert gaps[-1].startswith("8 translations are out of date")
        assert (
            f"{kb.entries['ack'].texts['en'].title} (ack): en, tr, ar, ru, uk, pl, it, fa"
            in (gaps[-1])
        )
