"""`python -m bot report`: the figures of a period for the annual report (CSV or JSON)."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import TextIO

from bot.config import Config
from bot.core.callbacks import FIRST_DAY, LAST_DAY, parse_day
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
    first, last = parse_day(first_raw), parse_day(last_raw)
    if first is None or last is None:
        print(
            f"error: --from and --to must be dates YYYY-MM-DD from {FIRST_DAY} to {LAST_DAY}",
            file=err,
        )
        return 2
    if last < first:
        print("error: --to is before --from", file=err)
        return 2
    out.write(asyncio.run(render(config.database_path, figures.Period(first, last), fmt)))
    return 0
