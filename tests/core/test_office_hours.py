"""Office hours know Hessen's public holidays (issue 14), from the `holidays` library."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from bot.core.office_hours import OfficeHours, expectation

BERLIN = ZoneInfo("Europe/Berlin")
HOURS = OfficeHours.parse("Mon-Fri 09:00-16:00")


@pytest.mark.parametrize(
    ("now", "opening"),
    [
        # Good Friday, then Easter Monday: the office reads on Tuesday
        (datetime(2026, 4, 3, 10, 0), datetime(2026, 4, 7, 9, 0)),
        # Christmas Eve is a working day in Hessen; 25 and 26 December are not
        (datetime(2026, 12, 24, 17, 0), datetime(2026, 12, 28, 9, 0)),
        # Corpus Christi (Fronleichnam) is a holiday in Hessen, not everywhere in Germany
        (datetime(2026, 6, 3, 17, 0), datetime(2026, 6, 5, 9, 0)),
        # German Unity Day on a Saturday changes nothing
        (datetime(2026, 10, 2, 17, 0), datetime(2026, 10, 5, 9, 0)),
    ],
)
def test_public_holidays_in_hessen_are_closed(now, opening):
    now = now.replace(tzinfo=BERLIN)
    assert not HOURS.is_open(now)
    assert HOURS.next_opening(now) == opening.replace(tzinfo=BERLIN)


def test_a_normal_working_day_is_open(catalogs):
    now = datetime(2026, 4, 8, 10, 0, tzinfo=BERLIN)
    assert HOURS.is_open(now)
    said = expectation(HOURS, catalogs.get("en"), datetime(2026, 4, 3, 10, 0, tzinfo=BERLIN))
    assert "working now" not in said and "7" in said
