"""Directory audiences for broadcasts, and the satisfaction survey from start to results."""

import pytest

from bot.broadcast.service import Audience, recipients
from bot.survey.service import QUESTIONS, survey_summary
from tests.broadcast.helpers import desk, sends_to
from tests.conftest import COORDINATOR_ID, alerts, last_buttons, texts
from tests.directory.helpers import register

A, B, OTHER = 4001, 4002, 4003


async def _two_organisations(harness):
    await register(harness.chat(A, "tr"), "Verein A", topics=["culture"], district="biebrich")
    await register(harness.chat(B, "de"), "Verein B", topics=["refugees"], district="mitte")
    await harness.chat(OTHER, "de").send("/start")  # a user without an entry
    harness.api.calls.clear()


def data(calls):
    return [b.get("callback_data") for b in last_buttons(calls)]


async def test_broadcast_to_the_organisations_of_a_topic(harness):
    worker = desk(harness.app)
    await _two_organisations(harness)
    coord = harness.chat(COORDINATOR_ID, language_code="en")
    await coord.send("/broadcast")
    await coord.send("Netzwerktreffen Kultur")
    calls = await coord.press("bc:aud")
    assert {"bc:a:topic", "bc:a:district"} <= set(data(calls))
    calls = await coord.press("bc:a:topic")
    assert data(calls) == ["bc:t:culture", "bc:t:refugees", "bc:x"]  # only topics in use
    assert alerts(await coord.press("bc:t:sport"))  # no organisation: refused
    assert alerts(await coord.press("bc:t:culture:x"))
    calls = await coord.press("bc:t:culture")
    assert data(calls) == ["bc:go", "bc:later", "bc:x"]
    await coord.press("bc:go")
    await worker.drain()
    assert sends_to(harness.api, A) == ["Netzwerktreffen Kultur"]
    assert sends_to(harness.api, B) == sends_to(harness.api, OTHER) == []


async def test_district_audience_and_its_picker(harness):
    await _two_organisations(harness)
    services = harness.services
    assert await recipients(
        services.db, services.config.default_language, Audience("district", target="mitte")
    ) == [(B, "de")]
    assert await recipients(
        services.db, services.config.default_language, Audience("topic", target="culture")
    ) == [(A, "tr")]
    assert (
        await recipients(
            services.db, services.config.default_language, Audience("district", target="dotzheim")
        )
        == []
    )
    coord = harness.chat(COORDINATOR_ID, language_code="de")
    await coord.send("/broadcast")
    await coord.send("Treffen in Biebrich")
    await coord.press("bc:aud")
    calls = await coord.press("bc:a:district")
    assert data(calls) == ["bc:d:biebrich", "bc:d:mitte", "bc:x"]
    assert [b["text"] for b in last_buttons(calls)][:2] == ["Biebrich", "Mitte"]
    calls = await coord.press("bc:d:mitte")
    assert data(calls) == ["bc:go", "bc:later", "bc:x"]
    assert any("(1 " in x for x in texts(calls))


async def test_survey_round_trip(harness, catalogs):
    await _two_organisations(harness)
    refusal = catalogs.get("de").gettext("Sorry, only the coordination office can do that.")
    member = harness.chat(4004, "de")  # registered nothing
    assert texts(await member.send("/survey"))[-1] == refusal
    assert alerts(await member.press("sq:go")) == [refusal]
    assert await harness.services.db.survey.latest_survey() is None

    coord = harness.chat(COORDINATOR_ID, language_code="en")
    calls = await coord.send("/survey")
    assert data(calls) == ["sq:go", "sq:res"]
    calls = await coord.press("sq:go")
    assert texts(calls)[-1] == catalogs.get("en").gettext(
        "Survey no. {number} was sent to {reached} organisations; {missed} could not be reached.",
        number=1,
        reached=2,
        missed=0,
    )
    assert sends_to(harness.api, OTHER) == []
    a, b = harness.chat(A, "tr"), harness.chat(B, "de")
    [invite] = sends_to(harness.api, A)
    assert catalogs.get("tr").gettext("Thank you for your answers!") not in invite
    assert data_of_last(harness, A) == [f"sv:1:0:{v}" for v in range(1, 6)]

    assert QUESTIONS[:2] == ("advice", "information")
    await a.press("sv:1:0:5")
    await a.press("sv:1:1:4")
    calls = await a.press("sv:1:2:3")
    assert "sv:1:3:skip" in data(calls)
    calls = await a.send("   ")  # empty: asked again, nothing lost
    assert "2000" in texts(calls)[0] or "2.000" in texts(calls)[0]
    calls = await a.send("Mehr Beratung auf Türkisch")
    assert texts(calls) == [catalogs.get("tr").gettext("Thank you for your answers!")]
    assert alerts(await a.press("sv:1:0:1"))  # asked once: no second set of answers

    for index, value in ((0, "1"), (1, "2"), (2, "3"), (3, "skip")):
        calls = await b.press(f"sv:1:{index}:{value}")
    assert texts(calls) == [catalogs.get("de").gettext("Thank you for your answers!")]
    for forged in ("sv:1:0:9", "sv:1:9:1", "sv:x:0:1", "sv:2:0:1", "sv:1:3:4", "sv:1:0"):
        assert alerts(await harness.chat(OTHER, "de").press(forged)), forged

    summary = await survey_summary(harness.services.db)
    assert (summary.survey_id, summary.invited, summary.answered) == (1, 2, 2)
    advice = summary.scales[0]
    assert advice.question == "advice" and advice.counts == {1: 1, 2: 0, 3: 0, 4: 0, 5: 1}
    assert advice.average == 3.0 and summary.scales[2].average == 3.0
    assert summary.texts == ["Mehr Beratung auf Türkisch"]
    stored = await harness.services.db.fetch_all("SELECT respondent FROM survey_answers")
    assert {str(A), str(B)}.isdisjoint({r["respondent"] for r in stored})  # pseudonyms only

    calls = await coord.press("sq:res")
    page = texts(calls)[-1]
    assert "Mehr Beratung auf Türkisch" in page and "1: 1 · 2: 0 · 3: 0 · 4: 0 · 5: 1" in page
    assert str(A) not in page and str(B) not in page


def data_of_last(harness, chat_id):
    [call] = [c for c in harness.api.calls if c.method == "sendMessage" and c.chat_id == chat_id]
    return [b.get("callback_data") for b in call.buttons]


@pytest.mark.parametrize("lang", ["de", "ar"])
async def test_results_before_any_survey(harness, catalogs, lang):
    calls = await harness.chat(COORDINATOR_ID, language_code=lang).send("/survey results")
    assert texts(calls)[-1] == catalogs.get(lang).gettext(
        "No survey has been started yet. Start one with /survey."
    )


async def test_forgetting_a_user_removes_the_entry_and_the_invitation(harness):
    await _two_organisations(harness)
    await harness.services.db.survey.create_survey(COORDINATOR_ID, [A, B])
    await harness.services.db.directory.forget_directory_user(A)
    assert await harness.services.db.directory.organisation_of(A) is None
    assert await harness.services.db.survey.survey_invite_state(1, A) is None
    assert await harness.services.db.survey.survey_invite_state(1, B) == "asked"
    assert await harness.services.db.directory.organisation_count() == 1


async def test_survey_results_appear_in_the_figures(harness, catalogs):
    from datetime import date

    from bot.figures import service as figures

    await _two_organisations(harness)
    coord = harness.chat(COORDINATOR_ID, language_code="en")
    await coord.send("/survey")
    await coord.press("sq:go")
    a = harness.chat(A, "tr")
    for index, value in ((0, "4"), (1, "2"), (2, "5"), (3, "skip")):
        await a.press(f"sv:1:{index}:{value}")
    found = await figures.compute(harness.services.db, figures.Period.last_year(date.today()))
    assert found.survey is not None
    assert (found.survey["invited"], found.survey["answered"]) == (2, 1)
    assert found.survey["averages"]["advice"] == 4
    assert '"survey"' in figures.to_json(found)
    calls = await coord.send("/stats")
    assert any(
        t.startswith(catalogs.get("en").gettext("Survey no. {number}", number=1))
        for t in texts(calls)
    )
