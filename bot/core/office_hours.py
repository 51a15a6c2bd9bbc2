"""The coordination office's hours, and when a member can expect an answer.

The office is closed on Hessen's public holidays (Wiesbaden is Hessen's capital). They come
from the `holidays` library, which is kept up to date by its maintainers: Easter-dependent
days, Corpus Christi and the like are computed there, not listed by hand here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from functools import lru_cache

from babel.dates import format_time, get_day_names

from bot.i18n import Translator

DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
DEFAULT = "Mon-Fri 09:00-16:00"
COUNTRY, STATE = "DE", "HE"  # public holidays of Hessen
_PATTERN = re.compile(
    r"^\s*(?P<days>[A-Za-z,\- ]+?)\s+(?P<start>[0-9]{1,2}:[0-9]{2})\s*-\s*"
    r"(?P<end>[0-9]{1,2}:[0-9]{2})\s*$"
)


@dataclass(frozen=True)
class OfficeHours:
    days: frozenset[int]  # 0 = Monday, as datetime.weekday()
    start: time
    end: time

    @classmethod
    def parse(cls, raw: str) -> OfficeHours:
        """'Mon-Fri 09:00-16:00' or 'Mon,Wed,Thu 10:00-14:00'; ValueError says what is wrong."""
        match = _PATTERN.match(raw)
        if not match:
            raise ValueError(f"{raw!r} is not like 'Mon-Fri 09:00-16:00'")
        days: set[int] = set()
        for part in match["days"].replace(" ", "").lower().split(","):
            first, _, last = part.partition("-")
            if first not in DAYS or (last and last not in DAYS):
                raise ValueError(f"{part!r} is not a day or range of days (Mon … Sun)")
            a, b = DAYS.index(first), DAYS.index(last or first)
            if b < a:
                raise ValueError(f"{part!r}: the range must run from Monday towards Sunday")
            days.update(range(a, b + 1))
        start, end = (_time(match[k]) for k in ("start", "end"))
        if end <= start:
            raise ValueError(f"{raw!r}: the office must close after it opens")
        return cls(frozenset(days), start, end)

    def works_on(self, day: date) -> bool:
        return day.weekday() in self.days and not is_public_holiday(day)

    def is_open(self, now: datetime) -> bool:
        return self.works_on(now.date()) and self.start <= now.time() < self.end

    def next_opening(self, now: datetime) -> datetime:
        """The next moment the office opens after `now` (aware datetimes, same zone)."""
        for offset in range(22):  # three weeks: enough for any run of holidays and days off
            day = (now + timedelta(days=offset)).date()
            opening = datetime.combine(day, self.start, tzinfo=now.tzinfo)
            if self.works_on(day) and opening > now:
                return opening
        raise AssertionError("office hours have at least one day")  # parse() guarantees it

    def describe(self, t: Translator) -> str:
        """'Monday–Friday, 09:00–16:00' in the reader's language."""
        names = get_day_names("wide", locale=t.locale)
        days = sorted(self.days)
        if days == list(range(days[0], days[-1] + 1)) and len(days) > 2:
            day_text = f"{names[days[0]]}–{names[days[-1]]}"
        else:
            day_text = ", ".join(names[d] for d in days)
        hours = "–".join(
            format_time(x, format="short", locale=t.locale) for x in (self.start, self.end)
        )
        return f"{day_text}, {hours}"


def expectation(hours: OfficeHours, t: Translator, now: datetime) -> str:
    """What the member is told after handing a question over (plain text)."""
    if hours.is_open(now):
        return t.gettext(
            "The office is working now ({hours}) and answers as soon as it can.",
            hours=hours.describe(t),
        )
    return t.gettext(
        "The office answers {hours}. It will read your question from {opening} on.",
        hours=hours.describe(t),
        opening=t.datetime(hours.next_opening(now)),
    )


@lru_cache(maxsize=32)
def _holidays(year: int) -> frozenset[date]:
    # Imported on first use: the library loads every country's rules (70 ms at start-up).
    import holidays

    return frozenset(holidays.country_holidays(COUNTRY, subdiv=STATE, years=year))


def is_public_holiday(day: date) -> bool:
    """A public holiday in Hessen (the office is closed)."""
    return day in _holidays(day.year)


def _time(raw: str) -> time:
    hour, minute = (int(x) for x in raw.split(":"))
    if hour > 23 or minute > 59:
        raise ValueError(f"{raw!r} is not a time of day")
    return time(hour, minute)
