"""The evaluation figures of a period: for /stats, the chart and the annual report.

Everything here is an aggregate keyed by month, entry, language or outcome: no Telegram id
and no pseudonym ever leaves the database through this module.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from dataclasses import asdict, dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import Any

from bot.db import Database
from bot.survey.service import survey_summary

# A count of organisations below this is shown as "< 3" where it could identify one.
SMALL_CELL = 3
SMALL = f"< {SMALL_CELL}"
FORMATS = ("events", "counselling", "arrival", "accompaniment", "education", "other")


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
    # Issue 16 (seed 002 §3.3). The referral rate: questions whose answer referred to a city
    # office or body (knowledge/city.toml), of all questions of the period.
    referral_rate_city: float = 0.0
    referrals_city_questions: int = 0
    # Trainings held in the period (active, begun): how many, seats booked, still waiting at
    # the date, who took part (the count entered, else the seats marked present).
    qualification_offers: int = 0
    qualification_registrations: int = 0
    qualification_waitlisted: int = 0
    qualification_participants: int = 0
    qualification_by_topic: dict[str, dict[str, int]] = field(default_factory=dict)
    qualification_organisations: dict[str, int] = field(default_factory=dict)
    qualification_trainings: dict[str, dict[str, Any]] = field(default_factory=dict)
    # Introductions: proposed, accepted by both sides, declined, and the cooperations
    # reported (an introduction counts once, when its first side reports one).
    introductions_proposed: int = 0
    introductions_accepted: int = 0
    introductions_declined: int = 0
    new_cooperations: int = 0
    introductions_by_kind: dict[str, dict[str, int]] = field(default_factory=dict)
    introductions_by_topic: dict[str, dict[str, int | str]] = field(default_factory=dict)
    # The formats the organisations in the directory offer now ("< 3" for 1 or 2).
    directory_organisations: int = 0
    formats_offered: dict[str, int | str] = field(default_factory=dict)
    # members asked to slow down (over USER_MESSAGES_PER_MINUTE), issue 14
    slowed_down: int = 0

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def small(n: int) -> int | str:
    """A count of organisations that could identify one: 1 and 2 are shown as "< 3"."""
    return SMALL if 0 < n < SMALL_CELL else n


async def compute(
    db: Database,
    period: Period,
    city: frozenset[str] = frozenset(),
    now: datetime | None = None,
) -> Figures:
    """The figures of the period; `city`: the ids of the city's offices (city.py)."""
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
        **await _referral_rate(db, period, city, total),
        **await _qualification(db, period, now or datetime.now(UTC)),
        **await _introductions(db, period),
        **await _formats(db),
        slowed_down=await db.figures.slowed_down(start, end),
    )


async def _referral_rate(
    db: Database, period: Period, city: frozenset[str], total: int
) -> dict[str, Any]:
    referred = await db.figures.questions_referred_to(period.start, period.end, sorted(city))
    return {
        "referral_rate_city": round(referred / total, 3) if total else 0.0,
        "referrals_city_questions": referred,
    }


async def _qualification(db: Database, period: Period, now: datetime) -> dict[str, Any]:
    moment = now.astimezone(UTC).isoformat(timespec="seconds")
    held = await db.figures.trainings_held(period.start, period.end, moment)
    by_topic: dict[str, dict[str, int]] = {}
    trainings: dict[str, dict[str, Any]] = {}
    for row in held:
        booked, marked = int(row["booked"]), int(row["marked"])  # type: ignore[call-overload]
        count = row["attended_count"]
        took_part = int(count) if count is not None else marked  # type: ignore[call-overload]
        topic = by_topic.setdefault(
            str(row["topic"]), {"offers": 0, "registrations": 0, "participants": 0}
        )
        topic["offers"] += 1
        topic["registrations"] += booked
        topic["participants"] += took_part
        trainings[str(row["id"])] = {
            "day": row["day"],
            "title": row["title"],
            "kind": row["kind"],
            "topic": row["topic"],
            "capacity": row["capacity"],
            "registrations": booked,
            "waitlisted": row["waiting"],
            "participants": took_part,
        }
    return {
        "qualification_offers": len(held),
        "qualification_registrations": sum(t["registrations"] for t in trainings.values()),
        "qualification_waitlisted": sum(int(t["waitlisted"]) for t in trainings.values()),
        "qualification_participants": sum(t["participants"] for t in trainings.values()),
        "qualification_by_topic": dict(sorted(by_topic.items())),
        "qualification_organisations": await db.figures.training_organisations(
            period.start, period.end, moment
        ),
        "qualification_trainings": trainings,
    }


async def _introductions(db: Database, period: Period) -> dict[str, Any]:
    rows = await db.figures.introductions(period.start, period.end)
    names = ("proposed", "accepted", "declined", "cooperation")
    totals = dict.fromkeys(names, 0)
    by_kind: dict[str, dict[str, int]] = {}
    by_topic: dict[str, dict[str, int]] = {}
    for row in rows:
        kind = by_kind.setdefault(
            "offices" if row["office"] else "organisations", dict.fromkeys(names, 0)
        )
        topic = by_topic.setdefault(str(row["topic"] or "-"), dict.fromkeys(names, 0))
        for name in names:
            if row[name]:
                totals[name] += 1
                kind[name] += 1
                topic[name] += 1
    return {
        "introductions_proposed": totals["proposed"],
        "introductions_accepted": totals["accepted"],
        "introductions_declined": totals["declined"],
        "new_cooperations": totals["cooperation"],
        "introductions_by_kind": {k: v for k, v in sorted(by_kind.items()) if any(v.values())},
        # A topic with one or two introductions could point to the organisations.
        "introductions_by_topic": {
            k: {name: small(n) for name, n in v.items()}
            for k, v in sorted(by_topic.items())
            if any(v.values())
        },
    }


async def _formats(db: Database) -> dict[str, Any]:
    organisations, counts = await db.figures.formats_offered()
    return {
        "directory_organisations": organisations,
        "formats_offered": {f: small(counts.get(f, 0)) for f in FORMATS},
    }


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


def cells(figures: Figures) -> Iterator[tuple[str, str, Any]]:
    """Every figure as (metric, key, value): the rows of the CSV and the cells of the HTML
    report, so that both carry exactly the JSON's figures."""
    for metric, value in figures.as_dict().items():
        if isinstance(value, dict):
            for key, inner in value.items():
                if isinstance(inner, dict):
                    for sub, n in inner.items():
                        yield metric, f"{key}.{sub}", n
                else:
                    yield metric, str(key), inner
        else:
            yield metric, "", "" if value is None else value


def to_csv(figures: Figures) -> str:
    """Long format, one figure per row: metric, key, value (opens in any spreadsheet)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["metric", "key", "value"])
    for row in cells(figures):
        writer.writerow(row)
    return out.getvalue()
