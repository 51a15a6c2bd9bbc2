"""Referrals are counted where they go: an FAQ answer refers to the offices it names, and the
follow-up asks about the first of them, once per answer (issue 13)."""

from datetime import UTC, date, datetime, timedelta

from bot.figures import service as figures
from bot.figures.city import check_city, city_offices
from bot.knowledge import load_knowledge
from tests.conftest import texts

MEMBER = 73519301
ROOMS = "Wo finden wir Räume für unsere Vereinsarbeit?"  # the FAQ raeume-finden
FAQ = "raeume-finden"


def later(days: float) -> datetime:
    return datetime.now(UTC) + timedelta(days=days)


def period() -> figures.Period:
    today = date.today()
    return figures.Period(today - timedelta(days=3), today + timedelta(days=3))


async def test_an_faq_answer_refers_to_the_offices_it_names(harness):
    offices = harness.services.knowledge.entries[FAQ].offices
    assert len(offices) > 1
    member = harness.chat(MEMBER, language_code="de")
    await member.send(ROOMS)
    rows = await harness.services.db.fetch_all(
        "SELECT entry_id, kind, via, question_id FROM referrals ORDER BY id"
    )
    assert [r["entry_id"] for r in rows] == list(offices)
    assert {(r["kind"], r["via"]) for r in rows} == {("office", "answer")}
    assert len({r["question_id"] for r in rows}) == 1

    found = await figures.compute(harness.services.db, period())
    assert found.referrals_by_office == dict.fromkeys(offices, 1)
    assert FAQ not in found.referrals_other and FAQ not in found.referrals_by_program


async def test_the_follow_up_asks_about_the_first_office_once(harness):
    first = harness.services.knowledge.entries[FAQ].offices[0]
    member = harness.chat(MEMBER, language_code="en")
    await member.send(ROOMS)
    assert await harness.services.followups.send_due(later(14.1)) == 1
    asked = [c for c in harness.api.calls if c.method == "sendMessage" and c.chat_id == MEMBER]
    title = harness.services.knowledge.entries[first].text("en").title
    assert title in texts(asked)[-1]
    for run in (14.2, 14.3, 14.4):  # the other offices of the same answer are not asked about
        assert await harness.services.followups.send_due(later(run)) == 0
    rows = await harness.services.db.fetch_all(
        "SELECT entry_id, status FROM followups ORDER BY referral_id"
    )
    assert [r["status"] for r in rows] == ["asked"] + ["skipped"] * (len(rows) - 1)
    assert rows[0]["entry_id"] == first


def test_which_offices_are_the_citys_is_data_covering_every_office(knowledge):
    from bot.config import REPO_ROOT

    folder = REPO_ROOT / "knowledge"
    assert check_city(folder, knowledge) == []
    city = city_offices(folder)
    assert {"koordinierungsstelle-mo", "kulturamt", "geschaeftsstelle-auslaenderbeirat"} <= city
    assert not {"kompetenzzentrum-vielfalt", "freiwilligenzentrum", "bagiv"} & city
    assert city <= {e.id for e in load_knowledge(folder).of_kind("office")}


def test_the_check_names_an_unlisted_office_and_a_wrong_body(tmp_path, knowledge):
    (tmp_path / "city.toml").write_text(
        '[kulturamt]\ncity = true\nbody = "Verein"\nsection = "3.1"\n'
        '[nowhere]\ncity = false\nbody = "Land"\nsection = "2.2"\n',
        "utf-8",
    )
    problems = [str(p) for p in check_city(tmp_path, knowledge)]
    assert "knowledge/city.toml: kulturamt.body: must be one of " in problems[0]
    assert "knowledge/city.toml: nowhere: is no office of the knowledge base" in problems
    assert any(p.endswith("sportamt: missing: is this office the city's?") for p in problems)
