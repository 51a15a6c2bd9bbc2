"""The store: migrations from empty, rollback of a failed migration, WAL."""

import pytest

from bot.db import Database, DatabaseError, Migration, load_migrations


async def test_migrations_from_empty_reach_the_latest_version(tmp_path):
    db = await Database.open(tmp_path / "a.sqlite3")
    try:
        assert await db.schema_version() == len(load_migrations())
        [mode] = await db.fetch_all("PRAGMA journal_mode")
        assert mode["journal_mode"] == "wal"
    finally:
        await db.close()


async def test_reopening_applies_nothing_twice(tmp_path):
    for _ in range(2):
        db = await Database.open(tmp_path / "a.sqlite3")
        await db.users.touch_user(1)
        await db.close()
    db = await Database.open(tmp_path / "a.sqlite3")
    assert len(await db.fetch_all("SELECT * FROM users")) == 1
    await db.close()


async def test_each_earlier_version_migrates_to_the_latest(tmp_path):
    migrations = load_migrations()
    for version in range(len(migrations)):
        path = tmp_path / f"v{version}.sqlite3"
        db = await Database.open(path, migrations[:version])
        assert await db.schema_version() == version
        await db.close()
        db = await Database.open(path)
        assert await db.schema_version() == len(migrations)
        await db.close()


async def test_a_failed_migration_rolls_back_completely(tmp_path):
    good = load_migrations()
    bad = Migration(
        len(good) + 1,
        "broken",
        "CREATE TABLE half_done (x INTEGER);\nINSERT INTO nowhere VALUES (1);",
    )
    path = tmp_path / "a.sqlite3"
    with pytest.raises(DatabaseError, match="broken failed and was rolled back"):
        await Database.open(path, [*good, bad])
    db = await Database.open(path)
    try:
        assert await db.schema_version() == len(good)
        tables = {
            r["name"]
            for r in await db.fetch_all("SELECT name FROM sqlite_master WHERE type = 'table'")
        }
        assert "half_done" not in tables
    finally:
        await db.close()


async def test_unopenable_path_is_a_clear_error(tmp_path):
    (tmp_path / "dir.sqlite3").mkdir()
    with pytest.raises(DatabaseError, match="cannot open"):
        await Database.open(tmp_path / "dir.sqlite3")


async def test_a_second_writer_holding_the_lock_makes_the_bot_wait_not_fail(tmp_path):
    import asyncio
    import sqlite3
    import threading

    db = await Database.open(tmp_path / "a.sqlite3")
    holding = threading.Event()

    def other_process() -> None:
        conn = sqlite3.connect(tmp_path / "a.sqlite3")
        conn.execute("BEGIN IMMEDIATE")
        conn.execute("INSERT INTO settings (key, value) VALUES ('other', 'writer')")
        holding.set()
        threading.Event().wait(1.0)  # keep the write lock for a second
        conn.commit()
        conn.close()

    thread = threading.Thread(target=other_process)
    thread.start()
    await asyncio.to_thread(holding.wait)
    try:
        await db.users.touch_user(77)  # blocked by the other writer until it commits
        assert (await db.users.get_user(77)) is not None
        assert await db.users.get_setting("other") == "writer"
    finally:
        thread.join()
        await db.close()
