"""Long texts reach the chat whole, split on safe boundaries (issue 14, finding 2).

/gaps lists the questions the bot could not answer; with long questions full of `&` it is
far over 4,096 characters. Every part must be accepted by Telegram (the local Bot API
refuses broken HTML and over-long text), no part may show the tail of a torn entity, and
every question must be there.
"""

from __future__ import annotations

from bot.core.reply import units
from bot.local.bot_api import visible_text
from tests.conftest import COORDINATOR_ID, sent

MEMBER = 5550001


async def test_gaps_full_of_ampersands_arrive_whole(harness):
    questions = [f"xyzzy {i} " + "&" * 1500 + " quux" for i in range(6)]
    for i, text in enumerate(questions):
        await harness.services.db.questions.log_question(f"k{i}", "de", text, "no_match", [])
    calls = await harness.chat(COORDINATOR_ID).send("/gaps")
    messages = [c for c in sent(calls) if c.method == "sendMessage"]
    shown = [visible_text(c.text) for c in messages]
    assert len(messages) > 1, "the list is longer than one message"
    assert all(units(s) <= 4096 for s in shown)
    assert not any(s.lstrip().startswith(("amp;", "mp;", "p;")) for s in shown)
    joined = "".join(shown)
    for text in questions:
        assert text.replace(" ", "") in joined.replace(" ", "").replace("\n", "")
    assert "Sorry" not in joined


async def test_an_overlong_caption_or_alert_is_shortened_not_refused(harness):
    """The last line of defence: the bot object shortens whatever a handler passes."""
    bot = harness.app.bot
    await bot.send_document(MEMBER, b"x", filename="a.txt", caption="&amp; " * 600)
    caption = harness.api.calls[-1].params["caption"]
    assert units(visible_text(caption)) <= 1024 and visible_text(caption).endswith("…")
    await bot.send_message(MEMBER, "<b>" + "Tom &amp; Jerry " * 600 + "</b>")
    parts = [c for c in harness.api.calls if c.method == "sendMessage"][-2:]
    assert all(units(visible_text(c.text)) <= 4096 for c in parts)
    assert " ".join(visible_text(c.text) for c in parts).count("Tom & Jerry") == 600
    await bot.answer_callback_query("1", "Lange Warnung & mehr " * 20, show_alert=True)
    alert = harness.api.calls[-1].params["text"]
    assert len(alert) <= 200 and alert.endswith("…") and "&amp;" not in alert
