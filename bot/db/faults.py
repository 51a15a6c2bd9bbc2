"""Which database errors mean the disk cannot take writes, in words an operator acts on.

A full disk, a read-only file, folder or file system and a failing disk are conditions of
the machine, not bugs: the bot says so in one line instead of a traceback, and a member is
told to try again later. SQLite reports them with its own result codes (the primary code is
the low byte of the extended code that Python exposes as `sqlite_errorcode`).
"""

from __future__ import annotations

import sqlite3

STORAGE_FAULTS: dict[int, str] = {
    sqlite3.SQLITE_FULL: "the disk is full",
    sqlite3.SQLITE_READONLY: "the file, its folder or the file system is read-only",
    sqlite3.SQLITE_CANTOPEN: "the file or its folder cannot be opened for writing",
    sqlite3.SQLITE_IOERR: "the disk reports an input/output error",
}


def storage_fault(exc: BaseException | None) -> str | None:
    """What the disk condition behind `exc` (or an exception it was raised from) is, or None."""
    seen: set[int] = set()
    while exc is not None and id(exc) not in seen:
        seen.add(id(exc))
        code = getattr(exc, "sqlite_errorcode", None)
        if isinstance(exc, sqlite3.Error) and isinstance(code, int):
            fault = STORAGE_FAULTS.get(code & 0xFF)
            if fault:
                return fault
        exc = exc.__cause__ or exc.__context__
    return None


def explain(exc: BaseException) -> str:
    """SQLite's terse message, followed by the condition it means when there is one."""
    fault = storage_fault(exc)
    return f"{exc} ({fault})" if fault else str(exc)
