"""A damaged database or one from a newer version: `run` refuses in one line and ends
(issue 14, finding 3). It once logged a traceback in post_init and then stayed up forever,
deaf to SIGTERM and SIGINT, while systemd showed it running.
"""

from __future__ import annotations

import asyncio
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from bot.db import Database, load_migrations
from tests.e2e.fake_bot_api import FakeBotApi

TOKEN = "123456:AAH-abcdefghijklmnopqrstuvwxyz012345"
PAGE = 4096


def _seed(path: Path) -> None:
    async def seed() -> None:
        db = await Database.open(path)
        async with db.transaction():
            for user_id in range(1, 3001):
                await db.users.touch_user(user_id)
        await db.close()

    asyncio.run(seed())
    with sqlite3.connect(path) as conn:  # everything in the main file, no -wal beside it
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")


def _corrupt_page(path: Path) -> None:
    """The header of the users table's first page overwritten, as a failing disk would."""
    with sqlite3.connect(path) as conn:
        (root,) = conn.execute(
            "SELECT rootpage FROM sqlite_master WHERE name = 'users'"
        ).fetchone()
    conn.close()
    with path.open("r+b") as fh:
        fh.seek((root - 1) * PAGE)
        fh.write(b"\xff" * 16)


def _newer_schema(path: Path) -> None:
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA user_version = 99")
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()


def _not_a_database(path: Path) -> None:
    path.write_bytes(b"this is not an SQLite file, just some text " * 200)


def _run(tmp_path: Path, database: Path) -> tuple[subprocess.CompletedProcess[str], list[str]]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("TELEGRAM_")}
    with FakeBotApi() as api:
        env.update(
            DATABASE_PATH=str(database),
            TELEGRAM_BOT_TOKEN=TOKEN,
            TELEGRAM_BASE_URL=api.base_url,
            PSEUDONYM_SECRET="a-long-enough-test-secret",
            PYTHONUNBUFFERED="1",
        )
        result = subprocess.run(
            [sys.executable, "-m", "bot", "run"],
            env=env,
            cwd=tmp_path,
            stdin=subprocess.DEVNULL,
            capture_output=True,
            text=True,
            timeout=60,  # it once never ended
        )
        return result, [r.method for r in api.requests]


@pytest.mark.parametrize(
    ("damage", "says"),
    [
        (_corrupt_page, "is damaged"),
        (_not_a_database, "is not an SQLite database"),
        (_newer_schema, "schema version 99, which is newer than this version of the bot knows"),
    ],
    ids=["corrupt-page", "not-a-database", "newer-schema"],
)
def test_start_up_refuses_in_one_line_and_ends(tmp_path, damage, says):
    database = tmp_path / "bot.sqlite3"
    _seed(database)
    damage(database)
    before = database.read_bytes()
    result, methods = _run(tmp_path, database)
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr, result.stderr
    [line] = [x for x in result.stderr.splitlines() if x.startswith("error:")]
    assert str(database) in line and says in line, line
    assert "getUpdates" not in methods
    assert database.read_bytes() == before  # nothing written into it


def test_newer_schema_names_both_versions(tmp_path):
    database = tmp_path / "bot.sqlite3"
    _seed(database)
    _newer_schema(database)
    result, _ = _run(tmp_path, database)
    assert f"({len(load_migrations())})" in result.stderr


def test_sigterm_ends_a_running_bot(tmp_path):
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
            env=env,
            cwd=tmp_path,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )
        try:
            api.wait_for("deleteWebhook", timeout=30)  # then it polls
            time.sleep(1.0)
            started = time.monotonic()
            proc.send_signal(signal.SIGTERM)
            _, stderr = proc.communicate(timeout=20)
        finally:
            if proc.poll() is None:
                proc.kill()
        assert proc.returncode == 0, stderr
        assert time.monotonic() - started < 15
        assert "Traceback" not in stderr


async def test_every_error_path_of_start_up_closes_the_database(config, knowledge, monkeypatch):
    """An error after the database was opened (here: while reading the pseudonym key) closes
    it again: aiosqlite's thread would otherwise keep the process alive for ever."""
    import threading

    from bot import app as app_module
    from bot.app import build_application
    from bot.db import DatabaseError
    from bot.local.bot_api import LocalBotApi

    async def broken(*args: object) -> str:
        raise sqlite3.DatabaseError("database disk image is malformed")

    monkeypatch.setattr(app_module, "_pseudonym_secret", broken)
    before = set(threading.enumerate())
    app = build_application(config, request=LocalBotApi(), knowledge=knowledge)
    await app.initialize()
    try:
        with pytest.raises(DatabaseError, match="database disk image is malformed"):
            await app.post_init(app)
    finally:
        await app.shutdown()
    # asyncio's executor threads end with the loop; aiosqlite's would not
    new = [
        t for t in threading.enumerate() if t not in before and not t.name.startswith("asyncio_")
    ]
    for thread in new:  # a closed connection's thread ends a moment later
        thread.join(timeout=5)
    left = [t for t in new if t.is_alive()]
    assert left == []
