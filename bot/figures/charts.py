"""The /stats chart: contacts and questions per month, and who answered (PNG bytes)."""

from __future__ import annotations

import io

import matplotlib

matplotlib.use("Agg")  # no display on a server; must precede pyplot
import matplotlib.pyplot as plt

from bot.figures.service import Figures
from bot.i18n import Translator


def stats_chart(figures: Figures, t: Translator) -> bytes:
    """Render synchronously (call it in a thread: matplotlib blocks for ~0.1 s)."""
    months = sorted(set(figures.contacts_per_month) | set(figures.questions_per_month))
    fig, (left, right) = plt.subplots(1, 2, figsize=(10, 4), gridspec_kw={"width_ratios": [3, 2]})
    try:
        xs = range(len(months))
        left.bar(
            [x - 0.2 for x in xs],
            [figures.contacts_per_month.get(m, 0) for m in months],
            width=0.4,
            label=t.gettext("Contacts"),
        )
        left.bar(
            [x + 0.2 for x in xs],
            [figures.questions_per_month.get(m, 0) for m in months],
            width=0.4,
            label=t.gettext("Questions"),
        )
        left.set_xticks(list(xs), months, rotation=45, ha="right")
        left.set_title(t.gettext("Per month"))
        left.legend()
        labels = [
            t.gettext("Answered by the bot"),
            t.gettext("Passed to the office"),
            t.gettext("Unanswered"),
        ]
        right.barh(
            labels,
            [figures.answered, figures.handed_off, figures.unanswered],
            color=["#2a9d8f", "#e9c46a", "#e76f51"],
        )
        right.invert_yaxis()
        right.set_title(t.gettext("Questions"))
        fig.tight_layout()
        out = io.BytesIO()
        fig.savefig(out, format="png", dpi=100)
        return out.getvalue()
    finally:
        plt.close(fig)
