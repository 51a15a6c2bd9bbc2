"""Users and installation settings."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from bot.db.core import Queries, utcnow


@dataclass(frozen=True)
class Reachable:
    """A user a broadcast may address, with what decides their language."""

    id: int
    locale: str | None
    telegram_language: str | None


@dataclass(frozen=True)
class User:
    id: int
    locale: str | None
    role: str
    first_seen: str
    last_seen: str


class UserQueries(Queries):
    async def touch_user(self, user_id: int) -> User:
        """Record that the user was seen now and return their row."""
        now = utcnow()
        async with self._query(
            "INSERT INTO users (id, first_seen, last_seen) VALUES (?, ?, ?) "
            "ON CONFLICT (id) DO UPDATE SET last_seen = excluded.last_seen "
            "RETURNING id, locale, role, first_seen, last_seen",
            (user_id, now, now),
        ) as cur:
            row = await cur.fetchone()
        assert row is not None
        return User(**dict(row))

    async def get_user(self, user_id: int) -> User | None:
        async with self._query(
            "SELECT id, locale, role, first_seen, last_seen FROM users WHERE id = ?", (user_id,)
        ) as cur:
            row = await cur.fetchone()
        return User(**dict(row)) if row else None

    async def set_locale(self, user_id: int, locale: str | None) -> None:
        await self._conn.execute("UPDATE users SET locale = ? WHERE id = ?", (locale, user_id))

    async def get_setting(self, key: str) -> str | None:
        async with self._query("SELECT value FROM settings WHERE key = ?", (key,)) as cur:
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

    async def forget_setting(self, key: str) -> None:
        """Delete a setting; with secure_delete (core.py) its value is overwritten on disk."""
        await self._alone("DELETE FROM settings WHERE key = ?", (key,))
        await self._store.checkpoint()

    async def note_seen_language(self, user_id: int, telegram_language: str | None) -> None:
        """Remember Telegram's language and that the user is reachable (they just wrote)."""
        await self._conn.execute(
            "UPDATE users SET telegram_language = ?, unreachable_since = NULL "
            "WHERE id = ? AND (telegram_language IS NOT ? OR unreachable_since IS NOT NULL)",
            (telegram_language, user_id, telegram_language),
        )

    async def mark_unreachable(self, user_ids: Sequence[int]) -> None:
        await self._conn.executemany(
            "UPDATE users SET unreachable_since = ? WHERE id = ? AND unreachable_since IS NULL",
            [(utcnow(), uid) for uid in user_ids],
        )

    async def is_unreachable(self, user_id: int) -> bool:
        async with self._query(
            "SELECT unreachable_since FROM users WHERE id = ?", (user_id,)
        ) as cur:
            row = await cur.fetchone()
        return bool(row and row[0])

    async def reachable_users(self) -> list[Reachable]:
        """Every user not known to have blocked the bot (private chats: id = chat id)."""
        async with self._query(
            "SELECT id, locale, telegram_language FROM users "
            "WHERE unreachable_since IS NULL AND id > 0 ORDER BY id"
        ) as cur:
            return [Reachable(int(r[0]), r[1], r[2]) for r in await cur.fetchall()]

    async def languages_of(self, user_id: int) -> tuple[str | None, str | None]:
        """(chosen locale, Telegram's language) of a user, to address them correctly."""
        async with self._query(
            "SELECT locale, telegram_language FROM users WHERE id = ?", (user_id,)
        ) as cur:
            row = await cur.fetchone()
        return (row[0], row[1]) if row else (None, None)
