"""`python -m bot report`: the figures of a period for the annual report (JSON, CSV or a
printable HTML page in German with charts)."""

from __future__ import annotations

import asyncio
from datetime import date, datetime
from pathlib import Path
from typing import TextIO

from bot.config import Config
from bot.core.callbacks import FIRST_DAY, LAST_DAY, parse_day
from bot.db import Database
from bot.figures import service as figures
from bot.figures.city import city_offices


async def compute(config: Config, period: figures.Period) -> figures.Figures:
    db = await Database.open(config.database_path)
    try:
        return await figures.compute(db, period, city_offices(config.knowledge_dir))
    finally:
        await db.close()


def render(config: Config, found: figures.Figures, fmt: str, today: date) -> str:
    if fmt == "json":
        return figures.to_json(found) + "\n"
    if fmt == "csv":
        return figures.to_csv(found)
    from bot.figures.charts import render_all  # matplotlib: only for the charts
    from bot.figures.report import build
    from bot.i18n import Catalogs
    from bot.knowledge import load_knowledge

    knowledge = load_knowledge(config.knowledge_dir)
    t = Catalogs(config.timezone).get("de")  # the report is German
    city = city_offices(config.knowledge_dir)
    return build(found, knowledge, t, city, render_all(found, t, knowledge, city), today)


def period_of(first_raw: str | None, last_raw: str | None, today: date) -> figures.Period | str:
    """[--from, --to] (both inclusive), by default the last twelve months; or the error."""
    if first_raw is None and last_raw is None:
        return figures.Period.last_year(today)
    first = parse_day(first_raw or "")
    last = parse_day(last_raw) if last_raw else today
    if first is None or last is None:
        return f"--from and --to must be dates YYYY-MM-DD between {FIRST_DAY} and {LAST_DAY}"
    if last < first:
        return "--to is before --from"
    return figures.Period(first, last)


def run_report(
    config: Config,
    first_raw: str | None,
    last_raw: str | None,
    fmt: str,
    out: TextIO,
    err: TextIO,
    out_file: Path | None = None,
) -> int:
    """Print (or write to `out_file`) the figures of the period; 2 on malformed dates."""
    today = datetime.now(config.timezone).date()
    period = period_of(first_raw, last_raw, today)
    if isinstance(period, str):
        print(f"error: {period}", file=err)
        return 2
    text = render(config, asyncio.run(compute(config, period)), fmt, today)
    if out_file is None:
        out.write(text)
        return 0
    try:
        out_file.write_text(text, "utf-8")
    except OSError as exc:
        print(f"error: cannot write {out_file}: {exc.strerror or exc}", file=err)
        return 2
    print(f"report written: {out_file}", file=out)
    return 0
