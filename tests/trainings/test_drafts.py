"""The coordinators' training draft in the chat: every step, back, cancel, bad input."""

from datetime import timedelta

import pytest

from bot.trainings.drafts import parse_place
from tests.conftest import COORDINATOR_ID, alerts, texts
from tests.trainings.helpers import START, clocked, create_training, data


@pytest.fixture
async def bot(config, knowledge):
    async with clocked(config, knowledge) as harness:
        yield harness


async def test_a_coordinator_creates_a_training_step_by_step(bot, catalogs):
    t = catalogs.get("de")
    coord = bot.chat(COORDINATOR_ID, language_code="de")
    calls = await coord.send("/trainings")
    assert texts(calls)[0].startswith(
        t.gettext("Trainings and workshops of the coordination office")
    )
    assert "trd:new" in data(calls)
    calls = await coord.press("trd:new")
    assert data(calls)[:2] == ["trc:kind:training", "trc:kind:workshop"]
    assert data(calls)[-2:] == ["trd:back", "trd:x"]
    await coord.press("trc:kind:training")
    calls = await coord.send("Vereinsrecht für Vorstände")
    assert "trc:lang:tr" in data(calls) and "trd:next" in data(calls)
    await coord.press("trc:lang:tr")
    calls = await coord.send("Yönetim kurulları için dernek hukuku")
    assert "Türkçe: Yönetim kurulları için dernek hukuku" in texts(calls)[-1]
    await coord.press("trd:next")
    day = START + timedelta(days=10)
    calls = await coord.send("31.02.2027")  # no such day: asked again, nothing lost
    assert t.gettext("That did not work. Please try again.") in texts(calls)[-1]
    await coord.send(day.strftime("%d.%m.%Y"))
    calls = await coord.send("25:00")
    assert t.gettext("That did not work. Please try again.") in texts(calls)[-1]
    await coord.send("18:30")
    calls = await coord.send("http://insecure.example.org/room")  # only https links
    assert t.gettext("That did not work. Please try again.") in texts(calls)[-1]
    await coord.send("https://meet.example.org/vereinsrecht")
    await coord.press("trc:topic:culture")
    calls = await coord.send("0")
    assert t.gettext("That did not work. Please try again.") in texts(calls)[-1]
    await coord.send("12")
    calls = await coord.send((day + timedelta(days=1)).strftime("%d.%m.%Y"))  # after the day
    assert t.gettext("That did not work. Please try again.") in texts(calls)[-1]
    calls = await coord.send((day - timedelta(days=3)).strftime("%Y-%m-%d"))
    summary = texts(calls)[-1]
    assert (
        "Vereinsrecht für Vorstände" in summary
        and "https://meet.example.org/vereinsrecht" in summary
    )
    assert "trd:save" in data(calls)
    calls = await coord.press("trd:save")
    assert t.gettext("Saved. Members can sign up now.") in texts(calls)[-1]

    [training] = await bot.services.trainings.upcoming()
    assert (training.kind, training.topic, training.capacity) == ("training", "culture", 12)
    assert (training.day, training.start_time) == (day.date().isoformat(), "18:30")
    assert training.online_url == "https://meet.example.org/vereinsrecht"
    assert training.place is None
    assert training.signup_until == (day - timedelta(days=3)).date().isoformat()
    assert training.titles == {
        "": "Vereinsrecht für Vorstände",
        "tr": "Yönetim kurulları için dernek hukuku",
    }
    assert training.title("tr") == "Yönetim kurulları için dernek hukuku"
    assert training.title("ar") == "Vereinsrecht für Vorstände"


async def test_back_returns_a_step_and_cancel_saves_nothing(bot, catalogs):
    t = catalogs.get("en")
    coord = bot.chat(COORDINATOR_ID, language_code="en")
    await coord.press("trd:new")
    await coord.press("trc:kind:workshop")
    await coord.send("Social media for associations")
    await coord.press("trd:next")
    calls = await coord.press("trd:back")  # back to the titles, which are kept
    assert "Social media for associations" in texts(calls)[-1]
    calls = await coord.press("trd:back")
    assert data(calls)[:2] == ["trc:kind:training", "trc:kind:workshop"]
    calls = await coord.press("trd:back")  # back on the first step closes the draft
    assert texts(calls)[-1] == t.gettext("Cancelled. Nothing was saved.")
    await coord.press("trd:new")
    await coord.press("trc:kind:workshop")
    await coord.send("Another")
    calls = await coord.press("trd:x")
    assert texts(calls)[-1] == t.gettext("Cancelled. Nothing was saved.")
    assert await bot.services.trainings.upcoming() == []
    calls = await coord.press("trd:save")  # an old button outside the draft: refused
    assert alerts(calls)
    assert await bot.services.trainings.upcoming() == []


async def test_members_cannot_draft_trainings(bot):
    member = bot.chat(4711, language_code="en")
    calls = await member.send("/trainings")
    assert "trd:new" not in data(calls)
    calls = await member.press("trd:new")
    assert alerts(calls) == ["Sorry, only the coordination office can do that."]


async def test_a_start_in_the_past_is_refused(bot, catalogs):
    coord = bot.chat(COORDINATOR_ID, language_code="en")
    await coord.press("trd:new")
    await coord.press("trc:kind:workshop")
    await coord.send("Today")
    await coord.press("trd:next")
    await coord.send(START.strftime("%d.%m.%Y"))  # today …
    calls = await coord.send("08:00")  # … but this morning has passed (it is 10:00)
    assert "That did not work. Please try again." in texts(calls)[-1]


async def test_the_helper_creates_a_training(bot):
    training_id = await create_training(bot)
    training = await bot.services.db.trainings.get_training(training_id)
    assert training.place == "Rathaus, Raum 101" and training.capacity == 2


def test_a_place_or_a_link():
    assert parse_place("  Rathaus,   Raum 5 ") == ("Rathaus, Raum 5", None)
    assert parse_place("https://x.example/a") == (None, "https://x.example/a")
    assert parse_place("www.example.org") is None
    assert parse_place("   ") is None
