"""The bot as in production, `python -m bot run`, against the fake Bot API over HTTP.

A BotProcess is one such process on a database file in a work folder; it can be killed
(-9) and started again on the same file. Its output goes to bot.log there.
"""

from __future__ import annotations

import asyncio
import os
import re
import signal
import subprocess
import sys
from collections.abc import Awaitable, Callable
from pathlib import Path
from zoneinfo import ZoneInfo

from bot.db import Database
from bot.i18n import Catalogs, Translator
from bot.i18n.bidi import FSI, PDI
from tests.e2e.fake_bot_api import FakeBotApi, Request

TOKEN = "123456:AAH-abcdefghijklmnopqrstuvwxyz012345"
COORDINATOR = 900900
BERLIN = ZoneInfo("Europe/Berlin")
CATALOGS = Catalogs(BERLIN)
# Clear questions of tests/data/eval_questions.jsonl, and the entry each one names.
QUESTIONS = {
    "de": (
        "Wann trifft sich der Arbeitskreis der katholischen Gemeinden anderer Muttersprachen?",
        "ak-katholische-gemeinden",
    ),
    "en": ("BAGIV membership", "bagiv"),
    "tr": ("DİTİB üyelik şartları", "ditib"),
    "ar": (
        "تعليم الألماني للناس اللي ما الهم حق بكورس الاندماج، في دعم؟",
        "wir-deutsch-ohne-integrationskurs",
    ),
    "ru": ("Есть ли в Висбадене уже свой House of Resources?", "house-of-resources-wiesbaden"),
    "uk": ("Амт цувандерунг адреса", "amt-zuwanderung-integration"),
    "pl": (
        "Chcemy poznać inne stowarzyszenia imigrantów i coś razem zorganizować",
        "vernetzung-mo",
    ),
    "it": ("Kulturamt Wiesbaden contatto", "kulturamt"),
    "fa": ("چطوري داوطلب پيدا كنيم براي كارهاي انجمن؟", "ehrenamtliche-finden"),
}
_MARKS = {FSI, PDI, "\u2066", "\u2067", "\u200e", "\u200f"}  # bidi isolates and marks


def t(lang: str) -> Translator:
    return CATALOGS.get(lang)


def plain(text: str) -> str:
    """Text as read, without the invisible bidi controls around Latin names in RTL text."""
    return "".join(ch for ch in text if ch not in _MARKS)


class BotProcess:
    def __init__(self, api: FakeBotApi, workdir: Path, **env: str) -> None:
        self.api, self.workdir = api, workdir
        self.db_path = workdir / "bot.sqlite3"
        self.env = {
            k: v for k, v in os.environ.items() if not k.startswith(("TELEGRAM_", "WEBHOOK_"))
        }
        self.env.update(
            TELEGRAM_BOT_TOKEN=TOKEN,
            TELEGRAM_BASE_URL=api.base_url,
            DATABASE_PATH=str(self.db_path),
            COORDINATOR_IDS=str(COORDINATOR),
            REVIEW_DIR=str(workdir / "review"),
            PYTHONUNBUFFERED="1",
            **env,
        )
        self.proc: subprocess.Popen[bytes] | None = None

    def start(self) -> None:
        """Start and wait until it has set its commands (post_init done, polling next)."""
        since = self.api.mark()
        with (self.workdir / "bot.log").open("ab") as log:
            self.proc = subprocess.Popen(
                [sys.executable, "-m", "bot", "run"],
                cwd=self.workdir,
                env=self.env,
                stdin=subprocess.DEVNULL,
                stdout=log,
                stderr=subprocess.STDOUT,
            )

        def ready() -> Request | None:
            if self.proc is not None and self.proc.poll() is not None:
                raise RuntimeError(f"the bot ended at start:\n{self.log()[-3000:]}")
            found = self.api.requests[since:]
            return next((r for r in found if r.method == "setChatMenuButton"), None)

        self.api.wait_until(ready, 60.0, "the bot's start")

    def kill(self) -> None:
        """kill -9: no shutdown, no last words."""
        assert self.proc is not None
        self.proc.send_signal(signal.SIGKILL)
        self.proc.wait(timeout=30)

    def stop(self) -> None:
        if self.proc is None or self.proc.poll() is not None:
            return
        self.proc.send_signal(signal.SIGINT)
        try:
            self.proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait(timeout=30)

    def log(self) -> str:
        path = self.workdir / "bot.log"
        return path.read_text(errors="replace") if path.exists() else ""


def seed(db_path: Path, fill: Callable[[Database], Awaitable[object]]) -> None:
    """Write to the database file before the bot starts (it migrates it like the bot)."""

    async def run() -> None:
        db = await Database.open(db_path)
        try:
            await fill(db)
        finally:
            await db.close()

    asyncio.run(run())


async def add_members(db: Database, members: dict[int, str]) -> None:
    """Users who wrote to the bot before, with their Telegram language."""
    async with db.transaction():
        for user_id, lang in members.items():
            await db.users.touch_user(user_id)
            await db.users.note_seen_language(user_id, lang)


def press(api: FakeBotApi, data: str, user_id: int, lang: str | None = "de") -> int:
    """Press a button once shown, and wait for the bot to answer the press; the mark
    before the press."""
    api.wait_button(data, user_id)
    since = api.mark()
    api.wait_answered(api.press(data, user_id, lang))
    return since


def say(api: FakeBotApi, text: str, user_id: int, lang: str | None = "de") -> Request:
    """Send a message and wait for the bot's first message (or edit) in answer."""
    since = api.mark()
    api.user_sends(text, user_id, lang)
    return api.wait_sent(user_id, since=since)


def wait_text(
    api: FakeBotApi, user_id: int, since: int, test: Callable[[str], bool], timeout: float = 60.0
) -> Request:
    """The first message or edit to `user_id` after `since` whose plain text passes `test`."""

    def found() -> Request | None:
        return next((r for r in api.sent(user_id, since) if test(plain(r.text))), None)

    return api.wait_until(found, timeout, f"a matching message to {user_id}")


def wait_request(
    api: FakeBotApi, since: int, test: Callable[[Request], bool], timeout: float = 60.0
) -> Request:
    """The first delivered request after `since` that passes `test`."""

    def found() -> Request | None:
        return next((r for r in api.requests[since:] if r.delivered and test(r)), None)

    return api.wait_until(found, timeout, "a matching request")


def broadcast(api: FakeBotApi, text: str, versions: dict[str, str]) -> int:
    """The coordinator sends `text` to everybody, with `versions` per language; the mark
    before it goes out (the previews are shown before it)."""
    say(api, "/broadcast", COORDINATOR, "en")
    say(api, text, COORDINATOR, "en")
    for lang, version in versions.items():
        press(api, f"bc:v:{lang}", COORDINATOR, "en")
        say(api, version, COORDINATOR, "en")
    press(api, "bc:aud", COORDINATOR, "en")
    press(api, "bc:a:all", COORDINATOR, "en")
    return press(api, "bc:go", COORDINATOR, "en")


def wait_finished(api: FakeBotApi, since: int, timeout: float = 120.0) -> Request:
    """The coordinator's final report of a broadcast."""
    head = t("en").gettext("Broadcast no. {number} is finished.", number=12345)
    done = re.compile(re.escape(head).replace("12345", r"\d+"))
    return wait_text(api, COORDINATOR, since, lambda s: bool(done.match(s)), timeout)
