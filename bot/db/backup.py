"""`python -m bot backup FILE`: a consistent copy of the database while the bot runs.

SQLite's online backup copies page by page and restarts if the bot writes meanwhile, so the
copy is a snapshot of committed data. The copy is checked with PRAGMA integrity_check.
Restore: stop the bot, copy the file to DATABASE_PATH (removing its -wal and -shm files),
start the bot; migrations bring an older backup up to the current schema.
"""

from __future__ import annotations

import sqlite3
from contextlib import closing, suppress
from dataclasses import dataclass
from pathlib import Path

from bot.db import DatabaseError
from bot.db.faults import explain


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
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:  # a read-only file system, a file in the way, no permission
        raise DatabaseError(
            f"cannot create the folder {target.parent} for the backup: {exc.strerror or exc}"
        ) from exc
    try:
        with (
            closing(sqlite3.connect(database, timeout=30)) as source,
            closing(sqlite3.connect(target)) as copy,
        ):
            source.backup(copy)
            [check] = copy.execute("PRAGMA integrity_check").fetchone()
            if check != "ok":
                raise DatabaseError(f"the copy failed its integrity check: {check}")
            [version] = copy.execute("PRAGMA user_version").fetchone()
            [users] = copy.execute("SELECT count(*) FROM users").fetchone()
    except (sqlite3.Error, DatabaseError) as exc:
        with suppress(OSError):  # on a read-only file system there is nothing to remove
            target.unlink(missing_ok=True)  # no half-written or broken copy posing as a backup
        if isinstance(exc, DatabaseError):
            raise
        raise DatabaseError(f"backup to {target} failed: {explain(exc)}") from exc
    return BackupResult(target, int(version), int(users))
