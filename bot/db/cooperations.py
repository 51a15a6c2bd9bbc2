"""Introductions between organisations (and between an organisation and an office)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from bot.db.core import Queries, utcnow

_SIDE_COLUMNS = (
    "introduction_id, side, org_id, user_id, answer, share, contact, followup_at, cooperation"
)


@dataclass(frozen=True)
class Side:
    introduction_id: int
    side: str  # a | b
    org_id: int
    user_id: int | None  # the entry's contact; None after /deletemydata
    answer: str | None  # accepted | declined | None (not yet)
    share: str | None  # telegram | name
    contact: str | None  # what they chose to share: "@username" or a first name
    followup_at: str | None
    cooperation: int | None


@dataclass(frozen=True)
class Introduction:
    id: int
    created_at: str
    proposed_by: str  # member | coordinator
    coordinator_id: int | None
    topic: str | None
    office_id: str | None  # side b is this office of the knowledge base
    status: str  # open | connected | declined | withdrawn
    connected_at: str | None
    sides: dict[str, Side] = field(default_factory=dict)

    def side_of(self, user_id: int) -> Side | None:
        return next((s for s in self.sides.values() if s.user_id == user_id), None)

    def other(self, side: Side) -> Side | None:
        return self.sides.get("b" if side.side == "a" else "a")

    @property
    def all_accepted(self) -> bool:
        return bool(self.sides) and all(s.answer == "accepted" for s in self.sides.values())


@dataclass(frozen=True)
class NewSide:
    side: str
    org_id: int
    user_id: int
    answer: str | None = None
    share: str | None = None
    contact: str | None = None


class CooperationQueries(Queries):
    async def create_introduction(
        self,
        proposed_by: str,
        coordinator_id: int | None,
        topic: str | None,
        office_id: str | None,
        sides: Sequence[NewSide],
    ) -> int:
        now = utcnow()
        async with self.transaction():
            cur = await self._conn.execute(
                "INSERT INTO introductions (created_at, proposed_by, coordinator_id, topic, "
                "office_id) VALUES (?, ?, ?, ?, ?)",
                (now, proposed_by, coordinator_id, topic, office_id),
            )
            intro_id = cur.lastrowid
            assert intro_id is not None
            await self._conn.executemany(
                "INSERT INTO introduction_sides (introduction_id, side, org_id, user_id, answer, "
                "answered_at, share, contact) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    (
                        intro_id,
                        s.side,
                        s.org_id,
                        s.user_id,
                        s.answer,
                        now if s.answer else None,
                        s.share,
                        s.contact,
                    )
                    for s in sides
                ],
            )
        return intro_id

    async def get_introduction(self, intro_id: int) -> Introduction | None:
        async with self._query(
            "SELECT id, created_at, proposed_by, coordinator_id, topic, office_id, status, "
            "connected_at FROM introductions WHERE id = ?",
            (intro_id,),
        ) as cur:
            row = await cur.fetchone()
        if row is None:
            return None
        async with self._query(
            f"SELECT {_SIDE_COLUMNS} FROM introduction_sides WHERE introduction_id = ? "
            "ORDER BY side",
            (intro_id,),
        ) as cur:
            sides = {str(r["side"]): Side(**dict(r)) for r in await cur.fetchall()}
        return Introduction(**dict(row), sides=sides)

    async def introduced(self, org_id: int, other: int | str) -> bool:
        """Was this pair (two organisations, or an organisation and an office id) ever
        introduced (in any state)? Nobody is asked twice about the same partner."""
        if isinstance(other, str):
            sql = (
                "SELECT 1 FROM introductions i JOIN introduction_sides s "
                "ON s.introduction_id = i.id WHERE i.office_id = ? AND s.org_id = ?"
            )
            params: tuple[object, ...] = (other, org_id)
        else:
            sql = (
                "SELECT 1 FROM introduction_sides x JOIN introduction_sides y "
                "ON y.introduction_id = x.introduction_id AND y.side != x.side "
                "WHERE x.org_id = ? AND y.org_id = ?"
            )
            params = (org_id, other)
        async with self._query(sql, params) as cur:
            return await cur.fetchone() is not None

    async def partners_of(self, org_id: int) -> set[int]:
        """The organisations this one was ever introduced to."""
        async with self._query(
            "SELECT y.org_id FROM introduction_sides x JOIN introduction_sides y "
            "ON y.introduction_id = x.introduction_id AND y.side != x.side WHERE x.org_id = ?",
            (org_id,),
        ) as cur:
            return {int(r[0]) for r in await cur.fetchall()}

    async def introduced_pairs(self) -> set[frozenset[int]]:
        async with self._query(
            "SELECT x.org_id, y.org_id FROM introduction_sides x JOIN introduction_sides y "
            "ON y.introduction_id = x.introduction_id AND x.side = 'a' AND y.side = 'b'"
        ) as cur:
            return {frozenset((int(r[0]), int(r[1]))) for r in await cur.fetchall()}

    async def answer(
        self, intro_id: int, user_id: int, answer: str, share: str | None, contact: str | None
    ) -> bool:
        """Record a side's answer once, while the introduction is open; False otherwise."""
        cur = await self._conn.execute(
            "UPDATE introduction_sides SET answer = ?, answered_at = ?, share = ?, contact = ? "
            "WHERE introduction_id = ? AND user_id = ? AND answer IS NULL AND EXISTS "
            "(SELECT 1 FROM introductions i WHERE i.id = ? AND i.status = 'open')",
            (answer, utcnow(), share, contact, intro_id, user_id, intro_id),
        )
        return cur.rowcount == 1

    async def close(self, intro_id: int, status: str) -> bool:
        """connected (sets connected_at), declined or withdrawn; only from open."""
        column = "connected_at" if status == "connected" else "closed_at"
        cur = await self._conn.execute(
            f"UPDATE introductions SET status = ?, {column} = ? WHERE id = ? AND status = 'open'",
            (status, utcnow(), intro_id),
        )
        return cur.rowcount == 1

    async def due_followups(self, connected_before: str) -> list[tuple[int, str, int]]:
        """(introduction, side, user) to ask whether a cooperation came of it."""
        async with self._query(
            "SELECT s.introduction_id, s.side, s.user_id FROM introduction_sides s "
            "JOIN introductions i ON i.id = s.introduction_id WHERE i.status = 'connected' "
            "AND i.connected_at <= ? AND s.followup_at IS NULL AND s.user_id IS NOT NULL "
            "ORDER BY i.connected_at, s.introduction_id, s.side",
            (connected_before,),
        ) as cur:
            return [(int(r[0]), str(r[1]), int(r[2])) for r in await cur.fetchall()]

    async def claim_followup(self, intro_id: int, side: str) -> bool:
        """Record the question before it is sent: asked at most once."""
        cur = await self._conn.execute(
            "UPDATE introduction_sides SET followup_at = ? "
            "WHERE introduction_id = ? AND side = ? AND followup_at IS NULL",
            (utcnow(), intro_id, side),
        )
        return cur.rowcount == 1

    async def answer_cooperation(self, intro_id: int, user_id: int, cooperation: bool) -> bool:
        """Log once whether a cooperation came of it; False if not this user's question."""
        cur = await self._conn.execute(
            "UPDATE introduction_sides SET cooperation = ?, cooperation_at = ? "
            "WHERE introduction_id = ? AND user_id = ? AND followup_at IS NOT NULL "
            "AND cooperation IS NULL",
            (int(cooperation), utcnow(), intro_id, user_id),
        )
        return cur.rowcount == 1

    async def counts(self) -> dict[str, int]:
        """Introductions per state (for the coordinators' desk)."""
        async with self._query(
            "SELECT status, COUNT(*) FROM introductions GROUP BY status"
        ) as cur:
            return {str(r[0]): int(r[1]) for r in await cur.fetchall()}
