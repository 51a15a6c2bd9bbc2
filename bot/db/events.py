"""Coordinator dates, subscriptions, lead times, and the at-most-once delivery record."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from bot.db.core import Queries, utcnow

WATERMARK_KEY = "reminders_checked_until"
_EVENT_COLUMNS = (
    "id, series, entry_id, title, day, start_time, place, note, status, revision, "
    "created_at, updated_at"
)
EDITABLE = ("day", "start_time", "place", "note", "title")


# A subscriber who blocked the bot (the sender marked them) gets nothing until they write again.
_REACHABLE = (
    "NOT EXISTS (SELECT 1 FROM users u WHERE u.id = s.user_id AND u.unreachable_since IS NOT NULL)"
)


@dataclass(frozen=True)
class StoredEvent:
    id: int
    series: str | None
    entry_id: str | None
    title: str | None
    day: str  # YYYY-MM-DD local
    start_time: str | None  # HH:MM local; None: all day
    place: str | None
    note: str | None
    status: str  # active | cancelled
    revision: int
    created_at: str
    updated_at: str


@dataclass(frozen=True)
class Notice:
    id: int
    event_id: int
    change: str  # added | changed | cancelled


@dataclass(frozen=True)
class Recipient:
    user_id: int
    locale: str


class EventQueries(Queries):
    # --- coordinator dates ---------------------------------------------------------------

    async def add_event(
        self,
        *,
        series: str | None,
        entry_id: str | None,
        title: str | None,
        day: str,
        start_time: str | None,
        place: str | None,
        note: str | None,
    ) -> int:
        """Store a date and queue an 'added' notice for its subscribers; return its id."""
        now = utcnow()
        async with self.transaction():
            cur = await self._conn.execute(
                "INSERT INTO events (series, entry_id, title, day, start_time, place, note, "
                "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (series, entry_id, title, day, start_time, place, note, now, now),
            )
            assert cur.lastrowid is not None
            await self._notice(cur.lastrowid, "added", now)
        return cur.lastrowid

    async def update_event(self, event_id: int, **changes: str | None) -> bool:
        """Change fields of an active date (see EDITABLE) and queue a 'changed' notice."""
        if not changes or set(changes) - set(EDITABLE):
            raise ValueError(f"only {EDITABLE} can change")
        now = utcnow()
        assignments = ", ".join(f"{name} = ?" for name in changes)  # names from EDITABLE only
        async with self.transaction():
            cur = await self._conn.execute(
                f"UPDATE events SET {assignments}, revision = revision + 1, updated_at = ? "
                "WHERE id = ? AND status = 'active'",
                (*changes.values(), now, event_id),
            )
            if cur.rowcount:
                await self._notice(event_id, "changed", now)
        return bool(cur.rowcount)

    async def cancel_event(self, event_id: int) -> bool:
        now = utcnow()
        async with self.transaction():
            cur = await self._conn.execute(
                "UPDATE events SET status = 'cancelled', revision = revision + 1, "
                "updated_at = ? WHERE id = ? AND status = 'active'",
                (now, event_id),
            )
            if cur.rowcount:
                await self._notice(event_id, "cancelled", now)
        return bool(cur.rowcount)

    async def _notice(self, event_id: int, change: str, now: str) -> None:
        await self._conn.execute(
            "INSERT INTO event_notices (event_id, change, created_at) VALUES (?, ?, ?)",
            (event_id, change, now),
        )

    async def get_event(self, event_id: int) -> StoredEvent | None:
        async with self._query(
            f"SELECT {_EVENT_COLUMNS} FROM events WHERE id = ?", (event_id,)
        ) as cur:
            row = await cur.fetchone()
        return StoredEvent(**dict(row)) if row else None

    async def events_between(self, first_day: str, last_day: str) -> list[StoredEvent]:
        """Dates (active and cancelled) on local days first_day..last_day (ISO, inclusive)."""
        async with self._query(
            f"SELECT {_EVENT_COLUMNS} FROM events WHERE day BETWEEN ? AND ? ORDER BY day, id",
            (first_day, last_day),
        ) as cur:
            return [StoredEvent(**dict(r)) for r in await cur.fetchall()]

    async def pending_notices(self) -> list[Notice]:
        async with self._query(
            "SELECT id, event_id, change FROM event_notices WHERE done = 0 ORDER BY id"
        ) as cur:
            return [Notice(**dict(r)) for r in await cur.fetchall()]

    async def finish_notice(self, notice_id: int) -> None:
        await self._conn.execute("UPDATE event_notices SET done = 1 WHERE id = ?", (notice_id,))

    # --- subscriptions -------------------------------------------------------------------

    async def subscribe(
        self, user_id: int, target: str, locale: str, default_leads: Sequence[str], since: str
    ) -> bool:
        """Follow `target` (entry id or '*') from `since` (ISO, UTC); True if it is new."""
        async with self.transaction():
            await self._remember_subscriber(user_id, locale, default_leads)
            cur = await self._conn.execute(
                "INSERT INTO subscriptions (user_id, target, since) VALUES (?, ?, ?) "
                "ON CONFLICT DO NOTHING",
                (user_id, target, since),
            )
        return bool(cur.rowcount)

    async def unsubscribe(self, user_id: int, target: str) -> None:
        await self._conn.execute(
            "DELETE FROM subscriptions WHERE user_id = ? AND target = ?", (user_id, target)
        )

    async def subscriptions_of(self, user_id: int) -> set[str]:
        async with self._query(
            "SELECT target FROM subscriptions WHERE user_id = ?", (user_id,)
        ) as cur:
            return {str(r[0]) for r in await cur.fetchall()}

    async def leads_of(self, user_id: int) -> tuple[str, ...] | None:
        async with self._query(
            "SELECT leads FROM subscribers WHERE user_id = ?", (user_id,)
        ) as cur:
            row = await cur.fetchone()
        return tuple(str(row[0]).split(",")) if row else None

    async def set_leads(self, user_id: int, locale: str, leads: Sequence[str]) -> None:
        await self._conn.execute(
            "INSERT INTO subscribers (user_id, locale, leads) VALUES (?, ?, ?) "
            "ON CONFLICT (user_id) DO UPDATE SET locale = excluded.locale, leads = excluded.leads",
            (user_id, locale, ",".join(leads)),
        )

    async def _remember_subscriber(
        self, user_id: int, locale: str, default_leads: Sequence[str]
    ) -> None:
        await self._conn.execute(
            "INSERT INTO subscribers (user_id, locale, leads) VALUES (?, ?, ?) "
            "ON CONFLICT (user_id) DO UPDATE SET locale = excluded.locale",
            (user_id, locale, ",".join(default_leads)),
        )

    async def lead_targets(self) -> list[tuple[str, str]]:
        """Distinct (target, lead) pairs in use: what the scheduler must plan for."""
        async with self._query(
            "SELECT DISTINCT s.target, p.leads FROM subscriptions s "
            "JOIN subscribers p ON p.user_id = s.user_id"
        ) as cur:
            rows = await cur.fetchall()
        return sorted({(str(t), lead) for t, leads in rows for lead in str(leads).split(",")})

    # --- deliveries: claimed before sending, so each is sent at most once ----------------

    async def claim_reminders(
        self, targets: Iterable[str], lead: str, due: str, item: str, state: str
    ) -> list[Recipient]:
        """Record `item` for every subscriber owed it (not yet recorded) and return them."""
        wanted = sorted({*targets, "*"})
        marks = ", ".join("?" for _ in wanted)
        async with self.transaction():
            await self._conn.execute(
                "INSERT INTO reminder_deliveries (user_id, item, state, at) "
                "SELECT DISTINCT s.user_id, ?, ?, ? FROM subscriptions s "
                "JOIN subscribers p ON p.user_id = s.user_id "
                f"WHERE s.target IN ({marks}) AND s.since <= ? AND {_REACHABLE} "
                "AND instr(',' || p.leads || ',', ?) > 0 ON CONFLICT DO NOTHING",
                (item, state, utcnow(), *wanted, due, f",{lead},"),
            )
            return await self._claimed(item, state)

    async def claim_notice(self, targets: Iterable[str], item: str) -> list[Recipient]:
        wanted = sorted({*targets, "*"})
        marks = ", ".join("?" for _ in wanted)
        async with self.transaction():
            await self._conn.execute(
                "INSERT INTO reminder_deliveries (user_id, item, state, at) "
                "SELECT DISTINCT s.user_id, ?, 'pending', ? FROM subscriptions s "
                f"WHERE s.target IN ({marks}) AND {_REACHABLE} ON CONFLICT DO NOTHING",
                (item, utcnow(), *wanted),
            )
            return await self._claimed(item, "pending")

    async def _claimed(self, item: str, state: str) -> list[Recipient]:
        async with self._query(
            "SELECT d.user_id, COALESCE(u.locale, p.locale) AS locale "
            "FROM reminder_deliveries d JOIN subscribers p ON p.user_id = d.user_id "
            "LEFT JOIN users u ON u.id = d.user_id WHERE d.item = ? AND d.state = ? "
            "ORDER BY d.user_id",
            (item, state),
        ) as cur:
            return [Recipient(int(r[0]), str(r[1])) for r in await cur.fetchall()]

    async def advance_batch(
        self, item: str, outcomes: Sequence[tuple[int, str]], sending: Sequence[int] = ()
    ) -> None:
        """The final states of the batch just sent (sent, late, blocked, failed) and 'sending'
        for the batch about to go out: one statement, so atomic, and one round trip to the
        database thread (a reminder burst makes a thousand of these)."""
        states = [*outcomes, *((user_id, "sending") for user_id in sending)]
        if not states:
            return
        cases = " ".join("WHEN ? THEN ?" for _ in states)
        marks = ", ".join("?" for _ in states)
        await self._alone(
            f"UPDATE reminder_deliveries SET state = CASE user_id {cases} END, at = ? "
            f"WHERE item = ? AND user_id IN ({marks})",
            (*(v for pair in states for v in pair), utcnow(), item, *(u for u, _ in states)),
        )

    async def recover_reminders(self) -> int:
        """At start: batches cut off by a crash become 'unknown' (never repeated)."""
        return await self._alone(
            "UPDATE reminder_deliveries SET state = 'unknown', at = ? WHERE state = 'sending'",
            (utcnow(),),
        )

    async def delivery_states(self, user_id: int) -> dict[str, str]:
        async with self._query(
            "SELECT item, state FROM reminder_deliveries WHERE user_id = ?", (user_id,)
        ) as cur:
            return {str(r[0]): str(r[1]) for r in await cur.fetchall()}

    async def purge_deliveries(self, older_than: str) -> int:
        cur = await self._conn.execute(
            "DELETE FROM reminder_deliveries WHERE at < ?", (older_than,)
        )
        return cur.rowcount

    async def reminder_watermark(self) -> str | None:
        async with self._query(
            "SELECT value FROM settings WHERE key = ?", (WATERMARK_KEY,)
        ) as cur:
            row = await cur.fetchone()
        return str(row[0]) if row else None

    async def set_reminder_watermark(self, value: str) -> None:
        await self._conn.execute(
            "INSERT INTO settings (key, value) VALUES (?, ?) "
            "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            (WATERMARK_KEY, value),
        )

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
