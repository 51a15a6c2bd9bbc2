"""The evaluation figures of a period: for /stats, the chart and the annual report.

Everything here is an aggregate keyed by month, entry, language or outcome: no Telegram id
and no pseudonym ever leaves the database through this module.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import asdict, dataclass
from datetime import date, timedelta
from typing import Any

from bot.db import Database
from bot.survey.service import survey_summary


@dataclass(frozen=True)
class Period:
    first: date  # inclusive
    last: date  # inclusive

    @property
    def start(self) -> str:
        return self.first.isoformat()

    @property
    def end(self) -> str:  # exclusive bound for the half-open queries
        return (self.last + timedelta(days=1)).isoformat()

    @classmethod
    def last_year(cls, today: date) -> Period:
        """The twelve months up to today (the first of the month a year ago … today)."""
        return cls(date(today.year - 1, today.month, 1), today)


@dataclass(frozen=True)
class Figures:
    period_from: str
    period_to: str
    contacts: int
    contacts_per_month: dict[str, int]
    questions: int
    questions_per_month: dict[str, int]
    answered: int
    answered_share: float
    handed_off: int
    unanswered: int
    referrals_by_office: dict[str, int]
    referrals_by_program: dict[str, int]
    referrals_other: dict[str, int]
    followup_success_by_office: dict[str, dict[str, int]]
    languages: dict[str, int]
    registrations: int | None  # None: no MO directory in this installation
    broadcasts: dict[str, int]
    subscriptions: dict[str, int]
    # the latest satisfaction survey: invited, answered, average per question (1–5)
    survey: dict[str, Any] | None = None
    # members asked to slow down (over USER_MESSAGES_PER_MINUTE), issue 14
    slowed_down: int = 0

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


async def compute(db: Database, period: Period) -> Figures:
    start, end = period.start, period.end
    outcomes = await db.figures.question_outcomes(start, end)
    total = sum(outcomes.values())
    by_kind: dict[str, dict[str, int]] = {"office": {}, "program": {}, "other": {}}
    for kind, entry_id, n in await db.figures.referrals_by_entry(start, end):
        group = kind if kind in ("office", "program") else "other"
        by_kind[group][entry_id] = n
    followups = await db.figures.followup_by_entry(start, end)
    return Figures(
        period_from=period.first.isoformat(),
        period_to=period.last.isoformat(),
        contacts=await db.figures.contacts_total(start, end),
        contacts_per_month=await db.figures.contacts_per_month(start, end),
        questions=total,
        questions_per_month=await db.figures.questions_per_month(start, end),
        answered=outcomes["answered"],
        answered_share=round(outcomes["answered"] / total, 3) if total else 0.0,
        handed_off=outcomes["handed_off"],
        unanswered=outcomes["unanswered"],
        referrals_by_office=by_kind["office"],
        referrals_by_program=by_kind["program"],
        referrals_other=by_kind["other"],
        followup_success_by_office=followups,
        languages=await db.figures.question_languages(start, end),
        registrations=await db.figures.registrations(start, end),
        broadcasts=await db.figures.broadcast_reach(start, end),
        subscriptions=await db.figures.subscription_counts(),
        survey=await _latest_survey(db),
        slowed_down=await db.figures.slowed_down(start, end),
    )


async def _latest_survey(db: Database) -> dict[str, Any] | None:
    summary = await survey_summary(db)
    if summary.survey_id is None:
        return None
    return {
        "survey_id": summary.survey_id,
        "invited": summary.invited,
        "answered": summary.answered,
        "averages": {q.question: q.average for q in summary.scales},
    }


def to_json(figures: Figures) -> str:
    return json.dumps(figures.as_dict(), ensure_ascii=False, indent=2, sort_keys=True)


def to_csv(figures: Figures) -> str:
    """Long format, one figure per row: metric, key, value (opens in any spreadsheet)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["metric", "key", "value"])
    for metric, value in figures.as_dict().items():
        if isinstance(value, dict):
            for key, inner in value.items():
                if isinstance(inner, dict):
                    for sub, n in inner.items():
                        writer.writerow([metric, f"{key}.{sub}", n])
                else:
                    writer.writerow([metric, key, inner])
        else:
            writer.writerow([metric, "", "" if value is None else value])
    return out.getvalue()
