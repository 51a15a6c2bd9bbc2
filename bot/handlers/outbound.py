"""The one sender of messages nobody asked for, with one mapping of Telegram's answers.

Broadcasts, reminders, change notices, follow-ups, survey invitations, the inbox's cards and
answers leave through here:
- 403 (blocked) or a chat that is gone marks the user unreachable everywhere: no broadcast,
  reminder, follow-up or survey is addressed to them until they write again;
- RetryAfter is Telegram's flood limit: nothing was sent; `deliver` waits it out once;
- a 5xx or a connection never made is "transient" (certainly not sent);
- a timeout or a connection lost after sending may have arrived: never repeated.
"""

from __future__ import annotations

import asyncio
import logging
import warnings
from collections.abc import Awaitable, Callable
from datetime import timedelta
from typing import Any

from telegram import Bot, InputFile
from telegram.error import BadRequest, Forbidden, NetworkError, RetryAfter, TelegramError
from telegram.warnings import PTBDeprecationWarning

from bot.core.reply import MAX_MESSAGE, Reply, shorten
from bot.core.sending import Outcome
from bot.db.users import UserQueries
from bot.handlers.limiter import paced_by_caller
from bot.handlers.messages import markup
from bot.handlers.request import may_have_arrived, retried_by_caller

log = logging.getLogger(__name__)

GONE = ("chat not found", "user is deactivated", "bot was blocked", "peer_id_invalid")
MAX_WAIT = 60.0  # a longer RetryAfter is not slept out here: the caller records a failure


class Outbound:
    """Implements bot.core.sending.Sender on the Bot API."""

    def __init__(
        self,
        bot: Bot,
        users: UserQueries,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
    ) -> None:
        self.bot, self.users, self._sleep = bot, users, sleep

    async def send(self, chat_id: int, reply: Reply, *, own_retries: bool = False) -> Outcome:
        """The reply's parts in order (buttons on the last); stops at the first failure."""
        parts = reply.chunks()
        outcome = Outcome("failed", "empty")
        for i, part in enumerate(parts):
            keyboard = markup(reply) if i == len(parts) - 1 else None

            def call(part: str = part, keyboard: Any = keyboard) -> Awaitable[Any]:
                return self.bot.send_message(chat_id, part, reply_markup=keyboard)

            outcome = await self._attempt(chat_id, call, own_retries)
            if not outcome.sent:
                break
        return outcome

    async def deliver(self, chat_id: int, reply: Reply) -> Outcome:
        outcome = await self.send(chat_id, reply)
        if outcome.kind == "retry_after" and outcome.retry_after <= MAX_WAIT:
            await self._sleep(outcome.retry_after)  # refused, so certainly not delivered
            outcome = await self.send(chat_id, reply)
        return outcome

    async def edit(self, chat_id: int, message_id: int, reply: Reply) -> Outcome:
        def call() -> Awaitable[Any]:
            return self.bot.edit_message_text(
                shorten(reply.text, MAX_MESSAGE), chat_id, message_id, reply_markup=markup(reply)
            )

        outcome = await self._attempt(chat_id, call, False)
        if outcome.kind == "failed" and "not modified" in (outcome.reason or "").lower():
            return Outcome("sent", message_id=message_id)
        return outcome

    async def document(self, chat_id: int, data: bytes, filename: str, caption: str) -> Outcome:
        def call() -> Awaitable[Any]:
            return self.bot.send_document(
                chat_id, InputFile(data, filename=filename), caption=caption
            )

        return await self._attempt(chat_id, call, False)

    async def _attempt(
        self, chat_id: int, call: Callable[[], Awaitable[Any]], own_retries: bool
    ) -> Outcome:
        try:
            if own_retries:  # a broadcast: its own backoff, its slot booked with the pacer
                with retried_by_caller(), paced_by_caller():
                    message = await call()
            else:
                message = await call()
        except RetryAfter as exc:
            return Outcome("retry_after", str(exc), _seconds(exc))
        except Forbidden as exc:
            await self._unreachable(chat_id)
            return Outcome("blocked", exc.message)
        except BadRequest as exc:
            if any(x in exc.message.lower() for x in GONE):
                await self._unreachable(chat_id)
                return Outcome("blocked", exc.message)
            return Outcome("failed", exc.message)
        except NetworkError as exc:
            if may_have_arrived(exc):  # a repeat could be a duplicate: recorded, not repeated
                return Outcome("failed", f"may have arrived: {type(exc).__name__}")
            return Outcome("transient", exc.message or type(exc).__name__)  # 5xx, not sent
        except TelegramError as exc:
            return Outcome("failed", exc.message)
        message_id = getattr(message, "message_id", None)
        return Outcome("sent", message_id=message_id if isinstance(message_id, int) else None)

    async def _unreachable(self, chat_id: int) -> None:
        log.info("a recipient blocked the bot or is gone: marked unreachable")  # no ids
        await self.users.mark_unreachable([chat_id])


def _seconds(exc: RetryAfter) -> float:
    with warnings.catch_warnings():  # int now, timedelta in PTB 23: both handled
        warnings.simplefilter("ignore", PTBDeprecationWarning)
        wait = exc.retry_after
    return wait.total_seconds() if isinstance(wait, timedelta) else float(wait)
