"""Logs say what happened, never who: no Telegram ids, names, texts, contacts or the token.

A rich session runs on the real Application under the production logging setup
(bot/logs.py), with the bot's own loggers at DEBUG; then every record is searched for the
personal data and the token the session used, and for the events it must report.
"""

import logging
import os
import signal
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass, replace
from typing import Any

import pytest

from bot.app import build_application
from bot.core.logs import setup_logging
from bot.local.bot_api import LocalBotApi
from bot.local.chat import LocalChat, LocalUser
from bot.local.runtime import running
from tests.broadcast.helpers import desk
from tests.conftest import COORDINATOR_ID, last_buttons
from tests.directory.helpers import register
from tests.e2e.fake_bot_api import FakeBotApi

TOKEN = "7461893520:AAFq-Zr8t0kEnSecretPartNeverLogged42"
MEMBER, OTHER = 731_337_421, 731_337_422
FIRST, LAST, USERNAME = "Zyxwvut", "Qwertz", "zyxwvut_qw"
EMAIL, PHONE = "zyxwvut.qwertz@example.org", "+49 611 9876543"
QUESTION = f"Ich bin {FIRST} {LAST}, wie bekommt unser Verein Geld? {EMAIL}, Tel. {PHONE}"
UNKNOWN = "Plimbotrax Quendelwurz frobnicate"  # nothing in the knowledge base: hand-over
ORG = "Qwertzbogen Kulturverein"
BROADCAST = "Rundbrief: Treffen im Hagebuttenweg"
ANSWER = "Antwort an Zyxwvut: bitte am Montag im Rathaus anrufen"
COORDINATOR_NAME = "Wilhelmine"
SECRETS = [
    str(MEMBER),
    str(OTHER),
    str(COORDINATOR_ID),
    FIRST,
    LAST,
    USERNAME,
    EMAIL,
    "example.org",
    PHONE,
    "9876543",
    ORG,
    "Qwertzbogen",
    "Plimbotrax",
    "Quendelwurz",
    "Hagebuttenweg",
    "Montag im Rathaus",
    COORDINATOR_NAME,
    TOKEN,
    TOKEN.partition(":")[2],
]


@dataclass
class NamedUser(LocalUser):
    """A Telegram user with a last name and a username, as most have."""

    last_name: str = ""
    username: str = ""

    def as_dict(self) -> dict[str, Any]:
        return {**super().as_dict(), "last_name": self.last_name, "username": self.username}


@pytest.fixture
def production_logging() -> Iterator[None]:
    """The real setup of `python -m bot run`; the levels it changes are restored after."""
    names = ["", "httpx", "httpcore", "aiosqlite", "bot"]
    levels = {name: logging.getLogger(name).level for name in names}
    setup_logging(verbose=True)
    yield
    for name, level in levels.items():
        logging.getLogger(name).setLevel(level)


def _leaks(records: list[logging.LogRecord]) -> list[tuple[str, str]]:
    found = []
    formatter = logging.Formatter()
    for record in records:
        text = record.getMessage()
        if record.exc_info:
            text += formatter.formatException(record.exc_info)
        text += record.exc_text or ""
        found += [(secret, text) for secret in SECRETS if secret in text]
    return found


def test_the_production_setup_keeps_request_urls_out_of_the_log(production_logging):
    # httpx logs every request URL at INFO, and a Bot API URL contains the token.
    assert logging.getLogger().isEnabledFor(logging.INFO)
    for name in ("httpx", "httpcore", "aiosqlite"):
        assert not logging.getLogger(name).isEnabledFor(logging.INFO), name


async def test_a_rich_session_logs_events_but_no_personal_data(
    config, knowledge, production_logging, caplog
):
    caplog.set_level(logging.DEBUG, logger="bot")
    # issue 14: no personal data at any log level, PTB's own records at DEBUG included
    caplog.set_level(logging.DEBUG, logger="telegram")
    api = LocalBotApi()
    app = build_application(
        replace(config, telegram_token=TOKEN), request=api, knowledge=knowledge
    )
    async with running(app):
        worker = desk(app)
        member = LocalChat(app, api, NamedUser(MEMBER, FIRST, "de", LAST, USERNAME))
        coord = LocalChat(app, api, NamedUser(COORDINATOR_ID, COORDINATOR_NAME, "de"))
        db = app.bot_data.services.db

        await member.send("/start")
        await member.send(QUESTION)
        calls = await member.send(UNKNOWN)
        hand_over = next(
            b["callback_data"] for b in last_buttons(calls) if b["callback_data"][:3] == "ho:"
        )
        await member.press(hand_over)
        await member.press(f"hn:{hand_over[3:]}:1")  # with the name shared
        card = next(
            c for c in api.calls if c.method == "sendMessage" and c.chat_id == COORDINATOR_ID
        )
        assert FIRST in card.text  # the office does see the name the member shared
        await coord.send(ANSWER, reply_to_message=card.result)
        await register(member, ORG)

        await coord.send("/broadcast")
        await coord.send(BROADCAST)
        for data in ("bc:aud", "bc:a:all", "bc:go"):
            await coord.press(data)
        await worker.drain()
        await LocalChat(app, api, NamedUser(OTHER, FIRST, "de", LAST, USERNAME)).send("/start")
        await coord.send(f"/grant {OTHER}")
        await coord.press(f"rg:{OTHER}:yes")
        await coord.send(f"/revoke {OTHER}")

        await member.press("hn:999:1")  # not the member's question
        await member.press(f"zz:{FIRST}")  # forged data
        await member.send("/inbox")  # a coordinator command
        await member.send(f"/grant {MEMBER}")
        await member.press("bc:go")

        await db.fetch_all("PRAGMA query_only = ON")  # a write fails: the error path logs
        await member.send(QUESTION)
        await db.fetch_all("PRAGMA query_only = OFF")

        await member.send("/mydata")
        await member.send("/deletemydata")
        await member.press("del:yes")
        assert await db.users.get_user(MEMBER) is None

    records = caplog.records
    assert _leaks(records) == []
    said = "\n".join(r.getMessage() for r in records)
    for event in (
        "refused /inbox: the user is not a coordinator",
        "refused /grant: the user is not a coordinator",
        "refused a button (hn:)",
        "refused a button (zz:)",
        "question 1 answered",
        "coordinator role granted",
        "coordinator role revoked",
        "cannot save while handling message",
    ):
        assert event in said, event
    assert any(r.name.startswith("telegram") for r in records)  # PTB's records were seen too


def test_the_running_process_logs_neither_the_token_nor_the_member(tmp_path):
    env = {k: v for k, v in os.environ.items() if not k.startswith("TELEGRAM_")}
    with FakeBotApi() as api:
        env.update(
            DATABASE_PATH=str(tmp_path / "bot.sqlite3"),
            TELEGRAM_BOT_TOKEN=TOKEN,
            TELEGRAM_BASE_URL=api.base_url,
            PYTHONUNBUFFERED="1",
        )
        proc = subprocess.Popen(
            [sys.executable, "-m", "bot", "run"],
            cwd=tmp_path,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            env=env,
        )
        try:
            api.wait_for("getMe")
            api.user_sends(QUESTION, user_id=MEMBER, language_code="de")
            api.wait_for("sendMessage", chat_id=MEMBER)
        finally:
            proc.send_signal(signal.SIGINT)
            out, _ = proc.communicate(timeout=30)
    assert "MO-Lotse starts polling" in out and "Application started" in out
    assert [s for s in SECRETS if s in out] == []
