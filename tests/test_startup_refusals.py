"""A broken knowledge base stops `python -m bot run` before anything runs, naming file and field.

One fault each in a copy of knowledge/: a broken file, a missing language, a duplicate id, a
bad date, a bad recurrence (and a few of their relatives). The process must exit with the
problem named, no traceback, without a single Bot API request and without opening the
database: the running bot never half-loads. `check` names the same problem.
"""

import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from bot.__main__ import main
from bot.config import REPO_ROOT
from tests.e2e.fake_bot_api import FakeBotApi

KNOWLEDGE = REPO_ROOT / "knowledge"
TOKEN = "123456:AAH-abcdefghijklmnopqrstuvwxyz012345"
REFUSAL = "the knowledge base is broken, not starting:"


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text("utf-8")
    assert old in text, (path, old)
    path.write_text(text.replace(old, new, 1), "utf-8")


def _cut_language(path: Path, lang: str) -> None:
    text = path.read_text("utf-8")
    start = text.index(f"[text.{lang}]")
    end = text.find("[text.", start + 1)
    path.write_text(text[:start] + (text[end:] if end != -1 else ""), "utf-8")


EVENT_RULE = "events/wir-migrantenorganisationen-frist.toml"
EVENT_DATES = "events/integration-durch-kultur-frist.toml"
FAULTS: dict[str, tuple[Callable[[Path], None], str]] = {
    "broken entry file": (
        lambda k: (k / "offices" / "kulturamt.toml").write_text('id = "kulturamt\n', "utf-8"),
        "knowledge/offices/kulturamt.toml: not valid TOML",
    ),
    "broken events file": (
        lambda k: (k / "events" / "ack-treffen.toml").write_text("kind = [", "utf-8"),
        "events/ack-treffen.toml: not valid TOML",
    ),
    "unreadable file": (
        lambda k: (k / "programs" / "neu.toml").mkdir(),
        "knowledge/programs/neu.toml: cannot be read",
    ),
    "missing language": (
        lambda k: _cut_language(k / "networks" / "ack.toml", "fa"),
        "knowledge/networks/ack.toml: text.fa: missing language",
    ),
    "missing language of an event": (
        lambda k: _cut_language(k / "events" / "ack-treffen.toml", "uk"),
        "events/ack-treffen.toml: text.uk: missing language",
    ),
    "duplicate id": (
        lambda k: shutil.copy(k / "networks" / "ack.toml", k / "faq" / "ack.toml"),
        "knowledge/faq/ack.toml: id: duplicate id 'ack'",
    ),
    "bad date of an event": (
        lambda k: _edit(k / EVENT_DATES, "dates = [2025-03-31]", 'dates = ["2025-02-30"]'),
        f"{EVENT_DATES}: dates[0]: bad date '2025-02-30'",
    ),
    # issue 14: 9999-12-31 passed `check`, then `ics` crashed on the day after it
    "date beyond the calendar of an event": (
        lambda k: _edit(k / EVENT_DATES, "dates = [2025-03-31]", "dates = [9999-12-31]"),
        f"{EVENT_DATES}: dates[0]: bad date",
    ),
    "date beyond the calendar of an entry": (
        lambda k: _edit(
            k / "programs" / "integration-durch-kultur.toml", '= "2025-03-31"', '= "9999-12-31"'
        ),
        "programs/integration-durch-kultur.toml: facts.dates.deadline_2025: must be an ISO date",
    ),
    "bad date of an entry": (
        lambda k: _edit(
            k / "programs" / "integration-durch-kultur.toml", '= "2025-03-31"', '= "31.03.2025"'
        ),
        "programs/integration-durch-kultur.toml: facts.dates.deadline_2025: must be an ISO date",
    ),
    "bad recurrence": (
        lambda k: _edit(k / EVENT_RULE, "FREQ=YEARLY", "FREQ=SOMETIMES"),
        f"{EVENT_RULE}: rule: bad recurrence",
    ),
    "recurrence that never occurs": (
        lambda k: _edit(k / EVENT_RULE, "BYMONTH=12;BYMONTHDAY=31", "BYMONTH=2;BYMONTHDAY=30"),
        f"{EVENT_RULE}: rule: bad recurrence: it never occurs",
    ),
    # issue 13: the intents beside the knowledge base are checked like it
    "broken intents file": (
        lambda k: _edit(k / "intents.toml", 'kind = "feature"', 'kind = "magic"'),
        "intents.toml: intents.update_org.kind: must be one of",
    ),
    "no knowledge folder": (
        shutil.rmtree,
        "knowledge: the knowledge folder does not exist",
    ),
}


@pytest.fixture
def broken(tmp_path: Path) -> Path:
    copy = tmp_path / "knowledge"
    shutil.copytree(KNOWLEDGE, copy, ignore=shutil.ignore_patterns("review"))
    return copy


@pytest.mark.parametrize("fault", FAULTS)
def test_run_refuses_a_broken_knowledge_base_before_anything_runs(broken, tmp_path, fault):
    breaks, named = FAULTS[fault]
    breaks(broken)
    database = tmp_path / "data" / "bot.sqlite3"
    env = {k: v for k, v in os.environ.items() if not k.startswith("TELEGRAM_")}
    with FakeBotApi() as api:
        env.update(
            KNOWLEDGE_DIR=str(broken),
            DATABASE_PATH=str(database),
            TELEGRAM_BOT_TOKEN=TOKEN,
            TELEGRAM_BASE_URL=api.base_url,
        )
        result = subprocess.run(
            [sys.executable, "-m", "bot", "run"],
            env=env,
            cwd=tmp_path,
            stdin=subprocess.DEVNULL,
            capture_output=True,
            text=True,
            timeout=60,
        )
        requests = list(api.requests)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    refusal = result.stderr[result.stderr.index(REFUSAL) :]
    assert any(named in line for line in refusal.splitlines()), refusal
    assert requests == []  # not even getMe: nothing was started
    assert not database.exists()  # the database was never opened


@pytest.mark.parametrize("fault", FAULTS)
def test_check_names_the_same_problem(broken, tmp_path, monkeypatch, capsys, fault):
    breaks, named = FAULTS[fault]
    breaks(broken)
    monkeypatch.setenv("KNOWLEDGE_DIR", str(broken))
    monkeypatch.setenv("DATABASE_PATH", str(tmp_path / "db.sqlite3"))
    assert main(["check"]) == 1
    out = capsys.readouterr().out
    assert any(named in line for line in out.splitlines()), out
