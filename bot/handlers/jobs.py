"""Scheduling helpers shared by the capabilities that run JobQueue jobs."""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from telegram.ext import Application, JobQueue

from bot.figures.followup import in_asking_hours

if TYPE_CHECKING:
    from bot.handlers.context import BotContext
    from bot.services import Services

App = Application[Any, Any, Any, Any, Any, Any]
log = logging.getLogger(__name__)


def fresh_job_queue(app: App, *names: str) -> JobQueue[Any] | None:
    """The job queue with the named jobs removed, so a rebuild never doubles them."""
    jobs = app.job_queue
    if jobs is None:
        return None
    for name in names:
        for job in jobs.get_jobs_by_name(name):
            job.schedule_removal()
    return jobs


def ask_hourly_in_daytime(
    app: App, name: str, ask: Callable[[Services, datetime], Awaitable[int]], first: int
) -> None:
    """Every hour, `ask(services, now)` asks the members who are due, in the daytime only
    (bot/figures/followup.in_asking_hours). The database says who is due, so a restart loses
    nothing and a missed hour is covered by the next."""

    async def job(context: BotContext) -> None:
        now = datetime.now(UTC)
        if in_asking_hours(now, context.services.config.timezone):
            sent = await ask(context.services, now)
            if sent:
                log.info("%s: asked %d", name, sent)

    jobs = fresh_job_queue(app, name)
    if jobs is None:
        return
    jobs.run_repeating(
        job,
        interval=3600,
        first=first,
        name=name,
        job_kwargs={"misfire_grace_time": 600, "coalesce": True},
    )
