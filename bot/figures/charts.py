"""The charts of the figures (PNG): the same ones for /stats (in the coordinator's language)
and the HTML report (in German).

matplotlib ≥ 3.11 lays text out with libraqm, so Arabic and Farsi labels come out shaped and
right to left (tests/figures/test_charts.py compares a rendered word with its presentation
forms). Render in a thread: each chart takes about 0.1 s.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

import matplotlib

matplotlib.use("Agg")  # no display on a server; must precede pyplot
import matplotlib.pyplot as plt
from babel.dates import format_date
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.patches import Patch
from matplotlib.ticker import MaxNLocator

from bot.figures.service import Figures
from bot.i18n import Translator
from bot.knowledge import Knowledge
from bot.survey import QUESTIONS, TEXT_QUESTION

TOP = 10
TRAININGS_SHOWN = 12
COLOURS = ("#2a9d8f", "#e9c46a", "#e76f51", "#264653")


@dataclass(frozen=True)
class Chart:
    key: str  # activity | referrals | trainings | cooperations | survey
    title: str
    png: bytes


def _png(fig: Figure) -> bytes:
    try:
        fig.tight_layout()
        out = io.BytesIO()
        fig.savefig(out, format="png", dpi=100)
        return out.getvalue()
    finally:
        plt.close(fig)


def _counts(axis: Any) -> None:
    """An axis of counts shows whole numbers only."""
    axis.set_major_locator(MaxNLocator(integer=True))


def _empty(ax: Axes, text: str) -> None:
    ax.text(0.5, 0.5, text, ha="center", va="center", transform=ax.transAxes)
    ax.set_axis_off()


def month_label(t: Translator, month: str) -> str:
    year, number = month.split("-")
    return format_date(date(int(year), int(number), 1), "MMM y", locale=t.locale)


def activity(figures: Figures, t: Translator) -> bytes:
    """Contacts and questions per month, and who answered the questions."""
    months = sorted(set(figures.contacts_per_month) | set(figures.questions_per_month))
    fig, (left, right) = plt.subplots(1, 2, figsize=(10, 4), gridspec_kw={"width_ratios": [3, 2]})
    xs = range(len(months))
    left.bar(
        [x - 0.2 for x in xs],
        [figures.contacts_per_month.get(m, 0) for m in months],
        width=0.4,
        label=t.gettext("Contacts"),
        color=COLOURS[0],
    )
    left.bar(
        [x + 0.2 for x in xs],
        [figures.questions_per_month.get(m, 0) for m in months],
        width=0.4,
        label=t.gettext("Questions"),
        color=COLOURS[3],
    )
    left.set_xticks(list(xs), [month_label(t, m) for m in months], rotation=45, ha="right")
    left.set_title(t.gettext("Per month"))
    left.legend()
    _counts(left.yaxis)
    labels = [
        t.gettext("Answered by the bot"),
        t.gettext("Passed to the office"),
        t.gettext("Unanswered"),
    ]
    right.barh(
        labels,
        [figures.answered, figures.handed_off, figures.unanswered],
        color=[COLOURS[0], COLOURS[1], COLOURS[2]],
    )
    right.invert_yaxis()
    right.set_title(t.gettext("Questions"))
    _counts(right.xaxis)
    return _png(fig)


def referrals(
    figures: Figures, t: Translator, name: Callable[[str], str], city: frozenset[str]
) -> bytes:
    """Referrals per office, the city's own offices in their own colour."""
    top = list(figures.referrals_by_office.items())[:TOP]
    fig, ax = plt.subplots(figsize=(10, 4.5))
    share = t.number(round(figures.referral_rate_city * 100, 1))
    ax.set_title(t.gettext("Referrals per office (to the city: {share} %)", share=share))
    if not top:
        _empty(ax, t.gettext("No referrals in this period."))
        return _png(fig)
    labels = [_short(name(office)) for office, _ in top]
    colours = [COLOURS[0] if office in city else COLOURS[1] for office, _ in top]
    ax.barh(labels, [n for _, n in top], color=colours)
    ax.invert_yaxis()
    _counts(ax.xaxis)
    keys = [
        Patch(color=COLOURS[0], label=t.gettext("City office or body")),
        Patch(color=COLOURS[1], label=t.gettext("Other office or institution")),
    ]
    ax.legend(handles=keys, loc="lower right")
    return _png(fig)


def trainings(figures: Figures, t: Translator) -> bytes:
    """Per training held: seats booked and people who took part."""
    held = list(figures.qualification_trainings.values())[-TRAININGS_SHOWN:]
    fig, ax = plt.subplots(figsize=(10, 4))
    ax.set_title(t.gettext("Trainings and attendance"))
    if not held:
        _empty(ax, t.gettext("No trainings in this period."))
        return _png(fig)
    xs = range(len(held))
    booked = [h["registrations"] for h in held]
    took_part = [h["participants"] for h in held]
    ax.bar(
        [x - 0.2 for x in xs], booked, width=0.4, label=t.gettext("Signed up"), color=COLOURS[3]
    )
    ax.bar(
        [x + 0.2 for x in xs], took_part, width=0.4, label=t.gettext("Took part"), color=COLOURS[0]
    )
    labels = [
        f"{format_date(date.fromisoformat(str(h['day'])), 'short', locale=t.locale)}\n"
        f"{_short(str(h['title']), 18)}"
        for h in held
    ]
    ax.set_xticks(list(xs), labels, fontsize=8)
    ax.set_xlim(-0.8, max(len(held), 4) - 0.2)  # one training is no wall-wide bar
    ax.legend()
    _counts(ax.yaxis)
    return _png(fig)


def cooperations(figures: Figures, t: Translator) -> bytes:
    """Introductions proposed, accepted by both, declined, and cooperations reported."""
    fig, ax = plt.subplots(figsize=(8, 3.5))
    ax.set_title(t.gettext("Introductions and new cooperations"))
    labels = [
        t.gettext("Proposed"),
        t.gettext("Both agreed"),
        t.gettext("Declined"),
        t.gettext("Cooperation reported"),
    ]
    values = [
        figures.introductions_proposed,
        figures.introductions_accepted,
        figures.introductions_declined,
        figures.new_cooperations,
    ]
    ax.barh(labels, values, color=[COLOURS[3], COLOURS[0], COLOURS[2], COLOURS[1]])
    ax.invert_yaxis()
    _counts(ax.xaxis)
    return _png(fig)


def survey_label(t: Translator, question: str) -> str:
    return {
        "advice": t.gettext("Advice of the coordination office"),
        "information": t.gettext("Information on programs and offices"),
        "networks": t.gettext("Exchange with other organisations"),
    }.get(question, question)


def survey(figures: Figures, t: Translator) -> bytes:
    """The latest survey: the average answer per question (1–5)."""
    fig, ax = plt.subplots(figsize=(8, 3.5))
    ax.set_title(t.gettext("Survey of the organisations: average (1–5)"))
    averages = (figures.survey or {}).get("averages") or {}
    shown = [(q, averages.get(q)) for q in QUESTIONS if q != TEXT_QUESTION]
    if not any(v is not None for _, v in shown):
        _empty(ax, t.gettext("No survey answers yet."))
        return _png(fig)
    ax.barh([survey_label(t, q) for q, _ in shown], [v or 0 for _, v in shown], color=COLOURS[0])
    ax.set_xlim(0, 5)
    ax.invert_yaxis()
    return _png(fig)


def _short(text: str, limit: int = 45) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def render_all(
    figures: Figures, t: Translator, knowledge: Knowledge, city: frozenset[str]
) -> list[Chart]:
    """Every chart, in the order of the report (call it in a thread)."""

    def name(entry_id: str) -> str:
        entry = knowledge.entries.get(entry_id)
        return entry.text(t.locale).title if entry else entry_id

    return [
        Chart("activity", t.gettext("Contacts and questions per month"), activity(figures, t)),
        Chart("referrals", t.gettext("Referrals per office"), referrals(figures, t, name, city)),
        Chart("trainings", t.gettext("Trainings and attendance"), trainings(figures, t)),
        Chart(
            "cooperations",
            t.gettext("Introductions and new cooperations"),
            cooperations(figures, t),
        ),
        Chart("survey", t.gettext("Survey of the organisations"), survey(figures, t)),
    ]
