"""The evaluation log: questions, matches, referrals, actions, questions for the office."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from bot.db.core import Queries, utcnow


@dataclass(frozen=True)
class ScoredId:
    entry_id: str
    score: float


class QuestionQueries(Queries):
    async def log_question(
        self,
        user_key: str,
        locale: str,
        text: str,
        outcome: str,
        matches: Sequence[ScoredId],
        intent: str | None = None,
    ) -> int:
        """Store one question with its ranked matches; return its id. `intent`: a message
        for the coordination office (migration 0008), counted only once handed over."""
        async with self.transaction():
            cur = await self._conn.execute(
                "INSERT INTO questions (asked_at, user_key, locale, text, outcome, intent) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                (utcnow(), user_key, locale, text, outcome, intent),
            )
            question_id = cur.lastrowid
            await self._conn.executemany(
                "INSERT INTO question_matches (question_id, rank, entry_id, score) "
                "VALUES (?, ?, ?, ?)",
                [(question_id, i, m.entry_id, m.score) for i, m in enumerate(matches, 1)],
            )
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
        async with self._query(
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
            async with self._query(
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
