"""Coordinator roles: grant, revoke, audit log, and refusal of commands and forged buttons."""

import logging

import pytest

from tests.conftest import COORDINATOR_ID, alerts, last_buttons, texts

MEMBER = 6001
REFUSAL = "Sorry, only the coordination office can do that."


async def test_grant_and_revoke_are_audit_logged_and_take_effect(harness):
    coord = harness.chat(COORDINATOR_ID, language_code="en")
    member = harness.chat(MEMBER, language_code="en")
    assert texts(await member.send("/inbox")) == [REFUSAL]
    calls = await coord.send(f"/grant {MEMBER}")
    assert texts(calls) == [
        f"Make user {MEMBER} a coordinator? They will see the handed-over questions and can "
        "send broadcasts to everyone."
    ]
    assert [b["callback_data"] for b in last_buttons(calls)] == [
        f"rg:{MEMBER}:yes",
        f"rg:{MEMBER}:no",
    ]
    assert texts(await coord.press(f"rg:{MEMBER}:yes")) == [f"User {MEMBER} is now a coordinator."]
    assert texts(await coord.send(f"/grant {MEMBER}")) == [
        f"User {MEMBER} already is a coordinator."
    ]
    assert texts(await member.send("/inbox")) == ["No open questions."]
    # The new coordinator may grant and revoke too, except the configured ones.
    calls = await member.send(f"/revoke {COORDINATOR_ID}")
    assert "COORDINATOR_IDS" in texts(calls)[0]
    calls = await coord.send(f"/revoke {MEMBER}")
    assert texts(calls) == [f"User {MEMBER} is no longer a coordinator."]
    assert texts(await member.send("/inbox")) == [REFUSAL]
    log = await harness.services.db.roles.role_changes()
    assert [(r["actor_id"], r["target_id"], r["action"]) for r in log] == [
        (COORDINATOR_ID, MEMBER, "grant"),
        (COORDINATOR_ID, MEMBER, "revoke"),
    ]


@pytest.mark.parametrize(
    "args", ["", "abc", "1 2", "0", "-5", "²", "١٢٣", "99999999999999999999999", "1e3"]
)
async def test_grant_needs_one_user_id(harness, args):
    calls = await harness.chat(COORDINATOR_ID, language_code="en").send(f"/grant {args}")
    assert "Telegram user id" in texts(calls)[0]
    assert await harness.services.db.roles.role_changes() == []


@pytest.mark.parametrize(
    "command", ["/broadcast", "/inbox", f"/grant {MEMBER}", "/revoke 1", "/answer 1 hi"]
)
async def test_members_get_a_polite_refusal_in_their_language(harness, catalogs, caplog, command):
    with caplog.at_level(logging.WARNING):
        calls = await harness.chat(MEMBER, language_code="uk").send(command)
    assert texts(calls) == [catalogs.get("uk").gettext(REFUSAL)]
    assert "not a coordinator" in caplog.text and str(MEMBER) not in caplog.text
    assert (await harness.services.db.users.get_user(MEMBER)).role == "member"


@pytest.mark.parametrize(
    "data", ["bc:go", "bc:a:all", "bc:v:tr", "bc:x:y", "bx:1", "kb:1", "bx:abc"]
)
async def test_forged_coordinator_buttons_are_refused_and_logged(harness, catalogs, caplog, data):
    coord = harness.chat(COORDINATOR_ID, language_code="en")
    await coord.send("/broadcast")
    await coord.send("Real draft")
    with caplog.at_level(logging.WARNING):
        calls = await harness.chat(MEMBER, language_code="pl").press(data)
    assert alerts(calls) == [catalogs.get("pl").gettext(REFUSAL)]
    assert "not a coordinator" in caplog.text
    assert await harness.services.db.outbox.broadcasts_with_status("sending") == []


async def test_revoked_mid_conversation_the_next_step_is_refused(harness):
    coord = harness.chat(COORDINATOR_ID, language_code="en")
    helper = harness.chat(MEMBER, language_code="en")
    await helper.send("/start")
    await coord.send(f"/grant {MEMBER}")
    await coord.press(f"rg:{MEMBER}:yes")
    await helper.send("/broadcast")
    await helper.send("Announcement")
    await helper.press("bc:aud")
    await coord.send(f"/revoke {MEMBER}")
    calls = await helper.press("bc:a:all")
    assert alerts(calls) == [REFUSAL]
    assert await harness.services.db.outbox.broadcasts_with_status("sending") == []


async def test_stale_desk_button_of_a_coordinator_is_refused_without_effect(harness):
    calls = await harness.chat(COORDINATOR_ID, language_code="en").press("bc:go")
    assert alerts(calls) == ["This button no longer works. Please use /start."]


async def test_grant_only_for_someone_who_wrote_to_the_bot(harness):
    """Issue 14, finding 9: /grant 999 made a stranger a coordinator without a word."""
    coord = harness.chat(COORDINATOR_ID, language_code="en")
    calls = await coord.send("/grant 999")
    assert "has not written to the bot" in texts(calls)[0]
    assert last_buttons(calls) == []
    assert await harness.services.db.users.get_user(999) is None
    # a forged confirmation for them changes nothing either
    assert "has not written to the bot" in texts(await coord.press("rg:999:yes"))[0]
    assert await harness.services.db.roles.role_changes() == []


async def test_grant_can_be_declined_and_members_cannot_confirm(harness, catalogs):
    coord = harness.chat(COORDINATOR_ID, language_code="en")
    member = harness.chat(MEMBER, language_code="en")
    await member.send("/start")
    await coord.send(f"/grant {MEMBER}")
    assert texts(await coord.press(f"rg:{MEMBER}:no")) == ["Nothing was changed."]
    calls = await member.press(f"rg:{MEMBER}:yes")
    assert alerts(calls) == [REFUSAL]
    for forged in (f"rg:{MEMBER}:maybe", "rg:²:yes", "rg:99999999999999999999:yes"):
        await coord.press(forged)
    assert (await harness.services.db.users.get_user(MEMBER)).role == "member"
    assert await harness.services.db.roles.role_changes() == []
