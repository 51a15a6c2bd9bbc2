"""Telegram's length limits, kept on every call of the bot: the last line of defence.

Pages are split where they are sent (bot/handlers/messages.py), but any text can be long
where nobody expected it (a member's question in a card, a name in a caption). Here every
message is split, and every edit, caption and alert shortened, on safe boundaries
(bot/core/reply.py: never inside a tag, an entity or an emoji), so Telegram never refuses a
text for its length and never shows a torn `&amp;`.
"""

from __future__ import annotations

import html
from typing import Any

from telegram.constants import ParseMode
from telegram.ext import ExtBot

from bot.core.reply import MAX_MESSAGE, esc, shorten, split_message

MAX_CAPTION = 1024
MAX_ALERT = 200


class LimitedBot(ExtBot[None]):
    """PTB's ExtBot whose texts always fit."""

    async def send_message(self, chat_id: Any, text: str, *args: Any, **kwargs: Any) -> Any:
        """A text too long for one message goes out in parts; buttons come with the last."""
        html_mode = self._html(kwargs)
        parts = split_message(text if html_mode else esc(text), MAX_MESSAGE)
        if len(parts) == 1:
            return await super().send_message(chat_id, text, *args, **kwargs)
        parts = parts if html_mode else [html.unescape(p) for p in parts]
        markup = kwargs.pop("reply_markup", None)
        for part in parts[:-1]:
            await super().send_message(chat_id, part, *args, **kwargs)
        return await super().send_message(chat_id, parts[-1], *args, reply_markup=markup, **kwargs)

    async def edit_message_text(self, text: str, *args: Any, **kwargs: Any) -> Any:
        return await super().edit_message_text(
            self._fit(text, MAX_MESSAGE, kwargs), *args, **kwargs
        )

    async def send_document(
        self, chat_id: Any, document: Any, caption: str | None = None, *args: Any, **kwargs: Any
    ) -> Any:
        caption = self._fit(caption, MAX_CAPTION, kwargs)
        return await super().send_document(chat_id, document, caption, *args, **kwargs)

    async def send_photo(
        self, chat_id: Any, photo: Any, caption: str | None = None, *args: Any, **kwargs: Any
    ) -> Any:
        caption = self._fit(caption, MAX_CAPTION, kwargs)
        return await super().send_photo(chat_id, photo, caption, *args, **kwargs)

    async def answer_callback_query(
        self, callback_query_id: str, text: str | None = None, *args: Any, **kwargs: Any
    ) -> Any:
        if text is not None:  # an alert is plain text
            text = html.unescape(shorten(esc(text), MAX_ALERT))
        return await super().answer_callback_query(callback_query_id, text, *args, **kwargs)

    def _html(self, kwargs: dict[str, Any]) -> bool:
        mode = kwargs.get("parse_mode")
        if mode is None and "parse_mode" not in kwargs:
            mode = self.defaults.parse_mode if self.defaults else None
        return mode == ParseMode.HTML

    def _fit(self, text: str | None, limit: int, kwargs: dict[str, Any]) -> str | None:
        if text is None:
            return None
        if self._html(kwargs):
            return shorten(text, limit)
        return html.unescape(shorten(esc(text), limit))
