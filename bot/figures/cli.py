"""`python -m bot report`: the figures of a period for the annual report (CSV or JSON)."""

from __future__ import annotations

import asyncio
from datetime import date
from pathlib import Path
from typing import TextIO

from bot.config import Config
from bot.db import Database
from bot.figures import service as figures


async def render(database_path: Path, period: figures.Period, fmt: str) -> str:
    db = await Database.open(database_path)
    try:
        found = await figures.compute(db, period)
    finally:
        await db.close()
    return figures.to_json(found) + "\n" if fmt == "json" else figures.to_csv(found)


def run_report(
    config: Config, first_raw: str, last_raw: str, fmt: str, out: TextIO, err: TextIO
) -> int:
    """Print the figures of [--from, --to] (both inclusive); 2 on malformed dates."""
    try:
        first, last = date.fromisoformat(first_raw), date.fromisoformat(last_raw)
    except ValueError:
        print("error: --from and --to must be dates YYYY-MM-DD", file=err)
        return 2
    if last < first:
        print("error: --to is before --from", file=err)
        return 2
    out.write(asyncio.run(render(config.database_path, figures.Period(first, last), fmt)))
    return 0
