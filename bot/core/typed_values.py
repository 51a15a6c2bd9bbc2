"""Values a coordinator types in a dialogue (a day, a time, one line of text), checked once
for the events desk and the trainings desk alike."""

from __future__ import annotations

import re
from datetime import date, timedelta

MAX_TEXT = 200
_DAY_DE = re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{4})$")
_TIME = re.compile(r"^(\d{1,2})[:.](\d{2})$")


def parse_day(text: str, today: date, years_ahead: int) -> str | None:
    """'24.03.2027' or '2027-03-24', from today up to `years_ahead` years on, as ISO; else
    None."""
    text = text.strip()
    try:
        if m := _DAY_DE.match(text):
            day = date(int(m.group(3)), int(m.group(2)), int(m.group(1)))
        else:
            day = date.fromisoformat(text)
    except ValueError:
        return None
    if not today <= day <= today + timedelta(days=366 * years_ahead):
        return None
    return day.isoformat()


def parse_time(text: str) -> str | None:
    """'18:30', '9.00' → 'HH:MM'; else None."""
    m = _TIME.match(text.strip())
    if not m or int(m.group(1)) > 23 or int(m.group(2)) > 59:
        return None
    return f"{int(m.group(1)):02d}:{m.group(2)}"


def clean_text(text: str) -> str | None:
    """One line of plain text, at most MAX_TEXT characters; None if empty or too long."""
    cleaned = " ".join("".join(ch for ch in text if ch.isprintable() or ch == " ").split())
    return cleaned if 0 < len(cleaned) <= MAX_TEXT else None
