"""Source titles are what readers see; an entry is "as of" its newest source."""

from __future__ import annotations

from bot.knowledge.reader import FILE_NAME_RE
from tests.knowledge.conftest import edit, problems


def test_shipped_source_titles_are_readable(knowledge):
    for source in knowledge.sources.values():
        assert not FILE_NAME_RE.search(source.title), source.id
        assert "bitte bestätigen" not in source.title, source.id  # notes are comments
        assert 2000 <= source.year <= 2030, source.id


def test_a_file_name_as_title_is_refused(kb_copy):
    edit(
        kb_copy / "sources.toml",
        'title = "House of Resources Rhein-Main (beramí',
        'title = "facts-public.md: House of Resources Rhein-Main (beramí',
    )
    assert [p.split("/knowledge/")[-1] for p in problems(kb_copy)] == [
        "sources.toml: facts-public-hor-rhein-main.title: looks like a file name; "
        "readers see the title: give the document's own"
    ]


def test_as_of_older_than_the_newest_source_is_refused(kb_copy):
    edit(kb_copy / "offices" / "koordinierungsstelle-mo.toml", 'as_of = "2025"', 'as_of = "2019"')
    found = [p for p in problems(kb_copy) if "koordinierungsstelle-mo.toml: as_of:" in p]
    assert found and "newest cited source (2025)" in found[0]


def test_as_of_may_be_a_date_of_that_year(kb_copy):
    edit(kb_copy / "networks" / "amin.toml", 'as_of = "2020"', 'as_of = "2020-06-30"')
    assert problems(kb_copy) == []


def test_the_coordination_office_as_existing_rests_on_the_public_source(knowledge):
    """Seed 002 only plans the office; pages that describe it as existing cite the article."""
    for entry_id in ("koordinierungsstelle-mo", "beratung-anlaufstelle", "zusammenarbeit-stadt"):
        entry = knowledge.entries[entry_id]
        assert "web-wiesbaden-lebt-anlaufstelle" in {c.source.id for c in entry.citations}
        assert not entry.confirmed and entry.as_of == "2025"
