"""Logging of the command line: what happened, never the bot token or a member's data.

The bot's own records carry no Telegram ids, names or message texts (each call site sees to
that, tests/core/test_logs.py checks it). Libraries are kept at WARNING where their INFO
records would carry such things: httpx logs every request URL, and a Bot API URL contains
the token; aiosqlite's DEBUG records show SQL parameters. PTB's records put whole updates and
requests into their arguments ("Processing update %s", the parameters of every call at
DEBUG, an update it cannot read at CRITICAL): their arguments are withheld, at every level,
so the message says what happened and nothing of whom (issue 14).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from typing import Any

FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
QUIET = ("httpx", "httpcore", "aiosqlite")
WITHHELD = ("telegram", "httpx", "httpcore", "aiosqlite")  # records whose arguments may be data
PLACEHOLDER = "[withheld]"


def setup_logging(verbose: bool) -> None:
    """INFO for the running bot (`verbose`), WARNING for the one-shot commands."""
    logging.basicConfig(format=FORMAT)
    logging.getLogger().setLevel(logging.INFO if verbose else logging.WARNING)
    for name in QUIET:
        logging.getLogger(name).setLevel(logging.WARNING)
    withhold_library_arguments()


def withhold_library_arguments() -> None:
    """Every record of the libraries in WITHHELD gets its arguments replaced (idempotent)."""
    factory = logging.getLogRecordFactory()
    if getattr(factory, "withholds", False):
        return
    logging.setLogRecordFactory(_withholding(factory))


def _withholding(factory: Callable[..., logging.LogRecord]) -> Callable[..., logging.LogRecord]:
    def make(*args: Any, **kwargs: Any) -> logging.LogRecord:
        record = factory(*args, **kwargs)
        if record.args and record.name.startswith(WITHHELD):
            if isinstance(record.args, Mapping):
                record.args = {key: PLACEHOLDER for key in record.args}
            else:
                record.args = tuple(PLACEHOLDER for _ in record.args)
        return record

    make.withholds = True  # type: ignore[attr-defined]
    return make
