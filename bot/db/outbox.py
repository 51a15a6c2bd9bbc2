"""Broadcasts and their durable per-recipient outbox."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from bot.db.core import Queries, utcnow

FINAL = ("sent", "blocked", "failed", "cancelled")


@dataclass(frozen=True)
class Broadcast:
    id: int
    created_by: int
    audience: str  # JSON, see bot.broadcast.Audience
    send_at: str | None
    status: str
    status_message_id: int | None


@dataclass(frozen=True)
class OutboxRow:
    broadcast_id: int
    chat_id: int
    lang: str
    attempts: int


_BROADCAST = "SELECT id, created_by, audience, send_at, status, status_message_id FROM broadcasts"


class OutboxQueries(Queries):
    async def create_broadcast(
        self,
        created_by: int,
        audience: str,
        texts: Mapping[str, str],
        send_at: str | None,
        recipients: Iterable[tuple[int, str]] = (),
        training_id: int | None = None,
    ) -> int:
        """Store a broadcast; without send_at its outbox rows are queued at once. One that
        announces a training (`training_id`) carries its sign-up button."""
        async with self.transaction():
            cur = await self._conn.execute(
                "INSERT INTO broadcasts (created_at, created_by, audience, send_at, status, "
                "training_id) VALUES (?, ?, ?, ?, ?, ?)",
                (
                    utcnow(),
                    created_by,
                    audience,
                    send_at,
                    "scheduled" if send_at else "sending",
                    training_id,
                ),
            )
            broadcast_id = cur.lastrowid
            assert broadcast_id is not None
            await self._conn.executemany(
                "INSERT INTO broadcast_texts (broadcast_id, lang, text) VALUES (?, ?, ?)",
                [(broadcast_id, lang, text) for lang, text in texts.items()],
            )
            if not send_at:
                await self._insert_rows(broadcast_id, recipients)
        return broadcast_id

    async def _insert_rows(self, broadcast_id: int, recipients: Iterable[tuple[int, str]]) -> None:
        await self._conn.executemany(
            "INSERT OR IGNORE INTO outbox (broadcast_id, chat_id, lang) VALUES (?, ?, ?)",
            [(broadcast_id, chat_id, lang) for chat_id, lang in recipients],
        )

    async def start_broadcast(
        self, broadcast_id: int, recipients: Iterable[tuple[int, str]]
    ) -> bool:
        """A scheduled broadcast falls due: queue its rows; False if it was not scheduled."""
        async with self.transaction():
            cur = await self._conn.execute(
                "UPDATE broadcasts SET status = 'sending' WHERE id = ? AND status = 'scheduled'",
                (broadcast_id,),
            )
            if cur.rowcount != 1:
                return False
            await self._insert_rows(broadcast_id, recipients)
        return True

    async def get_broadcast(self, broadcast_id: int) -> Broadcast | None:
        async with self._query(f"{_BROADCAST} WHERE id = ?", (broadcast_id,)) as cur:
            row = await cur.fetchone()
        return Broadcast(**dict(row)) if row else None

    async def broadcasts_with_status(self, status: str) -> list[Broadcast]:
        async with self._query(f"{_BROADCAST} WHERE status = ? ORDER BY id", (status,)) as cur:
            return [Broadcast(**dict(r)) for r in await cur.fetchall()]

    async def due_scheduled(self, now_iso: str) -> list[Broadcast]:
        async with self._query(
            f"{_BROADCAST} WHERE status = 'scheduled' AND send_at <= ? ORDER BY id", (now_iso,)
        ) as cur:
            return [Broadcast(**dict(r)) for r in await cur.fetchall()]

    async def broadcast_texts(self, broadcast_id: int) -> dict[str, str]:
        async with self._query(
            "SELECT lang, text FROM broadcast_texts WHERE broadcast_id = ?", (broadcast_id,)
        ) as cur:
            return {str(r[0]): str(r[1]) for r in await cur.fetchall()}

    async def set_status_message(self, broadcast_id: int, message_id: int) -> None:
        await self._conn.execute(
            "UPDATE broadcasts SET status_message_id = ? WHERE id = ?", (message_id, broadcast_id)
        )

    async def recover_in_flight(self) -> int:
        """After a restart: rows left 'sending' were in flight at the crash; send them again."""
        cur = await self._conn.execute(
            "UPDATE outbox SET status = 'pending' WHERE status = 'sending'"
        )
        return cur.rowcount

    async def due_rows(self, now: float, limit: int) -> list[OutboxRow]:
        """Pending rows of running broadcasts whose time has come, oldest broadcast first."""
        async with self._query(
            "SELECT o.broadcast_id, o.chat_id, o.lang, o.attempts FROM outbox o "
            "JOIN broadcasts b ON b.id = o.broadcast_id "
            "WHERE o.status = 'pending' AND o.next_try_at <= ? AND b.status = 'sending' "
            "ORDER BY o.broadcast_id, o.next_try_at, o.rowid LIMIT ?",
            (now, limit),
        ) as cur:
            return [OutboxRow(*r) for r in await cur.fetchall()]

    async def next_retry_at(self) -> float | None:
        """When the earliest waiting row of a running broadcast falls due (unix time)."""
        async with self._query(
            "SELECT MIN(o.next_try_at) FROM outbox o JOIN broadcasts b ON b.id = o.broadcast_id "
            "WHERE o.status = 'pending' AND b.status = 'sending'"
        ) as cur:
            row = await cur.fetchone()
        return float(row[0]) if row and row[0] is not None else None

    async def claim_row(self, broadcast_id: int, chat_id: int) -> bool:
        """Mark the row in flight (committed before the request); False if no longer pending."""
        cur = await self._conn.execute(
            "UPDATE outbox SET status = 'sending', attempts = attempts + 1, updated_at = ? "
            "WHERE broadcast_id = ? AND chat_id = ? AND status = 'pending'",
            (utcnow(), broadcast_id, chat_id),
        )
        return cur.rowcount == 1

    async def finish_row(
        self, broadcast_id: int, chat_id: int, status: str, reason: str | None = None
    ) -> None:
        """sent, blocked or failed (the sender marks a blocked user unreachable)."""
        assert status in FINAL
        # One statement each (no transaction): this runs for every message of a broadcast.
        await self._conn.execute(
            "UPDATE outbox SET status = ?, reason = ?, updated_at = ? "
            "WHERE broadcast_id = ? AND chat_id = ?",
            (status, reason, utcnow(), broadcast_id, chat_id),
        )

    async def retry_row(
        self, broadcast_id: int, chat_id: int, next_try_at: float, reason: str, count: bool
    ) -> None:
        """Back to pending until next_try_at; a RetryAfter does not count as an attempt."""
        await self._conn.execute(
            "UPDATE outbox SET status = 'pending', next_try_at = ?, reason = ?, updated_at = ?, "
            "attempts = attempts - ? WHERE broadcast_id = ? AND chat_id = ?",
            (next_try_at, reason, utcnow(), 0 if count else 1, broadcast_id, chat_id),
        )

    async def outbox_counts(self, broadcast_id: int) -> dict[str, dict[str, int]]:
        """{lang: {status: n}} for the report."""
        async with self._query(
            "SELECT lang, status, COUNT(*) FROM outbox WHERE broadcast_id = ? "
            "GROUP BY lang, status",
            (broadcast_id,),
        ) as cur:
            rows = await cur.fetchall()
        counts: dict[str, dict[str, int]] = {}
        for lang, status, n in rows:
            counts.setdefault(str(lang), {})[str(status)] = int(n)
        return counts

    async def cancel_broadcast(self, broadcast_id: int) -> bool:
        """Stop a scheduled or running broadcast; rows not yet sent become 'cancelled'."""
        async with self.transaction():
            cur = await self._conn.execute(
                "UPDATE broadcasts SET status = 'cancelled', finished_at = ? "
                "WHERE id = ? AND status IN ('scheduled', 'sending')",
                (utcnow(), broadcast_id),
            )
            if cur.rowcount != 1:
                return False
            await self._conn.execute(
                "UPDATE outbox SET status = 'cancelled', updated_at = ? "
                "WHERE broadcast_id = ? AND status = 'pending'",
                (utcnow(), broadcast_id),
            )
        return True

    async def complete_if_done(self, broadcast_id: int) -> bool:
        """Mark a running broadcast done once no row is pending or in flight."""
        cur = await self._conn.execute(
            "UPDATE broadcasts SET status = 'done', finished_at = ? "
            "WHERE id = ? AND status = 'sending' AND NOT EXISTS ("
            "SELECT 1 FROM outbox WHERE broadcast_id = ? AND status IN ('pending', 'sending'))",
            (utcnow(), broadcast_id, broadcast_id),
        )
        return cur.rowcount == 1

    async def in_flight(self, broadcast_id: int) -> int:
        async with self._query(
            "SELECT COUNT(*) FROM outbox WHERE broadcast_id = ? AND status = 'sending'",
            (broadcast_id,),
        ) as cur:
            row = await cur.fetchone()
        return int(row[0]) if row else 0
