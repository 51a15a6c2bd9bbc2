"""iCalendar export with the icalendar library: series keep their RRULE, times their TZID.

A catalog rule is one VEVENT with RRULE (EXDATE where a coordinator's date replaces an
occurrence); each coordinator date is its own VEVENT whose SEQUENCE counts its changes, and a
cancelled one stays in the feed as STATUS:CANCELLED so subscribed calendars drop it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from datetime import date, datetime, time, timedelta

from icalendar import Calendar, Event, vRecur

from bot.core.clock import wall
from bot.db.events import StoredEvent
from bot.events import pages
from bot.events.catalog import CatalogEvent, EventCatalog
from bot.events.occurrences import Occurrence, from_catalog, from_stored
from bot.i18n import Translator
from bot.knowledge import Knowledge

PRODID = "-//Landeshauptstadt Wiesbaden//MO-Lotse//DE"
UID_DOMAIN = "mo-lotse.wiesbaden"


def build(
    t: Translator,
    catalog: EventCatalog,
    knowledge: Knowledge,
    stored: Iterable[StoredEvent],
    now: datetime,
    keep: Callable[[str, str | None], bool] = lambda event_key, entry_id: True,
    trainings: Sequence[tuple[Occurrence, int]] = (),
) -> bytes:
    """A calendar of the catalog series and stored dates that `keep(event_key, entry_id)`,
    and of the given trainings (occurrence, training id)."""
    stored = list(stored)
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", t.gettext("MO-Lotse: meetings and deadlines"))
    cal.add("x-wr-timezone", str(t.timezone))
    replaced: dict[str, list[date]] = {}
    for s in stored:
        if s.series:
            replaced.setdefault(s.series, []).append(date.fromisoformat(s.day))
    for series in catalog.events.values():
        if keep(f"k.{series.id}", series.entry_id):
            for event in _series(t, series, catalog, knowledge, replaced.get(series.id, [])):
                event.add("dtstamp", now)
                cal.add_component(event)
    for s in stored:
        occ = from_stored(s, catalog, t.timezone)
        if keep(occ.event_key, occ.entry_id):
            event = _event(t, occ, catalog, knowledge, f"event-{s.id}@{UID_DOMAIN}")
            event.add("status", "CANCELLED" if occ.cancelled else "CONFIRMED")
            event.add("sequence", s.revision)
            event.add("dtstamp", now)
            cal.add_component(event)
    for occ, training_id in trainings:
        event = _event(t, occ, catalog, knowledge, f"training-{training_id}@{UID_DOMAIN}")
        event.add("status", "CANCELLED" if occ.cancelled else "CONFIRMED")
        event.add("dtstamp", now)
        cal.add_component(event)
    cal.add_missing_timezones()
    return bytes(cal.to_ical())


def _series(
    t: Translator,
    series: CatalogEvent,
    catalog: EventCatalog,
    knowledge: Knowledge,
    replaced: list[date],
) -> list[Event]:
    tz = t.timezone
    out = []
    for day in series.dates:
        if day in replaced:
            continue
        occ = from_catalog(series, day, tz)
        event = _event(t, occ, catalog, knowledge, f"{series.id}-{day:%Y%m%d}@{UID_DOMAIN}")
        event.add("status", "TENTATIVE" if occ.tentative else "CONFIRMED")
        out.append(event)
    if series.rule and series.rule_start:
        occ = from_catalog(series, series.rule_start, tz)
        event = _event(t, occ, catalog, knowledge, f"{series.id}@{UID_DOMAIN}")
        event.add("rrule", vRecur.from_ical(series.rule))
        for day in replaced:
            event.add("exdate", _start_value(from_catalog(series, day, tz)))
        event.add("status", "TENTATIVE" if occ.tentative else "CONFIRMED")
        out.append(event)
    return out


def _start_value(occ: Occurrence) -> date | datetime:
    return occ.day if occ.all_day else wall(occ.day, occ.start_time or time(0), occ.tz)


def _event(
    t: Translator, occ: Occurrence, catalog: EventCatalog, knowledge: Knowledge, uid: str
) -> Event:
    event = Event()
    event.add("uid", uid)
    event.add("summary", pages.title(t, occ, catalog, knowledge))
    start = _start_value(occ)
    event.add("dtstart", start)
    if occ.all_day:
        event.add("dtend", occ.day + timedelta(days=1))
    elif occ.duration is not None:
        event.add("dtend", occ.start + occ.duration)
    event.add("categories", [occ.kind.upper()])
    series = catalog.events.get(occ.series) if occ.series else None
    parts = [series.text(t.locale).description] if series else []
    if occ.note:
        parts.append(occ.note)
    if occ.tentative:
        parts.append(
            t.gettext(
                "This date is not confirmed (as of {year}): please check with the coordination "
                "office before you rely on it.",
                year=occ.as_of or "",
            )
        )
    if parts:
        event.add("description", "\n\n".join(parts))
    if occ.place:
        event.add("location", occ.place)
    return event
