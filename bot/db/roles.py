"""Coordinator roles, the role audit log, and who a broadcast can reach."""

from __future__ import annotations

from bot.db.core import Queries, utcnow


class RoleQueries(Queries):
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
