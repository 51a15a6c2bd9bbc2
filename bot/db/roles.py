"""Coordinator roles, the role audit log, and who a broadcast can reach."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from bot.db.core import DatabaseCore, utcnow


@dataclass(frozen=True)
class Reachable:
    """A user a broadcast may address, with what decides their language."""

    id: int
    locale: str | None
    telegram_language: str | None


class RoleQueries(DatabaseCore):
    async def set_role(self, actor_id: int, target_id: int, role: str) -> bool:
        """Give target the role (creating their row if needed) and log it; False if unchanged."""
        action = "grant" if role == "coordinator" else "revoke"
        now = utcnow()
        async with self.transaction():
            async with self._query("SELECT role FROM users WHERE id = ?", (target_id,)) as cur:
                row = await cur.fetchone()
            if (row[0] if row else "member") == role:
                return False
            await self._conn.execute(
                "INSERT INTO users (id, role, first_seen, last_seen) VALUES (?, ?, ?, ?) "
                "ON CONFLICT (id) DO UPDATE SET role = excluded.role",
                (target_id, role, now, now),
            )
            await self._conn.execute(
                "INSERT INTO role_changes (changed_at, actor_id, target_id, action) "
                "VALUES (?, ?, ?, ?)",
                (now, actor_id, target_id, action),
            )
        return True

    async def role_changes(self) -> list[dict[str, object]]:
        """The audit log, oldest first."""
        return await self.fetch_all(
            "SELECT changed_at, actor_id, target_id, action FROM role_changes ORDER BY id"
        )

    async def coordinators_by_role(self) -> list[int]:
        async with self._query(
            "SELECT id FROM users WHERE role = 'coordinator' ORDER BY id"
        ) as cur:
            return [int(r[0]) for r in await cur.fetchall()]

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

    async def subscriber_ids(self, target: str) -> set[int]:
        """Who follows a network or program (issue 5's table), '*' meaning everything."""
        async with self._query(
            "SELECT DISTINCT user_id FROM subscriptions WHERE target IN (?, '*')", (target,)
        ) as cur:
            return {int(r[0]) for r in await cur.fetchall()}

    async def subscribed_targets(self) -> list[str]:
        async with self._query(
            "SELECT DISTINCT target FROM subscriptions WHERE target != '*' ORDER BY target"
        ) as cur:
            return [str(r[0]) for r in await cur.fetchall()]

    async def table_exists(self, name: str) -> bool:
        async with self._query(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (name,)
        ) as cur:
            return await cur.fetchone() is not None
