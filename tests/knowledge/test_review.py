"""Every entry has a review date; yearly amounts carry their year; `check --due` lists."""

from __future__ import annotations

import argparse
import io
from datetime import date

from bot.knowledge import load_knowledge
from bot.knowledge.cli import run_check
from bot.knowledge.review import due_for_review, review_date, review_reasons
from tests.knowledge.conftest import edit, problems

TODAY = date(2026, 12, 2)


def _due_ids(knowledge, today=TODAY, days=0) -> set[str]:
    return {d.entry_id for d in due_for_review(knowledge, today, days)}


def test_every_entry_has_a_review_date(knowledge):
    for entry in knowledge.entries.values():
        assert review_date(entry) >= date(2020, 1, 1), entry.id


def test_the_review_period_follows_the_kind(knowledge):
    # as_of 2020 + 1 year for a program or network, + 2 for an office or an FAQ answer
    assert review_date(knowledge.entries["sportfoerderung-mo"]) == date(2021, 1, 1)
    assert review_date(knowledge.entries["ack"]) == date(2021, 1, 1)
    assert review_date(knowledge.entries["kulturamt"]) == date(2022, 1, 1)
    assert review_date(knowledge.entries["vernetzung-mo"]) == date(2022, 1, 1)
    assert review_date(knowledge.entries["raeume-finden"]) == date(2020, 12, 1)  # its amounts
    assert review_date(knowledge.entries["zuwendung"]) == date(2023, 1, 1)  # glossary: 3


def test_the_ausländerbeirat_amounts_carry_their_year(knowledge):
    for entry_id in ("auslaenderbeirat-institutionell", "geschaeftsstelle-auslaenderbeirat"):
        amounts = knowledge.entries[entry_id].amounts
        assert {amounts["with_rooms"].year, amounts["without_rooms"].year} == {2020}
    reasons = review_reasons(knowledge.entries["auslaenderbeirat-institutionell"])
    assert [r.why for r in reasons if r.date == date(2020, 12, 1)] == [
        "amount with_rooms holds for 2020; the next year's is set at its end",
        "amount without_rooms holds for 2020; the next year's is set at its end",
    ]


def test_what_is_past_its_date_stays_due(knowledge):
    due = due_for_review(knowledge, TODAY)
    assert due == sorted(due)
    assert {d.entry_id for d in due} == {
        e.id for e in knowledge.entries.values() if review_date(e) <= TODAY
    }
    assert "ack" in _due_ids(knowledge)  # due since 2021: nobody reviewed it yet
    assert "beratung-anlaufstelle" not in _due_ids(knowledge)  # as_of 2025: due 2027
    assert not due_for_review(knowledge, date(2020, 11, 30))
    assert _due_ids(knowledge, date(2020, 11, 30), days=1) == {
        "auslaenderbeirat-institutionell",
        "geschaeftsstelle-auslaenderbeirat",
        "raeume-finden",
    }


def test_review_by_in_the_file_moves_the_date(kb_copy):
    edit(
        kb_copy / "networks" / "amin.toml",
        'as_of = "2020"\n',
        'as_of = "2020"\nreview_by = 2027-03-31\n',
    )
    knowledge = load_knowledge(kb_copy)
    assert review_date(knowledge.entries["amin"]) == date(2027, 3, 31)
    assert "amin" not in _due_ids(knowledge)
    assert "amin" in _due_ids(knowledge, days=120)
    reasons = review_reasons(knowledge.entries["amin"])
    assert [str(r) for r in reasons] == ["knowledge/networks/amin.toml: 2027-03-31: review_by"]


def test_bad_review_dates_and_years_are_named(kb_copy):
    edit(
        kb_copy / "networks" / "amin.toml",
        'as_of = "2020"\n',
        'as_of = "2020"\nreview_by = "soon"\n',
    )
    edit(
        kb_copy / "programs" / "auslaenderbeirat-institutionell.toml",
        "up_to = true, year = 2020 }",
        "up_to = true, year = 2031 }",
    )
    found = problems(kb_copy)
    assert "knowledge/networks/amin.toml: review_by: must be an ISO date YYYY-MM-DD" in found
    assert (
        "knowledge/programs/auslaenderbeirat-institutionell.toml: facts.amounts.with_rooms.year: "
        "must be the year it holds for (1990 to as_of + 1 = 2021)"
    ) in found


def test_check_due_prints_file_date_and_why(kb_copy):
    out, err = io.StringIO(), io.StringIO()
    args = argparse.Namespace(stamp=None, stamp_new=False, due=True, days=0)
    assert run_check(kb_copy, args, out, err, today=date(2021, 6, 1)) == 0
    lines = out.getvalue().splitlines()
    assert "knowledge/networks/ack.toml: 2021-01-01: as_of 2020 + 1 year(s) for a network" in lines
    assert (
        "knowledge/faq/raeume-finden.toml: 2020-12-01: amount with_rooms holds for 2020; "
        "the next year's is set at its end"
    ) in lines
    assert not any("kulturamt" in line for line in lines)  # an office: due 2022
    assert lines[-1].endswith("review(s) due within 0 days")
