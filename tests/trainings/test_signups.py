"""Members sign up and cancel with one tap; a full training has a waiting list that moves up
with a message; reminders; attendance after the date; /next and the calendar."""

from datetime import timedelta

import pytest

from bot.local.bot_api import visible_text
from bot.trainings.pages import waiting_text
from tests.broadcast.helpers import desk
from tests.conftest import COORDINATOR_ID, alerts, last_buttons, texts
from tests.trainings.helpers import START, clocked, create_training, data

A, B, C, D = 5101, 5102, 5103, 5104


@pytest.fixture
async def bot(config, knowledge):
    async with clocked(config, knowledge) as harness:
        yield harness


def to(bot, user_id, since=0):
    return [
        visible_text(c.text)
        for c in bot.api.calls[since:]
        if c.method == "sendMessage" and c.chat_id == user_id
    ]


async def test_beyond_capacity_the_waiting_list_moves_up_with_a_message(bot, catalogs):
    training_id = await create_training(bot, capacity=2)
    de = catalogs.get("de")
    a, b = bot.chat(A, "de"), bot.chat(B, "tr")
    c, d = bot.chat(C, "en"), bot.chat(D, "de")
    calls = await a.press(f"trn:{training_id}")
    assert f"trs:{training_id}" in data(calls)
    free = de.ngettext(
        "{n} of {capacity} seats free.", "{n} of {capacity} seats free.", 2, capacity="2"
    )
    assert free in texts(calls)[-1]
    calls = await a.press(f"trs:{training_id}")
    assert texts(calls) == [
        de.gettext(
            "You have a seat at “{title}”. I will remind you the day before.",
            title="Fördermittel beantragen",
        )
    ]
    await b.press(f"trs:{training_id}")
    calls = await c.press(f"trs:{training_id}")
    assert (
        "is fully booked" in texts(calls)[0] and "number 1 on the waiting list" in texts(calls)[0]
    )
    calls = await d.press(f"trs:{training_id}")
    assert waiting_text(de, 2) in texts(calls)[0]
    calls = await a.press(f"trs:{training_id}")  # one seat per person
    assert texts(calls) == [
        de.gettext("You already have a seat at “{title}”.", title="Fördermittel beantragen")
    ]
    training = await bot.services.db.trainings.get_training(training_id)
    assert (training.booked, training.waiting, training.free) == (2, 2, 0)

    # A cancels: the first on the waiting list (C) moves up and is told; D is now first.
    since = len(bot.api.calls)
    await a.press(f"trw:{training_id}")
    assert to(bot, A, since) == [
        de.gettext("Your sign-up for “{title}” is cancelled.", title="Fördermittel beantragen")
    ]
    [moved] = to(bot, C, since)
    assert moved.startswith("A seat became free: you are in!")
    seat, position = await bot.services.trainings.seat(training_id, C)
    assert seat.status == "booked" and position is None
    seat, position = await bot.services.trainings.seat(training_id, D)
    assert seat.status == "waiting" and position == 1
    assert to(bot, B, since) == [] and to(bot, D, since) == []
    calls = await a.press(f"trw:{training_id}")  # nothing left to cancel
    assert alerts(calls)

    # A waiting person cancels: nobody moves up.
    since = len(bot.api.calls)
    await d.press(f"trw:{training_id}")
    assert to(bot, D, since) and all("seat became free" not in x for x in to(bot, D, since))
    training = await bot.services.db.trainings.get_training(training_id)
    assert (training.booked, training.waiting) == (2, 0)


async def test_next_and_the_calendar_show_ones_trainings(bot):
    training_id = await create_training(bot, capacity=1, title="Buchhaltung im Verein")
    a, b = bot.chat(A, "de"), bot.chat(B, "de")
    calls = await a.send("/next")  # nothing followed, nothing signed up
    assert "trd:new" not in data(calls) and "Buchhaltung" not in texts(calls)[0]
    await a.press(f"trs:{training_id}")
    await b.press(f"trs:{training_id}")  # on the waiting list: it concerns them too
    for chat in (a, b):
        calls = await chat.send("/next")
        assert "Buchhaltung im Verein" in texts(calls)[0]
        assert f"evd:t.{training_id}" in data(calls)
    calls = await a.press(f"evd:t.{training_id}")
    assert "Buchhaltung im Verein" in texts(calls)[0] and "Rathaus, Raum 101" in texts(calls)[0]
    assert f"trn:{training_id}" in data(calls) and f"evi:t.{training_id}" in data(calls)
    calls = await a.press("rm:ics")
    [doc] = [c for c in calls if c.method == "sendDocument"]
    ics = doc.files["document"].decode()
    assert "SUMMARY:Buchhaltung im Verein" in ics and f"UID:training-{training_id}@" in ics
    calls = await bot.chat(C, "de").press("rm:ics")  # someone not signed up
    [doc] = [c for c in calls if c.method == "sendDocument"]
    assert "Buchhaltung" not in doc.files["document"].decode()


async def test_reminders_the_day_before_once_and_attendance_after_the_date(bot, catalogs):
    start = START + timedelta(days=5, hours=8)  # 18:00 five days on
    training_id = await create_training(bot, capacity=2, day=start)
    for user in (A, B, C):
        await bot.chat(user, "de").press(f"trs:{training_id}")
    trainings = bot.services.trainings
    assert await trainings.tick() == (0, 0)  # nothing due yet
    bot.clock.set(start - timedelta(hours=23))
    since = len(bot.api.calls)
    assert await trainings.tick() == (0, 2)
    [reminder] = to(bot, A, since)
    de = catalogs.get("de")
    assert reminder.startswith(de.gettext("Reminder: {title}", title="Fördermittel beantragen"))
    assert to(bot, C, since) == []  # waiting: no reminder
    assert await trainings.tick() == (0, 0)  # at most once

    # On the day sign-up is closed (the deadline was the day before); cancelling still works.
    bot.clock.set(start - timedelta(hours=2))
    calls = await bot.chat(D, "de").press(f"trs:{training_id}")
    closed = de.gettext("Sign-up for “{title}” is closed.", title="Fördermittel beantragen")
    assert texts(calls) == [closed]

    coord = bot.chat(COORDINATOR_ID, language_code="en")
    calls = await coord.press(f"trm:{training_id}:att")  # before the date: not yet
    assert alerts(calls)
    bot.clock.set(start + timedelta(hours=3))
    calls = await coord.press(f"trn:{training_id}")
    assert "Signed up: 2 of 2; waiting list: 1." in texts(calls)[0]
    assert f"trm:{training_id}:att" in data(calls) and f"trm:{training_id}:cnt" in data(calls)
    calls = await coord.press(f"trm:{training_id}:att")
    buttons = last_buttons(calls)
    assert [b["text"] for b in buttons] == ["▫️ Ayşe", "▫️ Ayşe", "Done"]  # A and B had seats
    first = buttons[0]["callback_data"]
    calls = await coord.press(first)
    assert "Took part: 1" in texts(calls)[0]
    assert last_buttons(calls)[0]["text"].startswith("✅")
    assert (await bot.services.db.trainings.get_training(training_id)).participants == 1
    await coord.press(first)  # pressed again: undone
    assert (await bot.services.db.trainings.get_training(training_id)).participants == 0
    await coord.press(first)

    # Or a count (people came without signing up).
    calls = await coord.press(f"trm:{training_id}:cnt")
    assert "How many people took part?" in texts(calls)[0]
    calls = await coord.send("many")
    assert "How many people took part?" in texts(calls)[0]
    calls = await coord.send("7")
    assert "Took part: 7" in texts(calls)[0]
    assert (await bot.services.db.trainings.get_training(training_id)).participants == 7
    calls = await bot.chat(A, "en").press(f"tra:{training_id}:1")  # members cannot mark
    assert alerts(calls) == ["Sorry, only the coordination office can do that."]


async def test_an_announcement_carries_the_sign_up_button(bot, catalogs):
    training_id = await create_training(bot)
    worker = desk(bot.app)
    for user, lang in ((A, "tr"), (B, "de")):
        await bot.chat(user, lang).send("/start")
    coord = bot.chat(COORDINATOR_ID, language_code="en")
    calls = await coord.press(f"trb:{training_id}")
    assert "Every message gets a sign-up button" in texts(calls)[0]
    await coord.send("Workshop: Fördermittel beantragen, 15. März")
    await coord.press("bc:aud")
    calls = await coord.press("bc:a:all")
    previews = [c for c in calls if c.method == "sendMessage" and c.buttons]
    assert any(b["callback_data"] == f"trs:{training_id}" for c in previews for b in c.buttons)
    await coord.press("bc:go")
    await worker.drain()
    got = [c for c in bot.api.calls if c.method == "sendMessage" and c.chat_id == A]
    announcement = got[-1]
    assert announcement.text == "Workshop: Fördermittel beantragen, 15. März"
    assert announcement.buttons == [
        {
            "text": catalogs.get("tr").pgettext("button", "Sign up"),
            "callback_data": f"trs:{training_id}",
        }
    ]
    # Signing up from the announcement answers with a new message; the announcement stays.
    member = bot.chat(A, "tr")
    calls = await member.press(f"trs:{training_id}", message=None)
    assert [c.method for c in calls if c.method == "editMessageText"] == []
    assert (await bot.services.trainings.seat(training_id, A))[0].status == "booked"
