"""Updates of different users in parallel, one user's in order, each within a budget
(issue 14, finding 1).

The updates go through the application's real update processor, as in production: a reply
that has to wait (here: the local Bot API holds one chat's messages) holds up only that
user's line; a flood is answered 20 times, then once with "slow down", then not at all
until the budget has refilled, and the notice is counted in the figures.
"""

from __future__ import annotations

import asyncio
import itertools
import time
from contextlib import asynccontextmanager
from typing import Any

from telegram import Update

from bot.app import build_application
from bot.handlers.updates import Sequencer
from bot.local.bot_api import LocalBotApi
from bot.local.runtime import running
from tests.conftest import COORDINATOR_ID

FLOODER = 7700001
OTHER = 7700002
_ids = itertools.count(1)


class HeldBotApi(LocalBotApi):
    """Holds messages to `held` until `release` is set (with `first_only`, just the first)."""

    def __init__(self, held: int, first_only: bool = False) -> None:
        super().__init__()
        self.held, self.first_only = held, first_only
        self.release = asyncio.Event()

    async def do_request(self, url: str, method: str, request_data: Any = None, **kw: Any):
        params = request_data.parameters if request_data else {}
        if method_of(url) == "sendMessage" and str(params.get("chat_id")) == str(self.held):
            if self.first_only:
                self.held = None
            await self.release.wait()
        return await super().do_request(url, method, request_data, **kw)


def method_of(url: str) -> str:
    return url.rsplit("/", 1)[-1]


@asynccontextmanager
async def held_app(config, knowledge, api: LocalBotApi):
    app = build_application(config, request=api, knowledge=knowledge)
    async with running(app):
        yield app


def _update(app, user_id: int, text: str) -> Update:
    message = {
        "message_id": next(_ids),
        "date": int(time.time()),
        "chat": {"id": user_id, "type": "private", "first_name": "A"},
        "from": {"id": user_id, "is_bot": False, "first_name": "A", "language_code": "de"},
        "text": text,
    }
    if text.startswith("/"):
        message["entities"] = [{"type": "bot_command", "offset": 0, "length": len(text)}]
    return Update.de_json({"update_id": next(_ids), "message": message}, app.bot)


async def _process(app, user_id: int, text: str) -> None:
    update = _update(app, user_id, text)
    await app.update_processor.process_update(update, app.process_update(update))


def _texts_to(api: LocalBotApi, chat_id: int) -> list[str]:
    return [
        str(c.params["text"]) for c in api.calls if c.chat_id == chat_id and "text" in c.params
    ]


async def test_a_user_whose_reply_waits_holds_up_nobody_else(config, knowledge):
    api = HeldBotApi(FLOODER)
    async with held_app(config, knowledge, api) as app:
        assert isinstance(app.update_processor, Sequencer)
        flooder = [asyncio.create_task(_process(app, FLOODER, "/start")) for _ in range(3)]
        await asyncio.sleep(0.05)
        await asyncio.wait_for(_process(app, OTHER, "/start"), timeout=5)
        assert len(_texts_to(api, OTHER)) == 1
        assert _texts_to(api, FLOODER) == []
        api.release.set()
        await asyncio.wait_for(asyncio.gather(*flooder), timeout=10)
        assert len(_texts_to(api, FLOODER)) == 3


async def test_one_users_updates_are_processed_in_order(config, knowledge):
    commands = ["/start", "/help", "/privacy"]
    api = HeldBotApi(OTHER, first_only=True)  # the first answer is slow to go out
    async with held_app(config, knowledge, api) as app:
        for text in commands:  # as expected: one after the other, for someone else
            await _process(app, FLOODER, text)
        expected = _texts_to(api, FLOODER)
        tasks = [asyncio.create_task(_process(app, OTHER, text)) for text in commands]
        await asyncio.sleep(0.05)
        assert _texts_to(api, OTHER) == []  # the later ones wait for the first
        api.release.set()
        await asyncio.wait_for(asyncio.gather(*tasks), timeout=10)
        assert _texts_to(api, OTHER) == expected


async def test_a_flood_is_answered_within_the_budget_then_told_once_then_silence(harness):
    processor = harness.app.update_processor
    now = [1000.0]
    processor.budget.clock = lambda: now[0]
    for _ in range(25):
        await _process(harness.app, FLOODER, "/start")
    answers = _texts_to(harness.api, FLOODER)
    assert len(answers) == 21
    assert "faster than I can answer" in answers[-1] or "schneller" in answers[-1]
    assert processor.dropped == 4
    users = await harness.services.db.fetch_all("SELECT id FROM users")
    assert [u["id"] for u in users] == [FLOODER]
    counted = await harness.services.db.fetch_all("SELECT notices FROM slowed_down")
    assert counted == [{"notices": 1}]
    # others are not affected
    await _process(harness.app, OTHER, "/start")
    assert len(_texts_to(harness.api, OTHER)) == 1
    # silence until the budget has refilled, then answers again
    now[0] += 30
    await _process(harness.app, FLOODER, "/start")
    assert len(_texts_to(harness.api, FLOODER)) == 21
    now[0] += 31
    await _process(harness.app, FLOODER, "/start")
    assert len(_texts_to(harness.api, FLOODER)) == 22


async def test_the_configured_office_is_not_slowed_down(harness):
    for _ in range(25):
        await _process(harness.app, COORDINATOR_ID, "/start")
    assert len(_texts_to(harness.api, COORDINATOR_ID)) == 25
