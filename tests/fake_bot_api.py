"""A fake Telegram Bot API server for end-to-end tests.

Deliberately independent of python-telegram-bot (it never imports `telegram`): its JSON
follows the Bot API documentation, so a bug in the library cannot hide behind a matching
bug here. It runs in a thread on 127.0.0.1; tests drive it through its Python methods.
"""

from __future__ import annotations

import itertools
import json
import random
import threading
import time
from collections import deque
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs

JSON_FIELDS = {
    "reply_markup",
    "commands",
    "menu_button",
    "entities",
    "link_preview_options",
    "reply_parameters",
    "allowed_updates",
    "scope",
}
BOT = {
    "id": 7000000002,
    "is_bot": True,
    "first_name": "MO-Lotse",
    "username": "mo_lotse_bot",
    "can_join_groups": False,
    "can_read_all_group_messages": False,
    "supports_inline_queries": False,
}


@dataclass
class Request:
    method: str
    params: dict[str, Any]
    at: float = field(default_factory=time.monotonic)
    status: int = 200  # what the fake answered


# Methods that send a message and so count against Telegram's flood limits.
LIMITED = {"sendMessage", "editMessageText", "sendDocument", "sendPhoto"}


@dataclass
class Limits:
    """Telegram's limits as the fake enforces them (off unless set), and injected faults.

    overall: messages per second for the whole bot (sliding 1 s window); per_chat: seconds
    between two messages to one chat (with a small tolerance for network jitter); groups
    (negative ids): 20 per minute. Above a limit the answer is 429 with retry_after.
    """

    overall: float | None = None
    per_chat: float | None = None
    per_chat_tolerance: float = 0.05
    group_per_minute: int | None = None
    blocked: set[int] = field(default_factory=set)  # these chats answer 403
    transient: float = 0.0  # share of sendMessage answered 500
    seed: int = 6


class FakeBotApi:
    """Start with `with FakeBotApi() as api:`; `api.base_url` goes into TELEGRAM_BASE_URL."""

    def __init__(self) -> None:
        self.requests: list[Request] = []
        self.fail: dict[str, tuple[int, str]] = {}
        self.limits = Limits()
        self.too_many = 0
        self._sent_at: deque[float] = deque()
        self._chat_last: dict[int, float] = {}
        self._group_sent: dict[int, deque[float]] = {}
        self._random = random.Random(self.limits.seed)
        self._updates: list[dict[str, Any]] = []
        self._update_ids = itertools.count(1)
        self._message_ids = itertools.count(1)
        self._cond = threading.Condition()
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler_class())
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self._server.server_port}/bot"

    def __enter__(self) -> FakeBotApi:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._server.shutdown()
        self._server.server_close()

    # --- control API for tests ----------------------------------------------------------

    def user_sends(self, text: str, user_id: int = 42, language_code: str = "de") -> None:
        message: dict[str, Any] = {
            "message_id": next(self._message_ids),
            "date": int(time.time()),
            "chat": {"id": user_id, "type": "private", "first_name": "Test"},
            "from": {
                "id": user_id,
                "is_bot": False,
                "first_name": "Test",
                "language_code": language_code,
            },
            "text": text,
        }
        if text.startswith("/"):
            message["entities"] = [
                {"type": "bot_command", "offset": 0, "length": len(text.split()[0])}
            ]
        self._push({"message": message})

    def wait_for(self, method: str, timeout: float = 30.0, **match: Any) -> Request:
        """The first request of `method` whose params include `match`; waits for it."""
        deadline = time.monotonic() + timeout
        with self._cond:
            while True:
                for r in self.requests:
                    if r.method == method and all(
                        str(r.params.get(k)) == str(v) for k, v in match.items()
                    ):
                        return r
                left = deadline - time.monotonic()
                if left <= 0:
                    seen = [r.method for r in self.requests]
                    raise TimeoutError(f"no {method} {match} within {timeout}s; saw {seen}")
                self._cond.wait(left)

    # --- the server ---------------------------------------------------------------------

    def _push(self, payload: dict[str, Any]) -> None:
        with self._cond:
            self._updates.append({"update_id": next(self._update_ids), **payload})
            self._cond.notify_all()

    def _answer(self, method: str, params: dict[str, Any]) -> tuple[int, dict[str, Any]]:
        with self._cond:
            request = Request(method, params)
            if method != "getUpdates":
                self.requests.append(request)
                self._cond.notify_all()
            refusal = self._limit(method, params, request.at) if method in LIMITED else None
            if refusal is not None:
                request.status = refusal[0]
                return refusal
        if method in self.fail:
            status, description = self.fail[method]
            return status, {"ok": False, "error_code": status, "description": description}
        if method == "getMe":
            return 200, {"ok": True, "result": BOT}
        if method == "getUpdates":
            return 200, {"ok": True, "result": self._get_updates(params)}
        if method == "sendMessage":
            chat_id = int(params["chat_id"])
            return 200, {
                "ok": True,
                "result": {
                    "message_id": next(self._message_ids),
                    "date": int(time.time()),
                    "chat": {"id": chat_id, "type": "private"},
                    "from": BOT,
                    "text": params.get("text", ""),
                },
            }
        if method == "editMessageText":
            return 200, {
                "ok": True,
                "result": {
                    "message_id": int(params["message_id"]),
                    "date": int(time.time()),
                    "edit_date": int(time.time()),
                    "chat": {"id": int(params["chat_id"]), "type": "private"},
                    "from": BOT,
                    "text": params.get("text", ""),
                },
            }
        if method in {
            "setMyCommands",
            "deleteWebhook",
            "setWebhook",
            "setChatMenuButton",
            "answerCallbackQuery",
            "deleteMyCommands",
        }:
            return 200, {"ok": True, "result": True}
        return 404, {"ok": False, "error_code": 404, "description": "Not Found: method not found"}

    def _limit(
        self, method: str, params: dict[str, Any], now: float
    ) -> tuple[int, dict[str, Any]] | None:
        """429 above a flood limit, 403 for a blocked chat, 500 now and then (under _cond)."""
        lim, chat = self.limits, int(params.get("chat_id") or 0)

        def too_many(retry_after: int) -> tuple[int, dict[str, Any]]:
            self.too_many += 1
            return 429, {
                "ok": False,
                "error_code": 429,
                "description": f"Too Many Requests: retry after {retry_after}",
                "parameters": {"retry_after": retry_after},
            }

        if lim.overall is not None:
            while self._sent_at and self._sent_at[0] <= now - 1.0:
                self._sent_at.popleft()
            if len(self._sent_at) >= lim.overall:
                return too_many(1)
        last = self._chat_last.get(chat)
        tolerance = lim.per_chat_tolerance
        if lim.per_chat is not None and last is not None and now - last < lim.per_chat - tolerance:
            return too_many(1)
        window = self._group_sent.setdefault(chat, deque()) if chat < 0 else None
        if lim.group_per_minute is not None and window is not None:
            while window and window[0] <= now - 60.0:
                window.popleft()
            if len(window) >= lim.group_per_minute:
                return too_many(int(window[0] + 60.0 - now) + 1)
        self._sent_at.append(now)
        self._chat_last[chat] = now
        if window is not None:
            window.append(now)
        if chat in lim.blocked:
            return 403, {
                "ok": False,
                "error_code": 403,
                "description": "Forbidden: bot was blocked by the user",
            }
        if method == "sendMessage" and lim.transient and self._random.random() < lim.transient:
            return 500, {"ok": False, "error_code": 500, "description": "Internal Server Error"}
        return None

    def _get_updates(self, params: dict[str, Any]) -> list[dict[str, Any]]:
        offset = int(params.get("offset") or 0)
        timeout = min(float(params.get("timeout") or 0), 2.0)
        deadline = time.monotonic() + timeout
        with self._cond:
            while True:
                self._updates = [u for u in self._updates if u["update_id"] >= offset]
                if self._updates or time.monotonic() >= deadline:
                    return list(self._updates)
                self._cond.wait(max(0.0, deadline - time.monotonic()))

    def _handler_class(self) -> type[BaseHTTPRequestHandler]:
        api = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                method = self.path.rsplit("/", 1)[-1]
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length).decode() if length else ""
                status, payload = api._answer(method, _params(self.headers, body))
                data = json.dumps(payload).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def log_message(self, *args: object) -> None:
                return None

        return Handler


def _params(headers: Any, body: str) -> dict[str, Any]:
    if "json" in (headers.get("Content-Type") or ""):
        return json.loads(body or "{}")
    params: dict[str, Any] = {k: v[0] for k, v in parse_qs(body).items()}
    for key in JSON_FIELDS & params.keys():
        params[key] = json.loads(params[key])
    return params
