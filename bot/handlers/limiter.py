"""The bot's rate limiter: every message it sends takes a slot of the one shared pacer.

Replaces PTB's AIORateLimiter, which knows no per-chat limit, starts with a full bucket, and
sleeps out every RetryAfter inside the running handler (issue 14, findings 1 and 10):
- a reply to a member (a request made while an update is processed, `interactive()`) books a
  reply slot: ahead of broadcasts and reminders, within its reserved share while they run
  (`INTERACTIVE_SHARE`), one a second per chat;
- anything else the bot sends on its own (reminders, follow-ups, notices) books a bulk slot;
- a broadcast has booked its slot itself (`paced_by_caller()`, bot/broadcast/outbox.py, or
  `Pacer.wait` just before the request, as its status message does);
- a RetryAfter for a reply is waited out once if it is short, and only in that member's
  line (bot/handlers/updates.py); a longer one fails the reply, and is logged.
Requests that send nothing (answerCallbackQuery, getUpdates …) pass straight through.
"""

from __future__ import annotations

import logging
import warnings
from collections.abc import Callable, Coroutine, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import timedelta
from typing import Any

from telegram.error import RetryAfter
from telegram.ext import BaseRateLimiter
from telegram.warnings import PTBDeprecationWarning

from bot.core.pacing import Pacer

log = logging.getLogger(__name__)

# What Telegram counts against its flood limits.
SENDS = {
    "sendMessage",
    "editMessageText",
    "editMessageCaption",
    "sendDocument",
    "sendPhoto",
    "sendMediaGroup",
    "copyMessage",
    "forwardMessage",
}
MAX_REPLY_WAIT = 5.0  # a longer RetryAfter is not waited out by a reply

_INTERACTIVE: ContextVar[bool] = ContextVar("interactive", default=False)
_PACED: ContextVar[bool] = ContextVar("paced_by_caller", default=False)


@contextmanager
def interactive() -> Iterator[None]:
    """Requests made inside answer an update: they are replies."""
    token = _INTERACTIVE.set(True)
    try:
        yield
    finally:
        _INTERACTIVE.reset(token)


@contextmanager
def paced_by_caller() -> Iterator[None]:
    """Requests made inside have booked their slot with the pacer already (broadcasts)."""
    token = _PACED.set(True)
    try:
        yield
    finally:
        _PACED.reset(token)


Callback = Callable[..., Coroutine[Any, Any, Any]]


class Limiter(BaseRateLimiter[None]):
    def __init__(self, pacer: Pacer) -> None:
        self.pacer = pacer

    async def initialize(self) -> None:
        return None

    async def shutdown(self) -> None:
        return None

    async def process_request(
        self,
        callback: Callback,
        args: Any,
        kwargs: dict[str, Any],
        endpoint: str,
        data: dict[str, Any],
        rate_limit_args: None,
    ) -> Any:
        if endpoint not in SENDS:
            return await callback(*args, **kwargs)
        chat = _chat_id(data)
        # A sender that booked its slot itself (the broadcast's outbox and status message)
        # uses that slot: booking a second one would wait a second for the same chat.
        booked = self.pacer.take_booked(chat)
        if _PACED.get() or booked:
            return await callback(*args, **kwargs)
        reply = _INTERACTIVE.get()
        await self._wait(chat, reply)
        try:
            return await callback(*args, **kwargs)
        except RetryAfter as exc:
            seconds = _seconds(exc)
            if not reply:
                self.pacer.pause(seconds)  # bulk: everything waits, the sender decides
                raise
            if chat is not None:
                self.pacer.hold(chat, seconds)
            if seconds > MAX_REPLY_WAIT:
                log.warning("a reply met a flood limit of %.0f s: not sent", seconds)
                raise
        await self._wait(chat, reply)  # once, after the chat's hold
        return await callback(*args, **kwargs)

    async def _wait(self, chat: int | None, reply: bool) -> None:
        if reply:
            await self.pacer.wait_reply(chat)
        else:
            await self.pacer.wait(chat if chat is not None else 0)


def _chat_id(data: dict[str, Any]) -> int | None:
    try:
        return int(data["chat_id"])
    except (KeyError, TypeError, ValueError):
        return None  # an inline message, or a channel named by @username


def _seconds(exc: RetryAfter) -> float:
    with warnings.catch_warnings():  # int now, timedelta in PTB 23: both handled
        warnings.simplefilter("ignore", PTBDeprecationWarning)
        wait = exc.retry_after
    return wait.total_seconds() if isinstance(wait, timedelta) else float(wait)
