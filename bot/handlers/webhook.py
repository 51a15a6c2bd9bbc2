"""The webhook server (`python -m bot run --webhook`): Telegram posts updates here.

PTB's own server reads a whole body into memory before it checks the secret (8 × 95 MB of
unauthenticated bodies took 1.26 GB), and logs an update it cannot parse in full at
CRITICAL (issue 14, finding 8). This one checks the secret token, the content type and the
announced length before it reads a single byte of the body, stops reading at
`WEBHOOK_MAX_BODY_BYTES` (1 MiB; Telegram's updates are a few KiB), and logs what happened
without the update.
"""

from __future__ import annotations

import asyncio
import hmac
import json
import logging
import signal
from contextlib import suppress
from typing import Any

import tornado.web
from telegram import Update
from tornado.httpserver import HTTPServer

from bot.config import WebhookConfig
from bot.handlers.session import ALLOWED_UPDATES

log = logging.getLogger(__name__)

SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"
App = Any  # PTB's Application (typed loosely: tornado's handlers are not generic)


@tornado.web.stream_request_body
class UpdateHandler(tornado.web.RequestHandler):
    """One POST from Telegram: checked before it is read, read up to the limit, queued."""

    SUPPORTED_METHODS = ("POST",)  # type: ignore[assignment]

    def initialize(self, app: App, secret: str, max_body: int) -> None:
        self.app, self.secret, self.max_body = app, secret, max_body
        self.body = bytearray()

    def prepare(self) -> None:
        token = self.request.headers.get(SECRET_HEADER, "")
        if not hmac.compare_digest(token.encode(), self.secret.encode()):
            log.warning("refused a webhook request without the right secret token")
            raise tornado.web.HTTPError(403)
        if self.request.headers.get("Content-Type", "").split(";")[0].strip() != (
            "application/json"
        ):
            raise tornado.web.HTTPError(415)
        length = self.request.headers.get("Content-Length")
        if length is not None and (not length.isascii() or not length.isdigit()):
            raise tornado.web.HTTPError(400)
        if length is not None and int(length) > self.max_body:
            log.warning("refused a webhook request of %s bytes (WEBHOOK_MAX_BODY_BYTES)", length)
            raise tornado.web.HTTPError(413)
        connection = self.request.connection
        if connection is not None and hasattr(connection, "set_max_body_size"):
            connection.set_max_body_size(self.max_body)  # a chunked body too

    def data_received(self, chunk: bytes) -> None:
        if len(self.body) + len(chunk) > self.max_body:
            raise tornado.web.HTTPError(413)
        self.body.extend(chunk)

    async def post(self) -> None:
        try:
            update = Update.de_json(json.loads(self.body), self.app.bot)
        except Exception as exc:  # what Telegram sent cannot be read: say what, not what in it
            log.warning(
                "refused a webhook update that could not be read (%d bytes, %s)",
                len(self.body),
                type(exc).__name__,
            )
            raise tornado.web.HTTPError(400) from None
        if update is not None:
            await self.app.update_queue.put(update)
        self.set_status(200)
        self.finish()

    def log_exception(self, typ: Any, value: Any, tb: Any) -> None:
        if not isinstance(value, tornado.web.HTTPError):
            log.error("the webhook server failed: %s", typ.__name__ if typ else "error")

    def write_error(self, status_code: int, **kwargs: Any) -> None:
        self.finish()  # no traceback, no echo of the request


def web_app(app: App, webhook: WebhookConfig) -> tornado.web.Application:
    route = rf"/{webhook.path}/?" if webhook.path else r"/?"
    settings = {"app": app, "secret": webhook.secret, "max_body": webhook.max_body}
    return tornado.web.Application([(route, UpdateHandler, settings)], log_function=_quiet)


def _quiet(handler: tornado.web.RequestHandler) -> None:
    """tornado's access log would name the client's address: nothing of it is needed."""


async def serve(app: App, webhook: WebhookConfig, stop: asyncio.Event | None = None) -> None:
    """Run the application on the webhook until SIGTERM or SIGINT (or `stop` is set)."""
    stop = stop or asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGTERM, signal.SIGINT):
        with suppress(NotImplementedError, RuntimeError, ValueError):  # not the main thread
            loop.add_signal_handler(sig, stop.set)
    await app.initialize()
    try:
        if app.post_init:
            await app.post_init(app)
        # The server refuses bodies above the limit before reading them, whatever a handler
        # does; max_buffer_size bounds what a connection may hold at all.
        server = HTTPServer(
            web_app(app, webhook), max_body_size=webhook.max_body, max_buffer_size=webhook.max_body
        )
        server.listen(webhook.port, address=webhook.listen)
        try:
            await app.bot.set_webhook(
                webhook.url, secret_token=webhook.secret, allowed_updates=ALLOWED_UPDATES
            )
            await app.start()
            log.info("MO-Lotse listens for webhooks on %s:%d", webhook.listen, webhook.port)
            await stop.wait()
            await app.stop()
        finally:
            server.stop()
            await server.close_all_connections()
    finally:
        for sig in (signal.SIGTERM, signal.SIGINT):
            with suppress(NotImplementedError, RuntimeError, ValueError):
                loop.remove_signal_handler(sig)
        await app.shutdown()
        if app.post_shutdown:
            await app.post_shutdown(app)
