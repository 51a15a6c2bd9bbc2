"""bot/request.py: what certainly did not arrive is sent again, what may have arrived is not.

A real PTB Bot on httpx's MockTransport (no socket), so what is asserted is what the bot's
code sees: the message sent once, or PTB's error after the one attempt that may have arrived.
"""

import socket
from urllib.parse import parse_qs

import httpx
import pytest
from telegram import Bot
from telegram.error import BadRequest, Forbidden, NetworkError, TimedOut

from bot.handlers.request import RETRY_DELAYS, RetryingRequest, retried_by_caller
from tests.e2e.fake_bot_api_wire import BOT, bot_message

TOKEN = "123456:AAH-abcdefghijklmnopqrstuvwxyz012345"
OK = "ok"


class Telegram:
    """Answers getMe, and sendMessage by a script: one fault per attempt, then success."""

    def __init__(self, *script: object) -> None:
        self.script = list(script)
        self.attempts: list[str] = []
        self.slept: list[float] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        method = request.url.path.rsplit("/", 1)[-1]
        if method == "getMe":
            return httpx.Response(200, json={"ok": True, "result": BOT})
        params = {k: v[0] for k, v in parse_qs(request.content.decode()).items()}
        self.attempts.append(params["text"])
        step = self.script.pop(0) if self.script else OK
        if isinstance(step, Exception):
            raise step
        if isinstance(step, int):
            body = {"ok": False, "error_code": step, "description": f"Error {step}"}
            return httpx.Response(step, json=body)
        return httpx.Response(200, json={"ok": True, "result": bot_message(method, 1, params, {})})

    async def sleep(self, seconds: float) -> None:
        self.slept.append(seconds)

    def bot(self, **kwargs: object) -> Bot:
        transport = httpx.MockTransport(self)
        request = RetryingRequest(
            httpx_kwargs={"transport": transport}, sleep=self.sleep, **kwargs
        )
        return Bot(TOKEN, request=request)


async def _send(telegram: Telegram) -> str:
    async with telegram.bot() as bot:
        message = await bot.send_message(4711, "Hallo")
        return str(message.text)


@pytest.mark.parametrize("status", [500, 502, 503])
async def test_a_5xx_answer_is_sent_again_after_a_short_wait(status):
    telegram = Telegram(status, status)
    assert await _send(telegram) == "Hallo"
    assert telegram.attempts == ["Hallo"] * 3
    assert telegram.slept == list(RETRY_DELAYS[:2])


async def test_a_connection_not_made_is_tried_again():
    telegram = Telegram(
        httpx.ConnectError("refused", request=None),  # type: ignore[arg-type]
        httpx.ConnectTimeout("no answer to SYN"),
    )
    assert await _send(telegram) == "Hallo"
    assert len(telegram.attempts) == 3


async def test_after_the_last_attempt_the_error_reaches_the_sender():
    telegram = Telegram(*[500] * 10)
    with pytest.raises(NetworkError):
        await _send(telegram)
    assert len(telegram.attempts) == len(RETRY_DELAYS) + 1
    assert telegram.slept == list(RETRY_DELAYS)


@pytest.mark.parametrize(
    ("fault", "error"),
    [
        (httpx.ReadTimeout("no answer in time"), TimedOut),
        (httpx.RemoteProtocolError("Server disconnected without sending a response."), None),
        (httpx.ReadError("Connection reset by peer"), None),
        (httpx.WriteTimeout("sending stalled"), TimedOut),
    ],
)
async def test_what_may_have_arrived_is_not_sent_again(fault, error):
    telegram = Telegram(fault)
    with pytest.raises(error or NetworkError):
        await _send(telegram)
    assert telegram.attempts == ["Hallo"]  # once: a second one could be a duplicate
    assert telegram.slept == []


@pytest.mark.parametrize(("status", "error"), [(400, BadRequest), (403, Forbidden)])
async def test_refusals_are_not_repeated_here(status, error):
    telegram = Telegram(status)
    with pytest.raises(error):
        await _send(telegram)
    assert telegram.attempts == ["Hallo"]


async def test_a_refused_connection_on_a_real_socket_is_retried_then_reported(caplog):
    with socket.socket() as s:  # a port nobody listens on: connection refused
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    slept: list[float] = []

    async def sleep(seconds: float) -> None:
        slept.append(seconds)

    request = RetryingRequest(sleep=sleep)
    await request.initialize()
    try:
        with pytest.raises(NetworkError):
            await request.post(f"http://127.0.0.1:{port}/bot{TOKEN}/sendMessage", None)
    finally:
        await request.shutdown()
    assert slept == list(RETRY_DELAYS)
    assert "sendMessage not delivered (ConnectError)" in caplog.text
    assert TOKEN not in caplog.text  # the token is a secret: never in the log


def test_the_production_application_uses_it(tmp_path):
    from bot.app import build_application
    from bot.config import Config

    app = build_application(Config(telegram_token=TOKEN, database_path=tmp_path / "b.sqlite3"))
    assert isinstance(app.bot.request, RetryingRequest)  # every call but getUpdates


async def test_a_caller_with_its_own_retries_gets_the_5xx_at_once():
    telegram = Telegram(500)
    async with telegram.bot() as bot:
        with retried_by_caller(), pytest.raises(NetworkError):
            await bot.send_message(4711, "Hallo")
        assert telegram.attempts == ["Hallo"] and telegram.slept == []
        await bot.send_message(4711, "Hallo")  # outside: PTB's ordinary path again
    assert telegram.attempts == ["Hallo", "Hallo"]
