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
# A message for the coordination office (questions.intent) counts once it was handed over.
_ASKED = "(q.intent IS NULL OR EXISTS (SELECT 1 FROM open_questions o WHERE o.question_id = q.id))"
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
            "SELECT substr(asked_at, 1, 7) AS m, COUNT(*) FROM questions q "
            f"WHERE asked_at >= ? AND asked_at < ? AND {_ASKED} GROUP BY m ORDER BY m",
            (start, end),
        )

    async def question_outcomes(self, start: str, end: str) -> dict[str, int]:
        """answered (by the bot) / handed_off (to the office) / unanswered: a partition."""
        found = await self._pairs(
            f"SELECT {_CLASS} AS c, COUNT(*) FROM questions q "
            f"WHERE q.asked_at >= ? AND q.asked_at < ? AND {_ASKED} GROUP BY c",
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
            "SELECT locale, COUNT(*) AS n FROM questions q WHERE asked_at >= ? AND asked_at < ? "
            f"AND {_ASKED} GROUP BY locale ORDER BY n DESC, locale",
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
            f"WHERE q.text IS NOT NULL AND q.text != '' AND {_ASKED} AND (q.outcome != 'answered' "
            "OR EXISTS (SELECT 1 FROM question_actions a WHERE a.question_id = q.id "
            "AND a.action = 'not_what_i_meant')) ORDER BY q.asked_at DESC, q.id DESC LIMIT ?",
            (limit,),
        )

    # --- the indicators of issue 16: referral rate, trainings, introductions, formats -----

    async def questions_referred_to(self, start: str, end: str, entry_ids: list[str]) -> int:
        """Questions of the period whose answer (or chosen candidate) referred to one of
        these entries."""
        if not entry_ids:
            return 0
        marks = ", ".join("?" for _ in entry_ids)
        async with self._query(
            "SELECT COUNT(DISTINCT q.id) FROM questions q JOIN referrals r "
            f"ON r.question_id = q.id WHERE q.asked_at >= ? AND q.asked_at < ? "
            f"AND r.entry_id IN ({marks})",
            (start, end, *entry_ids),
        ) as cur:
            row = await cur.fetchone()
        return int(row[0]) if row else 0

    async def trainings_held(
        self, first_day: str, end_day: str, now: str
    ) -> list[dict[str, object]]:
        """Trainings on local days [first_day, end_day) that took place (active, begun), each
        with its seats booked and waiting, marked attended, and the count entered."""
        return await self.fetch_all(
            "SELECT t.id, t.kind, t.topic, t.day, t.capacity, t.attended_count, "
            "COALESCE((SELECT title FROM training_titles x WHERE x.training_id = t.id "
            "AND x.lang = ''), '') AS title, "
            "(SELECT COUNT(*) FROM training_seats s WHERE s.training_id = t.id "
            "AND s.status = 'booked') AS booked, "
            "(SELECT COUNT(*) FROM training_seats s WHERE s.training_id = t.id "
            "AND s.status = 'waiting') AS waiting, "
            "(SELECT COUNT(*) FROM training_seats s WHERE s.training_id = t.id "
            "AND s.status = 'booked' AND s.attended = 1) AS marked "
            "FROM trainings t WHERE t.status = 'active' AND t.day >= ? AND t.day < ? "
            "AND t.starts_at <= ? ORDER BY t.starts_at, t.id",
            (first_day, end_day, now),
        )

    async def training_organisations(
        self, first_day: str, end_day: str, now: str
    ) -> dict[str, int]:
        """Distinct organisations with a seat at, and marked present at, the trainings held."""
        async with self._query(
            "SELECT COUNT(DISTINCT s.org_id), "
            "COUNT(DISTINCT CASE WHEN s.attended = 1 THEN s.org_id END) "
            "FROM training_seats s JOIN trainings t ON t.id = s.training_id "
            "WHERE t.status = 'active' AND t.day >= ? AND t.day < ? AND t.starts_at <= ? "
            "AND s.status = 'booked'",
            (first_day, end_day, now),
        ) as cur:
            row = await cur.fetchone()
        registered, attended = (int(v or 0) for v in (row or (0, 0)))
        return {"registered": registered, "attended": attended}

    async def introductions(self, start: str, end: str) -> list[dict[str, object]]:
        """Per introduction touched in the period: kind, topic, and whether it was proposed,
        accepted (both sides), declined, or reported as a cooperation in the period."""
        return await self.fetch_all(
            "SELECT i.id, i.office_id IS NOT NULL AS office, i.topic, "
            "(i.created_at >= ? AND i.created_at < ?) AS proposed, "
            "(i.connected_at >= ? AND i.connected_at < ?) AS accepted, "
            "(i.status = 'declined' AND i.closed_at >= ? AND i.closed_at < ?) AS declined, "
            "COALESCE((SELECT MIN(s.cooperation_at) FROM introduction_sides s "
            "WHERE s.introduction_id = i.id AND s.cooperation = 1) >= ? AND "
            "(SELECT MIN(s.cooperation_at) FROM introduction_sides s "
            "WHERE s.introduction_id = i.id AND s.cooperation = 1) < ?, 0) AS cooperation "
            "FROM introductions i ORDER BY i.id",
            (start, end, start, end, start, end, start, end),
        )

    async def formats_offered(self) -> tuple[int, dict[str, int]]:
        """(organisations in the directory now, how many of them offer each format)."""
        async with self._query("SELECT formats FROM organisations") as cur:
            rows = [str(r[0] or "") for r in await cur.fetchall()]
        counts: dict[str, int] = {}
        for row in rows:
            for item in {x for x in row.split(",") if x}:
                counts[item] = counts.get(item, 0) + 1
        return len(rows), counts
