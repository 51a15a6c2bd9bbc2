"""The webhook server checks before it reads (issue 14, finding 8).

8 × 95 MB of unauthenticated bodies once took 1.26 GB: PTB's server read every body before
it looked at the secret. Here a body over the limit, or any request without the secret, is
answered before the body is sent at all; an update that cannot be read is refused and
logged without its content, at any log level.
"""

from __future__ import annotations

import asyncio
import json
import logging
import socket
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import pytest

from bot.app import build_application
from bot.config import ConfigError, WebhookConfig
from bot.handlers.webhook import serve
from bot.local.bot_api import LocalBotApi

SECRET = "s3cret-token-of-the-webhook_0123"
SENSITIVE = "Geheimnis-Ayşe-4711"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@asynccontextmanager
async def served(
    config, knowledge, max_body: int = 1 << 20
) -> AsyncIterator[tuple[int, LocalBotApi]]:
    api = LocalBotApi()
    app = build_application(config, request=api, knowledge=knowledge)
    port = _free_port()
    webhook = WebhookConfig("https://bot.example/hook", "127.0.0.1", port, SECRET, max_body)
    stop = asyncio.Event()
    task = asyncio.create_task(serve(app, webhook, stop))
    for _ in range(200):
        if any(c.method == "setWebhook" for c in api.calls):
            break
        await asyncio.sleep(0.02)
    await asyncio.sleep(0.1)
    try:
        yield port, api
    finally:
        stop.set()
        await asyncio.wait_for(task, timeout=20)


async def _exchange(port: int, head: str, body: bytes = b"", wait: float = 5.0) -> str:
    """Send the head (and body), return the status line the server answers with."""
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    try:
        writer.write(head.encode() + b"\r\n" + body)
        await writer.drain()
        line = await asyncio.wait_for(reader.readline(), timeout=wait)
        return line.decode().strip()
    finally:
        writer.close()


def _head(length: int | None, secret: str | None, chunked: bool = False) -> str:
    lines = ["POST /hook HTTP/1.1", "Host: bot.example", "Content-Type: application/json"]
    if secret:
        lines.append(f"X-Telegram-Bot-Api-Secret-Token: {secret}")
    if length is not None:
        lines.append(f"Content-Length: {length}")
    if chunked:
        lines.append("Transfer-Encoding: chunked")
    return "\r\n".join(lines) + "\r\n"


async def test_a_body_over_the_limit_is_refused_before_it_is_read(config, knowledge):
    async with served(config, knowledge) as (port, _api):
        started = time.monotonic()
        # 95 MB announced, not one byte of it sent: the answer comes anyway
        assert " 413 " in await _exchange(port, _head(95_000_000, SECRET)) + " "
        assert " 403 " in await _exchange(port, _head(95_000_000, None)) + " "
        assert " 403 " in await _exchange(port, _head(95_000_000, "wrong")) + " "
        assert time.monotonic() - started < 5


async def test_a_chunked_body_stops_at_the_limit(config, knowledge):
    async with served(config, knowledge, max_body=8192) as (port, _api):
        chunk = b"x" * 4096
        body = b"".join(b"%x\r\n%s\r\n" % (len(chunk), chunk) for _ in range(8)) + b"0\r\n\r\n"
        status = await _exchange(port, _head(None, SECRET, chunked=True), body)
        assert " 413 " in status + " " or " 400 " in status + " "


async def test_a_good_update_is_answered_and_a_bad_one_is_refused_without_a_trace(
    config, knowledge, caplog
):
    update = {
        "update_id": 1,
        "message": {
            "message_id": 1,
            "date": int(time.time()),
            "chat": {"id": 42, "type": "private", "first_name": "W"},
            "from": {"id": 42, "is_bot": False, "first_name": "W", "language_code": "de"},
            "text": "/start",
            "entities": [{"type": "bot_command", "offset": 0, "length": 6}],
        },
    }
    broken = {"update_id": 2, "message": {"chat": SENSITIVE, "from": {"first_name": SENSITIVE}}}
    with caplog.at_level(logging.DEBUG):
        async with served(config, knowledge) as (port, api):
            body = json.dumps(update).encode()
            assert " 200 " in await _exchange(port, _head(len(body), SECRET), body) + " "
            for _ in range(100):
                if any(c.method == "sendMessage" for c in api.calls):
                    break
                await asyncio.sleep(0.05)
            assert any(c.method == "sendMessage" and c.chat_id == 42 for c in api.calls)
            body = json.dumps(broken).encode()
            assert " 400 " in await _exchange(port, _head(len(body), SECRET), body) + " "
            assert " 400 " in await _exchange(port, _head(5, SECRET), b"{nope") + " "
    assert SENSITIVE not in caplog.text
    assert "could not be read" in caplog.text


@pytest.mark.parametrize("value", ["0", "100", "²", "999999999999"])
def test_the_body_limit_is_bounded(value):
    env = {
        "WEBHOOK_URL": "https://bot.example/hook",
        "WEBHOOK_SECRET": SECRET,
        "WEBHOOK_MAX_BODY_BYTES": value,
    }
    with pytest.raises(ConfigError) as err:
        WebhookConfig.from_env(env, env_file=None)
    assert err.value.variable == "WEBHOOK_MAX_BODY_BYTES"


def test_the_body_limit_defaults_to_one_mebibyte():
    env = {"WEBHOOK_URL": "https://bot.example/hook", "WEBHOOK_SECRET": SECRET}
    assert WebhookConfig.from_env(env, env_file=None).max_body == 1 << 20
