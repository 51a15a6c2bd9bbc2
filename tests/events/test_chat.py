"""The chat side: the coordinator's conversation, /reminders, /next, remind:, .ics files, CLI."""

import asyncio
import io
import json

from icalendar import Calendar

from bot.core.clock import ManualClock
from bot.events.cli import run_events, run_ics
from tests.conftest import COORDINATOR_ID, alerts, last_buttons
from tests.events.helpers import berlin, bot_process, messages_to

MEMBER = 100555


async def test_coordinator_adds_a_date_step_by_step_and_subscribers_hear_of_it(config, knowledge):
    async with bot_process(config, knowledge) as bot:
        member = bot.chat(MEMBER, "tr")
        await member.press("remind:ack")
        desk = bot.chat(COORDINATOR_ID, "de")
        await desk.send("/events")
        await desk.press("eva:add")
        await desk.press("eva:s:ack-treffen")
        [error] = messages_to(await desk.send("31.02.2027"), COORDINATOR_ID)
        assert "24.03.2027" in error  # refused, with an example of a date it takes
        await desk.send("24.03.2027")
        await desk.press("eva:back")  # back to the date step
        await desk.send("25.03.2027")
        assert "18:30" in messages_to(await desk.send("kurz vor sieben"), COORDINATOR_ID)[0]
        await desk.send("18:30")
        await desk.send("Rathaus Wiesbaden")
        await desk.press("eva:skip")  # no note
        summary = messages_to(bot.api.calls, COORDINATOR_ID)[-1]
        assert "18:30" in summary and "Rathaus Wiesbaden" in summary
        await desk.press("eva:save")
        [stored] = await bot.services.db.events.events_between("2027-01-01", "2027-12-31")
        assert (stored.series, stored.day, stored.start_time) == (
            "ack-treffen",
            "2027-03-25",
            "18:30",
        )
        [notice] = messages_to(await bot.tick(), MEMBER)
        assert "ACK Wiesbaden toplantısı" in notice and "Rathaus Wiesbaden" in notice


async def test_coordinator_moves_and_cancels_a_date(config, knowledge):
    async with bot_process(config, knowledge) as bot:
        await bot.chat(MEMBER, "de").press("remind:ack")
        event_id = await bot.services.db.events.add_event(
            series="ack-treffen",
            entry_id="ack",
            title=None,
            day="2027-03-24",
            start_time="18:30",
            place=None,
            note=None,
        )
        await bot.tick()
        desk = bot.chat(COORDINATOR_ID, "de")
        await desk.send("/events")
        await desk.press(f"eva:e:{event_id}")
        await desk.press("eva:f:time")
        await desk.send("19:15")
        await desk.press("eva:save")
        assert (await bot.services.db.events.get_event(event_id)).start_time == "19:15"
        [changed] = messages_to(await bot.tick(), MEMBER)
        assert "19:15" in changed
        await desk.send("/events")
        await desk.press(f"eva:e:{event_id}")
        await desk.press("eva:cancel")
        await desk.press("eva:yes")
        assert (await bot.services.db.events.get_event(event_id)).status == "cancelled"
        cancelled = bot.services.catalogs.get("de").gettext("Cancelled: {title}", title="")
        assert messages_to(await bot.tick(), MEMBER)[0].startswith(cancelled.strip())


async def test_only_coordinators_may_use_the_event_desk(config, knowledge):
    async with bot_process(config, knowledge) as bot:
        chat = bot.chat(MEMBER, "en")
        [text] = messages_to(await chat.send("/events"), MEMBER)
        assert text == "This is for the coordination office only."
        calls = await chat.press("eva:menu")
        assert alerts(calls) == ["This is for the coordination office only."]
        assert await bot.services.db.events.events_between("0000-01-01", "9999-12-31") == []


async def test_reminders_page_toggles_targets_and_lead_times(config, knowledge):
    async with bot_process(config, knowledge) as bot:
        chat = bot.chat(MEMBER, "en")
        await chat.send("/reminders")
        data = [b["callback_data"] for b in last_buttons(bot.api.calls)]
        assert {"rm:t:ack", "rm:t:amin", "rm:t:wir-migrantenorganisationen", "rm:t:*"} <= set(data)
        await chat.press("rm:t:*")
        assert await bot.services.db.events.subscriptions_of(MEMBER) == {"*"}
        assert await bot.services.db.events.leads_of(MEMBER) == ("7d", "1d")
        await chat.press("rm:leads")
        await chat.press("rm:l:morning")
        await chat.press("rm:l:7d")
        assert await bot.services.db.events.leads_of(MEMBER) == ("1d", "morning")
        await chat.press("rm:l:1d")
        calls = await chat.press("rm:l:morning")  # the last one stays
        assert alerts(calls) == ["At least one reminder time is needed."]
        assert await bot.services.db.events.leads_of(MEMBER) == ("morning",)
        await chat.press("rm:t:*")
        assert await bot.services.db.events.subscriptions_of(MEMBER) == set()


async def test_dates_menu_next_and_the_event_page(config, knowledge):
    async with bot_process(config, knowledge, ManualClock(berlin(2027, 12, 1, 9))) as bot:
        chat = bot.chat(MEMBER, "en")
        [page] = messages_to(await chat.press("menu:dates"), MEMBER)
        assert "Upcoming dates:" in page and "to be confirmed" in page
        data = [b["callback_data"] for b in last_buttons(bot.api.calls)]
        assert "rm:home" in data and "evd:k.wir-migrantenorganisationen-frist" in data
        assert "v:ack" in data and "eva:menu" not in data  # networks stay; no desk for members
        [empty] = messages_to(await chat.send("/next"), MEMBER)
        assert "do not follow any dates" in empty
        [event] = messages_to(await chat.press("evd:k.wir-migrantenorganisationen-frist"), MEMBER)
        assert "Source:" in event and "not yet confirmed" in event
        await chat.press("remind:wir-migrantenorganisationen")
        [mine] = messages_to(await chat.send("/next"), MEMBER)
        assert "WIR" in mine
        assert alerts(await chat.press("remind:no-such-entry"))
        assert alerts(await chat.press("evd:k.nope"))
        await bot.chat(COORDINATOR_ID).press("menu:dates")
        assert "eva:menu" in [b["callback_data"] for b in last_buttons(bot.api.calls)]


async def test_calendar_files_parse_back_with_recurrence_and_time_zone(config, knowledge):
    async with bot_process(config, knowledge) as bot:
        chat = bot.chat(MEMBER, "en")
        await chat.press("remind:ack")
        event_id = await bot.services.db.events.add_event(
            series="ack-treffen",
            entry_id="ack",
            title=None,
            day="2027-03-24",
            start_time="18:30",
            place="Rathaus",
            note=None,
        )
        calls = await chat.press(f"evi:d.{event_id}")
        [doc] = [c for c in calls if c.method == "sendDocument"]
        cal = Calendar.from_ical(doc.files["document"])
        [event] = cal.walk("VEVENT")
        assert event["SUMMARY"] == "ACK Wiesbaden meeting"
        assert event.decoded("DTSTART") == berlin(2027, 3, 24, 18, 30)
        assert event["DTSTART"].params["TZID"] == "Europe/Berlin"
        assert [tz["TZID"] for tz in cal.walk("VTIMEZONE")] == ["Europe/Berlin"]
        calls = await chat.press("rm:ics")  # what the user follows: ACK only
        [doc] = [c for c in calls if c.method == "sendDocument"]
        assert len(Calendar.from_ical(doc.files["document"]).walk("VEVENT")) == 1
        await bot.services.db.events.cancel_event(event_id)


async def test_cli_lists_events_and_writes_the_public_calendar(config, knowledge, tmp_path):
    clock = ManualClock(berlin(2027, 3, 1, 9))
    async with bot_process(config, knowledge, clock) as bot:
        first = await bot.services.db.events.add_event(
            series="ack-treffen",
            entry_id="ack",
            title=None,
            day="2027-03-24",
            start_time="18:30",
            place=None,
            note=None,
        )
        await bot.services.db.events.add_event(
            series="wir-migrantenorganisationen-frist",
            entry_id="wir-migrantenorganisationen",
            title=None,
            day="2027-12-31",
            start_time=None,
            place=None,
            note="bestätigt",
        )
        await bot.services.db.events.cancel_event(first)
    out = io.StringIO()
    assert await asyncio.to_thread(run_events, config, 400, True, out, clock) == 0
    rows = json.loads(out.getvalue())
    assert [(r["event"], r["confirmed"]) for r in rows] == [
        ("d.2", True)  # the coordinator's date replaces the unconfirmed rule occurrence
    ]
    path = tmp_path / "public.ics"
    assert await asyncio.to_thread(run_ics, config, str(path), io.StringIO(), clock) == 0
    cal = Calendar.from_ical(path.read_bytes())
    events = {str(e["UID"]): e for e in cal.walk("VEVENT")}
    rule = events["wir-migrantenorganisationen-frist@mo-lotse.wiesbaden"]
    assert rule["RRULE"]["FREQ"] == ["YEARLY"] and rule["STATUS"] == "TENTATIVE"
    assert [d.dt.isoformat() for d in rule["EXDATE"].dts] == ["2027-12-31"]
    assert events["event-1@mo-lotse.wiesbaden"]["STATUS"] == "CANCELLED"
    assert events["integration-durch-kultur-frist-20250331@mo-lotse.wiesbaden"]
    assert cal.walk("VTIMEZONE")
