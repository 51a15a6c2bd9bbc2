"""Keeping the knowledge true: the coordinators' quick fixes and the weekly review notices."""

from __future__ import annotations

from dataclasses import dataclass

from bot.db.core import Queries, utcnow


@dataclass(frozen=True)
class StoredFix:
    id: int
    entry_id: str
    field: str
    value: str
    year: int | None
    old: str
    who: str
    who_id: int
    made_at: str


_COLUMNS = "id, entry_id, field, value, year, old, who, who_id, made_at"


class UpkeepQueries(Queries):
    async def add_fix(
        self,
        entry_id: str,
        field: str,
        value: str,
        year: int | None,
        old: str,
        who: str,
        who_id: int,
        made_at: str,
    ) -> int:
        cur = await self._conn.execute(
            "INSERT INTO knowledge_overrides "
            "(entry_id, field, value, year, old, who, who_id, made_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (entry_id, field, value, year, old, who, who_id, made_at),
        )
        assert cur.lastrowid is not None
        return cur.lastrowid

    async def active_fixes(self) -> list[StoredFix]:
        """The fixes in use, in the order they were made (a later one wins)."""
        async with self._query(
            f"SELECT {_COLUMNS} FROM knowledge_overrides WHERE retired_at IS NULL ORDER BY id"
        ) as cur:
            return [StoredFix(**dict(r)) for r in await cur.fetchall()]

    async def retire_fix(self, fix_id: int, why: str) -> None:
        await self._alone(
            "UPDATE knowledge_overrides SET retired_at = ?, retired_why = ? "
            "WHERE id = ? AND retired_at IS NULL",
            (utcnow(), why, fix_id),
        )

    async def claim_review_notice(self, week: str, chat_id: int, items: int) -> bool:
        """Record the week's notice to one coordinator before it is sent; False if it was
        recorded already (sent, failed, or cut off by a crash: never repeated)."""
        cur = await self._conn.execute(
            "INSERT OR IGNORE INTO review_notices (week, chat_id, items, at) VALUES (?, ?, ?, ?)",
            (week, chat_id, items, utcnow()),
        )
        return cur.rowcount == 1

    async def finish_review_notice(self, week: str, chat_id: int, sent: bool) -> None:
        await self._conn.execute(
            "UPDATE review_notices SET state = ?, at = ? WHERE week = ? AND chat_id = ?",
            ("sent" if sent else "failed", utcnow(), week, chat_id),
        )
