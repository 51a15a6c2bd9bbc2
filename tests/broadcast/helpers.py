"""Helpers for the coordinator-desk tests: virtual time, a Bot API that fails on purpose."""

from __future__ import annotations

import asyncio
import json
from typing import Any

from telegram.error import TimedOut

from bot.broadcast.worker import Worker
from bot.handlers.broadcast import runner_of
from bot.local.bot_api import LocalBotApi


class FakeClock:
    """Virtual time: sleeping advances it at once, so pacing and backoff cost no real time."""

    def __init__(self, start: float = 1_893_456_000.0) -> None:  # 2030-01-01 UTC
        self.now = start
        self.mono = 1000.0
        self.slept: list[float] = []

    def monotonic(self) -> float:
        return self.mono

    def time(self) -> float:
        return self.now

    async def sleep(self, seconds: float) -> None:
        self.slept.append(seconds)
        self.mono += seconds
        self.now += seconds
        await asyncio.sleep(0)


def desk(app: Any, clock: FakeClock | None = None) -> Worker:
    """The application's broadcast worker, without its background task, on virtual time."""
    runner = runner_of(app)
    assert runner is not None
    runner.background = False
    runner.worker.use_clock(clock or FakeClock())
    return runner.worker


class FlakyApi(LocalBotApi):
    """The local Bot API with scripted answers per chat for sendMessage.

    `plan[chat]` is a list of faults used up one per request: (status, description, extra)
    answers with that error, "timeout" raises TimedOut, "hang" delivers and then never answers
    (a request in flight when the process dies).
    """

    def __init__(self) -> None:
        super().__init__()
        self.plan: dict[int, list[Any]] = {}
        self.hanging = asyncio.Event()

    async def do_request(self, url: str, method: str, request_data: Any = None, **kw: Any):
        if url.endswith("/sendMessage") and request_data is not None:
            chat = int(request_data.parameters["chat_id"])
            fault = self.plan[chat].pop(0) if self.plan.get(chat) else None
            if fault == "timeout":
                raise TimedOut("timed out")
            if fault == "hang":
                await super().do_request(url, method, request_data, **kw)
                self.hanging.set()
                await asyncio.Event().wait()
            if isinstance(fault, tuple):
                status, description, extra = fault
                body = {"ok": False, "error_code": status, "description": description, **extra}
                return status, json.dumps(body).encode()
        return await super().do_request(url, method, request_data, **kw)


def sends_to(api: LocalBotApi, chat_id: int) -> list[str]:
    return [c.text for c in api.calls if c.method == "sendMessage" and c.chat_id == chat_id]


async def outbox(db: Any, broadcast_id: int) -> dict[int, tuple[str, int, str | None]]:
    rows = await db.fetch_all(
        "SELECT chat_id, status, attempts, reason FROM outbox WHERE broadcast_id = ?",
        (broadcast_id,),
    )
    return {r["chat_id"]: (r["status"], r["attempts"], r["reason"]) for r in rows}
