"""Dated occurrences from the catalog (dates, RRULE) and the coordinators' dates (pure).

A coordinator's date that belongs to a catalog series replaces the series' occurrence on the
same local day: that is how a coordinator confirms or moves a "to be confirmed" deadline, or
cancels one (a cancelled date hides it).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from bot.core.clock import wall
from bot.db.events import StoredEvent
from bot.events.catalog import CatalogEvent, EventCatalog

LEADS = ("7d", "3d", "1d", "morning", "1h")
DEFAULT_LEADS = ("7d", "1d")
MORNING = time(8, 0)  # "the morning of the day", and when day-based reminders of deadlines go out
MAX_LEAD = timedelta(days=8)  # longer than any lead: how far before a start reminders can fall


@dataclass(frozen=True)
class Occurrence:
    event_key: str  # "k.<catalog id>" or "d.<database id>"
    series: str | None
    entry_id: str | None
    kind: str  # meeting | deadline
    day: date
    start_time: time | None  # None: all day
    tz: ZoneInfo
    tentative: bool = False  # rests on an unconfirmed source: the bot says so
    as_of: str | None = None
    duration: timedelta | None = None
    place: str | None = None
    note: str | None = None
    title: str | None = None  # coordinator's own title (dates of no series)
    cancelled: bool = False
    revision: int = 0

    @property
    def start(self) -> datetime:
        return wall(self.day, self.start_time or time(0), self.tz)

    @property
    def all_day(self) -> bool:
        return self.start_time is None

    @property
    def cutoff(self) -> datetime:
        """Until when a reminder is still useful: the start, or the end of a deadline's day."""
        if self.start_time is None:
            return wall(self.day + timedelta(days=1), time(0), self.tz)
        return self.start

    @property
    def key(self) -> str:
        """Stable per date: a moved date is a new occurrence with its own reminders."""
        clock = f"T{self.start_time:%H:%M}" if self.start_time else ""
        return f"{self.event_key}@{self.day.isoformat()}{clock}"


def fire_time(occ: Occurrence, lead: str) -> datetime | None:
    """When the reminder with this lead falls due (UTC), or None if it does not apply."""
    if lead.endswith("d") and lead[:-1].isdigit():
        before = occ.day - timedelta(days=int(lead[:-1]))
        at = wall(before, occ.start_time or MORNING, occ.tz)
    elif lead == "morning":
        if occ.start_time is not None and occ.start_time <= MORNING:
            return None
        at = wall(occ.day, MORNING, occ.tz)
    elif lead == "1h" and occ.start_time is not None:
        at = occ.start - timedelta(hours=1)
    else:
        return None
    return at.astimezone(UTC)


def catalog_occurrences(event: CatalogEvent, tz: ZoneInfo, first: date, last: date) -> list[date]:
    """The series' days within first..last (local)."""
    days = {d for d in event.dates if first <= d <= last}
    rule = event.rrule()
    if rule is not None:
        lo = datetime.combine(first, time(0))
        hi = datetime.combine(last, time(23, 59))
        days.update(d.date() for d in rule.between(lo, hi, inc=True))
    return sorted(days)


def expand(
    catalog: EventCatalog,
    stored: Iterable[StoredEvent],
    tz: ZoneInfo,
    first: date,
    last: date,
    *,
    with_cancelled: bool = False,
) -> list[Occurrence]:
    """All occurrences on local days first..last, sorted by start."""
    stored = list(stored)
    replaced = {(s.series, s.day) for s in stored if s.series}
    out: list[Occurrence] = []
    for event in catalog.events.values():
        for day in catalog_occurrences(event, tz, first, last):
            if (event.id, day.isoformat()) not in replaced:
                out.append(from_catalog(event, day, tz))
    for s in stored:
        if first.isoformat() <= s.day <= last.isoformat() and (
            with_cancelled or s.status == "active"
        ):
            out.append(from_stored(s, catalog, tz))
    return sorted(out, key=lambda o: (o.start, o.event_key))


def from_catalog(event: CatalogEvent, day: date, tz: ZoneInfo) -> Occurrence:
    return Occurrence(
        event_key=f"k.{event.id}",
        series=event.id,
        entry_id=event.entry_id,
        kind=event.kind,
        day=day,
        start_time=event.start_time,
        tz=tz,
        tentative=not event.confirmed,
        as_of=event.as_of,
        duration=event.duration,
        place=event.place,
    )


def from_stored(s: StoredEvent, catalog: EventCatalog, tz: ZoneInfo) -> Occurrence:
    series = catalog.events.get(s.series) if s.series else None
    return Occurrence(
        event_key=f"d.{s.id}",
        series=s.series,
        entry_id=s.entry_id,
        kind=series.kind if series else "meeting",
        day=date.fromisoformat(s.day),
        start_time=time.fromisoformat(s.start_time) if s.start_time else None,
        tz=tz,
        duration=series.duration if series else None,
        place=s.place or (series.place if series else None),
        note=s.note,
        title=s.title,
        cancelled=s.status == "cancelled",
        revision=s.revision,
    )


def following(occurrences: Sequence[Occurrence], targets: set[str]) -> list[Occurrence]:
    """The occurrences a user following `targets` (entry ids or '*') hears about."""
    if "*" in targets:
        return list(occurrences)
    return [o for o in occurrences if o.entry_id in targets]
