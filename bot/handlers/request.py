"""Bot API requests that repeat what certainly did not arrive, and nothing else.

Telegram has no idempotency key: a request repeated after it was delivered is a message
sent twice. So only two kinds of failure are repeated here, a few times with a short
backoff: a 5xx answer (Telegram answered, so it did not deliver) and a connection that
could not be made (nothing was sent). A read timeout or a connection lost after the request
went out is ambiguous — it may have arrived — and is raised as PTB raises it, to be logged
by whoever sent it.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable, Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

import httpx
from telegram.error import NetworkError, TimedOut
from telegram.request import HTTPXRequest, RequestData

log = logging.getLogger(__name__)

RETRY_DELAYS = (0.25, 0.5, 1.0)  # seconds before the 2nd, 3rd and 4th attempt
# httpx's errors that mean the request never left: the connection was not made.
NOT_SENT = (httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout)

Sleep = Callable[[float], Awaitable[None]]

# Set by a caller with retries of its own (the broadcast outbox): its backoff lets the other
# recipients go on, where a retry in here would hold its slot and meet the per-chat limit.
_CALLER_RETRIES: ContextVar[bool] = ContextVar("caller_retries", default=False)


@contextmanager
def retried_by_caller() -> Iterator[None]:
    """Requests made inside are tried once; the caller repeats them as it sees fit."""
    token = _CALLER_RETRIES.set(True)
    try:
        yield
    finally:
        _CALLER_RETRIES.reset(token)


def was_not_sent(exc: BaseException) -> bool:
    """True if PTB's error comes from a connection that was never made."""
    return isinstance(exc, NetworkError) and isinstance(exc.__cause__, NOT_SENT)


def may_have_arrived(exc: NetworkError) -> bool:
    """True if the request went out and its fate is unknown: a timeout waiting for the
    answer, or a connection lost after sending. Repeating it could send it twice."""
    if was_not_sent(exc):
        return False
    return isinstance(exc, TimedOut) or isinstance(exc.__cause__, httpx.TransportError)


class RetryingRequest(HTTPXRequest):
    """PTB's HTTPXRequest, repeating 5xx answers and connections not made (see above)."""

    def __init__(
        self,
        *args: Any,
        delays: Sequence[float] = RETRY_DELAYS,
        sleep: Sleep = asyncio.sleep,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self._delays = tuple(delays)
        self._sleep = sleep

    async def do_request(
        self,
        url: str,
        method: str,
        request_data: RequestData | None = None,
        read_timeout: Any = HTTPXRequest.DEFAULT_NONE,
        write_timeout: Any = HTTPXRequest.DEFAULT_NONE,
        connect_timeout: Any = HTTPXRequest.DEFAULT_NONE,
        pool_timeout: Any = HTTPXRequest.DEFAULT_NONE,
    ) -> tuple[int, bytes]:
        """One Bot API call; repeated while it certainly did not arrive, then as PTB does."""
        endpoint = url.rsplit("/", 1)[-1]  # the method name; the token stays out of logs
        delays = () if _CALLER_RETRIES.get() else self._delays
        for delay in (*delays, None):
            try:
                code, payload = await super().do_request(
                    url,
                    method,
                    request_data,
                    read_timeout=read_timeout,
                    write_timeout=write_timeout,
                    connect_timeout=connect_timeout,
                    pool_timeout=pool_timeout,
                )
            except NetworkError as exc:
                if delay is None or not was_not_sent(exc):
                    raise
                reason = type(exc.__cause__).__name__
            else:
                if code < 500 or delay is None:
                    return code, payload
                reason = f"HTTP {code}"
            log.warning("%s not delivered (%s); trying again in %.2f s", endpoint, reason, delay)
            await self._sleep(delay)
        raise AssertionError("unreachable: the last attempt returns or raises")
