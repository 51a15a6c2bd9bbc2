"""The report to hand in: every indicator of seed 002 §3.3 in JSON, CSV and a printable HTML
page whose figures equal the JSON's; and /deletemydata leaves the counts as they were."""

import asyncio
import base64
import csv
import io
import json
import xml.etree.ElementTree as ET
from html.parser import HTMLParser

import pytest
from babel.numbers import format_decimal, format_percent

from bot.__main__ import main
from bot.figures.service import Figures
from bot.figures.service import cells as flat
from tests.figures.helpers import A, D, fill, past_start
from tests.trainings.helpers import clocked

NEW_KEYS = (
    "qualification_offers",
    "qualification_registrations",
    "qualification_participants",
    "introductions_proposed",
    "introductions_accepted",
    "new_cooperations",
    "formats_offered",
    "referral_rate_city",
)
VOID = {"meta", "img", "br", "link", "hr"}


@pytest.fixture
async def bot(config, knowledge, monkeypatch, tmp_path):
    monkeypatch.chdir(tmp_path)  # no .env of the checkout
    monkeypatch.setenv("DATABASE_PATH", str(config.database_path))
    async with clocked(config, knowledge, past_start()) as harness:
        yield harness


async def report(capsys, *args: str) -> str:
    """`python -m bot report …` (in a thread: it runs its own event loop)."""
    capsys.readouterr()
    assert await asyncio.to_thread(main, ["report", *args]) == 0
    return capsys.readouterr().out


async def test_the_json_report_has_every_indicator(bot, capsys):
    await fill(bot)
    found = json.loads(await report(capsys, "--format", "json"))
    assert set(NEW_KEYS) <= set(found)
    assert (found["qualification_offers"], found["qualification_registrations"]) == (1, 2)
    assert (found["qualification_participants"], found["qualification_waitlisted"]) == (1, 1)
    assert found["qualification_organisations"] == {"registered": 2, "attended": 1}  # A, C
    assert found["qualification_by_topic"] == {
        "culture": {"offers": 1, "registrations": 2, "participants": 1}
    }
    assert (found["introductions_proposed"], found["introductions_accepted"]) == (2, 1)
    assert (found["introductions_declined"], found["new_cooperations"]) == (1, 1)
    assert found["introductions_by_kind"] == {
        "organisations": {"proposed": 2, "accepted": 1, "declined": 1, "cooperation": 1}
    }
    assert found["introductions_by_topic"]["culture"]["proposed"] == "< 3"
    assert found["formats_offered"] == {
        "events": 3,
        "counselling": 3,
        "arrival": "< 3",
        "accompaniment": 0,
        "education": 0,
        "other": 0,
    }
    assert found["directory_organisations"] == 3
    assert (found["questions"], found["referrals_city_questions"]) == (2, 1)
    assert found["referral_rate_city"] == 0.5
    assert found["referrals_by_office"]["koordinierungsstelle-mo"] == 1
    assert found["followup_success_by_office"] == {
        "koordinierungsstelle-mo": {"asked": 1, "answered": 1, "contacted": 1, "helped": 1}
    }
    text = json.dumps(found)
    for user in (A, D):
        assert str(user) not in text and bot.services.user_key(user) not in text

    rows = list(csv.reader(io.StringIO(await report(capsys, "--format", "csv"))))
    assert ["referral_rate_city", "", "0.5"] in rows
    assert ["formats_offered", "arrival", "< 3"] in rows
    assert ["qualification_by_topic", "culture.participants", "1"] in rows


class Strict(HTMLParser):
    """Balanced tags, one title, images with alt text and an embedded PNG."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.problems: list[str] = []
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        if tag not in VOID:
            self.stack.append(tag)

    def handle_startendtag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        if tag not in VOID:
            self.problems.append(f"<{tag} /> is not a void element")

    def handle_endtag(self, tag):
        if not self.stack or self.stack.pop() != tag:
            self.problems.append(f"unbalanced </{tag}>")


def german(metric: str, value) -> str | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    if metric in ("referral_rate_city", "answered_share"):
        return format_percent(value, "#,##0.0 %", locale="de")
    if isinstance(value, float):
        return format_decimal(value, "#,##0.0#", locale="de")
    return format_decimal(value, locale="de")


async def test_the_html_report_is_valid_and_carries_the_jsons_figures(bot, capsys, tmp_path):
    await fill(bot)
    found = json.loads(await report(capsys, "--format", "json"))
    out = tmp_path / "bericht.html"
    assert "report written" in await report(capsys, "--format", "html", "--out", str(out))
    page = out.read_text("utf-8")

    assert page.startswith("<!DOCTYPE html>\n")
    root = ET.fromstring(page.split("\n", 1)[1])  # well-formed (XML-parsable HTML)
    assert root.tag == "html" and root.get("lang") == "de"
    parser = Strict()
    parser.feed(page)
    parser.close()
    assert parser.problems == [] and parser.stack == []
    assert [t for t, _ in parser.tags].count("title") == 1
    assert ("meta", {"charset": "utf-8"}) in parser.tags
    ids = [a["id"] for _, a in parser.tags if "id" in a]
    assert len(ids) == len(set(ids))

    # Every indicator and its chart, embedded.
    metrics = {a["data-metric"] for _, a in parser.tags if "data-metric" in a}
    assert set(found) - {"period_from", "period_to"} <= metrics
    for heading in ("Anzahl an Kontakten", "Qualifizierungsangebote", "neue Kooperationen",
                    "Formate der Vereine", "Vermittlungsquote", "Befragung"):  # fmt: skip
        assert heading in page
    charts = {a["id"]: a for t, a in parser.tags if t == "figure"}
    assert set(charts) == {
        "chart-activity", "chart-referrals", "chart-trainings", "chart-cooperations",
        "chart-survey",
    }  # fmt: skip
    images = [a for t, a in parser.tags if t == "img"]
    assert len(images) == 5 and all(a["alt"] for a in images)
    for image in images:
        data = image["src"].removeprefix("data:image/png;base64,")
        assert base64.b64decode(data)[:8] == b"\x89PNG\r\n\x1a\n"

    # The figures in it equal the JSON report's, in German format.
    cells = {}
    for element in root.iter():
        if "data-value" in element.attrib:
            key = (element.get("data-metric"), element.get("data-key"))
            assert key not in cells, key
            cells[key] = (json.loads(element.get("data-value")), "".join(element.itertext()))
    expected = {(m, k): v for m, k, v in flat(Figures(**found))}
    assert {k: v for k, (v, _) in cells.items()} == expected
    for (metric, _), (value, shown) in cells.items():
        if (number := german(metric, value)) is not None:
            assert shown == number
    assert cells[("referral_rate_city", "")][1] == "50,0 %"
    assert cells[("formats_offered", "arrival")][1] == "< 3"
    assert "Kultur, interkulturelle Aktivitäten" in page  # topics by their German names
    for user in (A, D):
        assert str(user) not in page


async def test_deletemydata_keeps_the_counts_of_trainings_and_cooperations(bot, capsys):
    await fill(bot)
    before = json.loads(await report(capsys, "--format", "json"))
    org = (await bot.services.db.directory.organisation_of(A)).id
    member = bot.chat(A, "en")
    await member.send("/deletemydata")
    await member.press("del:yes")
    after = json.loads(await report(capsys, "--format", "json"))
    for key in (
        "qualification_offers",
        "qualification_registrations",
        "qualification_participants",
        "qualification_waitlisted",
        "qualification_organisations",
        "introductions_proposed",
        "introductions_accepted",
        "introductions_declined",
        "new_cooperations",
        "contacts",
        "referral_rate_city",
    ):
        assert after[key] == before[key], key
    assert after["directory_organisations"] == before["directory_organisations"] - 1
    db = bot.services.db
    assert await db.fetch_all("SELECT * FROM training_seats WHERE user_id = ?", (A,)) == []
    assert await db.fetch_all("SELECT * FROM introduction_sides WHERE user_id = ?", (A,)) == []
    [seat] = await db.fetch_all("SELECT user_id, name FROM training_seats WHERE attended = 1")
    assert (seat["user_id"], seat["name"]) == (None, None)  # kept as a count only
    sides = await db.fetch_all(
        "SELECT user_id, contact FROM introduction_sides WHERE org_id = ?", (org,)
    )
    assert len(sides) == 2 and all(s["user_id"] is None and s["contact"] is None for s in sides)


async def test_mydata_includes_seats_and_introductions(bot):
    await fill(bot)
    calls = await bot.chat(A, "en").send("/mydata")
    [doc] = [c for c in calls if c.method == "sendDocument"]
    data = json.loads(doc.files["document"])["data"]
    assert [s["status"] for s in data["training_seats"]] == ["booked"]
    assert data["training_seats"][0]["attended"] == 1
    assert [s["side"] for s in data["introductions"]] == ["a", "a"]  # asked B and C
    assert data["training_messages"] == []  # no reminder: the job did not run before the date
