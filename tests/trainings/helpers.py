"""Helpers for the trainings tests: the real Application on a clock the test moves."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from bot.app import build_application
from bot.config import Config
from bot.core.clock import ManualClock
from bot.knowledge import Knowledge
from bot.local.bot_api import LocalBotApi
from bot.local.runtime import running
from tests.conftest import COORDINATOR_ID, Harness, last_buttons

BERLIN = ZoneInfo("Europe/Berlin")
START = datetime(2027, 3, 1, 10, 0, tzinfo=BERLIN)  # "now" when a test begins


@asynccontextmanager
async def clocked(
    config: Config, knowledge: Knowledge, start: datetime = START
) -> AsyncIterator[Any]:
    """The application on a ManualClock set to `start` (trainings, events and /next read it)."""
    clock = ManualClock(start)
    api = LocalBotApi()
    app = build_application(config, request=api, knowledge=knowledge, clock=clock)
    async with running(app):
        harness = Harness(app, api)
        harness.clock = clock  # type: ignore[attr-defined]
        yield harness


def data(calls: Any) -> list[str]:
    return [b.get("callback_data") for b in last_buttons(calls)]


async def create_training(
    harness: Any,
    *,
    title: str = "Fördermittel beantragen",
    day: datetime | None = None,
    capacity: int = 2,
    place: str = "Rathaus, Raum 101",
) -> int:
    """The coordinator's whole draft in the chat; the new training's id."""
    day = day or harness.clock.now() + timedelta(days=14)
    coord = harness.chat(COORDINATOR_ID, language_code="de")
    await coord.send("/trainings")
    await coord.press("trd:new")
    await coord.press("trc:kind:workshop")
    await coord.send(title)
    await coord.press("trd:next")
    await coord.send(f"{day:%d.%m.%Y}")
    await coord.send(f"{day:%H:%M}")
    await coord.send(place)
    await coord.press("trc:topic:culture")
    await coord.send(str(capacity))
    await coord.press("trd:dayb")
    calls = await coord.press("trd:save")
    announce = [d for d in data(calls) if d.startswith("trb:")]
    assert announce, calls
    return int(announce[0].split(":")[1])
