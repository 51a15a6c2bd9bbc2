"""Telegram's limits and injected faults, as the fake Bot API applies them (stdlib only).

Faults come in two kinds, and the difference is the point of the tests that use them:
- certainly not delivered: a 5xx answer ("error"), or a kept-alive connection closed after
  an answer ("close", so the client must open a new one before its next request). Safe to
  repeat; a client that loses a message here loses it needlessly.
- maybe delivered, as the client sees it: the connection dropped without an answer, before
  the fake processed the request ("drop-before", not delivered) or after ("drop-after",
  delivered), or the answer delayed beyond the client's read timeout ("slow", delivered).
  The client cannot tell these apart, so it must not repeat them: that would be a duplicate.
"""

from __future__ import annotations

import json
import random
import select
import socket
import struct
import time
from collections import Counter, deque
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler
from typing import Any, Protocol

from tests.e2e.fake_bot_api_wire import Upload, parse_params, refusal

# Methods that send a message and so count against Telegram's flood limits.
LIMITED = {"sendMessage", "editMessageText", "sendDocument", "sendPhoto"}
ERROR, CLOSE, DROP_BEFORE, DROP_AFTER, SLOW = "error", "close", "drop-before", "drop-after", "slow"
KINDS = (ERROR, CLOSE, DROP_BEFORE, DROP_AFTER, SLOW)
LOST = "lost"  # not injected: the client died while its request was on the way (latency)
FAULTY_METHODS = {
    "sendMessage",
    "editMessageText",
    "editMessageReplyMarkup",
    "answerCallbackQuery",
    "sendDocument",
    "sendPhoto",
}


@dataclass
class Limits:
    """Telegram's limits as the fake enforces them (off unless set).

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


class Flood:
    """The state behind Limits: what was sent when."""

    def __init__(self, seed: int) -> None:
        self.too_many = 0
        self._sent_at: deque[float] = deque()
        self._chat_last: dict[int, float] = {}
        self._group_sent: dict[int, deque[float]] = {}
        self._random = random.Random(seed)

    def check(
        self, lim: Limits, method: str, params: dict[str, Any], now: float
    ) -> tuple[int, dict[str, Any]] | None:
        """429 above a flood limit, 403 for a blocked chat, 500 now and then; else None."""
        chat = int(params.get("chat_id") or 0)
        if lim.overall is not None:
            while self._sent_at and self._sent_at[0] <= now - 1.0:
                self._sent_at.popleft()
            if len(self._sent_at) >= lim.overall:
                return self._too_many(1)
        last = self._chat_last.get(chat)
        tolerance = lim.per_chat_tolerance
        if lim.per_chat is not None and last is not None and now - last < lim.per_chat - tolerance:
            return self._too_many(1)
        window = self._group_sent.setdefault(chat, deque()) if chat < 0 else None
        if lim.group_per_minute is not None and window is not None:
            while window and window[0] <= now - 60.0:
                window.popleft()
            if len(window) >= lim.group_per_minute:
                return self._too_many(int(window[0] + 60.0 - now) + 1)
        self._sent_at.append(now)
        self._chat_last[chat] = now
        if window is not None:
            window.append(now)
        if chat in lim.blocked:
            return refusal(403, "Forbidden: bot was blocked by the user")
        if method == "sendMessage" and lim.transient and self._random.random() < lim.transient:
            return refusal(500, "Internal Server Error")
        return None

    def _too_many(self, retry_after: int) -> tuple[int, dict[str, Any]]:
        self.too_many += 1
        return refusal(
            429, f"Too Many Requests: retry after {retry_after}", retry_after=retry_after
        )


@dataclass
class Planned:
    kind: str
    method: str
    match: dict[str, Any]


@dataclass
class Faults:
    """Faults to inject: shares drawn per request of `methods` from a seeded generator, and
    planned one-shot faults (`once`) that hit the next matching request. `latency`: every
    request of `methods` is this long on its way in; if its client is gone by then (killed),
    it never arrives."""

    error: float = 0.0
    close: float = 0.0
    drop_before: float = 0.0
    drop_after: float = 0.0
    slow: float = 0.0
    slow_seconds: float = 8.0  # well beyond PTB's default read timeout of 5 s
    latency: float = 0.0
    methods: set[str] = field(default_factory=lambda: set(FAULTY_METHODS))
    seed: int = 7
    planned: list[Planned] = field(default_factory=list)
    injected: Counter[str] = field(default_factory=Counter)

    def __post_init__(self) -> None:
        self._random = random.Random(self.seed)

    def once(self, kind: str, method: str, **match: Any) -> None:
        """The next `method` request whose params include `match` gets fault `kind`."""
        if kind not in KINDS:
            raise ValueError(kind)
        self.planned.append(Planned(kind, method, match))

    def draw(self, method: str, params: dict[str, Any]) -> str | None:
        """The fault for this request, if any (called under the fake's lock)."""
        for plan in self.planned:
            if plan.method == method and all(
                str(params.get(k)) == str(v) for k, v in plan.match.items()
            ):
                self.planned.remove(plan)
                self.injected[plan.kind] += 1
                return plan.kind
        if method not in self.methods:
            return None
        roll = self._random.random()
        shares = (self.error, self.close, self.drop_before, self.drop_after, self.slow)
        for kind, share in zip(KINDS, shares, strict=True):
            if roll < share:
                self.injected[kind] += 1
                return kind
            roll -= share
        return None


class Backend(Protocol):
    faults: Faults

    def transit(self, delta: int) -> None:
        """A request begins (+1) or ends (-1) its way in (see Faults.latency)."""
        ...

    def serve(
        self, method: str, params: dict[str, Any], files: dict[str, Upload], lost: bool
    ) -> tuple[str | None, int, dict[str, Any]]:
        """Answer a request (or record it lost); the fault to apply to the connection."""
        ...


def handler_class(backend: Backend) -> type[BaseHTTPRequestHandler]:
    """The HTTP side: latency on the way in, then the backend's answer with the fault it
    chose for the connection (drop it, answer late, close it after the answer)."""

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"  # kept-alive connections, as Telegram's
        # Headers and body go out in two writes; with Nagle's algorithm the body waits for
        # the client's delayed ACK (40 ms), which would cap a bot at ~25 requests/s.
        disable_nagle_algorithm = True

        def do_POST(self) -> None:
            method = self.path.rsplit("/", 1)[-1]
            length = int(self.headers.get("Content-Length") or 0)
            body = self.rfile.read(length) if length else b""
            params, files = parse_params(self.headers.get("Content-Type") or "", body)
            faults, lost = backend.faults, False
            if faults.latency and method in faults.methods:
                backend.transit(1)
                time.sleep(faults.latency)
                lost = self._client_gone()  # it died while its request was on the way
                backend.transit(-1)
            fault, status, payload = backend.serve(method, params, files, lost)
            if lost or fault in (DROP_BEFORE, DROP_AFTER):
                self._drop()
                return
            if fault == SLOW:
                time.sleep(faults.slow_seconds)
            data = json.dumps(payload).encode()
            try:
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)
            except OSError:  # the client gave up waiting (timeout) or was killed
                self.close_connection = True
            if fault == CLOSE:
                self.close_connection = True  # no "Connection: close": dropped, not said

        def _client_gone(self) -> bool:
            try:
                readable, _, _ = select.select([self.connection], [], [], 0)
                return bool(readable) and self.connection.recv(1, socket.MSG_PEEK) == b""
            except OSError:
                return True

        def _drop(self) -> None:
            """Reset the connection: no answer at all."""
            linger = struct.pack("ii", 1, 0)
            self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, linger)
            self.close_connection = True

        def log_message(self, *args: object) -> None:
            return None

    return Handler
