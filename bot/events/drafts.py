"""The coordinator's event draft: the steps of the guided conversation and typed input (pure)."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date

from bot.core import typed_values
from bot.db.events import StoredEvent

# Conversation states (ConversationHandler keys)
MENU, SERIES, TITLE, DAY, TIME, PLACE, NOTE, CONFIRM, EVENT, CANCEL = range(10)
ADD_STEPS = (SERIES, TITLE, DAY, TIME, PLACE, NOTE, CONFIRM)
FIELD_STEPS = {"day": DAY, "time": TIME, "place": PLACE, "note": NOTE}
MAX_YEARS_AHEAD = 3


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
    """A day from today up to MAX_YEARS_AHEAD years on (bot/core/typed_values.py)."""
    return typed_values.parse_day(text, today, MAX_YEARS_AHEAD)
