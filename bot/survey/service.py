"""The satisfaction survey among registered MOs: questions, answers, the results summary.

Answers are stored under a keyed pseudonym of the respondent (Services.user_key), never the
Telegram id; who was asked is kept apart (survey_invites) so nobody is asked twice.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field

from bot.core.sending import Sender
from bot.db import Database
from bot.i18n import Catalogs
from bot.i18n.locale import decide_locale
from bot.survey import QUESTIONS, SCALE, TEXT_QUESTION
from bot.survey.pages import invitation

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class QuestionSummary:
    question: str
    counts: dict[int, int]  # scale value → how many chose it (every value present)
    answers: int
    average: float | None


@dataclass(frozen=True)
class SurveySummary:
    """The results of one survey, without who answered what."""

    survey_id: int | None
    invited: int = 0
    answered: int = 0
    scales: list[QuestionSummary] = field(default_factory=list)
    texts: list[str] = field(default_factory=list)


async def survey_summary(db: Database, survey_id: int | None = None) -> SurveySummary:
    """Counts per scale value, averages and free texts of a survey (default: the latest)."""
    survey_id = survey_id if survey_id is not None else await db.survey.latest_survey()
    if survey_id is None:
        return SurveySummary(None)
    invites = await db.survey.survey_invite_counts(survey_id)
    rows = await db.survey.survey_answers(survey_id)
    scales = []
    for question in QUESTIONS:
        if question == TEXT_QUESTION:
            continue
        values = [s for q, s, _ in rows if q == question and s is not None]
        counts = {v: values.count(v) for v in SCALE}
        average = round(sum(values) / len(values), 2) if values else None
        scales.append(QuestionSummary(question, counts, len(values), average))
    texts = [x for q, _, x in rows if q == TEXT_QUESTION and x]
    return SurveySummary(
        survey_id, sum(invites.values()), invites.get("answered", 0), scales, texts
    )


async def start_survey(
    db: Database, catalogs: Catalogs, default_language: str, sender: Sender, created_by: int
) -> tuple[int, int, int]:
    """Create the survey and send the first question; (survey id, reached, not reached).

    The invitations are few (one per registered organisation), so they go out one after
    another through the one sender instead of the broadcast outbox.
    """
    owners = sorted({o.owner_id for o in await db.directory.organisations()})
    survey_id = await db.survey.create_survey(created_by, owners)
    reached = 0
    for user_id in owners:
        stored, telegram = await db.users.languages_of(user_id)
        t = catalogs.get(decide_locale(stored, telegram, default_language))
        outcome = await sender.deliver(user_id, invitation(t, survey_id))
        if outcome.sent:
            reached += 1
        else:
            log.warning("survey %d: an invitation failed (%s)", survey_id, outcome.kind)
            await db.survey.set_survey_invite_state(survey_id, user_id, "failed")
    return survey_id, reached, len(owners) - reached
