"""knowledge/events/: the shipped files load; a broken file is named with its field."""

import shutil

import pytest

from bot.app import build_application
from bot.config import REPO_ROOT, Config
from bot.events.loader import check_events, load_events
from bot.knowledge import KnowledgeError, load_knowledge

KNOWLEDGE = REPO_ROOT / "knowledge"


def test_shipped_events_are_valid_and_cover_the_networks_and_deadlines(knowledge):
    catalog = load_events(KNOWLEDGE, knowledge)
    assert check_events(KNOWLEDGE) == []
    networks = {e.id for e in knowledge.of_kind("network")}
    assert networks <= {e.entry_id for e in catalog.events.values()}
    ack = catalog.events["ack-treffen"]
    assert (ack.per_year, ack.approximate, ack.dates_from) == (3, True, "coordinator")
    assert not ack.dates and ack.rule is None  # the sources give a rhythm, no invented date
    [idk] = catalog.deadline_events_for("integration-durch-kultur")
    assert [d.isoformat() for d in idk.dates] == ["2025-03-31"] and idk.rule is None
    [wir] = catalog.deadline_events_for("wir-migrantenorganisationen")
    assert wir.rule and not wir.confirmed  # yearly "usually", to be confirmed
    assert catalog.deadline_events_for("ack") == []


@pytest.fixture
def broken(tmp_path):
    folder = tmp_path / "knowledge"
    shutil.copytree(KNOWLEDGE, folder)
    return folder


@pytest.mark.parametrize(
    ("old", "new", "field", "words"),
    [
        ("dates = [2025-03-31]", 'dates = ["2025-02-30"]', "dates[0]", "bad date"),
        ("FREQ=YEARLY;BYMONTH=12", "FREQ=SOMETIMES;BYMONTH=12", "rule", "bad recurrence"),
        ("BYMONTHDAY=31", "BYMONTHDAY=x", "rule", "bad recurrence"),
        ('entry = "wir-migrantenorganisationen"', 'entry = "wir-nope"', "entry", "unknown entry"),
        ('[text.fa]\ntitle = "مهلت درخواست WIR', '[text.xx]\ntitle = "x', "text.fa", "missing"),
    ],
)
def test_a_broken_events_file_names_file_and_field(broken, old, new, field, words):
    for name in ("integration-durch-kultur-frist.toml", "wir-migrantenorganisationen-frist.toml"):
        path = broken / "events" / name
        path.write_text(path.read_text("utf-8").replace(old, new), "utf-8")
    problems = check_events(broken)
    assert any(p.field == field and words in p.message for p in problems), problems
    assert all(p.file.startswith("events/") for p in problems)


def test_a_broken_events_file_stops_start_up(broken, tmp_path):
    path = broken / "events" / "ack-treffen.toml"
    path.write_text(path.read_text("utf-8").replace("per_year = 3", "per_year = 0"), "utf-8")
    config = Config(database_path=tmp_path / "db.sqlite3", knowledge_dir=broken)
    with pytest.raises(KnowledgeError) as caught:
        build_application(config, knowledge=load_knowledge(broken))
    assert "events/ack-treffen.toml: per_year" in str(caught.value)


def test_check_command_reports_events_problems(broken, tmp_path, monkeypatch, capsys):
    from bot.__main__ import main

    path = broken / "events" / "amin-treffen.toml"
    text = path.read_text("utf-8").replace(
        'dates_from = "coordinator"', 'dates_from = "coordinator"\ntime = "25:00"'
    )
    path.write_text(text, "utf-8")
    monkeypatch.setenv("KNOWLEDGE_DIR", str(broken))
    monkeypatch.setenv("DATABASE_PATH", str(tmp_path / "db.sqlite3"))
    assert main(["check"]) == 1
    assert "events/amin-treffen.toml: time: must be a local time HH:MM" in capsys.readouterr().out
