"""Follow-ups of referrals: which are due, the at-most-once record, the answers."""

from __future__ import annotations

from dataclasses import dataclass

from bot.db.core import Queries, utcnow

# Only referrals to these kinds get a follow-up: there is someone to contact.
FOLLOWUP_KINDS = ("office", "program")


@dataclass(frozen=True)
class DueReferral:
    referral_id: int
    user_key: str
    entry_id: str
    question_id: int | None = None

    @property
    def answer(self) -> tuple[str, int]:
        """The answer this referral belongs to: one answer can name several offices."""
        if self.question_id is not None:
            return ("q", self.question_id)
        return ("r", self.referral_id)


class FollowupQueries(Queries):
    async def due_referrals(self, referred_before: str, referred_after: str) -> list[DueReferral]:
        """Referrals to offices/programs in (after, before) that have no follow-up row yet."""
        async with self._query(
            "SELECT r.id AS referral_id, r.user_key, r.entry_id, r.question_id FROM referrals r "
            "WHERE r.kind IN (?, ?) AND r.referred_at < ? AND r.referred_at >= ? "
            "AND NOT EXISTS (SELECT 1 FROM followups f WHERE f.referral_id = r.id) "
            "ORDER BY r.id",
            (*FOLLOWUP_KINDS, referred_before, referred_after),
        ) as cur:
            return [DueReferral(**dict(r)) for r in await cur.fetchall()]

    async def followed_up_since(self, user_key: str, entry_id: str, since: str) -> bool:
        """Was this user asked about this entry since `since` (so a repeat is skipped)?"""
        async with self._query(
            "SELECT 1 FROM followups WHERE user_key = ? AND entry_id = ? AND asked_at >= ? "
            "AND status IN ('asked', 'answered')",
            (user_key, entry_id, since),
        ) as cur:
            return await cur.fetchone() is not None

    async def record_followup(self, due: DueReferral, status: str) -> bool:
        """Write the follow-up row (before sending); False if it already existed."""
        cur = await self._conn.execute(
            "INSERT INTO followups (referral_id, user_key, entry_id, asked_at, status) "
            "VALUES (?, ?, ?, ?, ?) ON CONFLICT (referral_id) DO NOTHING",
            (due.referral_id, due.user_key, due.entry_id, utcnow(), status),
        )
        return cur.rowcount == 1

    async def set_followup_status(self, referral_id: int, status: str) -> None:
        await self._conn.execute(
            "UPDATE followups SET status = ? WHERE referral_id = ?", (status, referral_id)
        )

    async def answer_followup(
        self, referral_id: int, user_key: str, contacted: bool, helped: bool | None
    ) -> str | None:
        """Log the answer once; the entry id, or None if not this user's open follow-up."""
        async with self._query(
            "UPDATE followups SET status = 'answered', contacted = ?, helped = ?, "
            "answered_at = ? WHERE referral_id = ? AND user_key = ? AND status = 'asked' "
            "RETURNING entry_id",
            (
                int(contacted),
                None if helped is None else int(helped),
                utcnow(),
                referral_id,
                user_key,
            ),
        ) as cur:
            row = await cur.fetchone()
        return str(row[0]) if row else None
