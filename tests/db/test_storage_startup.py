"""A database that cannot be written: `run` refuses in one line, `backup` fails clearly.

Read-only everywhere (also as root, where file modes stop nothing): the SQLite header's
write version above 2, which SQLite answers with SQLITE_READONLY exactly as for a read-only
file. A real read-only or full file system needs a mount; where user namespaces allow it
(`unshare`), the tests mount one, otherwise they are skipped.
"""

import asyncio
import os
import shutil
import subprocess
import sys
from functools import cache
from pathlib import Path

import pytest

from bot.db import Database
from tests.e2e.fake_bot_api import FakeBotApi

TOKEN = "123456:AAH-abcdefghijklmnopqrstuvwxyz012345"
READ_ONLY = "the file, its folder or the file system is read-only"
CANNOT_OPEN = "the file or its folder cannot be opened for writing"
# Runs the command after the script with the folder $0 bind-mounted read-only.
MOUNT_READ_ONLY = 'mount --bind "$0" "$0" && mount -o remount,ro,bind "$0" && exec "$@"'
# A 16 KiB disk; afterwards it lists what is left on it (the disk ends with the namespace).
MOUNT_SMALL_DISK = 'mount -t tmpfs -o size=16k none "$0" && { "$@"; rc=$?; ls -A "$0"; exit $rc; }'


@cache
def _can_mount() -> bool:
    """Whether this machine lets an unprivileged user namespace mount (Linux, unshare)."""
    if shutil.which("unshare") is None:
        return False
    folder = Path(os.environ.get("TMPDIR", "/tmp"))
    probe = subprocess.run(
        ["unshare", "-rm", "sh", "-c", MOUNT_READ_ONLY, str(folder), "true"],
        capture_output=True,
        timeout=30,
    )
    return probe.returncode == 0


needs_mount = pytest.mark.skipif(not _can_mount(), reason="no user namespace mounts here")


def _in_namespace(script: str, folder: Path) -> list[str]:
    return ["unshare", "-rm", "sh", "-c", script, str(folder)]


def _seed(path: Path) -> None:
    async def seed() -> None:
        db = await Database.open(path)
        await db.users.touch_user(4711)
        await db.close()

    asyncio.run(seed())


def _mark_read_only(path: Path) -> None:
    """Header byte 18 is the write version; above 2, SQLite opens the file read-only."""
    with path.open("r+b") as fh:
        fh.seek(18)
        fh.write(bytes([3]))


def _run_bot(tmp_path: Path, database: Path, prefix: list[str]) -> tuple[str, list[str]]:
    """`python -m bot run` against a local Bot API: its stderr and the methods it called."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("TELEGRAM_")}
    with FakeBotApi() as api:
        env.update(
            DATABASE_PATH=str(database),
            TELEGRAM_BOT_TOKEN=TOKEN,
            TELEGRAM_BASE_URL=api.base_url,
            PYTHONUNBUFFERED="1",
        )
        result = subprocess.run(
            [*prefix, sys.executable, "-m", "bot", "run"],
            env=env,
            cwd=tmp_path,
            stdin=subprocess.DEVNULL,
            capture_output=True,
            text=True,
            timeout=60,
        )
        methods = [r.method for r in api.requests]
    assert result.returncode == 2, result.stderr
    return result.stderr, methods


def _refusal(stderr: str) -> str:
    assert "Traceback" not in stderr, stderr
    [line] = [x for x in stderr.splitlines() if x.startswith("error:")]
    return line


def test_a_read_only_database_file_refuses_start_up_and_stays_untouched(tmp_path):
    database = tmp_path / "data" / "bot.sqlite3"
    _seed(database)
    _mark_read_only(database)
    before = database.read_bytes()
    stderr, methods = _run_bot(tmp_path, database, [])
    line = _refusal(stderr)
    assert line == (
        f"error: cannot write the database {database} (DATABASE_PATH): "
        f"attempt to write a readonly database ({READ_ONLY})"
    )
    assert "getUpdates" not in methods  # never started polling
    assert database.read_bytes() == before


def test_a_database_folder_that_cannot_be_made_refuses_start_up(tmp_path):
    (tmp_path / "data").write_text("a file where the folder should be")
    stderr, methods = _run_bot(tmp_path, tmp_path / "data" / "bot.sqlite3", [])
    line = _refusal(stderr)
    assert line.startswith(f"error: cannot create the folder {tmp_path / 'data'} for the database")
    assert "getUpdates" not in methods


@pytest.mark.skipif(os.geteuid() == 0, reason="file modes do not stop root")
def test_a_read_only_database_folder_refuses_start_up(tmp_path):
    database = tmp_path / "data" / "bot.sqlite3"
    _seed(database)
    database.parent.chmod(0o555)
    try:
        stderr, methods = _run_bot(tmp_path, database, [])
    finally:
        database.parent.chmod(0o755)
    line = _refusal(stderr)
    assert str(database) in line and "(DATABASE_PATH)" in line
    assert READ_ONLY in line or CANNOT_OPEN in line
    assert "getUpdates" not in methods


@needs_mount
@pytest.mark.parametrize("exists", [True, False])
def test_a_read_only_file_system_refuses_start_up(tmp_path, exists):
    database = tmp_path / "data" / "bot.sqlite3"
    database.parent.mkdir()
    if exists:
        _seed(database)
    before = sorted(p.name for p in database.parent.iterdir())
    stderr, methods = _run_bot(tmp_path, database, _in_namespace(MOUNT_READ_ONLY, database.parent))
    line = _refusal(stderr)
    assert str(database) in line and "(DATABASE_PATH)" in line
    assert READ_ONLY in line or CANNOT_OPEN in line
    assert "getUpdates" not in methods
    assert sorted(p.name for p in database.parent.iterdir()) == before


# --- backup to a target that cannot take it ------------------------------------------------


def _backup(tmp_path: Path, target: Path, prefix: list[str]) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if not k.startswith("TELEGRAM_")}
    env.update(DATABASE_PATH=str(tmp_path / "bot.sqlite3"))
    return subprocess.run(
        [*prefix, sys.executable, "-m", "bot", "backup", str(target)],
        env=env,
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=60,
    )


def _seed_big(path: Path) -> None:
    """A database larger than the small disk below (about 400 KiB)."""

    async def seed() -> None:
        db = await Database.open(path)
        for user_id in range(3000):
            await db.users.touch_user(user_id)
        await db.close()

    asyncio.run(seed())


def test_backup_into_a_folder_that_cannot_be_made_fails_clearly(tmp_path):
    _seed(tmp_path / "bot.sqlite3")
    (tmp_path / "backups").write_text("a file where the folder should be")
    result = _backup(tmp_path, tmp_path / "backups" / "b.sqlite3", [])
    assert result.returncode == 2
    line = _refusal(result.stderr)
    assert line.startswith(f"error: cannot create the folder {tmp_path / 'backups'}")


@needs_mount
@pytest.mark.parametrize(
    ("script", "cause"),
    [
        (MOUNT_SMALL_DISK, "database or disk is full (the disk is full)"),
        (MOUNT_READ_ONLY, CANNOT_OPEN),
    ],
    ids=["full", "read-only"],
)
def test_backup_to_a_full_or_read_only_disk_fails_clearly_and_leaves_no_file(
    tmp_path, script, cause
):
    _seed_big(tmp_path / "bot.sqlite3")
    target = tmp_path / "backups" / "b.sqlite3"
    target.parent.mkdir()
    result = _backup(tmp_path, target, _in_namespace(script, target.parent))
    assert result.returncode == 2
    line = _refusal(result.stderr)
    assert line.startswith(f"error: backup to {target} failed:") and cause in line
    assert result.stdout == ""  # nothing left on that disk: no half-written copy
