"""The store (one connection, migrations, transactions) and the base of every query object."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import sqlite3
from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from importlib import resources
from pathlib import Path
from typing import Self

import aiosqlite

from bot.db.faults import explain, storage_fault

log = logging.getLogger(__name__)

BUSY_TIMEOUT_MS = 10_000
COMMIT_TRIES = 200  # x 5 ms: how long a COMMIT waits for another coroutine's open cursor


class DatabaseError(Exception):
    """The database cannot be opened or migrated; the message says what to do."""


@dataclass(frozen=True)
class Migration:
    version: int
    name: str
    sql: str


def utcnow() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def load_migrations() -> list[Migration]:
    """The shipped migrations, in order; file names are NNNN_name.sql."""
    folder = resources.files("bot") / "migrations"
    found = []
    for item in folder.iterdir():
        if item.name.endswith(".sql"):
            number, _, rest = item.name.partition("_")
            found.append(
                Migration(int(number), rest.removesuffix(".sql"), item.read_text("utf-8"))
            )
    found.sort(key=lambda m: m.version)
    if [m.version for m in found] != list(range(1, len(found) + 1)):
        raise DatabaseError("migrations are not numbered 1, 2, 3, … without gaps")
    return found


def _open_once(path: str) -> None:
    """Open and close the file: a failed aiosqlite connect leaves its worker thread behind,
    which prints a traceback when the process ends; a failure here leaves nothing."""
    sqlite3.connect(path).close()


class Fetched:
    """The rows of a finished statement, read like a cursor (see Store.query)."""

    def __init__(self, rows: list[aiosqlite.Row]) -> None:
        self._rows = rows

    async def fetchone(self) -> aiosqlite.Row | None:
        return self._rows[0] if self._rows else None

    async def fetchall(self) -> list[aiosqlite.Row]:
        return self._rows


class Store:
    """One aiosqlite connection, shared by the query object of every capability."""

    def __init__(self, conn: aiosqlite.Connection) -> None:
        self.conn = conn
        # Jobs (broadcasts, reminders) run beside the handlers on this one connection: two
        # coroutines must not BEGIN at once ("cannot start a transaction within a transaction").
        self._tx_lock = asyncio.Lock()

    @classmethod
    async def open(cls, path: Path | str, migrations: Sequence[Migration] | None = None) -> Self:
        """Open, prove that writes reach the disk, migrate; DatabaseError names path and cause."""
        if str(path) != ":memory:":
            folder = Path(path).parent
            try:
                folder.mkdir(parents=True, exist_ok=True)
            except OSError as exc:  # read-only file system, a file in the way, no permission
                raise DatabaseError(
                    f"cannot create the folder {folder} for the database (DATABASE_PATH): "
                    f"{exc.strerror or exc}"
                ) from exc
        try:
            await asyncio.to_thread(_open_once, str(path))
            conn = await aiosqlite.connect(str(path), isolation_level=None)
        except Exception as exc:  # sqlite3 raises OperationalError with a terse message
            raise DatabaseError(f"cannot open {path} (DATABASE_PATH): {explain(exc)}") from exc
        conn.row_factory = aiosqlite.Row
        db = cls(conn)
        known = load_migrations() if migrations is None else migrations
        try:
            try:
                await conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
                await db._refuse_unusable(path, len(known))
                await conn.execute("PRAGMA journal_mode = WAL")
                # WAL + NORMAL: no fsync per commit; a crash of the process loses nothing,
                # a power cut at most the last commits, and the file is never corrupted.
                await conn.execute("PRAGMA synchronous = NORMAL")
                await conn.execute("PRAGMA foreign_keys = ON")
                # Deleted rows are overwritten, not left in free pages: an erasure erases.
                await conn.execute("PRAGMA secure_delete = ON")
                await db._prove_writable()
            except sqlite3.Error as exc:
                raise DatabaseError(
                    f"cannot write the database {path} (DATABASE_PATH): {explain(exc)}"
                ) from exc
            await db.migrate(known)
        except BaseException:
            await conn.close()  # its thread would keep the process alive (issue 14)
            raise
        return db

    async def _refuse_unusable(self, path: Path | str, known: int) -> None:
        """A file that is no database, is damaged, or comes from a newer version of the bot:
        refused before anything is written to it (DatabaseError, one line)."""
        try:
            version = await self.schema_version()
            async with self.query("PRAGMA quick_check(1)") as cur:
                row = await cur.fetchone()
            verdict = str(row[0]) if row else "no answer"
        except sqlite3.DatabaseError as exc:
            if storage_fault(exc):
                raise
            if "not a database" in str(exc):
                raise DatabaseError(
                    f"the database {path} (DATABASE_PATH) is not an SQLite database; "
                    "restore a backup (README: Backup and restore)"
                ) from exc
            verdict = str(exc)
        if verdict != "ok":
            raise DatabaseError(
                f"the database {path} (DATABASE_PATH) is damaged ({verdict}); "
                "restore a backup (README: Backup and restore)"
            )
        if version > known:
            raise DatabaseError(
                f"the database {path} (DATABASE_PATH) has schema version {version}, "
                f"which is newer than this version of the bot knows ({known}); "
                "run the version that wrote it, or restore a backup"
            )

    async def _prove_writable(self) -> None:
        """Write the header's own schema version back: fails now, at start-up, if it can't.

        SQLite opens a read-only file (or one in a read-only folder or file system) without
        complaint and reads it; without this the first member to write would meet the fault.
        """
        version = await self.schema_version()
        await self.conn.execute(f"PRAGMA user_version = {version}")

    async def close(self) -> None:
        await self.conn.close()

    async def checkpoint(self) -> None:
        """Write the -wal file into the database and empty it: what was erased is gone from
        both (with secure_delete, deleted rows are overwritten in the database file)."""
        async with self._tx_lock, self.query("PRAGMA wal_checkpoint(TRUNCATE)") as cur:
            row = await cur.fetchone()
        if row is not None and row[0]:
            log.warning("the -wal file could not be emptied now (busy); it is at the next one")

    async def alone(self, sql: str, params: Sequence[object] = ()) -> int:
        """One write statement, atomic by itself and never inside another coroutine's open
        transaction on this connection; returns the rows it changed."""
        async with self._tx_lock:
            cur = await self.conn.execute(sql, params)
            return cur.rowcount

    @asynccontextmanager
    async def query(self, sql: str, params: Sequence[object] = ()) -> AsyncIterator[Fetched]:
        """Run a statement to its end in one round trip to the database thread.

        aiosqlite's cursor costs a round trip per fetch and one to close, and a statement
        left open between them makes another coroutine's COMMIT fail ("SQL statements in
        progress"); here the rows are all read at once and the statement is closed.
        """
        yield Fetched(list(await self.conn.execute_fetchall(sql, params)))

    async def schema_version(self) -> int:
        async with self.query("PRAGMA user_version") as cur:
            row = await cur.fetchone()
        return int(row[0]) if row else 0

    async def migrate(self, migrations: Sequence[Migration]) -> None:
        """Apply the migrations newer than the file's version, each in one transaction."""
        current = await self.schema_version()
        for m in migrations:
            if m.version <= current:
                continue
            try:
                await self.conn.executescript(
                    f"BEGIN;\n{m.sql}\nPRAGMA user_version = {m.version};\nCOMMIT;"
                )
            except Exception as exc:
                if self.conn.in_transaction:
                    await self.conn.execute("ROLLBACK")
                raise DatabaseError(
                    f"migration {m.version:04d}_{m.name} failed and was rolled back: {exc}"
                ) from exc
            log.info("database migrated to version %d (%s)", m.version, m.name)

    @asynccontextmanager
    async def transaction(self) -> AsyncIterator[None]:
        """BEGIN … COMMIT, or ROLLBACK on any error (the connection is in autocommit mode)."""
        async with self._tx_lock:
            await self.conn.execute("BEGIN IMMEDIATE")
            try:
                yield
                # A full disk can refuse the COMMIT itself; it must not leave the transaction
                # open, or every later BEGIN fails even after space is freed.
                await self._commit()
            except BaseException:
                await self._rollback()
                raise

    async def _commit(self) -> None:
        # Another coroutine's read on this connection may sit between two fetches (a cursor
        # not yet closed); SQLite refuses COMMIT until it is done, which takes a moment.
        for _ in range(COMMIT_TRIES - 1):
            try:
                await self.conn.execute("COMMIT")
                return
            except sqlite3.OperationalError as exc:
                if "statements in progress" not in str(exc):
                    raise
            await asyncio.sleep(0.005)
        await self.conn.execute("COMMIT")

    async def _rollback(self) -> None:
        # SQLite ends the transaction itself on some errors (SQLITE_FULL, SQLITE_IOERR): a
        # ROLLBACK then fails, and its error must not hide the one that matters.
        if not self.conn.in_transaction:
            return
        try:
            await self.conn.execute("ROLLBACK")
        except sqlite3.Error as exc:
            log.error("ROLLBACK failed after an error: %s", explain(exc))

    async def fetch_all(self, sql: str, params: Sequence[object] = ()) -> list[dict[str, object]]:
        """Read-only helper for reports and tests."""
        async with self.query(sql, params) as cur:
            return [dict(r) for r in await cur.fetchall()]


class Queries:
    """Base of a capability's query object: the shared store's helpers, under short names."""

    def __init__(self, store: Store) -> None:
        self._store = store

    @property
    def _conn(self) -> aiosqlite.Connection:
        return self._store.conn

    def _query(
        self, sql: str, params: Sequence[object] = ()
    ) -> contextlib.AbstractAsyncContextManager[Fetched]:
        return self._store.query(sql, params)

    async def _alone(self, sql: str, params: Sequence[object] = ()) -> int:
        return await self._store.alone(sql, params)

    def transaction(self) -> contextlib.AbstractAsyncContextManager[None]:
        return self._store.transaction()

    async def fetch_all(self, sql: str, params: Sequence[object] = ()) -> list[dict[str, object]]:
        return await self._store.fetch_all(sql, params)
