"""An in-process Bot API: answers the bot's requests as Telegram would, and records them.

The console chat and the tests run the real PTB Application on it: no network, no token.
It enforces what Telegram enforces on messages (HTML that parses, 1–4096 characters) so a
mistake shows up here rather than in production.
"""

from __future__ import annotations

import itertools
import json
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from html.parser import HTMLParser
from typing import Any

from telegram.request import BaseRequest, RequestData

from bot.core.reply import visible_text

BOT_ID = 7000000001
BOT_USERNAME = "mo_lotse_bot"
MAX_TEXT = 4096
MAX_CAPTION = 1024  # Telegram's limits of a caption and of a callback query's alert
MAX_ALERT = 200
_ALLOWED_TAGS = {
    "b",
    "strong",
    "i",
    "em",
    "u",
    "ins",
    "s",
    "strike",
    "del",
    "a",
    "code",
    "pre",
    "tg-spoiler",
    "span",
    "blockquote",
}


@dataclass
class ApiCall:
    method: str
    params: dict[str, Any]
    result: Any = None
    files: dict[str, bytes] = field(default_factory=dict)

    @property
    def chat_id(self) -> int | None:
        value = self.params.get("chat_id")
        return int(value) if value is not None else None

    @property
    def text(self) -> str:
        return str(self.params.get("text") or self.params.get("caption") or "")

    @property
    def buttons(self) -> list[dict[str, Any]]:
        markup = self.params.get("reply_markup") or {}
        if isinstance(markup, str):
            markup = json.loads(markup)
        return [b for row in markup.get("inline_keyboard", []) for b in row]


class ApiRefusal(Exception):
    def __init__(self, status: int, description: str) -> None:
        super().__init__(description)
        self.status, self.description = status, description


class _TelegramHtml(HTMLParser):
    """Checks text the way Telegram's HTML parse mode does: known tags, balanced."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.error: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in _ALLOWED_TAGS:
            self.error = self.error or f'unsupported start tag "{tag}"'
        self.stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if not self.stack or self.stack.pop() != tag:
            self.error = self.error or f'unmatched end tag "{tag}"'


def check_html(text: str) -> str | None:
    """Telegram's complaint about this HTML text, or None if it would be accepted."""
    parser = _TelegramHtml()
    parser.feed(text)
    parser.close()
    if parser.error is None and parser.stack:
        return f'unclosed start tag "{parser.stack[-1]}"'
    return parser.error


class LocalBotApi(BaseRequest):
    """A BaseRequest that answers locally. `calls` holds every request in order."""

    def __init__(self) -> None:
        self.calls: list[ApiCall] = []
        self.listeners: list[Callable[[ApiCall], None]] = []
        self.refuse: dict[str, tuple[int, str]] = {}  # method -> (status, description)
        self.messages: dict[tuple[int, int], dict[str, Any]] = {}
        self._ids = itertools.count(1)

    @property
    def read_timeout(self) -> float | None:
        return None

    async def initialize(self) -> None:
        return None

    async def shutdown(self) -> None:
        return None

    async def do_request(
        self,
        url: str,
        method: str,
        request_data: RequestData | None = None,
        read_timeout: Any = None,
        write_timeout: Any = None,
        connect_timeout: Any = None,
        pool_timeout: Any = None,
    ) -> tuple[int, bytes]:
        api_method = url.rsplit("/", 1)[-1]
        params = dict(request_data.parameters) if request_data else {}
        files = {}
        if request_data and request_data.contains_files:
            for name, value in (request_data.multipart_data or {}).items():
                files[name] = value[1] if isinstance(value, tuple) else value
        call = ApiCall(api_method, params, files=files)
        try:
            if api_method in self.refuse:
                raise ApiRefusal(*self.refuse[api_method])
            call.result = self._answer(api_method, params)
        except ApiRefusal as exc:
            body = {"ok": False, "error_code": exc.status, "description": exc.description}
            return exc.status, json.dumps(body).encode()
        self.calls.append(call)
        for listener in self.listeners:
            listener(call)
        return 200, json.dumps({"ok": True, "result": call.result}).encode()

    # --- answers -----------------------------------------------------------------------

    def _answer(self, method: str, p: dict[str, Any]) -> Any:
        if method == "getMe":
            return {
                "id": BOT_ID,
                "is_bot": True,
                "first_name": "MO-Lotse",
                "username": BOT_USERNAME,
                "can_join_groups": False,
                "can_read_all_group_messages": False,
                "supports_inline_queries": False,
            }
        if method == "sendMessage":
            return self._store(p, text=self._checked_text(p, "text"))
        if method in ("sendDocument", "sendPhoto"):
            caption = self._checked_text(p, "caption", optional=True, limit=MAX_CAPTION)
            kind = "document" if method == "sendDocument" else "photo"
            media: dict[str, Any] = {"file_id": f"local-{next(self._ids)}", "file_unique_id": "u"}
            if kind == "photo":  # Telegram's PhotoSize always has its size
                media.update(width=1000, height=400)
            return self._store(p, caption=caption, **{kind: [media] if kind == "photo" else media})
        if method == "editMessageText":
            return self._edit(p, text=self._checked_text(p, "text"))
        if method == "editMessageReplyMarkup":
            return self._edit(p)
        if method == "answerCallbackQuery" and len(str(p.get("text") or "")) > MAX_ALERT:
            raise ApiRefusal(400, "Bad Request: message is too long")
        if method in {
            "answerCallbackQuery",
            "setMyCommands",
            "deleteMyCommands",
            "setChatMenuButton",
            "deleteWebhook",
            "setWebhook",
            "setMyDescription",
            "setMyShortDescription",
            "deleteMessage",
            "leaveChat",
            "sendChatAction",
        }:
            return True
        if method == "getUpdates":
            return []
        raise ApiRefusal(404, "Not Found: method not found")

    def _checked_text(
        self, p: dict[str, Any], key: str, optional: bool = False, limit: int = MAX_TEXT
    ) -> str | None:
        text = p.get(key)
        if text is None and optional:
            return None
        text = str(text or "")
        shown = visible_text(text) if p.get("parse_mode") == "HTML" else text
        if not shown.strip():
            raise ApiRefusal(400, "Bad Request: message text is empty")
        if len(shown.encode("utf-16-le")) // 2 > limit:  # Telegram counts UTF-16 units
            raise ApiRefusal(400, "Bad Request: message is too long")
        if p.get("parse_mode") == "HTML" and (problem := check_html(text)):
            raise ApiRefusal(400, f"Bad Request: can't parse entities: {problem}")
        return text

    def _store(self, p: dict[str, Any], **content: Any) -> dict[str, Any]:
        chat_id = int(p["chat_id"])
        message = {
            "message_id": next(self._ids),
            "date": int(time.time()),
            "chat": {"id": chat_id, "type": "private" if chat_id > 0 else "group"},
            "from": {
                "id": BOT_ID,
                "is_bot": True,
                "first_name": "MO-Lotse",
                "username": BOT_USERNAME,
            },
            **{k: v for k, v in content.items() if v is not None},
        }
        if p.get("reply_markup"):
            message["reply_markup"] = p["reply_markup"]
        self.messages[(chat_id, message["message_id"])] = message
        return message

    def _edit(self, p: dict[str, Any], **content: Any) -> dict[str, Any]:
        key = (int(p["chat_id"]), int(p["message_id"]))
        message = self.messages.get(key)
        if message is None:
            raise ApiRefusal(400, "Bad Request: message to edit not found")
        message.update({k: v for k, v in content.items() if v is not None})
        message["edit_date"] = int(time.time())
        if "reply_markup" in p:
            message["reply_markup"] = p["reply_markup"]
        elif "text" in content:
            message.pop("reply_markup", None)
        return message
