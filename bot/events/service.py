"""What a member follows and sees, and the coordinators' dates (no Telegram)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from bot.core.callbacks import parse_int
from bot.db import Database
from bot.db.events import StoredEvent
from bot.db.trainings import Training
from bot.events.catalog import CatalogEvent
from bot.events.desk import EventDesk
from bot.events.drafts import Draft
from bot.events.occurrences import (
    DEFAULT_LEADS,
    LEADS,
    MAX_LEAD,
    Occurrence,
    expand,
    fire_time,
    following,
)
from bot.i18n import Translator, negotiate
from bot.knowledge import Knowledge

EVERYTHING = "*"
HORIZON = timedelta(days=35)  # how far ahead wake-up jobs are planned (re-planned nightly)


@dataclass(frozen=True)
class EventView:
    """One event (a catalog series or a coordinator's date) and its next occurrences."""

    event_key: str
    entry_id: str | None
    series: CatalogEvent | None
    stored: StoredEvent | None
    next: list[Occurrence]


def iso(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat(timespec="seconds")


def training_occurrence(training: Training, title: str, tz: ZoneInfo) -> Occurrence:
    """A training as a date ("t.<id>"): in /next and the calendar of those signed up."""
    return Occurrence(
        event_key=f"t.{training.id}",
        series=None,
        entry_id=None,
        kind="meeting",
        day=date.fromisoformat(training.day),
        start_time=time.fromisoformat(training.start_time),
        tz=tz,
        place=training.online_url or training.place,
        title=title,
        cancelled=training.status == "cancelled",
    )


@dataclass(frozen=True)
class Events:
    desk: EventDesk
    db: Database
    knowledge: Knowledge

    async def occurrences(self, start: datetime, end: datetime) -> list[Occurrence]:
        desk = self.desk
        first, last = start.astimezone(desk.tz).date(), end.astimezone(desk.tz).date()
        stored = await self.db.events.events_between(first.isoformat(), last.isoformat())
        return expand(desk.catalog, stored, desk.tz, first, last)

    async def upcoming(self, days: int = 365) -> list[Occurrence]:
        """Active occurrences that have not ended, for the next `days` days."""
        now = self.desk.clock.now()
        found = await self.occurrences(now - timedelta(days=1), now + timedelta(days=days))
        return [o for o in found if o.cutoff > now]

    def targets(self) -> list[str]:
        """What can be followed: every entry with dates, and everything."""
        return [*self.desk.catalog.entry_ids(), EVERYTHING]

    def _since(self) -> str:
        return iso(self.desk.clock.now())

    async def follow(self, user_id: int, locale: str, target: str) -> bool:
        """Follow a target; True if it is new. Unknown targets raise ValueError."""
        if target not in self.targets():
            raise ValueError(target)
        return await self.db.events.subscribe(
            user_id, target, locale, DEFAULT_LEADS, self._since()
        )

    async def toggle(self, user_id: int, locale: str, target: str) -> bool:
        """Follow or stop following; True if the user follows it now."""
        if target in await self.db.events.subscriptions_of(user_id):
            await self.db.events.unsubscribe(user_id, target)
            return False
        await self.follow(user_id, locale, target)
        return True

    async def leads_of(self, user_id: int) -> tuple[str, ...]:
        return await self.db.events.leads_of(user_id) or DEFAULT_LEADS

    async def toggle_lead(self, user_id: int, locale: str, lead: str) -> bool:
        """Add or remove a lead time; False (nothing changed) if it would leave none."""
        if lead not in LEADS:
            raise ValueError(lead)
        wanted = set(await self.leads_of(user_id)) ^ {lead}
        if not wanted:
            return False
        await self.db.events.set_leads(user_id, locale, [x for x in LEADS if x in wanted])
        return True

    async def my_upcoming(self, user_id: int) -> tuple[set[str], list[Occurrence]]:
        """What the user follows, and its dates with the trainings they signed up for."""
        followed = await self.db.events.subscriptions_of(user_id)
        found = following(await self.upcoming(), followed)
        mine = await self.db.trainings.of_user(user_id, iso(self.desk.clock.now()))
        if mine:
            stored, telegram = await self.db.users.languages_of(user_id)
            found += [
                training_occurrence(tr, tr.title(stored, negotiate(telegram)), self.desk.tz)
                for tr, _ in mine
            ]
        return followed, sorted(found, key=lambda o: (o.start, o.event_key))

    async def event_view(self, event_key: str) -> EventView | None:
        kind, _, ident = event_key.partition(".")
        catalog = self.desk.catalog
        if kind == "k" and ident in catalog.events:
            found = [o for o in await self.upcoming() if o.series == ident]
            series = catalog.events[ident]
            return EventView(event_key, series.entry_id, series, None, found)
        if kind == "d" and ident.isascii() and ident.isdigit():
            stored = await self.db.events.get_event(int(ident))
            if stored is None:
                return None
            series = catalog.events.get(stored.series) if stored.series else None
            found = [o for o in await self.upcoming() if o.event_key == event_key]
            return EventView(event_key, stored.entry_id, series, stored, found)
        if kind == "t" and (number := parse_int(ident)) is not None:
            training = await self.db.trainings.get_training(number)
            if training is None:
                return None
            occ = training_occurrence(training, training.title(), self.desk.tz)
            ahead = training.status == "active" and occ.start > self.desk.clock.now()
            return EventView(event_key, None, None, None, [occ] if ahead else [])
        return None

    async def calendar_file(
        self, t: Translator, *, user_id: int | None = None, event_key: str | None = None
    ) -> bytes:
        """The .ics of one event, of what a user follows, or (neither given) of everything."""
        db = self.db.events
        followed = await db.subscriptions_of(user_id) if user_id is not None else set()
        stored = await db.events_between("0000-01-01", "9999-12-31")

        def keep(key: str, entry_id: str | None) -> bool:
            if event_key is not None:
                return key == event_key
            if user_id is not None:
                return EVERYTHING in followed or entry_id in followed
            return True

        from bot.events import ics  # icalendar only when someone asks for a calendar file

        desk = self.desk
        trainings = [
            (training_occurrence(tr, tr.title(t.locale), desk.tz), tr.id)
            for tr in await self._trainings_for(user_id)
            if keep(f"t.{tr.id}", None) or user_id is not None
        ]
        return ics.build(
            t, desk.catalog, self.knowledge, stored, desk.clock.now(), keep, trainings
        )

    async def _trainings_for(self, user_id: int | None) -> list[Training]:
        """The trainings of a user's calendar (signed up), or of the public one (all)."""
        now = iso(self.desk.clock.now())
        if user_id is not None:
            return [tr for tr, _ in await self.db.trainings.of_user(user_id, now)]
        return await self.db.trainings.between("0000-01-01", "9999-12-31")

    async def coordinator_dates(self) -> list[Occurrence]:
        """Upcoming dates that coordinators set (the ones they can change or cancel)."""
        return [o for o in await self.upcoming() if o.event_key.startswith("d.")]

    async def save(self, draft: Draft) -> bool:
        """Store a new date or the changes of an edited one; subscribers get a notice."""
        if draft.day is None:
            return False
        if draft.mode == "add":
            entry = draft.entry_id
            if draft.series is not None:
                entry = self.desk.catalog.events[draft.series].entry_id
            await self.db.events.add_event(
                series=draft.series,
                entry_id=entry,
                title=draft.title,
                day=draft.day,
                start_time=draft.start_time,
                place=draft.place,
                note=draft.note,
            )
            return True
        if draft.event_id is None or not draft.changed:
            return False
        return await self.db.events.update_event(draft.event_id, **draft.changes())

    async def due_instants(self) -> list[datetime]:
        """Every distinct instant within HORIZON at which a reminder falls due."""
        now = self.desk.clock.now()
        pairs = await self.db.events.lead_targets()
        due: set[datetime] = set()
        if pairs:
            leads_for: dict[str, set[str]] = {}
            for target, lead in pairs:
                leads_for.setdefault(target, set()).add(lead)
            for occ in await self.occurrences(now, now + HORIZON + MAX_LEAD):
                leads = leads_for.get(EVERYTHING, set()) | leads_for.get(occ.entry_id or "", set())
                for lead in leads:
                    at = fire_time(occ, lead)
                    if at is not None and now < at <= now + HORIZON:
                        due.add(at)
        return sorted(due)
