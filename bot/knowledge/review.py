"""When the facts of an entry are due for review by the coordination office.

Every entry has a review date: `review_by` in its file, or else `as_of` plus the period of
its kind (REVIEW_YEARS; a year `as_of = "2020"` counts from 1 January 2020, the earliest day
the facts may date from). An amount that holds for one year (`year = 2020` on an amount the
Ausländerbeirat sets anew every year) is due on 1 December of that year, when the next
year's amount is being set, whatever the entry's own date.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from bot.knowledge.model import Entry, Knowledge

# Years after as_of by kind: programs (amounts, deadlines, calls) and networks (rhythm, who
# takes part) change yearly; offices (names, tasks) and FAQ answers more slowly; glossary
# words explain general terms.
REVIEW_YEARS = {"program": 1, "network": 1, "office": 2, "faq": 2, "glossary": 3}
AMOUNT_DUE = (12, 1)  # month and day of an amount's year


@dataclass(frozen=True, order=True)
class Due:
    """One reason an entry is to be reviewed on `date`."""

    date: date
    entry_id: str
    file: str
    why: str

    def __str__(self) -> str:
        return f"{self.file}: {self.date.isoformat()}: {self.why}"


def as_of_date(as_of: str) -> date:
    return date.fromisoformat(as_of) if len(as_of) > 4 else date(int(as_of), 1, 1)


def _add_years(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


def review_reasons(entry: Entry) -> list[Due]:
    """Every date the entry is due for review, with why."""
    if entry.review_by is not None:
        reasons = [Due(entry.review_by, entry.id, entry.file, "review_by")]
    else:
        years = REVIEW_YEARS[entry.kind]
        on = _add_years(as_of_date(entry.as_of), years)
        why = f"as_of {entry.as_of} + {years} year(s) for a {entry.kind}"
        reasons = [Due(on, entry.id, entry.file, why)]
    for key, amount in sorted(entry.amounts.items()):
        if amount.year is not None:
            on = date(amount.year, *AMOUNT_DUE)
            why = f"amount {key} holds for {amount.year}; the next year's is set at its end"
            reasons.append(Due(on, entry.id, entry.file, why))
    return sorted(reasons)


def review_date(entry: Entry) -> date:
    """The entry's next review date: the earliest of its reasons."""
    return review_reasons(entry)[0].date


def due_for_review(knowledge: Knowledge, today: date, within_days: int = 0) -> list[Due]:
    """What is due for review on or before today + within_days, oldest first (also what was
    due long ago and is still not reviewed: a date only moves when the file changes)."""
    until = today + timedelta(days=within_days)
    found = [d for e in knowledge.entries.values() for d in review_reasons(e) if d.date <= until]
    return sorted(found)
