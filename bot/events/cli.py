"""`python -m bot events` and `python -m bot ics`: upcoming dates and the public calendar."""

from __future__ import annotations

import asyncio
import json
from datetime import timedelta
from pathlib import Path
from typing import TextIO

from bot.config import Config
from bot.core.clock import Clock, SystemClock
from bot.db import Database
from bot.events import ics, pages
from bot.events.catalog import EventCatalog
from bot.events.loader import load_events
from bot.events.occurrences import Occurrence, expand
from bot.i18n import Catalogs
from bot.knowledge import Knowledge, load_knowledge


def run_events(
    config: Config, days: int, as_json: bool, out: TextIO, clock: Clock | None = None
) -> int:
    knowledge = load_knowledge(config.knowledge_dir)
    catalog = load_events(config.knowledge_dir, knowledge)
    found = asyncio.run(_upcoming(config, catalog, clock or SystemClock(), days))
    t = Catalogs(config.timezone).get(config.default_language)
    if as_json:
        rows = [_row(o, t, catalog, knowledge) for o in found]
        out.write(json.dumps(rows, ensure_ascii=False, indent=2) + "\n")
        return 0
    for o in found:
        mark = " (to be confirmed)" if o.tentative else ""
        out.write(f"{o.start.isoformat()}  {pages.title(t, o, catalog, knowledge)}{mark}\n")
    if not found:
        out.write(f"no dates in the next {days} days\n")
    return 0


def run_ics(config: Config, path: str | None, out: TextIO, clock: Clock | None = None) -> int:
    knowledge = load_knowledge(config.knowledge_dir)
    catalog = load_events(config.knowledge_dir, knowledge)
    now = (clock or SystemClock()).now()
    t = Catalogs(config.timezone).get(config.default_language)

    async def stored() -> list:  # type: ignore[type-arg]
        db = await Database.open(config.database_path)
        try:
            return await db.events.events_between("0000-01-01", "9999-12-31")
        finally:
            await db.close()

    data = ics.build(t, catalog, knowledge, asyncio.run(stored()), now)
    if path:
        Path(path).write_bytes(data)
    else:
        out.write(data.decode("utf-8"))
    return 0


async def _upcoming(
    config: Config, catalog: EventCatalog, clock: Clock, days: int
) -> list[Occurrence]:
    now = clock.now()
    first = (now - timedelta(days=1)).astimezone(config.timezone).date()
    last = (now + timedelta(days=days)).astimezone(config.timezone).date()
    db = await Database.open(config.database_path)
    try:
        stored = await db.events.events_between(first.isoformat(), last.isoformat())
    finally:
        await db.close()
    return [o for o in expand(catalog, stored, config.timezone, first, last) if o.cutoff > now]


def _row(
    o: Occurrence, t: object, catalog: EventCatalog, knowledge: Knowledge
) -> dict[str, object]:
    from bot.i18n import Translator

    assert isinstance(t, Translator)
    return {
        "event": o.event_key,
        "series": o.series,
        "entry": o.entry_id,
        "kind": o.kind,
        "start": o.start.isoformat(),
        "all_day": o.all_day,
        "confirmed": not o.tentative,
        "as_of": o.as_of if o.tentative else None,
        "title": pages.title(t, o, catalog, knowledge),
        "place": o.place,
        "note": o.note,
    }
