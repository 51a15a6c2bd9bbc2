"""Logging of the command line: what happened, never the bot token or a member's data.

The bot's own records carry no Telegram ids, names or message texts (each call site sees to
that, tests/core/test_logs.py checks it). Libraries are kept at WARNING where their INFO
records would carry such things: httpx logs every request URL, and a Bot API URL contains
the token; aiosqlite's DEBUG records show SQL parameters.
"""

from __future__ import annotations

import logging

FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
QUIET = ("httpx", "httpcore", "aiosqlite")


def setup_logging(verbose: bool) -> None:
    """INFO for the running bot (`verbose`), WARNING for the one-shot commands."""
    logging.basicConfig(format=FORMAT)
    logging.getLogger().setLevel(logging.INFO if verbose else logging.WARNING)
    for name in QUIET:
        logging.getLogger(name).setLevel(logging.WARNING)
