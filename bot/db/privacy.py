"""Data subject rights: the first-contact notice, everything about one user, erasure."""

from __future__ import annotations

import secrets
from typing import Any

from bot.db.core import Queries, utcnow

ANON_PREFIX = "anon-"
# Who of the office answered is the staff member's data, not the member's: left out.
STAFF_COLUMNS = {"open_questions": ("answered_by",)}


class PrivacyQueries(Queries):
    async def mark_privacy_noticed(self, user_id: int) -> bool:
        """True exactly once per user row: the first time the notice is due."""
        cur = await self._conn.execute(
            "UPDATE users SET privacy_noticed_at = ? WHERE id = ? AND privacy_noticed_at IS NULL",
            (utcnow(), user_id),
        )
        return cur.rowcount == 1

    async def personal_data(self, user_id: int, user_key: str) -> dict[str, Any]:
        """Every stored row about this user: by Telegram id, or by their pseudonym."""
        own_questions = "(SELECT id FROM questions WHERE user_key = ?)"
        by_id: dict[str, tuple[str, tuple[object, ...]]] = {
            "users": ("SELECT * FROM users WHERE id = ?", (user_id,)),
            "questions": ("SELECT * FROM questions WHERE user_key = ? ORDER BY id", (user_key,)),
            "question_matches": (
                f"SELECT * FROM question_matches WHERE question_id IN {own_questions}",
                (user_key,),
            ),
            "question_actions": (
                f"SELECT * FROM question_actions WHERE question_id IN {own_questions}",
                (user_key,),
            ),
            "referrals": ("SELECT * FROM referrals WHERE user_key = ? ORDER BY id", (user_key,)),
            "followups": ("SELECT * FROM followups WHERE user_key = ?", (user_key,)),
            "open_questions": ("SELECT * FROM open_questions WHERE user_id = ?", (user_id,)),
            "inbox_messages": ("SELECT * FROM inbox_messages WHERE chat_id = ?", (user_id,)),
            "subscriptions": ("SELECT * FROM subscriptions WHERE user_id = ?", (user_id,)),
            "subscribers": ("SELECT * FROM subscribers WHERE user_id = ?", (user_id,)),
            "reminder_deliveries": (
                "SELECT * FROM reminder_deliveries WHERE user_id = ?",
                (user_id,),
            ),
            "role_changes": (  # the other side of a change is a staff member: left out
                "SELECT changed_at, action, CASE WHEN actor_id = ? THEN actor_id END AS actor_id, "
                "CASE WHEN target_id = ? THEN target_id END AS target_id FROM role_changes "
                "WHERE target_id = ? OR actor_id = ?",
                (user_id, user_id, user_id, user_id),
            ),
            "broadcast_deliveries": ("SELECT * FROM outbox WHERE chat_id = ?", (user_id,)),
            "directory": ("SELECT * FROM organisations WHERE owner_id = ?", (user_id,)),
            "survey_invites": ("SELECT * FROM survey_invites WHERE user_id = ?", (user_id,)),
            "survey_answers": ("SELECT * FROM survey_answers WHERE respondent = ?", (user_key,)),
            "broadcasts_created": (
                "SELECT id, created_at, audience, send_at, status, finished_at FROM broadcasts "
                "WHERE created_by = ?",
                (user_id,),
            ),
            "training_seats": ("SELECT * FROM training_seats WHERE user_id = ?", (user_id,)),
            "training_messages": (
                "SELECT * FROM training_messages WHERE user_id = ?",
                (user_id,),
            ),
            "trainings_created": (
                "SELECT id, kind, topic, day, start_time, created_at FROM trainings "
                "WHERE created_by = ?",
                (user_id,),
            ),
            "introductions": (
                "SELECT * FROM introduction_sides WHERE user_id = ?",
                (user_id,),
            ),
            "introductions_proposed": (
                "SELECT id, created_at, status FROM introductions WHERE coordinator_id = ?",
                (user_id,),
            ),
            "knowledge_fixes": (  # a coordinator's quick fixes carry their name
                "SELECT id, entry_id, field, value, year, who, made_at, retired_at "
                "FROM knowledge_overrides WHERE who_id = ?",
                (user_id,),
            ),
        }
        data: dict[str, Any] = {}
        for name, (sql, params) in by_id.items():
            rows = await self.fetch_all(sql, params)
            for column in STAFF_COLUMNS.get(name, ()):
                for row in rows:
                    row.pop(column, None)
            data[name] = rows
        return data

    async def handed_over(self, user_id: int) -> list[int]:
        """The numbers of the user's handed-over questions (their suggestions are files)."""
        async with self._query(
            "SELECT id FROM open_questions WHERE user_id = ? ORDER BY id", (user_id,)
        ) as cur:
            return [int(r[0]) for r in await cur.fetchall()]

    async def erase_personal_data(self, user_id: int, user_key: str) -> None:
        """Delete the user's rows; evaluation rows keep counting under a random pseudonym.

        The random key is never stored anywhere else, so the rows can no longer be linked to
        the person (nor to each other across another erasure); question texts are nulled.
        Broadcast deliveries and survey invitations stay as counts under a random negative
        number (no person has one), so the figures still agree with themselves; what was
        still to be sent is cancelled. Deleted rows are overwritten (secure_delete) and the
        -wal is emptied afterwards, so no erased text is left on the disk.
        """
        anon = ANON_PREFIX + secrets.token_hex(10)
        nobody = -1 - secrets.randbelow(2**62)
        statements: list[tuple[str, tuple[object, ...]]] = [
            (
                "UPDATE questions SET user_key = ?, text = NULL WHERE user_key = ?",
                (anon, user_key),
            ),
            ("UPDATE referrals SET user_key = ? WHERE user_key = ?", (anon, user_key)),
            ("UPDATE followups SET user_key = ? WHERE user_key = ?", (anon, user_key)),
            (
                "DELETE FROM inbox_messages WHERE chat_id = ? OR open_question_id IN "
                "(SELECT id FROM open_questions WHERE user_id = ?)",
                (user_id, user_id),
            ),
            # Kept as a count of hand-overs (figures): no text, name, answer or user id.
            (
                "UPDATE open_questions SET user_id = 0, text = '', shared_name = NULL, "
                "answer = NULL, status = 'answered' WHERE user_id = ?",
                (user_id,),
            ),
            ("DELETE FROM subscriptions WHERE user_id = ?", (user_id,)),
            ("DELETE FROM subscribers WHERE user_id = ?", (user_id,)),
            ("DELETE FROM reminder_deliveries WHERE user_id = ?", (user_id,)),
            (
                "UPDATE outbox SET chat_id = ?, reason = NULL, status = CASE WHEN status IN "
                "('pending', 'sending') THEN 'cancelled' ELSE status END WHERE chat_id = ?",
                (nobody, user_id),
            ),
            (
                "UPDATE broadcasts SET created_by = 0 WHERE created_by = ? "
                "AND status IN ('done', 'cancelled')",
                (user_id,),
            ),
            # The directory entry (organisations.owner_id) goes with it: ON DELETE CASCADE.
            ("UPDATE survey_invites SET user_id = ? WHERE user_id = ?", (nobody, user_id)),
            (
                "UPDATE survey_answers SET respondent = ?, text = NULL WHERE respondent = ?",
                (anon, user_key),
            ),
            # Trainings: a seat of a training still ahead is given up (the trainings job
            # moves the waiting list up); past seats stay as anonymous counts of sign-ups
            # and attendance, without user id or name.
            (
                "UPDATE training_seats SET status = 'cancelled', updated_at = ? "
                "WHERE user_id = ? AND status IN ('booked', 'waiting') "
                "AND training_id IN (SELECT id FROM trainings WHERE starts_at > ?)",
                (utcnow(), user_id, utcnow()),
            ),
            (
                "UPDATE training_seats SET user_id = NULL, name = NULL WHERE user_id = ?",
                (user_id,),
            ),
            ("DELETE FROM training_messages WHERE user_id = ?", (user_id,)),
            ("UPDATE trainings SET created_by = 0 WHERE created_by = ?", (user_id,)),
            # A quick fix stays (the knowledge goes on using it), signed by the office.
            (
                "UPDATE knowledge_overrides SET who = 'Koordinierungsstelle', who_id = 0 "
                "WHERE who_id = ?",
                (user_id,),
            ),
            # Introductions: an open one is withdrawn; all stay as anonymous counts
            # (proposed, accepted, cooperations), without user id or shared contact.
            (
                "UPDATE introductions SET status = 'withdrawn', closed_at = ? "
                "WHERE status = 'open' AND id IN "
                "(SELECT introduction_id FROM introduction_sides WHERE user_id = ?)",
                (utcnow(), user_id),
            ),
            (
                "UPDATE introduction_sides SET user_id = NULL, contact = NULL WHERE user_id = ?",
                (user_id,),
            ),
            (
                "UPDATE introductions SET coordinator_id = NULL WHERE coordinator_id = ?",
                (user_id,),
            ),
            ("DELETE FROM users WHERE id = ?", (user_id,)),
        ]
        async with self.transaction():
            for sql, params in statements:
                await self._conn.execute(sql, params)
        await self._store.checkpoint()
