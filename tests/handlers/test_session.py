"""Private chats only, and edited messages never act (issue 14, findings 5 and 7).

In a group or channel the bot says once that it works in private chats and leaves; nothing
from the group is stored (no user rows, no questions, no broadcast recipients), no command
answers there, and nobody can press someone else's buttons. An edited message is not a new
command, answer or conversation step, and it stores nothing either.
"""

from __future__ import annotations

import itertools
import time
from typing import Any

from tests.conftest import COORDINATOR_ID, last_buttons, sent, texts

GROUP = -100123456
MEMBER = 6600001
STRANGER = 6600002
_ids = itertools.count(500)


def _group_message(user_id: int, text: str, chat_type: str = "supergroup") -> dict[str, Any]:
    message: dict[str, Any] = {
        "message_id": next(_ids),
        "date": int(time.time()),
        "chat": {"id": GROUP, "type": chat_type, "title": "Verein"},
        "from": {"id": user_id, "is_bot": False, "first_name": "Fremd", "language_code": "de"},
        "text": text,
    }
    if text.startswith("/"):
        message["entities"] = [
            {"type": "bot_command", "offset": 0, "length": len(text.split()[0])}
        ]
    return message


async def _rows(harness, table: str) -> list[dict[str, object]]:
    return await harness.services.db.fetch_all(f"SELECT * FROM {table}")


async def test_in_a_group_the_bot_says_once_that_it_works_privately_and_leaves(harness):
    chat = harness.chat(MEMBER)
    calls = []
    for text in ("/mydata", "/start", "Wo bekommen wir Geld für ein Fest?", "/deletemydata"):
        calls += await chat.feed({"message": _group_message(STRANGER, text)})
    to_group = [c for c in calls if c.chat_id == GROUP and c.method != "leaveChat"]
    assert len(to_group) == 1 and to_group[0].method == "sendMessage"
    assert "private" in texts(to_group)[0]
    assert [c.method for c in calls].count("leaveChat") == 1
    assert not [c for c in calls if c.method == "sendDocument"]
    assert await _rows(harness, "users") == []
    assert await _rows(harness, "questions") == []


async def test_coordinator_commands_answer_nothing_into_a_group(harness):
    chat = harness.chat(COORDINATOR_ID)
    calls = []
    for text in ("/inbox", "/stats", "/gaps", "/directory", "/broadcast"):
        calls += await chat.feed({"message": _group_message(COORDINATOR_ID, text, "group")})
    shown = [c for c in sent(calls)]
    assert len(shown) == 1 and "private" in texts(shown)[0]
    assert not [c for c in calls if c.method in {"sendPhoto", "sendDocument"}]


async def test_added_to_a_group_or_channel_it_leaves(harness):
    chat = harness.chat(MEMBER)
    member_update = {
        "chat": {"id": GROUP, "type": "group", "title": "Verein"},
        "from": {"id": STRANGER, "is_bot": False, "first_name": "Fremd"},
        "date": int(time.time()),
        "old_chat_member": {
            "status": "left",
            "user": {"id": 1, "is_bot": True, "first_name": "B"},
        },
        "new_chat_member": {
            "status": "member",
            "user": {"id": 1, "is_bot": True, "first_name": "B"},
        },
    }
    calls = await chat.feed({"my_chat_member": member_update})
    assert [c.method for c in calls if c.chat_id == GROUP] == ["sendMessage", "leaveChat"]
    channel = {
        "message_id": next(_ids),
        "date": int(time.time()),
        "chat": {"id": -1009999, "type": "channel", "title": "News"},
        "text": "/start",
    }
    calls = await chat.feed({"channel_post": channel})
    assert "leaveChat" in [c.method for c in calls]
    assert await _rows(harness, "users") == []


async def test_a_button_in_a_group_message_deletes_nobodys_data(harness):
    """A member's "Yes, delete my data" shown in a group: whoever presses it keeps theirs."""
    for user_id in (MEMBER, STRANGER):
        await harness.chat(user_id).send("/start")
    bot = {"id": 1, "is_bot": True, "first_name": "B"}
    group_message = {**_group_message(MEMBER, "Daten löschen?"), "from": bot}
    calls = await harness.chat(STRANGER).press("del:yes", message=group_message)
    assert sorted(r["id"] for r in await _rows(harness, "users")) == [MEMBER, STRANGER]
    assert not [c for c in sent(calls) if c.chat_id == STRANGER]


async def test_someone_elses_private_message_cannot_be_pressed(harness):
    """A callback query names the message it was pressed on: another user's chat is forged."""
    owner = harness.chat(MEMBER)
    calls = await owner.send("/deletemydata")
    [message] = [harness.api.messages[(MEMBER, c.result["message_id"])] for c in calls[-1:]]
    stranger = harness.chat(STRANGER)
    await stranger.press("del:yes", message=message)
    assert [r["id"] for r in await _rows(harness, "users")] == [MEMBER]


async def test_an_edited_message_is_not_an_answer_again(harness):
    member = harness.chat(MEMBER, language_code="de")
    calls = await member.send("xyzzy quux frobnicate")
    ho = next(b["callback_data"] for b in last_buttons(calls) if b["callback_data"][:3] == "ho:")
    await member.press(ho)
    await member.press(f"hn:{ho[3:]}:0")
    coordinator = harness.chat(COORDINATOR_ID)
    await coordinator.send("/answer 1 Rufen Sie bitte am Montag an.")
    before = len([c for c in harness.api.calls if c.chat_id == MEMBER])
    old = {
        "message_id": 4711,
        "date": int(time.time()) - 60,
        "edit_date": int(time.time()),
        "chat": coordinator.chat,
        "from": coordinator.user.as_dict(),
        "text": "/answer 1 Noch eine Antwort",
        "entities": [{"type": "bot_command", "offset": 0, "length": 7}],
    }
    calls = await coordinator.feed({"edited_message": old})
    assert [c for c in harness.api.calls if c.chat_id == MEMBER][before:] == []
    assert sent(calls) == []


async def test_an_edited_message_is_not_a_broadcast_text_nor_a_first_contact(harness):
    coordinator = harness.chat(COORDINATOR_ID)
    await coordinator.send("/broadcast")
    edited = {
        "message_id": 4712,
        "date": int(time.time()) - 60,
        "edit_date": int(time.time()),
        "chat": coordinator.chat,
        "from": coordinator.user.as_dict(),
        "text": "Altes, geändertes Wort",
    }
    assert sent(await coordinator.feed({"edited_message": edited})) == []
    await coordinator.send("Einladung zum Netzwerktreffen")
    draft = harness.app.user_data[COORDINATOR_ID]["broadcast_draft"]
    assert list(draft.texts.values()) == ["Einladung zum Netzwerktreffen"]
    stranger = harness.chat(STRANGER)
    edited = {**edited, "chat": stranger.chat, "from": stranger.user.as_dict(), "text": "/start"}
    assert await stranger.feed({"edited_message": edited}) == []
    assert STRANGER not in [r["id"] for r in await _rows(harness, "users")]
