"""The bot as a separate process: `run` against a local Bot API, `console` through a pipe."""

import os
import signal
import subprocess
import sys

import pytest

from bot.i18n.languages import LANGUAGES
from tests.conftest import REPO_ROOT
from tests.e2e.fake_bot_api import FakeBotApi

TOKEN = "123456:AAH-abcdefghijklmnopqrstuvwxyz012345"


def _env(tmp_path, **extra):
    env = {k: v for k, v in os.environ.items() if not k.startswith("TELEGRAM_")}
    env.update(DATABASE_PATH=str(tmp_path / "bot.sqlite3"), PYTHONUNBUFFERED="1", **extra)
    return env


def test_run_polls_the_configured_bot_api_and_answers_start(tmp_path):
    with FakeBotApi() as api:
        api.fail["setMyCommands"] = (400, "Bad Request: refused by this server")
        proc = subprocess.Popen(
            [sys.executable, "-m", "bot", "run"],
            cwd=tmp_path,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            env=_env(tmp_path, TELEGRAM_BOT_TOKEN=TOKEN, TELEGRAM_BASE_URL=api.base_url),
        )
        try:
            api.wait_for("getMe")
            api.user_sends("/start", user_id=4711, language_code="tr")
            reply = api.wait_for("sendMessage", chat_id=4711)
        finally:
            proc.send_signal(signal.SIGINT)
            out, _ = proc.communicate(timeout=30)
    assert "MO-Lotse" in reply.params["text"]
    assert reply.params["parse_mode"] == "HTML"
    assert (
        next(
            b["callback_data"]
            for row in reply.params["reply_markup"]["inline_keyboard"]
            for b in row
        )
        == "menu:ask"
    )
    assert "optional Bot API call setMyCommands" in out  # refused, logged, carried on
    assert "Traceback" not in out


def test_console_through_a_pipe_speaks_every_language_and_ends_at_eof(tmp_path, catalogs):
    script = "".join(f"/lang {lang}\n/start\n" for lang in LANGUAGES) + "1\n"
    result = subprocess.run(
        [sys.executable, "-m", "bot", "console"],
        input=script,
        cwd=tmp_path,
        env=_env(tmp_path),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    for lang in LANGUAGES:
        assert catalogs.get(lang).gettext("Welcome to MO-Lotse, {name}!", name="Console") in (
            result.stdout
        ), lang
    assert "[1] " in result.stdout  # buttons are numbered
    assert result.stdout.rstrip().endswith("bye")
    assert "Traceback" not in result.stderr


def test_no_command_and_no_token_starts_the_console_with_a_hint(tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "bot"],
        input="/quit\n",
        cwd=tmp_path,
        env=_env(tmp_path),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0
    first = result.stdout.splitlines()[0]
    assert "TELEGRAM_BOT_TOKEN" in first and "python -m bot run" in first


@pytest.mark.parametrize("script", ["", "\x00\x01binary\n", "/as nobody\n/lang zz\n99\n"])
def test_console_survives_odd_input(tmp_path, script):
    result = subprocess.run(
        [sys.executable, "-m", "bot", "console"],
        input=script,
        cwd=tmp_path,
        env=_env(tmp_path),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0 and "Traceback" not in result.stderr


def test_repo_root_has_the_knowledge():
    assert (REPO_ROOT / "knowledge" / "README.md").is_file()
