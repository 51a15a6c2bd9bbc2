"""Scheduling helpers shared by the capabilities that run JobQueue jobs."""

from __future__ import annotations

from typing import Any

from telegram.ext import Application, JobQueue

App = Application[Any, Any, Any, Any, Any, Any]


def fresh_job_queue(app: App, *names: str) -> JobQueue[Any] | None:
    """The job queue with the named jobs removed, so a rebuild never doubles them."""
    jobs = app.job_queue
    if jobs is None:
        return None
    for name in names:
        for job in jobs.get_jobs_by_name(name):
            job.schedule_removal()
    return jobs
