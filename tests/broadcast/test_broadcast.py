"""/broadcast from first text to final report: versions, audiences, preview, send, schedule."""

import pytest

from bot.broadcast.service import Audience, recipients
from tests.broadcast.helpers import FakeClock, desk, outbox, sends_to
from tests.conftest import COORDINATOR_ID, alerts, last_buttons, texts

TR, DE, AR = 2001, 2002, 2003
BOLD = [{"type": "bold", "offset": 0, "length": 7}]


async def _members(harness):
    for uid, lang in ((TR, "tr"), (DE, "de"), (AR, "ar")):
        await harness.chat(uid, language_code=lang).send("/start")
    harness.api.calls.clear()  # from here on: only what the broadcast sends


async def _compose(harness, coord):
    """Default text with formatting and a Turkish version, then the audience menu."""
    await coord.send("/broadcast")
    calls = await coord.send("Treffen am Freitag im Rathaus", entities=BOLD)
    data = [b["callback_data"] for b in last_buttons(calls)]
    assert {"bc:v:tr", "bc:aud", "bc:x"} <= set(data)
    await coord.press("bc:v:tr")
    calls = await coord.send("Cuma günü toplantı")
    assert "Türkçe" in texts(calls)[-1]
    return await coord.press("bc:aud")


async def test_whole_conversation_delivers_each_language_its_version(harness, catalogs):
    worker = desk(harness.app)
    await _members(harness)
    coord = harness.chat(COORDINATOR_ID, language_code="en", first_name="Koord")
    calls = await _compose(harness, coord)
    assert [b["callback_data"] for b in last_buttons(calls)][:2] == ["bc:a:all", "bc:a:lang"]

    calls = await coord.press("bc:a:all")
    shown = [c.text for c in calls if c.method == "sendMessage"]
    t = catalogs.get("en")
    # One preview per language group, exactly the text that group will get.
    tr_head = t.ngettext(
        "Preview for {languages} ({n} recipient):",
        "Preview for {languages} ({n} recipients):",
        1,
        languages="Türkçe",
    )
    assert f"<b>{tr_head}</b>" in shown
    assert shown[shown.index(f"<b>{tr_head}</b>") + 1] == "Cuma günü toplantı"
    assert "<b>Treffen</b> am Freitag im Rathaus" in shown
    assert any("Deutsch, English, العربية" in s for s in shown)
    assert [b["callback_data"] for b in last_buttons(calls)] == ["bc:go", "bc:later", "bc:x"]

    calls = await coord.press("bc:go")
    [status] = [c for c in calls if c.method == "sendMessage"]
    assert "Broadcast no. 1 is being sent." in status.text
    assert status.buttons[0]["callback_data"] == "bx:1"

    await worker.drain()
    assert sends_to(harness.api, TR) == ["Cuma günü toplantı"]
    for uid in (DE, AR):
        assert sends_to(harness.api, uid) == ["<b>Treffen</b> am Freitag im Rathaus"]
    rows = await outbox(harness.services.db, 1)
    assert {s for s, _, _ in rows.values()} == {"sent"} and len(rows) == 4  # + coordinator
    report = sends_to(harness.api, COORDINATOR_ID)[-1]
    assert "Broadcast no. 1 is finished." in report
    assert "Türkçe: 1 sent · 0 blocked · 0 failed · 0 pending" in report
    assert "Total: 4 sent · 0 blocked · 0 failed · 0 pending" in report
    edits = [c for c in harness.api.calls if c.method == "editMessageText"]
    assert edits and edits[-1].params["message_id"] == status.result["message_id"]
    assert "finished" in edits[-1].text and not edits[-1].buttons  # no cancel button left
    assert (await harness.services.db.outbox.get_broadcast(1)).status == "done"


async def test_language_audience_reaches_only_those_languages(harness):
    worker = desk(harness.app)
    await _members(harness)
    coord = harness.chat(COORDINATOR_ID, language_code="en")
    await _compose(harness, coord)
    await coord.press("bc:a:lang")
    await coord.press("bc:l:tr")
    await coord.press("bc:l:ar")
    calls = await coord.press("bc:l:ar")  # ticked twice: off again
    assert "✓ Türkçe" in [b["text"] for b in last_buttons(calls)]
    await coord.press("bc:l:ar")
    await coord.press("bc:l:ok")
    await coord.press("bc:go")
    await worker.drain()
    assert sends_to(harness.api, TR) == ["Cuma günü toplantı"]
    assert sends_to(harness.api, AR) == ["<b>Treffen</b> am Freitag im Rathaus"]
    assert sends_to(harness.api, DE) == []


async def test_the_stored_language_choice_decides_the_version(harness):
    await _members(harness)
    await harness.services.db.users.set_locale(DE, "tr")  # chose Turkish with /language
    people = dict(
        await recipients(
            harness.services.db,
            harness.services.config.default_language,
            Audience("lang", ("tr",)),
        )
    )
    assert people == {TR: "tr", DE: "tr"}


async def test_subscriber_audience_uses_the_subscriptions(harness, knowledge):
    worker = desk(harness.app)
    await _members(harness)
    network = knowledge.of_kind("network")[0]
    db = harness.services.db
    await db.events.subscribe(TR, network.id, "tr", ["1d"], "2025-01-01T00:00:00+00:00")
    await db.events.subscribe(AR, "*", "ar", ["1d"], "2025-01-01T00:00:00+00:00")
    coord = harness.chat(COORDINATOR_ID, language_code="de")
    calls = await _compose(harness, coord)
    assert f"bc:s:{network.id}" in [b["callback_data"] for b in last_buttons(calls)]
    await coord.press(f"bc:s:{network.id}")
    await coord.press("bc:go")
    await worker.drain()
    assert sends_to(harness.api, TR) and sends_to(harness.api, AR)
    assert sends_to(harness.api, DE) == []


async def test_empty_audience_asks_again(harness):
    desk(harness.app)
    coord = harness.chat(COORDINATOR_ID, language_code="en")
    await _compose(harness, coord)
    await coord.press("bc:a:lang")
    await coord.press("bc:l:pl")  # nobody speaks Polish here
    calls = await coord.press("bc:l:ok")
    assert "Nobody in this audience can be reached. Choose another one." in texts(calls)
    assert last_buttons(calls)[0]["callback_data"] == "bc:a:all"
    assert await harness.services.db.outbox.broadcasts_with_status("sending") == []


async def test_scheduled_broadcast_waits_for_its_time_and_can_be_cancelled(harness):
    clock = FakeClock()
    worker = desk(harness.app, clock)
    await _members(harness)
    coord = harness.chat(COORDINATOR_ID, language_code="en")
    await _compose(harness, coord)
    await coord.press("bc:a:all")
    await coord.press("bc:later")
    calls = await coord.send("tomorrow evening")
    assert any("That is not a future date and time." in x for x in texts(calls))
    calls = await coord.send("2031-03-01 18:00")
    assert "Broadcast no. 1 is scheduled for" in texts(calls)[-1]
    assert last_buttons(calls)[0]["callback_data"] == "bx:1"
    await worker.drain()
    assert sends_to(harness.api, TR) == []  # 2030 on the virtual clock: not yet

    clock.now += 365 * 86400 + 60 * 86400  # past 2031-03-01 18:00 Berlin
    await worker.drain()
    assert sends_to(harness.api, TR) == ["Cuma günü toplantı"]

    await coord.send("/broadcast")
    await coord.send("Second one")
    await coord.press("bc:aud")
    await coord.press("bc:a:all")
    await coord.press("bc:later")
    await coord.send("2031-12-24 10:00")
    await coord.press("bx:2")
    assert (await harness.services.db.outbox.get_broadcast(2)).status == "cancelled"
    clock.now += 365 * 86400
    await worker.drain()
    assert sends_to(harness.api, TR) == ["Cuma günü toplantı"]


async def test_cancel_mid_way_stops_the_rest_and_reports(harness):
    worker = desk(harness.app)
    await _members(harness)
    coord = harness.chat(COORDINATOR_ID, language_code="en")
    await _compose(harness, coord)
    await coord.press("bc:a:all")
    await coord.press("bc:go")
    db = harness.services.db
    first = (await db.outbox.due_rows(worker.clock.time(), 1))[0]
    assert await db.outbox.claim_row(first.broadcast_id, first.chat_id)  # one is in flight
    calls = await coord.press("bx:1")
    assert not alerts(calls)
    await db.outbox.finish_row(first.broadcast_id, first.chat_id, "sent")
    await worker.drain()
    rows = await outbox(db, 1)
    assert sorted(s for s, _, _ in rows.values()) == ["cancelled"] * 3 + ["sent"]
    edits = [c for c in harness.api.calls if c.method == "editMessageText"]
    assert "Broadcast no. 1 was cancelled." in edits[-1].text
    assert "Total: 0 sent · 0 blocked · 0 failed · 4 pending" in edits[-1].text
    assert sum(1 for uid in (TR, DE, AR) if sends_to(harness.api, uid)) == 0


async def test_cancel_button_of_the_draft_sends_nothing(harness):
    coord = harness.chat(COORDINATOR_ID, language_code="en")
    await coord.send("/broadcast")
    await coord.send("Draft")
    calls = await coord.press("bc:x")
    assert "Cancelled. Nothing was sent." in texts(calls)
    # Text after the conversation is a question again, not a broadcast text.
    calls = await coord.send("Wo bekommen wir Geld für unser Sommerfest?")
    assert await harness.services.db.outbox.broadcasts_with_status("sending") == []
    assert texts(calls)


@pytest.mark.parametrize("data", ["bc:v:xx", "bc:v:tr:extra", "bc:v:"])
async def test_malformed_version_buttons_are_refused(harness, data):
    coord = harness.chat(COORDINATOR_ID, language_code="en")
    await coord.send("/broadcast")
    await coord.send("Draft")
    calls = await coord.press(data)
    assert alerts(calls)
