"""Load and validate `knowledge/events/`: network meetings and program deadlines.

The format is stated in knowledge/README.md ("Events"). Like the knowledge base, loading is
all-or-nothing: every problem is a `bot.knowledge.Problem` with file and field, and one
`KnowledgeError` lists them, so a broken events file stops start-up and `python -m bot check`.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any

from dateutil.rrule import rrule, rrulestr

from bot.core.callbacks import in_range
from bot.events.catalog import CatalogEvent, EventCatalog, EventText
from bot.knowledge import ID_RE, KINDS, Citation, Knowledge, KnowledgeError, Problem, Source
from bot.knowledge.checks import FileChecker, check_citations, language_tables
from bot.knowledge.files import load_toml
from bot.knowledge.reader import read_sources

EVENTS_DIR = "events"
EVENT_KINDS = ("meeting", "deadline")
DATES_FROM = ("sources", "coordinator")
EVENT_KEYS = {
    "id",
    "entry",
    "kind",
    "confirmed",
    "as_of",
    "dates_from",
    "per_year",
    "approximate",
    "time",
    "duration_minutes",
    "place",
    "dates",
    "rule",
    "rule_start",
    "sources",
    "text",
}
TEXT_KEYS = ("title", "description")
RULE_FREQS = ("YEARLY", "MONTHLY", "WEEKLY")
TIME_RE = re.compile(r"^([01]\d|2[0-3]):[0-5]\d$")
AS_OF_RE = re.compile(r"^\d{4}(?:-\d{2}-\d{2})?$")


def load_events(folder: Path, knowledge: Knowledge) -> EventCatalog:
    """Load `folder/events/*.toml` against a loaded knowledge base, or raise KnowledgeError."""
    kinds = {e.id: e.kind for e in knowledge.entries.values()}
    catalog, problems = _read(folder, kinds, dict(knowledge.sources))
    if problems:
        raise KnowledgeError(problems)
    return catalog


def check_events(folder: Path) -> list[Problem]:
    """Every problem of the events files; needs only entry file names and sources.toml."""
    kinds = {p.stem: kind for sub, kind in KINDS.items() for p in (folder / sub).glob("*.toml")}
    # a broken sources.toml is check_knowledge's to report: its problems are not repeated
    return _read(folder, kinds, read_sources(folder / "sources.toml", []))[1]


def _read(
    folder: Path, kinds: Mapping[str, str], sources: Mapping[str, Source]
) -> tuple[EventCatalog, list[Problem]]:
    problems: list[Problem] = []
    events: dict[str, CatalogEvent] = {}
    for path in sorted((folder / EVENTS_DIR).glob("*.toml")):
        where = f"{EVENTS_DIR}/{path.name}"
        data = load_toml(path, problems, where)
        if data is None:
            continue
        event = _Checker(where, path.stem, kinds, sources, problems).build(data)
        if event is not None:
            events[event.id] = event
    return EventCatalog(events), problems


class _Checker(FileChecker):
    """Validates one events file; problems go to the shared list."""

    def __init__(
        self,
        where: str,
        stem: str,
        kinds: Mapping[str, str],
        sources: Mapping[str, Source],
        problems: list[Problem],
    ) -> None:
        super().__init__(where, problems)
        self.stem, self.kinds, self.sources = stem, kinds, sources

    def build(self, d: dict[str, Any]) -> CatalogEvent | None:
        for key in sorted(set(d) - EVENT_KEYS):
            self.bad(key, "unknown field")
        event_id = d.get("id")
        if not isinstance(event_id, str) or not ID_RE.match(event_id):
            self.bad("id", "must be lowercase a-z, 0-9 and '-'")
        elif event_id != self.stem:
            self.bad("id", f"{event_id!r} differs from the file name {self.stem!r}")
        kind = d.get("kind")
        if kind not in EVENT_KINDS:
            self.bad("kind", f"must be one of {', '.join(EVENT_KINDS)}")
        entry = d.get("entry")
        if entry not in self.kinds:
            self.bad("entry", f"unknown entry id {entry!r}")
        elif kind == "deadline" and self.kinds[str(entry)] != "program":
            self.bad("entry", f"a deadline belongs to a program, {entry!r} is not one")
        if not isinstance(d.get("confirmed"), bool):
            self.bad("confirmed", "must be true or false")
        as_of = str(d.get("as_of", ""))
        if not AS_OF_RE.match(as_of):
            self.bad("as_of", "must be YYYY or YYYY-MM-DD")
        citations = self._citations(d.get("sources"))
        if d.get("confirmed") is True and any(c.source.kind == "public" for c in citations):
            self.bad("confirmed", "must be false: the event cites a public (non-seed) source")
        start_time, duration = self._time(d.get("time"), d.get("duration_minutes"))
        dates = self._dates(d.get("dates", []))
        rule, rule_start = self._rule(d.get("rule"), d.get("rule_start"))
        self._dates_from(d.get("dates_from"), bool(dates or rule))
        per_year = d.get("per_year")
        if per_year is not None and (not isinstance(per_year, int) or not 0 < per_year <= 52):
            self.bad("per_year", "must be a whole number from 1 to 52")
        if not isinstance(d.get("approximate", False), bool):
            self.bad("approximate", "must be true or false")
        place = d.get("place")
        if place is not None and not isinstance(place, str):
            self.bad("place", "must be text")
        texts = self._texts(d.get("text"))
        if not self.ok:
            return None
        return CatalogEvent(
            id=str(event_id),
            entry_id=str(entry),
            kind=str(kind),
            confirmed=bool(d["confirmed"]),
            as_of=as_of,
            dates_from=str(d["dates_from"]),
            citations=citations,
            texts=texts,
            dates=dates,
            rule=rule,
            rule_start=rule_start,
            start_time=start_time,
            duration=duration,
            place=place.strip() if isinstance(place, str) and place.strip() else None,
            per_year=per_year,
            approximate=bool(d.get("approximate", False)),
        )

    def _citations(self, value: object) -> tuple[Citation, ...]:
        return check_citations(value, self.sources, self.bad)

    def _time(self, raw: object, minutes: object) -> tuple[time | None, timedelta | None]:
        start = None
        if raw is not None:
            if not isinstance(raw, str) or not TIME_RE.match(raw):
                self.bad("time", "must be a local time HH:MM")
            else:
                start = time.fromisoformat(raw)
        if minutes is None:
            return start, None
        if not isinstance(minutes, int) or isinstance(minutes, bool) or minutes <= 0:
            self.bad("duration_minutes", "must be a positive whole number")
        elif start is None:
            self.bad("duration_minutes", "needs a start time")
        else:
            return start, timedelta(minutes=minutes)
        return start, None

    def _dates(self, value: object) -> tuple[date, ...]:
        if not isinstance(value, list):
            self.bad("dates", "must be a list of dates YYYY-MM-DD")
            return ()
        out = []
        for i, raw in enumerate(value):
            parsed = _as_date(raw)
            if parsed is None:
                self.bad(f"dates[{i}]", f"bad date {raw!r}: must be YYYY-MM-DD from 2000 to 2099")
            else:
                out.append(parsed)
        return tuple(sorted(out))

    def _rule(self, rule: object, start: object) -> tuple[str | None, date | None]:
        if rule is None:
            if start is not None:
                self.bad("rule_start", "only with a rule")
            return None, None
        first = _as_date(start)
        if first is None:
            self.bad("rule_start", "a rule needs its first date YYYY-MM-DD")
        if not isinstance(rule, str):
            self.bad("rule", "bad recurrence: must be an RRULE text")
            return None, None
        parts = dict(p.partition("=")[::2] for p in rule.upper().split(";"))
        if parts.get("FREQ") not in RULE_FREQS:
            self.bad("rule", f"bad recurrence: FREQ must be one of {', '.join(RULE_FREQS)}")
            return None, None
        start = datetime.combine(first or date(2000, 1, 1), time(0))
        try:
            parsed = rrulestr(rule, dtstart=start)
        except (ValueError, TypeError) as exc:
            self.bad("rule", f"bad recurrence: {exc}")
            return None, None
        if not isinstance(parsed, rrule) or "\n" in rule.strip():
            self.bad("rule", "bad recurrence: must be one RRULE line")
            return None, None
        # dateutil accepts BYMONTH=13 or February 30 and then finds no date (after searching
        # to the year 9999, at every listing): such a series would silently never happen.
        if first is not None and parsed.after(start, inc=True) is None:
            self.bad("rule", "bad recurrence: it never occurs from rule_start on")
            return None, None
        return rule, first

    def _dates_from(self, value: object, has_dates: bool) -> None:
        if value not in DATES_FROM:
            self.bad("dates_from", f"must be one of {', '.join(DATES_FROM)}")
        elif value == "sources" and not has_dates:
            self.bad("dates_from", "'sources' needs dates or a rule the sources state")
        elif value == "coordinator" and has_dates:
            self.bad("dates_from", "'coordinator': the coordinator sets the dates, list none")

    def _texts(self, value: object) -> dict[str, EventText]:
        texts = {}
        for lang, item in language_tables(value, set(TEXT_KEYS), self.bad):
            for key in TEXT_KEYS:
                text = item.get(key)
                if not isinstance(text, str) or not text.strip():
                    self.bad(f"text.{lang}.{key}", "missing or empty")
                elif "{" in text or "}" in text:
                    self.bad(f"text.{lang}.{key}", "no placeholders: dates are data")
            texts[lang] = EventText(
                str(item.get("title", "")).strip(), str(item.get("description", "")).strip()
            )
        return texts


def _as_date(raw: object) -> date | None:
    """A date within the days the bot reckons with (2000 … 2099): 9999-12-31 passed once
    and then broke the calendar, which ends an event on the day after (issue 14)."""
    if isinstance(raw, datetime):
        return None
    if isinstance(raw, date):
        return raw if in_range(raw) else None
    try:
        day = date.fromisoformat(str(raw))
    except ValueError:
        return None
    return day if in_range(day) else None
