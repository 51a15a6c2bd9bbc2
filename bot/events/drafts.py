"""The coordinator's event draft: the steps of the guided conversation and typed input (pure)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import date, timedelta

from bot.db.events import StoredEvent

# Conversation states (ConversationHandler keys)
MENU, SERIES, TITLE, DAY, TIME, PLACE, NOTE, CONFIRM, EVENT, CANCEL = range(10)
ADD_STEPS = (SERIES, TITLE, DAY, TIME, PLACE, NOTE, CONFIRM)
FIELD_STEPS = {"day": DAY, "time": TIME, "place": PLACE, "note": NOTE}
MAX_TEXT = 200
MAX_YEARS_AHEAD = 3
_DAY_DE = re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{4})$")
_TIME = re.compile(r"^(\d{1,2})[:.](\d{2})$")


@dataclass(frozen=True)
class Draft:
    mode: str = "add"  # add | edit
    event_id: int | None = None
    series: str | None = None
    entry_id: str | None = None
    title: str | None = None
    day: str | None = None
    start_time: str | None = None
    place: str | None = None
    note: str | None = None
    changed: frozenset[str] = field(default_factory=frozenset)

    @classmethod
    def editing(cls, event: StoredEvent) -> Draft:
        return cls(
            "edit",
            event.id,
            event.series,
            event.entry_id,
            event.title,
            event.day,
            event.start_time,
            event.place,
            event.note,
        )

    def set(self, name: str, value: str | None) -> Draft:
        changed = self.changed | {name}
        return replace(self, **{name: value}, changed=changed)  # type: ignore[arg-type]

    def changes(self) -> dict[str, str | None]:
        return {name: getattr(self, name) for name in sorted(self.changed)}


def next_step(draft: Draft, state: int) -> int:
    if draft.mode == "edit":
        return CONFIRM
    steps = [s for s in ADD_STEPS if s != TITLE or draft.series is None]
    return steps[min(steps.index(state) + 1, len(steps) - 1)] if state in steps else SERIES


def previous_step(draft: Draft, state: int) -> int:
    if draft.mode == "edit":
        return EVENT
    steps = [s for s in ADD_STEPS if s != TITLE or draft.series is None]
    if state not in steps or steps.index(state) == 0:
        return MENU
    return steps[steps.index(state) - 1]


def parse_day(text: str, today: date) -> str | None:
    """'24.03.2027' or '2027-03-24', from today up to three years ahead; else None."""
    text = text.strip()
    try:
        if m := _DAY_DE.match(text):
            day = date(int(m.group(3)), int(m.group(2)), int(m.group(1)))
        else:
            day = date.fromisoformat(text)
    except ValueError:
        return None
    if not today <= day <= today + timedelta(days=366 * MAX_YEARS_AHEAD):
        return None
    return day.isoformat()


def parse_time(text: str) -> str | None:
    """'18:30', '9.00' → 'HH:MM'; else None."""
    m = _TIME.match(text.strip())
    if not m or int(m.group(1)) > 23 or int(m.group(2)) > 59:
        return None
    return f"{int(m.group(1)):02d}:{m.group(2)}"


def clean_text(text: str) -> str | None:
    """One line of plain text, at most MAX_TEXT characters; None if empty or too long."""
    cleaned = " ".join("".join(ch for ch in text if ch.isprintable() or ch == " ").split())
    return cleaned if 0 < len(cleaned) <= MAX_TEXT else None
