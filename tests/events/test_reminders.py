"""Reminders on a controllable clock: due, once, restarts, late, missed, DST, changes."""

import asyncio
import logging
from datetime import UTC, datetime, timedelta

import pytest
from babel.dates import format_date

from bot.core.clock import ManualClock, OffsetClock
from bot.events import reminders
from bot.events.occurrences import Occurrence, fire_time
from bot.events.reminders import Reminders
from bot.handlers import events as event_jobs
from bot.i18n import Catalogs
from bot.i18n.languages import LANGUAGES
from tests.events.helpers import BERLIN, berlin, bot_process, messages_to

DE = Catalogs(BERLIN).get("de")
LATE = DE.gettext("Sent late: the bot was offline when this was due.")
TOMORROW = DE.gettext("Tomorrow.")

MEMBER = 100777


async def _subscribe(bot, user_id=MEMBER, target="ack", lang="de"):
    chat = bot.chat(user_id, lang)
    await chat.send("/reminders")
    await chat.press(f"rm:t:{target}")
    return chat


async def _ack_meeting(bot, day="2027-03-24", at="18:30", place="Rathaus, Raum 1"):
    return await bot.services.db.events.add_event(
        series="ack-treffen",
        entry_id="ack",
        title=None,
        day=day,
        start_time=at,
        place=place,
        note=None,
    )


async def test_reminder_is_sent_when_due_and_only_once(config, knowledge):
    async with bot_process(config, knowledge) as bot:
        await _subscribe(bot)
        await _ack_meeting(bot)
        await bot.tick()  # the "added" notice
        bot.clock.set(berlin(2027, 3, 17, 18, 29))
        assert messages_to(await bot.tick(), MEMBER) == []  # one minute early: nothing
        bot.clock.set(berlin(2027, 3, 17, 18, 30, 5))
        [text] = messages_to(await bot.tick(), MEMBER)
        assert "Treffen der ACK Wiesbaden" in text
        assert format_date(berlin(2027, 3, 24).date(), "full", locale="de") in text
        assert "18:30" in text and "Rathaus, Raum 1" in text
        assert LATE not in text
        assert messages_to(await bot.tick(), MEMBER) == []  # recorded: never twice
        states = await bot.services.db.events.delivery_states(MEMBER)
        assert states["d.1@2027-03-24T18:30|7d"] == "sent"


async def test_jobs_are_rebuilt_from_the_database_on_restart(config, knowledge):
    clock = ManualClock(berlin(2027, 3, 1, 12, 0))
    async with bot_process(config, knowledge, clock) as bot:
        await _subscribe(bot)
        await _ack_meeting(bot)
        await bot.tick()
    async with bot_process(config, knowledge, clock) as bot:  # a new process, same file
        due = [berlin(2027, 3, 17, 18, 30), berlin(2027, 3, 23, 18, 30)]
        assert bot.job_times() == [d.astimezone(UTC) for d in due]
        for job in bot.app.job_queue.jobs():
            if job.name.startswith("reminders@"):
                assert job.job.misfire_grace_time is None  # never silently skipped


async def test_reminder_due_while_down_is_sent_late_on_start(config, knowledge):
    clock = ManualClock(berlin(2027, 3, 1, 12, 0))
    async with bot_process(config, knowledge, clock) as bot:
        await _subscribe(bot)
        await _ack_meeting(bot)
        await bot.tick()
    clock.set(berlin(2027, 3, 23, 20, 0))  # down over both due times; the meeting is tomorrow
    async with bot_process(config, knowledge, clock) as bot:
        sent = messages_to(bot.api.calls, MEMBER)
    assert len(sent) == 2  # the 7-day and the 1-day reminder, each once
    assert all(LATE in text for text in sent)
    assert any(TOMORROW in text for text in sent)


async def test_reminder_missed_after_the_event_began_is_dropped_and_logged(
    config, knowledge, caplog
):
    clock = ManualClock(berlin(2027, 3, 1, 12, 0))
    async with bot_process(config, knowledge, clock) as bot:
        await _subscribe(bot)
        await _ack_meeting(bot)
        await bot.tick()
    clock.set(berlin(2027, 3, 24, 19, 0))  # the meeting began at 18:30
    with caplog.at_level(logging.WARNING, logger="bot.events.reminders"):
        async with bot_process(config, knowledge, clock) as bot:
            assert messages_to(bot.api.calls, MEMBER) == []
            states = await bot.services.db.events.delivery_states(MEMBER)
    assert sorted(states.values()).count("dropped") == 2
    assert "dropped for 1 subscriber" in caplog.text
    assert str(MEMBER) not in caplog.text  # no Telegram ids in logs


def _occ(day, at):
    return Occurrence("d.1", "ack-treffen", "ack", "meeting", day, at, BERLIN)


@pytest.mark.parametrize(
    ("start", "lead", "due_utc"),
    [
        # last Sunday of March 2027 (28th): clocks go 02:00 → 03:00
        (berlin(2027, 3, 28, 19, 0), "1d", datetime(2027, 3, 27, 18, 0, tzinfo=UTC)),
        (berlin(2027, 3, 29, 19, 0), "1d", datetime(2027, 3, 28, 17, 0, tzinfo=UTC)),
        (berlin(2027, 4, 1, 19, 0), "7d", datetime(2027, 3, 25, 18, 0, tzinfo=UTC)),
        (berlin(2027, 3, 28, 10, 0), "morning", datetime(2027, 3, 28, 6, 0, tzinfo=UTC)),
        (berlin(2027, 3, 28, 10, 0), "1h", datetime(2027, 3, 28, 7, 0, tzinfo=UTC)),
        # last Sunday of October 2027 (31st): clocks go 03:00 → 02:00
        (berlin(2027, 10, 31, 19, 0), "1d", datetime(2027, 10, 30, 17, 0, tzinfo=UTC)),
        (berlin(2027, 11, 1, 19, 0), "1d", datetime(2027, 10, 31, 18, 0, tzinfo=UTC)),
        (berlin(2027, 11, 4, 19, 0), "7d", datetime(2027, 10, 28, 17, 0, tzinfo=UTC)),
        (berlin(2027, 10, 31, 10, 0), "morning", datetime(2027, 10, 31, 7, 0, tzinfo=UTC)),
    ],
)
def test_due_times_keep_the_wall_clock_across_dst(start, lead, due_utc):
    assert fire_time(_occ(start.date(), start.timetz().replace(tzinfo=None)), lead) == due_utc


async def test_dst_reminders_are_scheduled_and_sent_on_the_wall_clock(config, knowledge):
    clock = ManualClock(berlin(2027, 3, 20, 12, 0))
    async with bot_process(config, knowledge, clock) as bot:
        await _subscribe(bot)
        await _ack_meeting(bot, day="2027-03-29", at="19:00")  # Monday after the switch
        await bot.tick()
        await event_jobs.rebuild(bot.app)
        assert bot.job_times() == [
            datetime(2027, 3, 22, 18, 0, tzinfo=UTC),  # 19:00 CET, 7 days before
            datetime(2027, 3, 28, 17, 0, tzinfo=UTC),  # 19:00 CEST, 1 day before
        ]
        clock.set(datetime(2027, 3, 22, 18, 0, 1, tzinfo=UTC))
        await bot.tick()
        clock.set(datetime(2027, 3, 28, 17, 0, 1, tzinfo=UTC))
        [text] = messages_to(await bot.tick(), MEMBER)
        assert "19:00" in text and TOMORROW in text


async def test_subscribers_are_told_of_changes_and_cancellation(config, knowledge):
    async with bot_process(config, knowledge) as bot:
        await _subscribe(bot)
        other = 100778
        await _subscribe(bot, other, target="amin")  # follows something else
        event_id = await _ack_meeting(bot)
        [added] = messages_to(await bot.tick(), MEMBER)
        assert added.startswith(DE.gettext("New date: {title}", title="Treffen der ACK Wiesbaden"))
        await bot.services.db.events.update_event(event_id, start_time="19:00")
        [changed] = messages_to(await bot.tick(), MEMBER)
        assert changed.startswith(DE.gettext("Date changed: {title}", title="").strip())
        assert "19:00" in changed
        await bot.services.db.events.cancel_event(event_id)
        calls = await bot.tick()
        [cancelled] = messages_to(calls, MEMBER)
        assert cancelled.startswith(DE.gettext("Cancelled: {title}", title="").strip())
        assert not any("ACK" in t for t in messages_to(calls, other))
        bot.clock.set(berlin(2027, 3, 17, 19, 0, 5))
        assert messages_to(await bot.tick(), MEMBER) == []  # cancelled: no reminder


@pytest.mark.parametrize("lang", LANGUAGES)
async def test_reminder_speaks_the_subscribers_language(config, knowledge, lang):
    async with bot_process(config, knowledge) as bot:
        await _subscribe(bot, lang=lang)
        await _ack_meeting(bot)
        await bot.tick()
        bot.clock.set(berlin(2027, 3, 17, 18, 30, 30))
        [text] = messages_to(await bot.tick(), MEMBER)
        catalog = bot.services.desk.catalog
    title = catalog.events["ack-treffen"].text(lang).title
    assert title.split()[-1] in text  # the series title in the user's language
    assert format_date(berlin(2027, 3, 24).date(), "full", locale=lang) in text


async def test_unconfirmed_deadline_says_so(config, knowledge):
    async with bot_process(config, knowledge, ManualClock(berlin(2027, 12, 1, 9))) as bot:
        chat = bot.chat(MEMBER, "en")
        calls = await chat.press("remind:wir-migrantenorganisationen")
        [done] = messages_to(calls, MEMBER)
        assert "to be confirmed" in done
        bot.clock.set(berlin(2027, 12, 24, 8, 0, 30))  # 7 days before, in the morning
        [text] = messages_to(await bot.tick(), MEMBER)
        assert "not confirmed (as of 2025)" in text and "Deadline:" in text


async def test_the_job_queue_fires_a_due_reminder(config, knowledge):
    clock = ManualClock(berlin(2027, 3, 1, 12, 0))
    async with bot_process(config, knowledge, clock) as bot:
        await _subscribe(bot)
        await _ack_meeting(bot)
        await bot.tick()
    # A clock running in real time, 1.5 s before the 7-day reminder is due.
    real = OffsetClock(berlin(2027, 3, 17, 18, 30) - timedelta(seconds=1.5))
    async with bot_process(config, knowledge, real) as bot:
        import asyncio

        for _ in range(60):
            if messages_to(bot.api.calls, MEMBER):
                break
            await asyncio.sleep(0.1)
        [text] = messages_to(bot.api.calls, MEMBER)
    assert "Treffen der ACK Wiesbaden" in text and LATE not in text


class _Crash(BaseException):
    """A kill -9 as far as the delivery run can tell: nothing after it runs."""


async def test_a_crash_mid_delivery_repeats_nothing_and_loses_only_the_batch_in_flight(
    config, knowledge, monkeypatch, caplog
):
    members = [MEMBER + i for i in range(20)]
    item = "d.1@2027-03-24T18:30|7d"
    clock = ManualClock(berlin(2027, 3, 1, 12, 0))
    async with bot_process(config, knowledge, clock) as bot:
        for member in members:
            await _subscribe(bot, member)
        await _ack_meeting(bot)
        await bot.tick()  # the "added" notices
    real_send, attempts = Reminders.send_one, []

    async def send_then_die(self, *args):
        attempts.append(args)
        state = await real_send(self, *args)
        if len(attempts) == reminders.IN_FLIGHT + 3:  # within the second batch
            raise _Crash
        return state

    monkeypatch.setattr(event_jobs, "schedule", lambda app: None)  # no job races the crash
    async with bot_process(config, knowledge, clock) as bot:
        clock.set(berlin(2027, 3, 17, 18, 30, 5))
        monkeypatch.setattr(Reminders, "send_one", send_then_die)
        with pytest.raises(_Crash):
            await bot.tick()
        crashed = {m: messages_to(bot.api.calls, m) for m in members}
    monkeypatch.undo()
    with caplog.at_level(logging.WARNING, logger="bot.events.reminders"):
        async with bot_process(config, knowledge, clock) as bot:  # restart
            resumed = {m: messages_to(bot.api.calls, m) for m in members}
            states = [(await bot.services.db.events.delivery_states(m))[item] for m in members]
    assert states.count("unknown") == reminders.IN_FLIGHT  # cut off: recorded, not repeated
    assert states.count("sent") == len(members) - reminders.IN_FLIGHT
    for m, state in zip(members, states, strict=True):
        assert len(crashed[m]) + len(resumed[m]) == (1 if state == "sent" else len(crashed[m]))
        assert len(crashed[m]) + len(resumed[m]) <= 1  # never twice
    assert sum(len(resumed[m]) for m in members) == len(members) - 2 * reminders.IN_FLIGHT
    assert f"{reminders.IN_FLIGHT} reminder(s) were in flight at a stop" in caplog.text


async def test_a_read_only_disk_when_a_reminder_is_due_is_logged_and_it_follows_once(
    config, knowledge, caplog
):
    clock = ManualClock(berlin(2027, 3, 1, 12, 0))
    async with bot_process(config, knowledge, clock) as bot:
        await _subscribe(bot)
        await _ack_meeting(bot)
        await bot.tick()
        clock.set(berlin(2027, 3, 17, 18, 30, 5))
        db, before = bot.services.db, len(bot.api.calls)
        await db.fetch_all("PRAGMA query_only = ON")  # what SQLite says on a read-only disk
        with caplog.at_level(logging.ERROR):
            bot.app.job_queue.run_once(event_jobs.run_reminders, when=0)  # the wake-up job
            for _ in range(200):
                if "cannot save while handling a scheduled job" in caplog.text:
                    break
                await asyncio.sleep(0.02)
        assert "readonly" in caplog.text and str(MEMBER) not in caplog.text
        assert messages_to(bot.api.calls[before:], MEMBER) == []  # nothing went out
        await db.fetch_all("PRAGMA query_only = OFF")  # the disk is writable again
        [text] = messages_to(await bot.tick(), MEMBER)  # the next run sends it …
        assert "Treffen der ACK Wiesbaden" in text
        assert messages_to(await bot.tick(), MEMBER) == []  # … once
