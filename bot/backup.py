"""`python -m bot backup FILE`: a consistent copy of the database while the bot runs.

SQLite's online backup copies page by page and restarts if the bot writes meanwhile, so the
copy is a snapshot of committed data. The copy is checked with PRAGMA integrity_check.
Restore: stop the bot, copy the file to DATABASE_PATH (removing its -wal and -shm files),
start the bot; migrations bring an older backup up to the current schema.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path

from bot.db import DatabaseError


@dataclass(frozen=True)
class BackupResult:
    path: Path
    schema_version: int
    users: int


def backup(database: Path, target: Path) -> BackupResult:
    """Copy `database` to the new file `target`; raise DatabaseError with what went wrong."""
    if not database.is_file():
        raise DatabaseError(f"there is no database at {database} (DATABASE_PATH)")
    if target.exists():
        raise DatabaseError(f"{target} exists already; choose a new file name")
    target.parent.mkdir(parents=True, exist_ok=True)
    source = sqlite3.connect(database, timeout=30)
    copy = sqlite3.connect(target)
    try:
        source.backup(copy)
        [check] = copy.execute("PRAGMA integrity_check").fetchone()
        if check != "ok":
            raise DatabaseError(f"the copy failed its integrity check: {check}")
        [version] = copy.execute("PRAGMA user_version").fetchone()
        [users] = copy.execute("SELECT count(*) FROM users").fetchone()
    except sqlite3.Error as exc:
        copy.close()
        target.unlink(missing_ok=True)
        raise DatabaseError(f"backup failed: {exc}") from exc
    finally:
        source.close()
    copy.close()
    return BackupResult(target, int(version), int(users))
