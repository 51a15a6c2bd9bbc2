"""Trainings and workshops: the offers, their titles, seats and waiting lists, messages."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from bot.db.core import Queries, utcnow

_COLUMNS = (
    "t.id, t.kind, t.topic, t.day, t.start_time, t.starts_at, t.place, t.online_url, "
    "t.capacity, t.signup_until, t.status, t.attended_count, t.created_by, "
    "(SELECT COUNT(*) FROM training_seats s WHERE s.training_id = t.id "
    "AND s.status = 'booked') AS booked, "
    "(SELECT COUNT(*) FROM training_seats s WHERE s.training_id = t.id "
    "AND s.status = 'waiting') AS waiting, "
    "(SELECT COUNT(*) FROM training_seats s WHERE s.training_id = t.id "
    "AND s.status = 'booked' AND s.attended = 1) AS marked"
)
# The waiting list's order: who signed up first (then the row id, for equal instants).
_AHEAD = (
    "SELECT COUNT(*) FROM training_seats w WHERE w.training_id = ? AND w.status = 'waiting' "
    "AND (w.signed_up_at < ? OR (w.signed_up_at = ? AND w.id < ?))"
)


@dataclass(frozen=True)
class Training:
    id: int
    kind: str  # training | workshop
    topic: str
    day: str  # YYYY-MM-DD local
    start_time: str  # HH:MM local
    starts_at: str  # ISO UTC
    place: str | None
    online_url: str | None
    capacity: int
    signup_until: str  # YYYY-MM-DD local, inclusive
    status: str  # active | cancelled
    attended_count: int | None
    created_by: int
    booked: int = 0
    waiting: int = 0
    marked: int = 0  # booked seats marked as attended
    titles: Mapping[str, str] = field(default_factory=dict)

    @property
    def participants(self) -> int:
        """Who took part: the count entered, else the seats marked as attended."""
        return self.attended_count if self.attended_count is not None else self.marked

    @property
    def free(self) -> int:
        return max(0, self.capacity - self.booked)

    def title(self, *languages: str | None) -> str:
        """The first of these languages' titles that exists, else the default version."""
        for lang in languages:
            if lang and lang in self.titles:
                return self.titles[lang]
        return self.titles.get("") or next(iter(self.titles.values()), "")


@dataclass(frozen=True)
class Seat:
    id: int
    training_id: int
    user_id: int | None
    name: str | None
    status: str  # booked | waiting | cancelled
    attended: bool | None


@dataclass(frozen=True)
class NewTraining:
    kind: str
    topic: str
    day: str
    start_time: str
    starts_at: str
    place: str | None
    online_url: str | None
    capacity: int
    signup_until: str
    titles: Mapping[str, str]


def _seat(row: object) -> Seat:
    d = dict(row)  # type: ignore[call-overload]
    d["attended"] = None if d["attended"] is None else bool(d["attended"])
    return Seat(**d)


class TrainingQueries(Queries):
    async def create_training(self, new: NewTraining, created_by: int) -> int:
        async with self.transaction():
            cur = await self._conn.execute(
                "INSERT INTO trainings (kind, topic, day, start_time, starts_at, place, "
                "online_url, capacity, signup_until, created_by, created_at) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    new.kind,
                    new.topic,
                    new.day,
                    new.start_time,
                    new.starts_at,
                    new.place,
                    new.online_url,
                    new.capacity,
                    new.signup_until,
                    created_by,
                    utcnow(),
                ),
            )
            training_id = cur.lastrowid
            assert training_id is not None
            await self._conn.executemany(
                "INSERT INTO training_titles (training_id, lang, title) VALUES (?, ?, ?)",
                [(training_id, lang, title) for lang, title in new.titles.items()],
            )
        return training_id

    async def _trainings(self, where: str, params: tuple[object, ...]) -> list[Training]:
        async with self._query(f"SELECT {_COLUMNS} FROM trainings t {where}", params) as cur:
            rows = [dict(r) for r in await cur.fetchall()]
        if not rows:
            return []
        ids = [r["id"] for r in rows]
        marks = ", ".join("?" for _ in ids)
        titles: dict[int, dict[str, str]] = {}
        async with self._query(
            f"SELECT training_id, lang, title FROM training_titles WHERE training_id IN ({marks})",
            ids,
        ) as cur:
            for training_id, lang, title in await cur.fetchall():
                titles.setdefault(int(training_id), {})[str(lang)] = str(title)
        return [Training(**r, titles=titles.get(int(r["id"]), {})) for r in rows]

    async def get_training(self, training_id: int) -> Training | None:
        found = await self._trainings("WHERE t.id = ?", (training_id,))
        return found[0] if found else None

    async def upcoming(self, now: str, limit: int) -> list[Training]:
        """Active trainings that have not begun, soonest first."""
        return await self._trainings(
            "WHERE t.status = 'active' AND t.starts_at > ? ORDER BY t.starts_at, t.id LIMIT ?",
            (now, limit),
        )

    async def past(self, now: str, limit: int) -> list[Training]:
        """Active trainings that have begun, latest first (attendance is marked on these)."""
        return await self._trainings(
            "WHERE t.status = 'active' AND t.starts_at <= ? "
            "ORDER BY t.starts_at DESC, t.id DESC LIMIT ?",
            (now, limit),
        )

    async def between(self, first_day: str, last_day: str) -> list[Training]:
        """Trainings (active and cancelled) on local days first..last, for calendars."""
        return await self._trainings(
            "WHERE t.day BETWEEN ? AND ? ORDER BY t.starts_at, t.id", (first_day, last_day)
        )

    async def of_user(self, user_id: int, now: str) -> list[tuple[Training, str]]:
        """The user's upcoming trainings with their seat's status (booked or waiting)."""
        async with self._query(
            "SELECT s.training_id, s.status FROM training_seats s "
            "JOIN trainings t ON t.id = s.training_id WHERE s.user_id = ? "
            "AND s.status IN ('booked', 'waiting') AND t.status = 'active' AND t.starts_at > ?",
            (user_id, now),
        ) as cur:
            status = {int(r[0]): str(r[1]) for r in await cur.fetchall()}
        if not status:
            return []
        marks = ", ".join("?" for _ in status)
        found = await self._trainings(
            f"WHERE t.id IN ({marks}) ORDER BY t.starts_at, t.id", tuple(status)
        )
        return [(tr, status[tr.id]) for tr in found]

    async def seat_of(self, training_id: int, user_id: int) -> Seat | None:
        async with self._query(
            "SELECT id, training_id, user_id, name, status, attended FROM training_seats "
            "WHERE training_id = ? AND user_id = ?",
            (training_id, user_id),
        ) as cur:
            row = await cur.fetchone()
        return _seat(row) if row else None

    async def position(self, seat: Seat) -> int:
        """1-based place of a waiting seat on its waiting list."""
        async with self._query(
            "SELECT signed_up_at FROM training_seats WHERE id = ?", (seat.id,)
        ) as cur:
            row = await cur.fetchone()
        at = str(row[0]) if row else ""
        async with self._query(_AHEAD, (seat.training_id, at, at, seat.id)) as cur:
            ahead = await cur.fetchone()
        return int(ahead[0] if ahead else 0) + 1

    async def sign_up(
        self, training_id: int, user_id: int, name: str, org_id: int | None, capacity: int
    ) -> str:
        """A seat if one is free, else a place on the waiting list; the seat's status.

        One seat per person: a member who is booked or waiting keeps what they have.
        """
        now = utcnow()
        async with self.transaction():
            async with self._query(
                "SELECT status FROM training_seats WHERE training_id = ? AND user_id = ?",
                (training_id, user_id),
            ) as cur:
                row = await cur.fetchone()
            if row and row[0] in ("booked", "waiting"):
                return f"already_{row[0]}"
            async with self._query(
                "SELECT COUNT(*) FROM training_seats WHERE training_id = ? AND status = 'booked'",
                (training_id,),
            ) as cur:
                booked = await cur.fetchone()
            status = "booked" if int(booked[0] if booked else 0) < capacity else "waiting"
            await self._conn.execute(
                "INSERT INTO training_seats (training_id, user_id, name, org_id, status, "
                "signed_up_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?) "
                "ON CONFLICT (training_id, user_id) DO UPDATE SET name = excluded.name, "
                "org_id = excluded.org_id, status = excluded.status, attended = NULL, "
                "signed_up_at = excluded.signed_up_at, updated_at = excluded.updated_at",
                (training_id, user_id, name, org_id, status, now, now),
            )
        return status

    async def withdraw(self, training_id: int, user_id: int) -> str | None:
        """Give up a seat or a waiting place; the status it had, or None if it had none."""
        async with self.transaction():
            async with self._query(
                "SELECT status FROM training_seats WHERE training_id = ? AND user_id = ? "
                "AND status IN ('booked', 'waiting')",
                (training_id, user_id),
            ) as cur:
                row = await cur.fetchone()
            if row is None:
                return None
            await self._conn.execute(
                "UPDATE training_seats SET status = 'cancelled', attended = NULL, "
                "updated_at = ? WHERE training_id = ? AND user_id = ?",
                (utcnow(), training_id, user_id),
            )
        return str(row[0])

    async def move_up(self, training_id: int) -> list[int]:
        """Fill free seats from the waiting list, first come first served; who moved up."""
        moved: list[int] = []
        async with self.transaction():
            async with self._query(
                "SELECT t.capacity - (SELECT COUNT(*) FROM training_seats s "
                "WHERE s.training_id = t.id AND s.status = 'booked') FROM trainings t "
                "WHERE t.id = ? AND t.status = 'active'",
                (training_id,),
            ) as cur:
                row = await cur.fetchone()
            free = int(row[0]) if row else 0
            if free <= 0:
                return []
            async with self._query(
                "SELECT id, user_id FROM training_seats WHERE training_id = ? "
                "AND status = 'waiting' ORDER BY signed_up_at, id LIMIT ?",
                (training_id, free),
            ) as cur:
                rows = [(int(r[0]), r[1]) for r in await cur.fetchall()]
            now = utcnow()
            for seat_id, user_id in rows:
                await self._conn.execute(
                    "UPDATE training_seats SET status = 'booked', updated_at = ? WHERE id = ?",
                    (now, seat_id),
                )
                if user_id is not None:
                    moved.append(int(user_id))
        return moved

    async def with_free_seats_and_waiting(self, now: str) -> list[int]:
        """Upcoming trainings with a free seat and someone waiting (e.g. after an erasure)."""
        async with self._query(
            "SELECT t.id FROM trainings t WHERE t.status = 'active' AND t.starts_at > ? "
            "AND t.capacity > (SELECT COUNT(*) FROM training_seats s WHERE s.training_id = t.id "
            "AND s.status = 'booked') AND EXISTS (SELECT 1 FROM training_seats s "
            "WHERE s.training_id = t.id AND s.status = 'waiting') ORDER BY t.id",
            (now,),
        ) as cur:
            return [int(r[0]) for r in await cur.fetchall()]

    async def seats(self, training_id: int, status: str = "booked") -> list[Seat]:
        async with self._query(
            "SELECT id, training_id, user_id, name, status, attended FROM training_seats "
            "WHERE training_id = ? AND status = ? ORDER BY signed_up_at, id",
            (training_id, status),
        ) as cur:
            return [_seat(r) for r in await cur.fetchall()]

    async def toggle_attended(self, training_id: int, seat_id: int) -> bool:
        """Mark a booked seat as attended or not (pressing again undoes); False if no seat."""
        cur = await self._conn.execute(
            "UPDATE training_seats SET attended = CASE WHEN attended = 1 THEN 0 ELSE 1 END, "
            "updated_at = ? WHERE id = ? AND training_id = ? AND status = 'booked'",
            (utcnow(), seat_id, training_id),
        )
        if cur.rowcount:
            await self._conn.execute(
                "UPDATE trainings SET attendance_at = ? WHERE id = ?", (utcnow(), training_id)
            )
        return bool(cur.rowcount)

    async def set_attended_count(self, training_id: int, count: int | None) -> None:
        """A count of participants instead of (or over) the marks; None: the marks count."""
        await self._conn.execute(
            "UPDATE trainings SET attended_count = ?, attendance_at = ? WHERE id = ?",
            (count, utcnow(), training_id),
        )

    async def cancel_training(self, training_id: int) -> list[int]:
        """Cancel an active training; the people who had a seat or a waiting place."""
        async with self.transaction():
            cur = await self._conn.execute(
                "UPDATE trainings SET status = 'cancelled' WHERE id = ? AND status = 'active'",
                (training_id,),
            )
            if not cur.rowcount:
                return []
            async with self._query(
                "SELECT user_id FROM training_seats WHERE training_id = ? AND user_id IS NOT NULL "
                "AND status IN ('booked', 'waiting') ORDER BY id",
                (training_id,),
            ) as cur2:
                return [int(r[0]) for r in await cur2.fetchall()]

    # --- messages to participants: recorded before they are sent ---------------------------

    async def claim_message(self, training_id: int, user_id: int, item: str) -> bool:
        """Record a message as pending; False if it was recorded before (never twice)."""
        cur = await self._conn.execute(
            "INSERT INTO training_messages (training_id, user_id, item, state, at) "
            "VALUES (?, ?, ?, 'pending', ?) ON CONFLICT DO NOTHING",
            (training_id, user_id, item, utcnow()),
        )
        return cur.rowcount == 1

    async def finish_message(self, training_id: int, user_id: int, item: str, state: str) -> None:
        await self._conn.execute(
            "UPDATE training_messages SET state = ?, at = ? "
            "WHERE training_id = ? AND user_id = ? AND item = ?",
            (state, utcnow(), training_id, user_id, item),
        )

    async def due_reminders(self, now: str, until: str, item: str) -> list[tuple[int, int]]:
        """(training, user) of booked seats of trainings starting in (now, until] that have
        not had `item` yet."""
        async with self._query(
            "SELECT s.training_id, s.user_id FROM training_seats s "
            "JOIN trainings t ON t.id = s.training_id WHERE t.status = 'active' "
            "AND t.starts_at > ? AND t.starts_at <= ? AND s.status = 'booked' "
            "AND s.user_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM training_messages m "
            "WHERE m.training_id = s.training_id AND m.user_id = s.user_id AND m.item = ?) "
            "ORDER BY t.starts_at, s.id",
            (now, until, item),
        ) as cur:
            return [(int(r[0]), int(r[1])) for r in await cur.fetchall()]

    async def organisation_of(self, user_id: int) -> int | None:
        """The directory entry of a member, counted with their seat (per organisation)."""
        async with self._query(
            "SELECT id FROM organisations WHERE owner_id = ?", (user_id,)
        ) as cur:
            row = await cur.fetchone()
        return int(row[0]) if row else None

    async def broadcast_training(self, broadcast_id: int) -> int | None:
        """The training a broadcast announces (its messages carry the sign-up button)."""
        async with self._query(
            "SELECT training_id FROM broadcasts WHERE id = ?", (broadcast_id,)
        ) as cur:
            row = await cur.fetchone()
        return int(row[0]) if row and row[0] is not None else None
