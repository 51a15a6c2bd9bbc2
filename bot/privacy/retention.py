"""Question texts are personal data: a daily job erases them after the retention period."""

from __future__ import annotations

import logging
from datetime import UTC, datetime, time, timedelta
from typing import Any

from telegram.ext import Application

from bot.handlers.context import BotContext
from bot.handlers.jobs import fresh_job_queue

log = logging.getLogger(__name__)
JOB_NAME = "retention"


async def purge(context: BotContext) -> None:
    """Erase question texts older than QUESTION_RETENTION_DAYS."""
    services = context.services
    cutoff = datetime.now(UTC) - timedelta(days=services.config.question_retention_days)
    erased = await services.db.questions.purge_question_texts(cutoff.isoformat(timespec="seconds"))
    if erased:
        log.info("retention: erased the text of %d question(s)", erased)


def schedule(app: Application[Any, Any, Any, Any, Any, Any]) -> None:
    """Once shortly after start, then every night; a missed night runs at the next start."""
    jobs = fresh_job_queue(app, JOB_NAME)
    if jobs is None:
        return
    jobs.run_once(purge, when=5, name=JOB_NAME, job_kwargs={"misfire_grace_time": None})
    jobs.run_daily(
        purge,
        time=time(3, 30),
        name=JOB_NAME,
        job_kwargs={"misfire_grace_time": 6 * 3600, "coalesce": True},
    )
