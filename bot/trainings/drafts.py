"""The coordinator's training draft: the steps of the guided conversation and typed input.

Pure: no database, no Telegram. The steps are KIND, TITLE (a default version, then optional
versions per language), DAY, TIME, PLACE (an address or an https link), TOPIC, CAPACITY,
DEADLINE (a day, the day before, or until it starts), CONFIRM.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from bot.core import typed_values
from bot.core.callbacks import parse_int
from bot.core.clock import wall
from bot.core.typed_values import clean_text, parse_time
from bot.db.trainings import NewTraining
from bot.i18n.languages import LANGUAGES
from bot.trainings import CAPACITY, CONFIRM, DAY, DEADLINE, KIND, PLACE, TIME, TITLE, TOPIC

STEPS = (KIND, TITLE, DAY, TIME, PLACE, TOPIC, CAPACITY, DEADLINE, CONFIRM)
KINDS = ("training", "workshop")
MAX_CAPACITY = 1000
MAX_URL = 300
MAX_YEARS_AHEAD = 2
_URL = re.compile(r"^https://[^\s<>\"]+$")


@dataclass(frozen=True)
class Draft:
    kind: str | None = None
    titles: dict[str, str] = field(default_factory=dict)  # '' is the default version
    editing: str = ""  # the title version the next typed text is for
    day: str | None = None
    start_time: str | None = None
    place: str | None = None
    online_url: str | None = None
    topic: str | None = None
    capacity: int | None = None
    signup_until: str | None = None

    def with_title(self, text: str) -> Draft:
        return replace(self, titles={**self.titles, self.editing: text}, editing="")

    def starts_at(self, tz: ZoneInfo) -> datetime | None:
        if self.day is None or self.start_time is None:
            return None
        return wall(date.fromisoformat(self.day), time.fromisoformat(self.start_time), tz)

    def complete(self) -> bool:
        return (
            None
            not in (
                self.kind,
                self.day,
                self.start_time,
                self.topic,
                self.capacity,
                self.signup_until,
            )
            and "" in self.titles
            and (self.place is not None or self.online_url is not None)
        )

    def stored(self, tz: ZoneInfo) -> NewTraining:
        """The draft as the row to store; only for a complete draft."""
        start = self.starts_at(tz)
        assert self.complete() and start is not None
        return NewTraining(
            kind=str(self.kind),
            topic=str(self.topic),
            day=str(self.day),
            start_time=str(self.start_time),
            starts_at=start.astimezone(ZoneInfo("UTC")).isoformat(timespec="seconds"),
            place=self.place,
            online_url=self.online_url,
            capacity=int(self.capacity or 0),
            signup_until=str(self.signup_until),
            titles=dict(self.titles),
        )


def next_step(state: int) -> int:
    return STEPS[min(STEPS.index(state) + 1, len(STEPS) - 1)]


def previous_step(state: int) -> int | None:
    """The step before, or None on the first one (then Back closes the draft)."""
    index = STEPS.index(state)
    return STEPS[index - 1] if index else None


def parse_place(text: str) -> tuple[str | None, str | None] | None:
    """(place, None) for an address or room, (None, url) for an https link; None if empty."""
    raw = text.strip()
    if raw.lower().startswith(("http://", "https://", "www.")):
        url = raw if raw.lower().startswith("https://") else None
        return (None, url) if url and _URL.match(url) and len(url) <= MAX_URL else None
    place = clean_text(raw)
    return (place, None) if place else None


def parse_capacity(text: str) -> int | None:
    return parse_int(text.strip(), 1, MAX_CAPACITY)


def parse_deadline(text: str, today: date, day: str | None) -> str | None:
    """A sign-up deadline: a date from today up to the day of the training."""
    found = parse_day(text, today)
    if found is None or day is None or found > day:
        return None
    return found


def day_before(day: str, today: date) -> str:
    """The day before the training, or today if that has passed."""
    before = date.fromisoformat(day) - timedelta(days=1)
    return max(before, today).isoformat()


def parse_day(text: str, today: date) -> str | None:
    """A day from today up to MAX_YEARS_AHEAD years on (bot/core/typed_values.py)."""
    return typed_values.parse_day(text, today, MAX_YEARS_AHEAD)


def apply_text(draft: Draft, state: int, text: str, now: datetime, tz: ZoneInfo) -> Draft | None:
    """The draft with the text typed on this step, or None if it is not valid there."""
    today = now.astimezone(tz).date()
    if state == TITLE:
        title = clean_text(text)
        return draft.with_title(title) if title else None
    if state == DAY:
        day = parse_day(text, today)
        return replace(draft, day=day, signup_until=None) if day else None
    if state == TIME:
        found = parse_time(text)
        changed = replace(draft, start_time=found) if found else None
        start = changed.starts_at(tz) if changed else None
        return changed if start is not None and start > now else None
    if state == PLACE:
        where = parse_place(text)
        return replace(draft, place=where[0], online_url=where[1]) if where else None
    if state == CAPACITY:
        capacity = parse_capacity(text)
        return replace(draft, capacity=capacity) if capacity else None
    if state == DEADLINE:
        until = parse_deadline(text, today, draft.day)
        return replace(draft, signup_until=until) if until else None
    return None


def apply_choice(draft: Draft, state: int, name: str, value: str, topics: object) -> Draft | None:
    """The draft with a button's choice (kind, topic, a title language), or None."""
    if state == KIND and name == "kind" and value in KINDS:
        return replace(draft, kind=value)
    if state == TOPIC and name == "topic" and value in topics:  # type: ignore[operator]
        return replace(draft, topic=value)
    if state == TITLE and name == "lang" and value in LANGUAGES and "" in draft.titles:
        return replace(draft, editing=value)
    return None


def apply_step(draft: Draft, state: int, action: str, today: date) -> Draft | None:
    """Next (after the titles) and the deadline buttons; None where they do not apply."""
    if state == TITLE and action == "next" and "" in draft.titles:
        return replace(draft, editing="")
    if state == DEADLINE and draft.day is not None and action in ("dayb", "start"):
        until = day_before(draft.day, today) if action == "dayb" else draft.day
        return replace(draft, signup_until=until)
    return None


def parse_count(text: str) -> int | None:
    """A number of participants typed by a coordinator."""
    return parse_int(text.strip(), 0, 100_000)
