"""A user chatting with the bot locally: builds real Telegram Updates and feeds them in.

Used by the console chat and by the tests; the bot's side is the unchanged Application.
"""

from __future__ import annotations

import itertools
import time
from dataclasses import dataclass
from typing import Any

from telegram import Update
from telegram.ext import Application

from bot.local.bot_api import ApiCall, LocalBotApi

_update_ids = itertools.count(1)


@dataclass
class LocalUser:
    id: int = 100001
    first_name: str = "Ayşe"
    language_code: str | None = None

    def as_dict(self) -> dict[str, Any]:
        user: dict[str, Any] = {"id": self.id, "is_bot": False, "first_name": self.first_name}
        if self.language_code:
            user["language_code"] = self.language_code
        return user


class LocalChat:
    """One private chat between a local user and the bot."""

    def __init__(
        self,
        app: Application[Any, Any, Any, Any, Any, Any],
        api: LocalBotApi,
        user: LocalUser | None = None,
    ) -> None:
        self.app, self.api = app, api
        self.user = user or LocalUser()
        self._message_ids = itertools.count(1_000_000)

    @property
    def chat(self) -> dict[str, Any]:
        return {"id": self.user.id, "type": "private", "first_name": self.user.first_name}

    async def send(self, text: str, **extra: Any) -> list[ApiCall]:
        """The user sends a text message; returns the bot's API calls in answer."""
        message: dict[str, Any] = {
            "message_id": next(self._message_ids),
            "date": int(time.time()),
            "chat": self.chat,
            "from": self.user.as_dict(),
            "text": text,
            **extra,
        }
        if text.startswith("/"):
            command = text.split()[0]
            message["entities"] = [{"type": "bot_command", "offset": 0, "length": len(command)}]
        return await self.feed({"message": message})

    async def send_message(self, **fields: Any) -> list[ApiCall]:
        """The user sends a non-text message (sticker, photo, location …)."""
        message = {
            "message_id": next(self._message_ids),
            "date": int(time.time()),
            "chat": self.chat,
            "from": self.user.as_dict(),
            **fields,
        }
        return await self.feed({"message": message})

    async def press(self, data: str, message: dict[str, Any] | None = None) -> list[ApiCall]:
        """The user presses an inline button carrying `data` on `message` (default: latest)."""
        message = (
            message
            or self.last_bot_message()
            or {
                "message_id": 1,
                "date": int(time.time()),
                "chat": self.chat,
                "from": {"id": 1, "is_bot": True, "first_name": "MO-Lotse"},
                "text": "…",
            }
        )
        query = {
            "id": str(next(_update_ids)),
            "from": self.user.as_dict(),
            "chat_instance": str(self.user.id),
            "data": data,
            "message": message,
        }
        return await self.feed({"callback_query": query})

    async def feed(self, payload: dict[str, Any]) -> list[ApiCall]:
        before = len(self.api.calls)
        update = Update.de_json({"update_id": next(_update_ids), **payload}, self.app.bot)
        await self.app.process_update(update)
        return self.api.calls[before:]

    def last_bot_message(self) -> dict[str, Any] | None:
        """The latest message the bot sent to (or edited in) this chat that has buttons."""
        mine = [m for (chat_id, _), m in self.api.messages.items() if chat_id == self.user.id]
        with_buttons = [m for m in mine if m.get("reply_markup")]
        return with_buttons[-1] if with_buttons else (mine[-1] if mine else None)
