"""Fixtures: the real Application on the local Bot API, a fresh SQLite file per test."""

from __future__ import annotations

import os
from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from bot.app import App, build_application
from bot.config import REPO_ROOT, Config
from bot.i18n import Catalogs
from bot.knowledge import Knowledge, load_knowledge
from bot.local.bot_api import ApiCall, LocalBotApi, visible_text
from bot.local.chat import LocalChat, LocalUser
from bot.local.runtime import running
from bot.services import Services

COORDINATOR_ID = 900001


@pytest.fixture(scope="session")
def knowledge() -> Knowledge:
    return load_knowledge(Path(os.environ.get("KNOWLEDGE_DIR") or REPO_ROOT / "knowledge"))


@pytest.fixture(scope="session")
def catalogs() -> Catalogs:
    return Catalogs(ZoneInfo("Europe/Berlin"))


@pytest.fixture
def config(tmp_path: Path) -> Config:
    return Config(
        database_path=tmp_path / "bot.sqlite3",
        coordinator_ids=frozenset({COORDINATOR_ID}),
        pseudonym_secret="test-secret",
        pseudonym_key_file=tmp_path / "keys" / "pseudonym-key",
        # Tests count the messages of a user's first update; tests/privacy/test_privacy_rights.py
        # switches the first-contact notice on.
        privacy_notice=False,
    )


@dataclass
class Harness:
    app: App
    api: LocalBotApi

    @property
    def services(self) -> Services:
        return self.app.bot_data.services

    def chat(
        self, user_id: int = 100001, language_code: str | None = None, first_name: str = "Ayşe"
    ) -> LocalChat:
        return LocalChat(self.app, self.api, LocalUser(user_id, first_name, language_code))


@pytest.fixture
async def harness(config: Config, knowledge: Knowledge) -> AsyncIterator[Harness]:
    api = LocalBotApi()
    app = build_application(config, request=api, knowledge=knowledge)
    async with running(app):
        yield Harness(app, api)


def sent(calls: list[ApiCall]) -> list[ApiCall]:
    """The messages the user sees: new ones and edits."""
    return [c for c in calls if c.method in {"sendMessage", "editMessageText"}]


def texts(calls: list[ApiCall]) -> list[str]:
    return [visible_text(c.text) for c in sent(calls)]


def last_buttons(calls: list[ApiCall]) -> list[dict[str, str]]:
    with_buttons = [c for c in sent(calls) if c.buttons]
    return with_buttons[-1].buttons if with_buttons else []


def alerts(calls: list[ApiCall]) -> list[str]:
    return [
        str(c.params.get("text", ""))
        for c in calls
        if c.method == "answerCallbackQuery" and c.params.get("text")
    ]
