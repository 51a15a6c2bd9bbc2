"""Helpers for the inbox tests: a member hands a question over, the coordinators' cards."""

from __future__ import annotations

from bot.inbox.split import utf16_len
from bot.local.bot_api import ApiCall, visible_text
from bot.local.chat import LocalChat
from tests.conftest import Harness, last_buttons

MEMBER = 5001


async def hand_over(
    harness: Harness,
    text: str,
    member: int = MEMBER,
    lang: str = "tr",
    share: bool = False,
) -> tuple[LocalChat, list[ApiCall]]:
    """The member asks something the bot cannot answer and passes it on (name or not)."""
    chat = harness.chat(member, language_code=lang, first_name="Ayşe")
    calls = await chat.send(text)
    ho = next(
        b["callback_data"] for b in last_buttons(calls) if b["callback_data"].startswith("ho:")
    )
    calls = await chat.press(ho)
    calls += await chat.press(f"hn:{ho[3:]}:{int(share)}")
    return chat, calls


def cards_to(harness: Harness, chat_id: int, calls: list[ApiCall] | None = None) -> list[ApiCall]:
    """The messages the bot sent to a coordinator's chat."""
    found = harness.api.calls if calls is None else calls
    return [c for c in found if c.method == "sendMessage" and c.chat_id == chat_id]


def units(call: ApiCall) -> int:
    """The length Telegram checks: the visible text in UTF-16 code units."""
    return utf16_len(visible_text(call.text))
