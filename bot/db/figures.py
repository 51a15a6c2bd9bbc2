"""Aggregate evaluation figures. Every query returns counts, never a Telegram id or pseudonym.

Periods are half-open [start, end) of ISO strings (UTC), compared as text like the stored
timestamps ('2026-01-01' <= '2026-01-01T08:00:00+00:00' < '2026-02-01').
"""

from __future__ import annotations

from bot.db.core import Queries, utcnow

_CONTACTS = (
    "SELECT at, user_key FROM (SELECT asked_at AS at, user_key FROM questions "
    "UNION ALL SELECT referred_at, user_key FROM referrals) WHERE at >= ? AND at < ?"
)
_CLASS = (
    "CASE WHEN EXISTS (SELECT 1 FROM open_questions o WHERE o.question_id = q.id) "
    "THEN 'handed_off' WHEN q.outcome = 'answered' THEN 'answered' ELSE 'unanswered' END"
)


class FigureQueries(Queries):
    async def _pairs(self, sql: str, params: tuple[object, ...]) -> dict[str, int]:
        async with self._query(sql, params) as cur:
            return {str(r[0]): int(r[1] or 0) for r in await cur.fetchall()}

    async def contacts_total(self, start: str, end: str) -> int:
        """Distinct pseudonyms that asked or were referred in the period."""
        async with self._query(
            f"SELECT COUNT(DISTINCT user_key) FROM ({_CONTACTS})", (start, end)
        ) as cur:
            row = await cur.fetchone()
        return int(row[0]) if row else 0

    async def contacts_per_month(self, start: str, end: str) -> dict[str, int]:
        return await self._pairs(
            f"SELECT substr(at, 1, 7) AS m, COUNT(DISTINCT user_key) FROM ({_CONTACTS}) "
            "GROUP BY m ORDER BY m",
            (start, end),
        )

    async def questions_per_month(self, start: str, end: str) -> dict[str, int]:
        return await self._pairs(
            "SELECT substr(asked_at, 1, 7) AS m, COUNT(*) FROM questions "
            "WHERE asked_at >= ? AND asked_at < ? GROUP BY m ORDER BY m",
            (start, end),
        )

    async def question_outcomes(self, start: str, end: str) -> dict[str, int]:
        """answered (by the bot) / handed_off (to the office) / unanswered: a partition."""
        found = await self._pairs(
            f"SELECT {_CLASS} AS c, COUNT(*) FROM questions q "
            "WHERE q.asked_at >= ? AND q.asked_at < ? GROUP BY c",
            (start, end),
        )
        return {k: found.get(k, 0) for k in ("answered", "handed_off", "unanswered")}

    async def referrals_by_entry(self, start: str, end: str) -> list[tuple[str, str, int]]:
        """(kind, entry id, referrals), most referred first."""
        async with self._query(
            "SELECT kind, entry_id, COUNT(*) AS n FROM referrals "
            "WHERE referred_at >= ? AND referred_at < ? GROUP BY kind, entry_id "
            "ORDER BY n DESC, entry_id",
            (start, end),
        ) as cur:
            return [(str(r[0]), str(r[1]), int(r[2])) for r in await cur.fetchall()]

    async def followup_by_entry(self, start: str, end: str) -> dict[str, dict[str, int]]:
        """Per entry: follow-ups asked, answered, contacted, helped."""
        async with self._query(
            "SELECT entry_id, COUNT(*), SUM(status = 'answered'), SUM(contacted = 1), "
            "SUM(helped = 1) FROM followups WHERE asked_at >= ? AND asked_at < ? "
            "AND status IN ('asked', 'answered') GROUP BY entry_id ORDER BY entry_id",
            (start, end),
        ) as cur:
            rows = await cur.fetchall()
        names = ("asked", "answered", "contacted", "helped")
        return {
            str(r[0]): {n: int(v or 0) for n, v in zip(names, r[1:], strict=True)} for r in rows
        }

    async def question_languages(self, start: str, end: str) -> dict[str, int]:
        return await self._pairs(
            "SELECT locale, COUNT(*) AS n FROM questions WHERE asked_at >= ? AND asked_at < ? "
            "GROUP BY locale ORDER BY n DESC, locale",
            (start, end),
        )

    async def subscription_counts(self) -> dict[str, int]:
        """Current subscriptions per followed target ('*' = everything)."""
        return await self._pairs(
            "SELECT target, COUNT(*) AS n FROM subscriptions GROUP BY target ORDER BY n DESC",
            (),
        )

    async def broadcast_reach(self, start: str, end: str) -> dict[str, int]:
        """Broadcasts created in the period and what their outbox says."""
        async with self._query(
            "SELECT COUNT(DISTINCT b.id), COUNT(o.chat_id), SUM(o.status = 'sent'), "
            "SUM(o.status = 'blocked') FROM broadcasts b "
            "LEFT JOIN outbox o ON o.broadcast_id = b.id "
            "WHERE b.created_at >= ? AND b.created_at < ? AND b.status != 'cancelled'",
            (start, end),
        ) as cur:
            row = await cur.fetchone()
        values = [int(v or 0) for v in (row or (0, 0, 0, 0))]
        return dict(zip(("broadcasts", "recipients", "sent", "blocked"), values, strict=True))

    async def registrations(self, start: str, end: str) -> int:
        """New directory entries in the period (organisations, migration 0006)."""
        async with self._query(
            "SELECT COUNT(*) FROM organisations WHERE created_at >= ? AND created_at < ?",
            (start, end),
        ) as cur:
            row = await cur.fetchone()
        return int(row[0]) if row else 0

    async def count_slowed_down(self) -> None:
        """A member went over their budget and was asked once to slow down (issue 14)."""
        await self._alone(
            "INSERT INTO slowed_down (day, notices) VALUES (?, 1) "
            "ON CONFLICT (day) DO UPDATE SET notices = notices + 1",
            (utcnow()[:10],),
        )

    async def slowed_down(self, start: str, end: str) -> int:
        async with self._query(
            "SELECT COALESCE(SUM(notices), 0) FROM slowed_down WHERE day >= ? AND day < ?",
            (start[:10], end[:10]),
        ) as cur:
            row = await cur.fetchone()
        return int(row[0]) if row else 0

    async def knowledge_gaps(self, limit: int) -> list[dict[str, object]]:
        """Questions the bot could not answer (or the asker rejected) whose text is still kept."""
        return await self.fetch_all(
            f"SELECT q.asked_at, q.locale, q.text, {_CLASS} AS class FROM questions q "
            "WHERE q.text IS NOT NULL AND q.text != '' AND (q.outcome != 'answered' "
            "OR EXISTS (SELECT 1 FROM question_actions a WHERE a.question_id = q.id "
            "AND a.action = 'not_what_i_meant')) ORDER BY q.asked_at DESC, q.id DESC LIMIT ?",
            (limit,),
        )
