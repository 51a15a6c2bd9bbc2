"""Trainings: creating them, seats and the waiting list, moving up, reminders, attendance.

One seat per person; when a training is full a sign-up goes on the waiting list, and a seat
that becomes free (someone cancels, a coordinator raises nothing, an erasure) goes to the
first in line, who is told through the one sender. Every message to a participant is
recorded before it is sent (at most once). Trainings appear in /next and the calendar of
those signed up (bot/events/service.py reads them from the database).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

from bot.core.clock import Clock
from bot.core.sending import Sender
from bot.db import Database
from bot.db.trainings import Seat, Training
from bot.i18n import Catalogs, negotiate
from bot.i18n.locale import decide_locale
from bot.trainings import pages
from bot.trainings.drafts import Draft
from bot.trainings.pages import Page

log = logging.getLogger(__name__)
REMINDER = "remind:1d"
REMIND_BEFORE = timedelta(days=1)
LISTED = 10


@dataclass(frozen=True)
class SignUpResult:
    """booked, waiting, already_booked, already_waiting, closed (deadline or started), gone."""

    status: str
    training: Training | None
    position: int | None = None


def iso(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat(timespec="seconds")


@dataclass(frozen=True)
class Trainings:
    db: Database
    catalogs: Catalogs
    sender: Sender
    clock: Clock
    tz: ZoneInfo
    default_language: str

    def now(self) -> datetime:
        return self.clock.now()

    def today(self) -> date:
        return self.now().astimezone(self.tz).date()

    def begun(self, training: Training) -> bool:
        return datetime.fromisoformat(training.starts_at) <= self.now()

    def open_for_signup(self, training: Training) -> bool:
        """Active, not begun, and the sign-up deadline (a local day, inclusive) not passed."""
        return (
            training.status == "active"
            and not self.begun(training)
            and self.today().isoformat() <= training.signup_until
        )

    async def create(self, draft: Draft, created_by: int) -> int | None:
        """Store a complete draft whose start is still ahead; its id, or None."""
        start = draft.starts_at(self.tz)
        if not draft.complete() or start is None or start <= self.now():
            return None
        return await self.db.trainings.create_training(draft.stored(self.tz), created_by)

    async def upcoming(self) -> list[Training]:
        return await self.db.trainings.upcoming(iso(self.now()), LISTED)

    async def past(self) -> list[Training]:
        return await self.db.trainings.past(iso(self.now()), LISTED)

    async def seat(self, training_id: int, user_id: int) -> tuple[Seat | None, int | None]:
        """The user's seat (if any) and, when waiting, their place on the list."""
        seat = await self.db.trainings.seat_of(training_id, user_id)
        if seat is None or seat.status == "cancelled":
            return None, None
        position = await self.db.trainings.position(seat) if seat.status == "waiting" else None
        return seat, position

    async def sign_up(self, user_id: int, name: str, training_id: int) -> SignUpResult:
        db = self.db.trainings
        training = await db.get_training(training_id)
        if training is None or training.status != "active":
            return SignUpResult("gone", training)
        if not self.open_for_signup(training):
            return SignUpResult("closed", training)
        org = await db.organisation_of(user_id)
        status = await db.sign_up(training_id, user_id, name, org, training.capacity)
        _, position = await self.seat(training_id, user_id)
        return SignUpResult(status, await db.get_training(training_id), position)

    async def withdraw(self, user_id: int, training_id: int) -> str | None:
        """Give up the seat or waiting place (until the start); the first waiting moves up."""
        training = await self.db.trainings.get_training(training_id)
        if training is None or training.status != "active" or self.begun(training):
            return None
        had = await self.db.trainings.withdraw(training_id, user_id)
        if had == "booked":
            await self.move_up(training_id)
        return had

    async def move_up(self, training_id: int) -> int:
        """Give free seats to the first on the waiting list and tell them; how many moved."""
        moved = await self.db.trainings.move_up(training_id)
        training = await self.db.trainings.get_training(training_id)
        if training is None:
            return 0
        stamp = iso(self.now())
        for user_id in moved:
            await self._tell(training, user_id, f"moved_up:{stamp}", pages.moved_up)
        return len(moved)

    async def cancel(self, training_id: int) -> int:
        """Cancel a training and tell everyone who had a seat or a waiting place."""
        people = await self.db.trainings.cancel_training(training_id)
        training = await self.db.trainings.get_training(training_id)
        if training is None:
            return 0
        for user_id in people:
            await self._tell(training, user_id, "cancelled", pages.cancelled_notice)
        return len(people)

    async def tick(self) -> tuple[int, int]:
        """The job: fill seats freed without a button (an erasure), send due reminders;
        (moved up, reminded)."""
        db, now = self.db.trainings, self.now()
        moved = 0
        for training_id in await db.with_free_seats_and_waiting(iso(now)):
            moved += await self.move_up(training_id)
        reminded = 0
        for training_id, user_id in await db.due_reminders(
            iso(now), iso(now + REMIND_BEFORE), REMINDER
        ):
            training = await db.get_training(training_id)
            if training is not None and await self._tell(
                training, user_id, REMINDER, pages.reminder
            ):
                reminded += 1
        return moved, reminded

    async def _tell(self, training: Training, user_id: int, item: str, page: Page) -> bool:
        """Send one message to a participant, recorded first so it never goes twice."""
        db = self.db.trainings
        if not await db.claim_message(training.id, user_id, item):
            return False
        stored, telegram = await self.db.users.languages_of(user_id)
        t = self.catalogs.get(decide_locale(stored, telegram, self.default_language))
        reply = page(t, training, training.title(stored, negotiate(telegram)))
        outcome = await self.sender.deliver(user_id, reply)
        state = "sent" if outcome.sent else "failed"
        if not outcome.sent:
            log.warning("a training message could not be sent (%s)", outcome.kind)  # no ids
        await db.finish_message(training.id, user_id, item, state)
        return outcome.sent
