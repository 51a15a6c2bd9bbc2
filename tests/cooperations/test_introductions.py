"""Introductions between organisations: suggestions without names, double opt-in, contacts
only when both agreed and only what each chose, a decline, a coordinator's proposal to an
office, and the follow-up some weeks later."""

import re
from datetime import UTC, datetime, timedelta

from bot.local.bot_api import visible_text
from tests.conftest import COORDINATOR_ID, alerts, last_buttons, texts
from tests.directory.helpers import register

A, B, C, D = 6101, 6102, 6103, 6104


def to(harness, user_id, since=0):
    return [
        c for c in harness.api.calls[since:] if c.method == "sendMessage" and c.chat_id == user_id
    ]


def data(calls):
    return [b.get("callback_data") for b in last_buttons(calls)]


async def setup(harness):
    await register(harness.chat(A, "en"), "Anadolu Kültür", district="biebrich")
    await register(harness.chat(B, "en"), "Biebricher Brücke", district="biebrich")
    await register(harness.chat(C, "de"), "Casa Italia", district="mitte")
    await register(harness.chat(D, "de"), "Dom Polski", topics=["sport"], networking="no")
    return {o.owner_id: o for o in await harness.services.db.directory.organisations()}


async def test_double_opt_in_passes_on_only_what_each_chose(harness):
    orgs = await setup(harness)
    a, b = harness.chat(A, "en"), harness.chat(B, "en")
    calls = await a.press("itm:any")
    page = texts(calls)[0]
    assert "Biebricher Brücke" not in page and "Casa Italia" not in page  # no names yet
    assert "Biebrich" in page and "Mitte" in page
    assert data(calls)[:2] == [f"itp:{orgs[B].id}", f"itp:{orgs[C].id}"]  # same district first
    assert f"itp:{orgs[D].id}" not in data(calls)  # no shared topic, does not want to network
    calls = await a.press("itm:same")
    assert [d for d in data(calls) if d.startswith("itp:")] == [f"itp:{orgs[B].id}"]

    await a.press(f"itp:{orgs[B].id}")
    since = len(harness.api.calls)
    calls = await a.press(f"itq:{orgs[B].id}:telegram")
    assert "I asked them" in texts(calls)[-1]
    [proposal] = to(harness, B, since)
    assert "Anadolu" not in proposal.text  # the name only once both agreed
    intro_id = int(proposal.buttons[0]["callback_data"].split(":")[1])
    assert [b["callback_data"] for b in proposal.buttons] == [
        f"ita:{intro_id}:telegram",
        f"ita:{intro_id}:name",
        f"ita:{intro_id}:no",
    ]

    since = len(harness.api.calls)
    await b.press(f"ita:{intro_id}:name", message=proposal.result)
    [to_a] = to(harness, A, since)
    assert "Biebricher Brücke" in to_a.text
    assert "They chose to share only their organisation's name." in visible_text(to_a.text)
    to_b = to(harness, B, since)[-1]
    assert "Anadolu Kültür" in to_b.text
    assert f'<a href="tg://user?id={A}">Ayşe</a>' in to_b.text  # no username: a mention link
    calls = await b.press(f"ita:{intro_id}:no", message=proposal.result)  # answered already
    assert alerts(calls)
    [row] = await harness.services.db.fetch_all("SELECT status FROM introductions")
    assert row["status"] == "connected"

    calls = await a.press("itm:any")  # B is not suggested again
    assert f"itp:{orgs[B].id}" not in data(calls)
    calls = await a.press(f"itq:{orgs[B].id}:name")  # nor can it be asked again by hand
    assert alerts(calls)


async def test_a_declined_introduction_passes_nothing_on(harness):
    orgs = await setup(harness)
    a, c = harness.chat(A, "en"), harness.chat(C, "de")
    await a.press(f"itq:{orgs[C].id}:telegram")
    [proposal] = to(harness, C)[-1:]
    intro_id = int(proposal.buttons[0]["callback_data"].split(":")[1])
    since = len(harness.api.calls)
    await c.press(f"ita:{intro_id}:no", message=proposal.result)
    [notice] = to(harness, A, since)
    assert "does not take up the introduction" in notice.text
    assert "Casa Italia" not in notice.text
    assert all("Anadolu" not in m.text for m in to(harness, C))
    [row] = await harness.services.db.fetch_all("SELECT status FROM introductions")
    assert row["status"] == "declined"
    rows = await harness.services.db.fetch_all("SELECT contact FROM introduction_sides")
    assert {r["contact"] for r in rows} == {"Ayşe", None}


async def test_a_member_without_networking_gets_no_suggestions(harness):
    await setup(harness)
    calls = await harness.chat(D, "en").press("itm:any")
    assert "do not want to network" in texts(calls)[0]
    calls = await harness.chat(4242, "en").press("itm:any")  # no entry at all
    assert alerts(calls)


async def test_a_coordinator_introduces_an_organisation_to_an_office(harness):
    orgs = await setup(harness)
    coord = harness.chat(COORDINATOR_ID, "en")
    calls = await coord.send("/introduce")
    assert "Anadolu Kültür ↔ Biebricher Brücke" in texts(calls)[0]
    assert f"itc:pair:{orgs[A].id}:{orgs[B].id}" in data(calls)
    calls = await coord.press("itc:om:0:-")
    assert f"itc:oo:{orgs[A].id}:-" in data(calls)
    calls = await coord.press(f"itc:oo:{orgs[A].id}:-")
    assert f"itc:pair:{orgs[A].id}:o.kulturamt" in data(calls)
    calls = await coord.press(f"itc:pair:{orgs[A].id}:o.kulturamt")
    assert "Anadolu Kültür" in texts(calls)[0] and "Kulturamt" in texts(calls)[0]
    since = len(harness.api.calls)
    calls = await coord.press(f"itc:go:{orgs[A].id}:o.kulturamt")
    assert re.search(r"Introduction no\. \d+ is proposed", texts(calls)[-1])
    [proposal] = to(harness, A, since)
    assert "Kulturamt" in proposal.text
    intro_id = int(proposal.buttons[0]["callback_data"].split(":")[1])
    since = len(harness.api.calls)
    await harness.chat(A, "en").press(f"ita:{intro_id}:telegram", message=proposal.result)
    [told] = to(harness, COORDINATOR_ID, since)
    assert "both sides agreed" in told.text and "Anadolu Kültür" in told.text
    connected = to(harness, A, since)[-1]
    assert connected.buttons == [{"text": "Open their page", "callback_data": "v:kulturamt"}]
    calls = await coord.press(f"itc:go:{orgs[A].id}:o.kulturamt")  # not twice
    assert "not possible" in texts(calls)[0]
    calls = await harness.chat(A, "en").send("/introduce")  # coordinators only
    assert texts(calls) == ["Sorry, only the coordination office can do that."]


async def test_some_weeks_later_both_are_asked_once_whether_a_cooperation_came_of_it(harness):
    orgs = await setup(harness)
    await harness.chat(A, "en").press(f"itq:{orgs[B].id}:name")
    [row] = await harness.services.db.fetch_all("SELECT id FROM introductions")
    await harness.chat(B, "en").press(f"ita:{row['id']}:telegram")
    service = harness.services.cooperations
    now = datetime.now(UTC)
    assert await service.send_followups(now + timedelta(days=41)) == 0
    since = len(harness.api.calls)
    assert await service.send_followups(now + timedelta(days=43)) == 2
    [question] = to(harness, A, since)
    assert "Has a cooperation come of it?" in question.text
    assert "Biebricher Brücke" in question.text
    assert await service.send_followups(now + timedelta(days=50)) == 0  # once
    calls = await harness.chat(A, "en").press(f"itf:{row['id']}:y", message=question.result)
    assert "Thank you" in texts(calls)[0]
    calls = await harness.chat(A, "en").press(f"itf:{row['id']}:n", message=question.result)
    assert alerts(calls)  # answered already
    calls = await harness.chat(C, "en").press(f"itf:{row['id']}:y")  # not theirs
    assert alerts(calls)
    rows = await harness.services.db.fetch_all(
        "SELECT side, cooperation FROM introduction_sides ORDER BY side"
    )
    assert [(r["side"], r["cooperation"]) for r in rows] == [("a", 1), ("b", None)]
