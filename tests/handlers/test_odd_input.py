"""Odd input is refused politely, never with an error (issue 14, finding 9).

Superscript and other non-ASCII digits, numbers over 64 bits and days beyond the calendar
in button data and command arguments once raised inside a handler.
"""

from __future__ import annotations

import subprocess
import sys

import pytest

from tests.conftest import COORDINATOR_ID, alerts, texts

MEMBER = 9900001
APOLOGY = "Sorry, something went wrong"
HUGE = "99999999999999999999999"


@pytest.mark.parametrize(
    "data",
    ["ho:²", f"ho:{HUGE}", "hn:1:²", f"hn:{HUGE}:0", "del:²", "fu:²:c", f"rg:{HUGE}:yes", "c:²:x"],
)
async def test_odd_button_data_is_refused_politely(harness, data):
    member = harness.chat(MEMBER, language_code="en")
    await member.send("/start")
    calls = await member.press(data)
    assert alerts(calls), calls
    assert not any(APOLOGY in t for t in texts(calls))


@pytest.mark.parametrize(
    "args",
    [
        "2026-01-01 9999-12-31",
        "0001-01-01 2026-01-01",
        "２０２６-01-01 2026-12-31",
        "²026-01-01 x",
    ],
)
async def test_stats_with_days_beyond_the_calendar_says_how(harness, args):
    calls = await harness.chat(COORDINATOR_ID, language_code="en").send(f"/stats {args}")
    assert texts(calls) == ["Use /stats, or /stats 2026-01-01 2026-12-31 for a period."]


@pytest.mark.parametrize("command", [f"/answer {HUGE} hi", "/answer ² hi", f"/revoke {HUGE}"])
async def test_odd_numbers_in_coordinator_commands_are_answered(harness, command):
    calls = await harness.chat(COORDINATOR_ID, language_code="en").send(command)
    assert texts(calls) and not any(APOLOGY in t for t in texts(calls))


def test_report_refuses_a_day_beyond_the_calendar(tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "bot", "report", "--from", "2026-01-01", "--to", "9999-12-31"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env={"DATABASE_PATH": str(tmp_path / "db.sqlite3"), "PATH": "/usr/bin:/bin"},
        timeout=60,
    )
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert result.stderr.strip().startswith("error: --from and --to must be dates")
