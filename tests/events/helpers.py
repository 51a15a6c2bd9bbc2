"""Helpers for the events tests: the real Application on a controllable clock."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import datetime
from zoneinfo import ZoneInfo

from bot.app import App, build_application
from bot.config import Config
from bot.core.clock import Clock, ManualClock
from bot.handlers.events import JOB_PREFIX
from bot.knowledge import Knowledge
from bot.local.bot_api import ApiCall, LocalBotApi, visible_text
from bot.local.chat import LocalChat, LocalUser
from bot.local.runtime import running

BERLIN = ZoneInfo("Europe/Berlin")


def berlin(*args: int) -> datetime:
    return datetime(*args, tzinfo=BERLIN)  # type: ignore[misc]


class Bot:
    """One running Application (one "process") on a shared database file."""

    def __init__(self, app: App, api: LocalBotApi, clock: Clock) -> None:
        self.app, self.api, self.clock = app, api, clock

    @property
    def services(self):
        return self.app.bot_data.services

    def chat(self, user_id: int, language_code: str | None = "de") -> LocalChat:
        return LocalChat(self.app, self.api, LocalUser(user_id, "Test", language_code))

    async def tick(self) -> list[ApiCall]:
        """Run the delivery the JobQueue would run now; the calls it made."""
        before = len(self.api.calls)
        await self.services.reminders.tick()
        return self.api.calls[before:]

    def job_times(self) -> list[datetime]:
        """When the wake-up jobs are due (UTC), relative to the clock like the scheduler."""
        jobs = self.app.job_queue.jobs()
        return sorted(
            datetime.fromisoformat(j.name.removeprefix(JOB_PREFIX))
            for j in jobs
            if j.name.startswith(JOB_PREFIX)
        )


@asynccontextmanager
async def bot_process(
    config: Config, knowledge: Knowledge, clock: Clock | None = None
) -> AsyncIterator[Bot]:
    clock = clock or ManualClock(berlin(2027, 1, 4, 9, 0))
    api = LocalBotApi()
    app = build_application(config, request=api, knowledge=knowledge, clock=clock)
    async with running(app):
        bot = Bot(app, api, clock)
        await bot.tick()  # the start-up catch-up, deterministically (the job finds nothing)
        yield bot


def messages_to(calls: list[ApiCall], user_id: int) -> list[str]:
    return [
        visible_text(c.text)
        for c in calls
        if c.method in {"sendMessage", "editMessageText"} and c.chat_id == user_id
    ]
