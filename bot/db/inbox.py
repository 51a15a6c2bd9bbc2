"""The handoff inbox: questions passed to the office, the coordinators' copies, answers."""

from __future__ import annotations

from dataclasses import dataclass

from bot.db.core import Queries, utcnow


@dataclass(frozen=True)
class OpenQuestion:
    id: int
    user_id: int
    locale: str
    text: str
    created_at: str
    status: str
    shared_name: str | None
    answer: str | None
    answered_at: str | None


_SELECT = (
    "SELECT id, user_id, locale, text, created_at, status, shared_name, answer, answered_at "
    "FROM open_questions"
)


class InboxQueries(Queries):
    async def mark_notified(self, open_question_id: int, shared_name: str | None) -> bool:
        """Record the name choice once; False if the office was already told."""
        cur = await self._conn.execute(
            "UPDATE open_questions SET shared_name = ?, notified_at = ? "
            "WHERE id = ? AND notified_at IS NULL",
            (shared_name, utcnow(), open_question_id),
        )
        return cur.rowcount == 1

    async def add_inbox_message(
        self, chat_id: int, message_id: int, open_question_id: int
    ) -> None:
        await self._conn.execute(
            "INSERT OR REPLACE INTO inbox_messages (chat_id, message_id, open_question_id) "
            "VALUES (?, ?, ?)",
            (chat_id, message_id, open_question_id),
        )

    async def question_for_message(self, chat_id: int, message_id: int) -> OpenQuestion | None:
        """The question a coordinator's copy (chat, message) belongs to."""
        async with self._query(
            f"{_SELECT} WHERE id = (SELECT open_question_id FROM inbox_messages "
            "WHERE chat_id = ? AND message_id = ?)",
            (chat_id, message_id),
        ) as cur:
            row = await cur.fetchone()
        return OpenQuestion(**dict(row)) if row else None

    async def get_open_question(self, open_question_id: int) -> OpenQuestion | None:
        async with self._query(f"{_SELECT} WHERE id = ?", (open_question_id,)) as cur:
            row = await cur.fetchone()
        return OpenQuestion(**dict(row)) if row else None

    async def record_answer(self, open_question_id: int, answer: str, coordinator_id: int) -> None:
        """Store the (latest) answer and mark the question answered."""
        await self._conn.execute(
            "UPDATE open_questions SET status = 'answered', answer = ?, answered_at = ?, "
            "answered_by = ? WHERE id = ?",
            (answer, utcnow(), coordinator_id, open_question_id),
        )

    async def list_open_questions(self, limit: int) -> tuple[list[OpenQuestion], int]:
        """The oldest open questions, and how many are open."""
        where = "WHERE status = 'open'"
        async with self._query(f"{_SELECT} {where} ORDER BY id LIMIT ?", (limit,)) as cur:
            rows = [OpenQuestion(**dict(r)) for r in await cur.fetchall()]
        async with self._query(f"SELECT COUNT(*) FROM open_questions {where}") as cur:
            total = await cur.fetchone()
        return rows, int(total[0]) if total else 0

    async def is_handed_over(self, question_id: int) -> bool:
        """Whether this logged question was passed to the office already."""
        async with self._query(
            "SELECT 1 FROM open_questions WHERE question_id = ?", (question_id,)
        ) as cur:
            return await cur.fetchone() is not None

    async def handovers_since(self, user_id: int, since: str) -> int:
        """How many questions this member passed to the office since `since` (ISO, UTC)."""
        async with self._query(
            "SELECT COUNT(*) FROM open_questions WHERE user_id = ? AND created_at >= ?",
            (user_id, since),
        ) as cur:
            row = await cur.fetchone()
        return int(row[0]) if row else 0
