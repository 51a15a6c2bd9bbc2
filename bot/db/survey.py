"""The satisfaction survey among the directory's organisations (seed 002 §3.3)."""

from __future__ import annotations

from collections.abc import Sequence

from bot.db.core import Queries, utcnow


class SurveyQueries(Queries):
    async def create_survey(self, created_by: int, user_ids: Sequence[int]) -> int:
        """A new survey with its invitations, in one transaction."""
        async with self.transaction():
            async with self._query(
                "INSERT INTO surveys (created_at, created_by) VALUES (?, ?) RETURNING id",
                (utcnow(), created_by),
            ) as cur:
                row = await cur.fetchone()
            assert row is not None
            survey_id = int(row[0])
            await self._conn.executemany(
                "INSERT OR IGNORE INTO survey_invites (survey_id, user_id) VALUES (?, ?)",
                [(survey_id, uid) for uid in user_ids],
            )
        return survey_id

    async def latest_survey(self) -> int | None:
        async with self._query("SELECT MAX(id) FROM surveys") as cur:
            row = await cur.fetchone()
        return int(row[0]) if row and row[0] is not None else None

    async def survey_invite_state(self, survey_id: int, user_id: int) -> str | None:
        async with self._query(
            "SELECT state FROM survey_invites WHERE survey_id = ? AND user_id = ?",
            (survey_id, user_id),
        ) as cur:
            row = await cur.fetchone()
        return str(row[0]) if row else None

    async def set_survey_invite_state(self, survey_id: int, user_id: int, state: str) -> None:
        await self._conn.execute(
            "UPDATE survey_invites SET state = ? WHERE survey_id = ? AND user_id = ?",
            (state, survey_id, user_id),
        )

    async def save_survey_answer(
        self, survey_id: int, respondent: str, question: str, scale: int | None, text: str | None
    ) -> None:
        """One answer; answering the same question again replaces it."""
        await self._conn.execute(
            "INSERT INTO survey_answers (survey_id, respondent, question, scale, text) "
            "VALUES (?, ?, ?, ?, ?) ON CONFLICT (survey_id, respondent, question) "
            "DO UPDATE SET scale = excluded.scale, text = excluded.text",
            (survey_id, respondent, question, scale, text),
        )

    async def survey_answers(self, survey_id: int) -> list[tuple[str, int | None, str | None]]:
        """(question, scale, text) of every answer, without who gave it."""
        async with self._query(
            "SELECT question, scale, text FROM survey_answers WHERE survey_id = ? "
            "ORDER BY question, respondent",
            (survey_id,),
        ) as cur:
            return [(str(r[0]), r[1], r[2]) for r in await cur.fetchall()]

    async def survey_invite_counts(self, survey_id: int) -> dict[str, int]:
        async with self._query(
            "SELECT state, COUNT(*) FROM survey_invites WHERE survey_id = ? GROUP BY state",
            (survey_id,),
        ) as cur:
            return {str(r[0]): int(r[1]) for r in await cur.fetchall()}
