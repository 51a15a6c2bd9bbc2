"""Operations: online backup, webhook mode with its secret token."""

import asyncio
import json
import os
import signal
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.error
import urllib.request

import pytest

from bot.config import ConfigError, WebhookConfig
from bot.db import Database
from tests.e2e.fake_bot_api import FakeBotApi

TOKEN = "123456:AAH-abcdefghijklmnopqrstuvwxyz012345"
SECRET = "s3cret-token_for-tests"


def _env(tmp_path, **extra):
    env = {k: v for k, v in os.environ.items() if not k.startswith(("TELEGRAM_", "WEBHOOK_"))}
    env.update(DATABASE_PATH=str(tmp_path / "bot.sqlite3"), PYTHONUNBUFFERED="1", **extra)
    return env


def test_backup_copies_committed_data_while_a_writer_holds_a_transaction(tmp_path):
    async def seed() -> None:
        db = await Database.open(tmp_path / "bot.sqlite3")
        await db.users.touch_user(4711)
        await db.close()

    async def reopen() -> bool:
        restored = await Database.open(tmp_path / "b.sqlite3")
        found = await restored.users.get_user(4711)
        await restored.close()
        return found is not None

    asyncio.run(seed())
    writer = sqlite3.connect(tmp_path / "bot.sqlite3")
    writer.execute("BEGIN IMMEDIATE")
    writer.execute("INSERT INTO users (id, first_seen, last_seen) VALUES (9, 'x', 'x')")
    result = subprocess.run(
        [sys.executable, "-m", "bot", "backup", str(tmp_path / "b.sqlite3")],
        env=_env(tmp_path),
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=60,
    )
    writer.rollback()
    writer.close()
    assert result.returncode == 0, result.stderr
    assert "backup written" in result.stdout and "1 users" in result.stdout
    copy = sqlite3.connect(tmp_path / "b.sqlite3")
    assert copy.execute("SELECT id FROM users").fetchall() == [(4711,)]
    assert copy.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    copy.close()
    assert asyncio.run(reopen())  # a restored backup opens and migrates like any database


@pytest.mark.parametrize("case", ["exists", "missing"])
def test_backup_refuses_with_a_clear_line(tmp_path, case):
    target = tmp_path / "b.sqlite3"
    env = _env(tmp_path)
    if case == "exists":
        target.write_text("keep me")
        sqlite3.connect(tmp_path / "bot.sqlite3").close()
    result = subprocess.run(
        [sys.executable, "-m", "bot", "backup", str(target)],
        env=env,
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert ("exists already" if case == "exists" else "no database") in result.stderr
    if case == "exists":
        assert target.read_text() == "keep me"


@pytest.mark.parametrize(
    ("env", "variable"),
    [
        ({}, "WEBHOOK_URL"),
        ({"WEBHOOK_URL": "https://bot.example/hook"}, "WEBHOOK_SECRET"),
        ({"WEBHOOK_URL": "https://bot.example/hook", "WEBHOOK_SECRET": "short"}, "WEBHOOK_SECRET"),
        (
            {
                "WEBHOOK_URL": "https://bot.example/hook",
                "WEBHOOK_SECRET": SECRET,
                "WEBHOOK_PORT": "99999",
            },
            "WEBHOOK_PORT",
        ),
    ],
)
def test_webhook_settings_are_validated(env, variable):
    with pytest.raises(ConfigError) as err:
        WebhookConfig.from_env(env, env_file=None)
    assert err.value.variable == variable


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _post(port: int, payload: dict, secret: str | None) -> int:
    request = urllib.request.Request(
        f"http://127.0.0.1:{port}/hook",
        data=json.dumps(payload).encode(),
        method="POST",
        headers={
            "Content-Type": "application/json",
            **({"X-Telegram-Bot-Api-Secret-Token": secret} if secret else {}),
        },
    )
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status
    except urllib.error.HTTPError as exc:
        return exc.code
    except urllib.error.URLError:
        return 0  # not listening yet


def _start_update(user_id: int) -> dict:
    return {
        "update_id": user_id,
        "message": {
            "message_id": 1,
            "date": int(time.time()),
            "chat": {"id": user_id, "type": "private", "first_name": "W"},
            "from": {"id": user_id, "is_bot": False, "first_name": "W", "language_code": "it"},
            "text": "/start",
            "entities": [{"type": "bot_command", "offset": 0, "length": 6}],
        },
    }


def test_webhook_mode_answers_posted_updates_and_refuses_without_the_secret(tmp_path):
    port = _free_port()
    with FakeBotApi() as api:
        proc = subprocess.Popen(
            [sys.executable, "-m", "bot", "run", "--webhook"],
            cwd=tmp_path,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            env=_env(
                tmp_path,
                TELEGRAM_BOT_TOKEN=TOKEN,
                TELEGRAM_BASE_URL=api.base_url,
                WEBHOOK_URL="https://bot.example/hook",
                WEBHOOK_SECRET=SECRET,
                WEBHOOK_LISTEN="127.0.0.1",
                WEBHOOK_PORT=str(port),
            ),
        )
        try:
            registered = api.wait_for("setWebhook")
            assert registered.params["url"] == "https://bot.example/hook"
            assert registered.params["secret_token"] == SECRET
            deadline = time.monotonic() + 20
            while _post(port, _start_update(1), SECRET) != 200:  # server still starting
                assert time.monotonic() < deadline
                time.sleep(0.2)
            reply = api.wait_for("sendMessage", chat_id=1)
            assert _post(port, _start_update(2), None) == 403
            assert _post(port, _start_update(3), "wrong-secret-value-here") == 403
            time.sleep(1.0)
            assert not [
                r
                for r in api.requests
                if r.method == "sendMessage" and str(r.params["chat_id"]) in {"2", "3"}
            ]
        finally:
            proc.send_signal(signal.SIGINT)
            out, _ = proc.communicate(timeout=30)
    assert "MO-Lotse" in reply.params["text"]
    assert "Traceback" not in out
