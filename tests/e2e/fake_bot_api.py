"""A fake Telegram Bot API server for end-to-end tests.

Deliberately independent of python-telegram-bot (it never imports `telegram`): its JSON
follows the Bot API documentation, so a bug in the library cannot hide behind a matching
bug here. It runs in a thread on 127.0.0.1 (HTTP/1.1, kept-alive connections); tests drive
it through its Python methods: users send messages and press buttons, tests read what the
bot sent. Telegram's limits (`limits`) and faults (`faults`) are in fake_bot_api_faults.py.
A request counts as delivered when the fake processed it (status 200), even if a fault then
kept the answer from the bot (Request.delivered).
"""

from __future__ import annotations

import itertools
import json
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import ThreadingHTTPServer
from typing import Any, TypeVar

from tests.e2e.fake_bot_api_faults import (
    DROP_AFTER,
    DROP_BEFORE,
    ERROR,
    LIMITED,
    LOST,
    SLOW,
    Faults,
    Flood,
    Limits,
    handler_class,
)
from tests.e2e.fake_bot_api_wire import (
    BOT,
    SENDS,
    VISIBLE,
    Upload,
    bot_message,
    callback_data,
    chat,
    edited,
    refusal,
    user,
    visible,
)

__all__ = ["BOT", "LIMITED", "FakeBotApi", "Faults", "Limits", "Request"]
ANSWERED = {"setMyCommands", "deleteMyCommands", "deleteWebhook", "setWebhook"}
ANSWERED |= {"setChatMenuButton"}
T = TypeVar("T")


@dataclass
class Request:
    method: str
    params: dict[str, Any]
    at: float = field(default_factory=time.monotonic)
    status: int = 200  # what the fake answered; 0: the connection was dropped instead
    fault: str | None = None
    files: dict[str, Upload] = field(default_factory=dict)
    result: Any = None

    @property
    def delivered(self) -> bool:
        return self.status == 200

    @property
    def chat_id(self) -> int | None:
        value = self.params.get("chat_id")
        return int(value) if value is not None else None

    @property
    def text(self) -> str:
        """The visible text (or caption) of a message the bot sent."""
        return visible(str(self.params.get("text") or self.params.get("caption") or ""))


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 128  # a broadcast opens many connections at once

    def handle_error(self, request: Any, client_address: Any) -> None:
        if not isinstance(sys.exc_info()[1], OSError):  # a killed client resets: expected
            super().handle_error(request, client_address)


class FakeBotApi:
    """Start with `with FakeBotApi() as api:`; `api.base_url` goes into TELEGRAM_BASE_URL."""

    def __init__(self) -> None:
        self.requests: list[Request] = []
        self.fail: dict[str, tuple[int, str]] = {}
        self.limits = Limits()
        self.faults = Faults()
        self.messages: dict[tuple[int, int], dict[str, Any]] = {}  # as the users see them
        self.in_transit = 0  # requests on their way in (Faults.latency)
        self.long_poll = 0.5  # the longest getUpdates waits: a stopping bot waits for it
        self._flood = Flood(self.limits.seed)
        self._queries: dict[str, bool] = {}  # callback query id -> answered
        self._updates: list[dict[str, Any]] = []
        self._update_ids = itertools.count(1)
        self._message_ids = itertools.count(1)
        self._cond = threading.Condition()
        self._server = _Server(("127.0.0.1", 0), handler_class(self))
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self._server.server_port}/bot"

    @property
    def too_many(self) -> int:
        return self._flood.too_many

    def __enter__(self) -> FakeBotApi:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._server.shutdown()
        self._server.server_close()

    # --- control API: what users do -----------------------------------------------------

    def user_sends(
        self,
        text: str,
        user_id: int = 42,
        language_code: str | None = "de",
        reply_to: int | None = None,
    ) -> int:
        """A user writes to the bot (optionally replying to a bot message); its message id."""
        message: dict[str, Any] = {
            "message_id": next(self._message_ids),
            "date": int(time.time()),
            "chat": chat(user_id),
            "from": user(user_id, language_code),
            "text": text,
        }
        if text.startswith("/"):
            message["entities"] = [
                {"type": "bot_command", "offset": 0, "length": len(text.split()[0])}
            ]
        if reply_to is not None:
            message["reply_to_message"] = self.messages[(user_id, reply_to)]
        self._push({"message": message})
        return int(message["message_id"])

    def press(
        self, data: str, user_id: int = 42, language_code: str | None = "de", timeout: float = 60.0
    ) -> str:
        """The user presses the button with callback `data` on the latest bot message in their
        chat that has one (waiting for it to be shown); the callback query's id."""
        message = self.wait_button(data, user_id, timeout)
        with self._cond:
            query_id = f"q{next(self._update_ids)}"
            self._queries[query_id] = False
        query = {
            "id": query_id,
            "from": user(user_id, language_code),
            "message": json.loads(json.dumps(message)),  # as it was when pressed
            "chat_instance": str(user_id),
            "data": data,
        }
        self._push({"callback_query": query})
        return query_id

    # --- control API: what the bot did ---------------------------------------------------

    def wait_button(self, data: str, user_id: int, timeout: float = 60.0) -> dict[str, Any]:
        """The latest message in the chat with a button carrying `data`; waits for one."""

        def shown() -> dict[str, Any] | None:
            mine = [m for (c, _), m in self.messages.items() if c == user_id]
            return next((m for m in reversed(mine) if data in callback_data(m)), None)

        return self.wait_until(shown, timeout, f"a button {data!r} in chat {user_id}")

    def mark(self) -> int:
        """A point in time for `sent` and `wait_sent`: what was requested so far."""
        with self._cond:
            return len(self.requests)

    def sent(self, chat_id: int | None = None, since: int = 0) -> list[Request]:
        """Delivered messages and edits (to `chat_id`), in order."""
        with self._cond:
            found = self.requests[since:]
        return [
            r
            for r in found
            if r.delivered and r.method in VISIBLE and chat_id in (None, r.chat_id)
        ]

    def texts(self, chat_id: int, since: int = 0) -> list[str]:
        return [r.text for r in self.sent(chat_id, since)]

    def wait_for(self, method: str, timeout: float = 30.0, **match: Any) -> Request:
        """The first request of `method` whose params include `match`; waits for it."""

        def found() -> Request | None:
            return next((r for r in self.requests if r.method == method and _has(r, match)), None)

        return self.wait_until(found, timeout, f"{method} {match}")

    def wait_sent(
        self, chat_id: int, contains: str = "", since: int = 0, timeout: float = 60.0
    ) -> Request:
        """The first message or edit delivered to `chat_id` after `since` whose visible text
        contains `contains`; waits for it."""

        def found() -> Request | None:
            return next((r for r in self.sent(chat_id, since) if contains in r.text), None)

        return self.wait_until(found, timeout, f"a message to {chat_id} with {contains!r}")

    def wait_answered(self, query_id: str, timeout: float = 60.0) -> Request:
        def found() -> Request | None:
            return next(
                (
                    r
                    for r in self.requests
                    if r.method == "answerCallbackQuery"
                    and r.delivered
                    and r.params.get("callback_query_id") == query_id
                ),
                None,
            )

        return self.wait_until(found, timeout, f"the answer to callback query {query_id}")

    def wait_until(self, found: Callable[[], T | None], timeout: float, what: str) -> T:
        """What `found` returns once it returns something (called under the lock)."""
        deadline = time.monotonic() + timeout
        with self._cond:
            while True:
                hit = found()
                if hit is not None:
                    return hit
                left = deadline - time.monotonic()
                if left <= 0:
                    seen = [(r.method, r.status, r.text[:40]) for r in self.requests[-8:]]
                    raise TimeoutError(f"no {what} within {timeout}s; last requests: {seen}")
                self._cond.wait(min(left, 1.0))

    # --- the server ----------------------------------------------------------------------

    def _push(self, payload: dict[str, Any]) -> None:
        with self._cond:
            self._updates.append({"update_id": next(self._update_ids), **payload})
            self._cond.notify_all()

    def serve(
        self, method: str, params: dict[str, Any], files: dict[str, Upload], lost: bool
    ) -> tuple[str | None, int, dict[str, Any]]:
        """The fault drawn for the request, the status and the payload to answer with."""
        if method == "getUpdates":
            return None, 200, {"ok": True, "result": self._get_updates(params)}
        with self._cond:
            request = Request(method, params, files=files)
            request.fault = fault = LOST if lost else self.faults.draw(method, params)
            self.requests.append(request)
            self._cond.notify_all()
            if fault in (LOST, DROP_BEFORE):
                request.status = 0
                return fault, 0, {}
            status, payload = self._answer(request)
            request.status = status
            request.result = payload.get("result")
            if status != 200 and fault in (DROP_AFTER, SLOW):
                request.fault = fault = None  # refused anyway: the refusal is answered
            return fault, status, payload

    def _answer(self, request: Request) -> tuple[int, dict[str, Any]]:
        """Answer one request (under _cond): limits first, then faults, then the method."""
        method, params = request.method, request.params
        limited = method in LIMITED
        refused = self._flood.check(self.limits, method, params, request.at) if limited else None
        if refused is not None:
            return refused
        if request.fault == ERROR:  # Telegram's own trouble: nothing was delivered
            if self.faults.injected[ERROR] % 2:
                return refusal(500, "Internal Server Error")
            return refusal(502, "Bad Gateway")
        if method in self.fail:
            return refusal(*self.fail[method])
        if method == "getMe":
            return 200, {"ok": True, "result": BOT}
        if method in SENDS:
            message = bot_message(method, next(self._message_ids), params, request.files)
            self.messages[(int(params["chat_id"]), message["message_id"])] = message
            return 200, {"ok": True, "result": message}
        if method in ("editMessageText", "editMessageReplyMarkup"):
            return self._edit(method, params)
        if method == "answerCallbackQuery":
            query = str(params.get("callback_query_id"))
            if self._queries.get(query, True):  # unknown or answered already
                return refusal(400, "Bad Request: query is too old or query ID is invalid")
            self._queries[query] = True
            return 200, {"ok": True, "result": True}
        if method in ANSWERED:
            return 200, {"ok": True, "result": True}
        return refusal(404, "Not Found: method not found")

    def _edit(self, method: str, params: dict[str, Any]) -> tuple[int, dict[str, Any]]:
        key = (int(params["chat_id"]), int(params["message_id"]))
        old = self.messages.get(key)
        if old is None:
            return refusal(400, "Bad Request: message to edit not found")
        new = edited(old, method, params)
        if new is None:
            return refusal(400, "Bad Request: message is not modified")
        self.messages[key] = new
        return 200, {"ok": True, "result": new}

    def transit(self, delta: int) -> None:
        with self._cond:
            self.in_transit += delta
            self._cond.notify_all()

    def _get_updates(self, params: dict[str, Any]) -> list[dict[str, Any]]:
        offset = int(params.get("offset") or 0)
        timeout = min(float(params.get("timeout") or 0), self.long_poll)
        deadline = time.monotonic() + timeout
        with self._cond:
            while True:
                self._updates = [u for u in self._updates if u["update_id"] >= offset]
                if self._updates or time.monotonic() >= deadline:
                    return list(self._updates)
                self._cond.wait(max(0.0, deadline - time.monotonic()))


def _has(request: Request, match: dict[str, Any]) -> bool:
    return all(str(request.params.get(k)) == str(v) for k, v in match.items())
