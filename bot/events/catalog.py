"""The events of `knowledge/events/` as the bot holds them: meetings and deadlines.

Loading and validation are in `bot.events.loader`; the format is stated in
knowledge/README.md ("Events").
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from dateutil.rrule import rrule, rrulestr

from bot.knowledge import (
    Citation,
)


@dataclass(frozen=True)
class EventText:
    title: str
    description: str


@dataclass(frozen=True)
class CatalogEvent:
    """One series of dates from knowledge/events/<id>.toml (times are local wall times)."""

    id: str
    entry_id: str
    kind: str  # meeting | deadline
    confirmed: bool
    as_of: str
    dates_from: str  # sources | coordinator
    citations: tuple[Citation, ...]
    texts: Mapping[str, EventText]
    dates: tuple[date, ...] = ()
    rule: str | None = None
    rule_start: date | None = None
    start_time: time | None = None  # None: all day
    duration: timedelta | None = None
    place: str | None = None
    per_year: int | None = None
    approximate: bool = False

    def text(self, lang: str) -> EventText:
        return self.texts.get(lang) or self.texts["de"]

    def rrule(self) -> rrule | None:
        """The recurrence on naive local dates (wall clock), or None."""
        if self.rule is None or self.rule_start is None:
            return None
        start = datetime.combine(self.rule_start, self.start_time or time(0))
        parsed = rrulestr(self.rule, dtstart=start)
        assert isinstance(parsed, rrule)
        return parsed


@dataclass(frozen=True)
class EventCatalog:
    events: Mapping[str, CatalogEvent]

    @classmethod
    def empty(cls) -> EventCatalog:
        return cls({})

    def for_entry(self, entry_id: str) -> list[CatalogEvent]:
        return [e for e in self.events.values() if e.entry_id == entry_id]

    def deadline_events_for(self, entry_id: str) -> list[CatalogEvent]:
        """The deadline series of a program: a page offers "remind me" when this is non-empty."""
        return [e for e in self.for_entry(entry_id) if e.kind == "deadline"]

    def entry_ids(self) -> list[str]:
        """Entries that have dates, in file order (networks first, then programs)."""
        seen = dict.fromkeys(
            e.entry_id for e in sorted(self.events.values(), key=lambda e: (e.kind, e.id))
        )
        return list(seen)
