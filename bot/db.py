"""Every SQL statement of the bot: one aiosqlite connection, numbered migrations."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from importlib import resources
from pathlib import Path

import aiosqlite

log = logging.getLogger(__name__)

BUSY_TIMEOUT_MS = 10_000


class DatabaseError(Exception):
    """The database cannot be opened or migrated; the message says what to do."""


@dataclass(frozen=True)
class Migration:
    version: int
    name: str
    sql: str


@dataclass(frozen=True)
class User:
    id: int
    locale: str | None
    role: str
    first_seen: str
    last_seen: str


@dataclass(frozen=True)
class ScoredId:
    entry_id: str
    score: float


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


class Database:
    """The bot's store. Open with `await Database.open(path)`; one per process."""

    def __init__(self, conn: aiosqlite.Connection) -> None:
        self._conn = conn

    @classmethod
    async def open(
        cls, path: Path | str, migrations: Sequence[Migration] | None = None
    ) -> Database:
        if str(path) != ":memory:":
            Path(path).parent.mkdir(parents=True, exist_ok=True)
        try:
            conn = await aiosqlite.connect(str(path), isolation_level=None)
        except Exception as exc:  # sqlite3 raises OperationalError with a terse message
            raise DatabaseError(f"cannot open {path}: {exc}") from exc
        conn.row_factory = aiosqlite.Row
        db = cls(conn)
        try:
            await conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            await conn.execute("PRAGMA journal_mode = WAL")
            await conn.execute("PRAGMA foreign_keys = ON")
            await db.migrate(load_migrations() if migrations is None else migrations)
        except BaseException:
            await conn.close()
            raise
        return db

    async def close(self) -> None:
        await self._conn.close()

    async def schema_version(self) -> int:
        async with self._conn.execute("PRAGMA user_version") as cur:
            row = await cur.fetchone()
        return int(row[0]) if row else 0

    async def migrate(self, migrations: Sequence[Migration]) -> None:
        """Apply the migrations newer than the file's version, each in one transaction."""
        current = await self.schema_version()
        for m in migrations:
            if m.version <= current:
                continue
            try:
                await self._conn.executescript(
                    f"BEGIN;\n{m.sql}\nPRAGMA user_version = {m.version};\nCOMMIT;"
                )
            except Exception as exc:
                if self._conn.in_transaction:
                    await self._conn.execute("ROLLBACK")
                raise DatabaseError(
                    f"migration {m.version:04d}_{m.name} failed and was rolled back: {exc}"
                ) from exc
            log.info("database migrated to version %d (%s)", m.version, m.name)

    # --- users -------------------------------------------------------------------------

    async def touch_user(self, user_id: int) -> User:
        """Record that the user was seen now and return their row."""
        now = utcnow()
        async with self._conn.execute(
            "INSERT INTO users (id, first_seen, last_seen) VALUES (?, ?, ?) "
            "ON CONFLICT (id) DO UPDATE SET last_seen = excluded.last_seen "
            "RETURNING id, locale, role, first_seen, last_seen",
            (user_id, now, now),
        ) as cur:
            row = await cur.fetchone()
        assert row is not None
        return User(**dict(row))

    async def get_user(self, user_id: int) -> User | None:
        async with self._conn.execute(
            "SELECT id, locale, role, first_seen, last_seen FROM users WHERE id = ?", (user_id,)
        ) as cur:
            row = await cur.fetchone()
        return User(**dict(row)) if row else None

    async def set_locale(self, user_id: int, locale: str | None) -> None:
        await self._conn.execute("UPDATE users SET locale = ? WHERE id = ?", (locale, user_id))

    # --- settings ----------------------------------------------------------------------

    async def get_setting(self, key: str) -> str | None:
        async with self._conn.execute("SELECT value FROM settings WHERE key = ?", (key,)) as cur:
            row = await cur.fetchone()
        return str(row[0]) if row else None

    async def set_setting_once(self, key: str, value: str) -> str:
        """Store value under key unless one is there; return the stored value."""
        await self._conn.execute(
            "INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO NOTHING",
            (key, value),
        )
        stored = await self.get_setting(key)
        assert stored is not None
        return stored

    # --- evaluation log ----------------------------------------------------------------

    async def log_question(
        self, user_key: str, locale: str, text: str, outcome: str, matches: Sequence[ScoredId]
    ) -> int:
        """Store one question with its ranked matches; return its id."""
        await self._conn.execute("BEGIN")
        try:
            cur = await self._conn.execute(
                "INSERT INTO questions (asked_at, user_key, locale, text, outcome) "
                "VALUES (?, ?, ?, ?, ?)",
                (utcnow(), user_key, locale, text, outcome),
            )
            question_id = cur.lastrowid
            await self._conn.executemany(
                "INSERT INTO question_matches (question_id, rank, entry_id, score) "
                "VALUES (?, ?, ?, ?)",
                [(question_id, i, m.entry_id, m.score) for i, m in enumerate(matches, 1)],
            )
            await self._conn.execute("COMMIT")
        except BaseException:
            await self._conn.execute("ROLLBACK")
            raise
        assert question_id is not None
        return question_id

    async def log_referral(
        self, user_key: str, entry_id: str, kind: str, via: str, question_id: int | None = None
    ) -> None:
        await self._conn.execute(
            "INSERT INTO referrals (referred_at, user_key, question_id, entry_id, kind, via) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            (utcnow(), user_key, question_id, entry_id, kind, via),
        )

    async def log_action(self, question_id: int, action: str, entry_id: str | None = None) -> None:
        await self._conn.execute(
            "INSERT INTO question_actions (question_id, acted_at, action, entry_id) "
            "SELECT id, ?, ?, ? FROM questions WHERE id = ?",
            (utcnow(), action, entry_id, question_id),
        )

    async def question_text(self, question_id: int, user_key: str) -> tuple[str, str] | None:
        """(text, locale) of a question asked by this user, or None."""
        async with self._conn.execute(
            "SELECT text, locale FROM questions WHERE id = ? AND user_key = ?",
            (question_id, user_key),
        ) as cur:
            row = await cur.fetchone()
        return (str(row[0] or ""), str(row[1])) if row else None

    async def add_open_question(
        self, question_id: int | None, user_id: int, locale: str, text: str
    ) -> int:
        """Pass a question to the coordination office; returns its number. Idempotent."""
        if question_id is not None:
            async with self._conn.execute(
                "SELECT id FROM open_questions WHERE question_id = ?", (question_id,)
            ) as cur:
                row = await cur.fetchone()
            if row:
                return int(row[0])
        cur = await self._conn.execute(
            "INSERT INTO open_questions (question_id, user_id, locale, text, created_at) "
            "VALUES (?, ?, ?, ?, ?)",
            (question_id, user_id, locale, text, utcnow()),
        )
        assert cur.lastrowid is not None
        return cur.lastrowid

    async def purge_question_texts(self, older_than: str) -> int:
        """Erase the text of questions asked before `older_than` (ISO); counts stay."""
        cur = await self._conn.execute(
            "UPDATE questions SET text = NULL WHERE asked_at < ? AND text IS NOT NULL",
            (older_than,),
        )
        await self._conn.execute(
            "UPDATE open_questions SET text = '' WHERE created_at < ? AND status = 'answered'",
            (older_than,),
        )
        return cur.rowcount

    async def fetch_all(self, sql: str, params: Sequence[object] = ()) -> list[dict[str, object]]:
        """Read-only helper for reports and tests."""
        async with self._conn.execute(sql, params) as cur:
            return [dict(r) for r in await cur.fetchall()]
