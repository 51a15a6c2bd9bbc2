"""A period's worth of activity, driven through the real Application: a training beyond
capacity with a waiting list and attendance, introductions accepted and declined with the
follow-up, an FAQ answer referring to city offices, directory entries with their formats."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from tests.conftest import COORDINATOR_ID
from tests.directory.helpers import register
from tests.trainings.helpers import create_training

BERLIN = ZoneInfo("Europe/Berlin")
A, B, C, D = 7101, 7102, 7103, 7104
ROOMS = "Wo finden wir Räume für unsere Vereinsarbeit?"  # the FAQ raeume-finden: 3 offices


def past_start() -> datetime:
    """Thirty days ago at 10:00: trainings then lie in the past of the report's real clock."""
    day = datetime.now(BERLIN) - timedelta(days=30)
    return day.replace(hour=10, minute=0, second=0, microsecond=0)


async def fill(bot: Any) -> dict[str, int]:
    """Everything the report counts; returns the ids a test needs."""
    a, b, c, d = (bot.chat(x, "de") for x in (A, B, C, D))
    await register(a, "Anadolu Kültür", formats=["events", "counselling", "arrival"])
    await register(b, "Biebricher Brücke", formats=["events", "counselling"])
    await register(c, "Casa Italia", district="mitte", formats=["events", "counselling"])
    orgs = {o.owner_id: o.id for o in await bot.services.db.directory.organisations()}

    start = bot.clock.now() + timedelta(days=5, hours=8)
    training = await create_training(bot, capacity=2, day=start)
    for chat in (a, b, c):
        await chat.press(f"trs:{training}")  # A and B get seats, C waits
    await b.press(f"trw:{training}")  # B cancels: C moves up
    await d.press(f"trs:{training}")  # D waits, and stays on the waiting list
    bot.clock.set(start + timedelta(hours=3))
    coord = bot.chat(COORDINATOR_ID, "de")
    seats = await bot.services.db.trainings.seats(training)
    seat_a = next(s.id for s in seats if s.user_id == A)
    await coord.press(f"tra:{training}:{seat_a}")  # A took part

    await a.press(f"itq:{orgs[B]}:telegram")
    await a.press(f"itq:{orgs[C]}:name")
    rows = await bot.services.db.fetch_all(
        "SELECT i.id, s.user_id FROM introductions i JOIN introduction_sides s "
        "ON s.introduction_id = i.id AND s.side = 'b' ORDER BY i.id"
    )
    ids = {int(r["user_id"]): int(r["id"]) for r in rows}
    await b.press(f"ita:{ids[B]}:name")
    await c.press(f"ita:{ids[C]}:no")
    await bot.services.cooperations.send_followups(datetime.now(UTC) + timedelta(days=43))
    await b.press(f"itf:{ids[B]}:y")

    await d.send(ROOMS)  # referred to three offices, two of them the city's
    await d.send("xyzzy quux frobnicate")  # not answered
    # The follow-up asks about the first office the FAQ answer named; D contacted it.
    await bot.services.followups.send_due(datetime.now(UTC) + timedelta(days=14.1))
    [row] = await bot.services.db.fetch_all(
        "SELECT referral_id FROM followups WHERE status = 'asked'"
    )
    await d.press(f"fu:{row['referral_id']}:h")
    return {"training": training}
