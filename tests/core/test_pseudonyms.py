"""The pseudonym key lives outside the database (issue 14, finding 4).

Whoever has the database file alone must not be able to recompute a pseudonym: the key is
PSEUDONYM_SECRET or a key file apart from the database, readable by its owner only; a key an
older version kept in the database is moved into the file and erased from the database
(its file and its -wal), and the figures go on under the same pseudonyms.
"""

from __future__ import annotations

import asyncio
import sqlite3
import stat
from dataclasses import replace
from pathlib import Path

import pytest

from bot.app import build_application
from bot.core.pseudonyms import SETTING_KEY, user_key
from bot.db import Database, DatabaseError
from bot.local.bot_api import LocalBotApi
from bot.local.chat import LocalChat, LocalUser
from bot.local.runtime import running

MEMBER = 8800001
LEGACY = "0123456789abcdef" * 4


def _raw(path: Path) -> bytes:
    wal = path.with_name(path.name + "-wal")
    return path.read_bytes() + (wal.read_bytes() if wal.exists() else b"")


async def _ask(config, knowledge, question: str = "xyzzy quux frobnicate") -> None:
    api = LocalBotApi()
    app = build_application(config, request=api, knowledge=knowledge)
    async with running(app):
        await LocalChat(app, api, LocalUser(MEMBER)).send(question)


def _keys(path: Path) -> set[str]:
    with sqlite3.connect(path) as conn:
        return {r[0] for r in conn.execute("SELECT user_key FROM questions")}


async def test_a_new_key_goes_into_an_owner_only_file_not_the_database(config, knowledge):
    config = replace(config, pseudonym_secret=None)
    await _ask(config, knowledge)
    key_file = config.pseudonym_key_file
    secret = key_file.read_text().strip()
    data_folder = [p for p in config.database_path.parent.iterdir() if p.is_file()]
    assert data_folder and not [p for p in data_folder if secret.encode() in p.read_bytes()]
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
    assert _keys(config.database_path) == {user_key(secret, MEMBER)}
    assert secret.encode() not in _raw(config.database_path)
    with sqlite3.connect(config.database_path) as conn:
        assert (
            conn.execute("SELECT * FROM settings WHERE key = ?", (SETTING_KEY,)).fetchall() == []
        )
    await _ask(config, knowledge, "blorp zzzz qqqq")  # a restart keeps the key
    assert key_file.read_text().strip() == secret
    assert _keys(config.database_path) == {user_key(secret, MEMBER)}


async def test_an_old_database_keeps_its_figures_and_loses_its_key(config, knowledge):
    """A database of the version before: the key in `settings`, figures under it."""
    config = replace(config, pseudonym_secret=None)
    db = await Database.open(config.database_path)
    await db.users.set_setting_once(SETTING_KEY, LEGACY)
    await db.questions.log_question(user_key(LEGACY, MEMBER), "de", "alt", "no_match", [])
    await db.close()
    await _ask(config, knowledge)
    assert _keys(config.database_path) == {user_key(LEGACY, MEMBER)}  # one contact, not two
    key_file = config.pseudonym_key_file
    assert key_file.read_text().strip() == LEGACY
    assert LEGACY.encode() not in _raw(config.database_path)


async def test_with_pseudonym_secret_no_file_is_made_and_an_old_key_is_erased(config, knowledge):
    db = await Database.open(config.database_path)
    await db.users.set_setting_once(SETTING_KEY, LEGACY)
    await db.close()
    await _ask(config, knowledge)
    assert not config.pseudonym_key_file.exists()
    assert _keys(config.database_path) == {user_key(config.pseudonym_secret, MEMBER)}
    assert LEGACY.encode() not in _raw(config.database_path)


async def test_a_key_file_others_can_read_is_made_private(config, knowledge):
    config = replace(config, pseudonym_secret=None)
    key_file = config.pseudonym_key_file
    key_file.parent.mkdir()
    key_file.write_text(LEGACY + "\n")
    key_file.chmod(0o644)
    await _ask(config, knowledge)
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
    assert _keys(config.database_path) == {user_key(LEGACY, MEMBER)}


@pytest.mark.parametrize(
    ("content", "says"),
    [("", "is damaged"), ("kurz", "is damaged"), ("x" * 40, "differs from the one")],
)
async def test_a_damaged_or_foreign_key_file_refuses_start_up(config, knowledge, content, says):
    config = replace(config, pseudonym_secret=None)
    db = await Database.open(config.database_path)
    await db.users.set_setting_once(SETTING_KEY, LEGACY)
    await db.close()
    key_file = config.pseudonym_key_file
    key_file.parent.mkdir()
    key_file.write_text(content)
    with pytest.raises(DatabaseError, match=says):
        await _ask(config, knowledge)


def test_the_database_alone_does_not_reveal_who_asked(config, knowledge, tmp_path):
    """The issue's six lines: try every Telegram id against the keys in the database with
    every value stored in it as the key. None may match."""
    config = replace(config, pseudonym_secret=None)
    asyncio.run(_ask(config, knowledge))
    with sqlite3.connect(config.database_path) as conn:
        stored = [str(v) for row in conn.execute("SELECT * FROM settings") for v in row]
        keys = _keys(config.database_path)
    assert not any(user_key(candidate, MEMBER) in keys for candidate in stored)
