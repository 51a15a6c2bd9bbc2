"""Users and installation settings."""

from __future__ import annotations

from dataclasses import dataclass

from bot.db.core import DatabaseCore, utcnow


@dataclass(frozen=True)
class User:
    id: int
    locale: str | None
    role: str
    first_seen: str
    last_seen: str


class UserQueries(DatabaseCore):
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
