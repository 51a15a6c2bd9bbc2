"""Helpers for the directory and survey tests: register an organisation through the chat."""

from __future__ import annotations

from typing import Any

from bot.local.bot_api import ApiCall

ENTRY: dict[str, Any] = {
    "legal_form": "ev",
    "district": "biebrich",
    "topics": ["culture", "refugees"],
    "formats": ["events", "counselling"],
    "languages": ["de", "tr"],
    "size": "m",
    "own_rooms": "yes",
    "needs": ["1", "5"],
    "networking": "yes",
}


async def register(chat: Any, name: str = "Kulturverein Anadolu", **changes: Any) -> list[ApiCall]:
    """The whole /register conversation; returns the calls of the last step."""
    entry = {**ENTRY, **changes}
    await chat.send("/register")
    await chat.send(name)
    calls: list[ApiCall] = []
    steps = ("legal_form", "district", "topics", "formats", "languages", "size", "own_rooms")
    for step in (*steps, "needs"):
        value = entry[step]
        for v in value if isinstance(value, list) else [value]:
            calls = await chat.press(f"og:{v}")
        if isinstance(value, list):
            calls = await chat.press("og:ok")
    return calls + await chat.press(f"og:{entry['networking']}")
