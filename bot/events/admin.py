"""The coordinator's operations on dates (no Telegram): list, save a draft, cancel."""

from __future__ import annotations

from bot.events.drafts import Draft
from bot.events.occurrences import Occurrence
from bot.events.reminders import upcoming
from bot.services import Services


async def coordinator_dates(services: Services) -> list[Occurrence]:
    """Upcoming dates that coordinators set (the ones they can change or cancel)."""
    return [o for o in await upcoming(services) if o.event_key.startswith("d.")]


async def save(services: Services, draft: Draft) -> bool:
    """Store a new date or the changes of an edited one; subscribers get a notice."""
    if draft.day is None:
        return False
    if draft.mode == "add":
        entry = draft.entry_id
        if draft.series is not None:
            entry = services.events.catalog.events[draft.series].entry_id
        await services.db.events.add_event(
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
    return await services.db.events.update_event(draft.event_id, **draft.changes())
