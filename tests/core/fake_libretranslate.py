"""A fake LibreTranslate server for tests: real HTTP on 127.0.0.1, in a thread.

It answers POST /translate like LibreTranslate ({"translatedText": …}) with a visible fake
translation, "[fa] text", and records every request. `mode` decides how it behaves:

- "ok": answers at once;
- "slow": answers after `delay` seconds (longer than any client timeout in the tests);
- "error": answers `status` (500 by default) with LibreTranslate's {"error": …};
- "malformed": answers 200 with a body that is not JSON;
- "down": nothing listens on its port any more (connection refused).
"""

from __future__ import annotations

import contextlib
import json
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

MODES = ("ok", "slow", "error", "malformed", "down")


class FakeLibreTranslate:
    def __init__(self, api_key: str | None = None) -> None:
        self.mode = "ok"
        self.delay = 3.0
        self.status = 500
        self.api_key = api_key  # when set, requests without it get 403 like the real server
        self.requests: list[dict[str, Any]] = []
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(self))
        self._server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self._server.server_address[1]}"
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)
        self._thread.start()

    def set_mode(self, mode: str) -> None:
        if mode not in MODES:
            raise ValueError(mode)
        if mode == "down":
            self.close()
        self.mode = mode

    def close(self) -> None:
        if self._thread.is_alive():
            self._server.shutdown()
            self._server.server_close()
            self._thread.join(timeout=5)

    def answer(self, payload: dict[str, Any]) -> tuple[int, bytes]:
        """What the server sends back for one request."""
        self.requests.append(payload)
        if self.api_key is not None and payload.get("api_key") != self.api_key:
            return 403, _json({"error": "Invalid API key"})
        if self.mode == "slow":
            time.sleep(self.delay)
        if self.mode == "error":
            return self.status, _json({"error": "Something went wrong"})
        if self.mode == "malformed":
            return 200, b"<html>not json</html>"
        if not isinstance(payload.get("q"), str) or not payload.get("target"):
            return 400, _json({"error": "Invalid request: missing q or target"})
        return 200, _json({"translatedText": f"[{payload['target']}] {payload['q']}"})


def _json(value: object) -> bytes:
    return json.dumps(value, ensure_ascii=False).encode("utf-8")


def _handler(fake: FakeLibreTranslate) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            raw = self.rfile.read(length)
            if self.path != "/translate":
                status, body = 404, _json({"error": "Not Found"})
            else:
                try:
                    payload = json.loads(raw or b"{}")
                except ValueError:
                    payload = None
                if not isinstance(payload, dict):
                    status, body = 400, _json({"error": "Invalid JSON"})
                else:
                    status, body = fake.answer(payload)
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                self.wfile.write(body)  # unless the client gave up (a timeout)

        def log_message(self, format: str, *args: object) -> None:
            pass  # quiet: requests are in fake.requests

    return Handler


@contextmanager
def fake_libretranslate(api_key: str | None = None) -> Iterator[FakeLibreTranslate]:
    fake = FakeLibreTranslate(api_key)
    try:
        yield fake
    finally:
        fake.close()
