"""Helpers for the upkeep tests: the real Application on a clock the test sets."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import datetime
from zoneinfo import ZoneInfo

from bot.app import build_application
from bot.config import Config
from bot.core.clock import ManualClock
from bot.knowledge import Knowledge
from bot.local.bot_api import LocalBotApi
from bot.local.runtime import running
from tests.conftest import COORDINATOR_ID, Harness, last_buttons

BERLIN = ZoneInfo("Europe/Berlin")
ENTRY = "auslaenderbeirat-institutionell"


def berlin(*args: int) -> datetime:
    return datetime(*args, tzinfo=BERLIN)  # type: ignore[misc]


@asynccontextmanager
async def bot_on(
    config: Config, knowledge: Knowledge, now: datetime | ManualClock
) -> AsyncIterator[Harness]:
    """One running bot ("process") whose clock shows `now`."""
    clock = now if isinstance(now, ManualClock) else ManualClock(now)
    api = LocalBotApi()
    app = build_application(config, request=api, knowledge=knowledge, clock=clock)
    async with running(app):
        yield Harness(app, api)


def data_of(calls, prefix: str) -> list[str]:
    """The callback data of the latest buttons that start with `prefix`."""
    return [
        b["callback_data"]
        for b in last_buttons(calls)
        if b.get("callback_data", "").startswith(prefix)
    ]


async def fix_amount(h: Harness, entry: str, token: str, typed: str, year: int | None = None):
    """A coordinator corrects an amount from the entry's page; the calls of the last step."""
    coord = h.chat(COORDINATOR_ID, language_code="en", first_name="Dana Koordinatorin")
    calls = await coord.press(f"v:{entry}")
    [fix] = data_of(calls, "fx:")
    calls = await coord.press(fix)
    calls = await coord.press(f"fxf:{entry}:{token}")
    calls = await coord.send(typed)
    if year is not None:
        calls = await coord.press(f"fxy:{year}")
    return coord, calls
