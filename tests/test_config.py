"""Configuration: defaults, .env, and one clear line for every bad value."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from bot.config import REPO_ROOT, Config, ConfigError

TOKEN = "123456:AAH-abcdefghijklmnopqrstuvwxyz012345"


def test_defaults_without_environment():
    c = Config.from_env({}, env_file=None)
    assert c.telegram_token is None
    assert c.telegram_base_url == "https://api.telegram.org/bot"
    assert c.database_path == Path("data/mo-lotse.sqlite3")
    assert c.coordinator_ids == frozenset()
    assert str(c.timezone) == "Europe/Berlin"
    assert c.default_language == "de"
    assert c.question_retention_days == 90


def test_values_from_environment():
    c = Config.from_env(
        {
            "TELEGRAM_BOT_TOKEN": TOKEN,
            "COORDINATOR_IDS": "1, 22,333",
            "TIMEZONE": "Europe/Istanbul",
            "DEFAULT_LANGUAGE": "tr",
            "TELEGRAM_BASE_URL": "http://127.0.0.1:8081/bot",
        },
        env_file=None,
    )
    assert c.coordinator_ids == frozenset({1, 22, 333})
    assert (str(c.timezone), c.default_language) == ("Europe/Istanbul", "tr")
    assert c.telegram_base_url == "http://127.0.0.1:8081/bot"


def test_env_file_is_read_and_environment_wins(tmp_path):
    env = tmp_path / ".env"
    env.write_text(f"TELEGRAM_BOT_TOKEN={TOKEN}\nDEFAULT_LANGUAGE=fa\n# comment\n")
    c = Config.from_env({"DEFAULT_LANGUAGE": "it"}, env_file=env)
    assert c.telegram_token == TOKEN and c.default_language == "it"


def test_token_is_not_in_repr():
    assert TOKEN not in repr(Config.from_env({"TELEGRAM_BOT_TOKEN": TOKEN}, env_file=None))


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("TELEGRAM_BOT_TOKEN", "not-a-token"),
        ("TELEGRAM_BASE_URL", "ftp://x"),
        ("COORDINATOR_IDS", "12,abc"),
        ("TIMEZONE", "Mars/Olympus"),
        ("DEFAULT_LANGUAGE", "pt"),
        ("QUESTION_RETENTION_DAYS", "0"),
    ],
)
def test_malformed_value_names_the_variable(name, value):
    with pytest.raises(ConfigError) as err:
        Config.from_env({name: value}, env_file=None)
    assert err.value.variable == name and str(err.value).startswith(f"{name}: ")


def test_require_token_names_the_variable():
    with pytest.raises(ConfigError, match="TELEGRAM_BOT_TOKEN"):
        Config.from_env({}, env_file=None).require_token()


def _run_bot(args, env_extra, tmp_path):
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in {"TELEGRAM_BOT_TOKEN", "TIMEZONE", "DEFAULT_LANGUAGE"}
    }
    env.update(env_extra, DATABASE_PATH=str(tmp_path / "db.sqlite3"))
    return subprocess.run(
        [sys.executable, "-m", "bot", *args],
        env=env,
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=60,
        stdin=subprocess.DEVNULL,
    )


@pytest.mark.parametrize(
    ("env", "needle"),
    [
        ({}, "TELEGRAM_BOT_TOKEN: is not set"),
        ({"TELEGRAM_BOT_TOKEN": TOKEN, "TIMEZONE": "Nowhere/City"}, "TIMEZONE: 'Nowhere/City'"),
        ({"TELEGRAM_BOT_TOKEN": TOKEN, "COORDINATOR_IDS": "x"}, "COORDINATOR_IDS: 'x'"),
    ],
)
def test_run_refuses_bad_configuration_with_one_line_and_no_traceback(tmp_path, env, needle):
    result = _run_bot(["run"], env, tmp_path)
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and needle in lines[0]
    assert "Traceback" not in result.stderr


def test_repo_root_is_the_checkout():
    assert (REPO_ROOT / "pyproject.toml").is_file()


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("HANDOVERS_PER_DAY", "0"),
        ("HANDOVERS_PER_DAY", "²"),
        ("HANDOVERS_PER_DAY", "101"),
        ("TRANSLATE_URL", "libretranslate.local"),
        ("TRANSLATE_URL", "ftp://host"),
        ("TRANSLATE_TIMEOUT", "0"),
        ("TRANSLATE_TIMEOUT", "nan"),
        ("TRANSLATE_TIMEOUT", "31"),
    ],
)
def test_inbox_values_are_bounded_with_one_line(name, value):
    with pytest.raises(ConfigError) as err:
        Config.from_env({name: value}, env_file=None)
    assert err.value.variable == name


def test_machine_translation_is_off_by_default_and_set_by_the_environment():
    assert Config.from_env({}, env_file=None).translate.url is None
    c = Config.from_env(
        {
            "TRANSLATE_URL": "http://127.0.0.1:5000",
            "TRANSLATE_API_KEY": "k-1",
            "TRANSLATE_TIMEOUT": "2.5",
            "HANDOVERS_PER_DAY": "3",
        },
        env_file=None,
    )
    assert (c.translate.url, c.translate.api_key, c.translate.timeout) == (
        "http://127.0.0.1:5000",
        "k-1",
        2.5,
    )
    assert c.handovers_per_day == 3 and "k-1" not in repr(c)


@pytest.mark.parametrize(
    ("name", "value"),
    [
        # issue 14, finding 9: odd values once gave a traceback or were accepted
        ("COORDINATOR_IDS", "--5"),
        ("COORDINATOR_IDS", "-5"),
        ("COORDINATOR_IDS", "0"),
        ("COORDINATOR_IDS", "²"),
        ("COORDINATOR_IDS", "99999999999999999999999"),
        ("QUESTION_RETENTION_DAYS", "²"),
        ("FOLLOWUP_DAYS", "²"),
        ("FOLLOWUP_DAYS", "٣"),
        ("QUESTION_RETENTION_DAYS", "1000000"),
        ("FOLLOWUP_DAYS", "100000"),
        ("BROADCAST_IN_FLIGHT", "²"),
        ("BROADCAST_RATE", "nan"),
        ("BROADCAST_RATE", "inf"),
        ("OFFICE_HOURS", "Mon-Fri ٠٩:00-16:00"),
        ("PSEUDONYM_SECRET", "short"),
        ("USER_MESSAGES_PER_MINUTE", "0"),
        ("USER_MESSAGES_PER_MINUTE", "²"),
        ("USER_MESSAGES_PER_MINUTE", "100000"),
        ("INTERACTIVE_SHARE", "0"),
        ("INTERACTIVE_SHARE", "95"),
        ("INTERACTIVE_SHARE", "x"),
    ],
)
def test_every_value_is_bounded_with_one_clear_line(name, value):
    with pytest.raises(ConfigError) as err:
        Config.from_env({name: value}, env_file=None)
    assert err.value.variable == name and str(err.value).startswith(f"{name}: ")
    assert "\n" not in str(err.value)


def test_new_settings_have_defaults_and_are_read():
    c = Config.from_env({}, env_file=None)
    assert (c.user_messages_per_minute, c.interactive_share) == (20, 20)
    c = Config.from_env(
        {"USER_MESSAGES_PER_MINUTE": "30", "INTERACTIVE_SHARE": "25", "FOLLOWUP_DAYS": "365"},
        env_file=None,
    )
    assert (c.user_messages_per_minute, c.interactive_share, c.followup_days) == (30, 25, 365)


@pytest.mark.parametrize(
    ("env", "needle"),
    [
        ({"COORDINATOR_IDS": "--5"}, "COORDINATOR_IDS: '--5'"),
        ({"FOLLOWUP_DAYS": "²"}, "FOLLOWUP_DAYS: '²'"),
        ({"QUESTION_RETENTION_DAYS": "1000000"}, "QUESTION_RETENTION_DAYS: '1000000'"),
    ],
)
def test_odd_values_stop_run_with_one_line(tmp_path, env, needle):
    result = _run_bot(["run"], {"TELEGRAM_BOT_TOKEN": TOKEN, **env}, tmp_path)
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and needle in lines[0], result.stderr


def test_the_pseudonym_key_file_is_kept_apart_from_the_database():
    config = Config.from_env({}, env_file=None)
    assert config.pseudonym_key_file == Path(".pseudonym-key")
    assert config.pseudonym_key_file.parent != config.database_path.parent
    with pytest.raises(ConfigError, match=r"PSEUDONYM_KEY_FILE: .* database's folder"):
        Config.from_env(
            {"DATABASE_PATH": "/srv/bot/data/db.sqlite3", "PSEUDONYM_KEY_FILE": "/srv/bot/data/k"},
            env_file=None,
        )
    elsewhere = {"DATABASE_PATH": "/srv/bot/data/db.sqlite3", "PSEUDONYM_KEY_FILE": "/etc/k"}
    assert Config.from_env(elsewhere, env_file=None).pseudonym_key_file == Path("/etc/k")
