"""What a user follows and when they are reminded; the lookups the handlers need (no Telegram)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC

from bot.db.events import StoredEvent
from bot.events.catalog import CatalogEvent
from bot.events.occurrences import DEFAULT_LEADS, LEADS, Occurrence, following
from bot.events.reminders import upcoming
from bot.i18n import Translator
from bot.services import Services

EVERYTHING = "*"


def targets(services: Services) -> list[str]:
    """What can be followed: every entry with dates, and everything."""
    return [*services.events.catalog.entry_ids(), EVERYTHING]


def _since(services: Services) -> str:
    return services.events.clock.now().astimezone(UTC).isoformat(timespec="seconds")


async def follow(services: Services, user_id: int, locale: str, target: str) -> bool:
    """Follow a target; True if it is new. Unknown targets raise ValueError."""
    if target not in targets(services):
        raise ValueError(target)
    return await services.db.events.subscribe(
        user_id, target, locale, DEFAULT_LEADS, _since(services)
    )


async def toggle(services: Services, user_id: int, locale: str, target: str) -> bool:
    """Follow or stop following; True if the user follows it now."""
    if target in await services.db.events.subscriptions_of(user_id):
        await services.db.events.unsubscribe(user_id, target)
        return False
    await follow(services, user_id, locale, target)
    return True


async def leads_of(services: Services, user_id: int) -> tuple[str, ...]:
    return await services.db.events.leads_of(user_id) or DEFAULT_LEADS


async def toggle_lead(services: Services, user_id: int, locale: str, lead: str) -> bool:
    """Add or remove a lead time; False (nothing changed) if it would leave none."""
    if lead not in LEADS:
        raise ValueError(lead)
    current = set(await leads_of(services, user_id))
    wanted = current ^ {lead}
    if not wanted:
        return False
    await services.db.events.set_leads(user_id, locale, [x for x in LEADS if x in wanted])
    return True


async def my_upcoming(services: Services, user_id: int) -> tuple[set[str], list[Occurrence]]:
    followed = await services.db.events.subscriptions_of(user_id)
    return followed, following(await upcoming(services), followed)


@dataclass(frozen=True)
class EventView:
    """One event (a catalog series or a coordinator's date) and its next occurrences."""

    event_key: str
    entry_id: str | None
    series: CatalogEvent | None
    stored: StoredEvent | None
    next: list[Occurrence]


async def event_view(services: Services, event_key: str) -> EventView | None:
    kind, _, ident = event_key.partition(".")
    catalog = services.events.catalog
    if kind == "k" and ident in catalog.events:
        found = [o for o in await upcoming(services) if o.series == ident]
        return EventView(
            event_key, catalog.events[ident].entry_id, catalog.events[ident], None, found
        )
    if kind == "d" and ident.isdigit():
        stored = await services.db.events.get_event(int(ident))
        if stored is None:
            return None
        series = catalog.events.get(stored.series) if stored.series else None
        found = [o for o in await upcoming(services) if o.event_key == event_key]
        return EventView(event_key, stored.entry_id, series, stored, found)
    return None


async def calendar_file(
    services: Services, t: Translator, *, user_id: int | None = None, event_key: str | None = None
) -> bytes:
    """The .ics of one event, of what a user follows, or (neither given) of everything."""
    followed = await services.db.events.subscriptions_of(user_id) if user_id is not None else set()
    stored = await services.db.events.events_between("0000-01-01", "9999-12-31")

    def keep(key: str, entry_id: str | None) -> bool:
        if event_key is not None:
            return key == event_key
        if user_id is not None:
            return EVERYTHING in followed or entry_id in followed
        return True

    desk = services.events
    from bot.events import ics  # icalendar only when someone asks for a calendar file

    return ics.build(t, desk.catalog, services.knowledge, stored, desk.clock.now(), keep)
