"""Our per-update cost against a bare python-telegram-bot echo bot on the same harness.

    python bench/echo.py [--n 1000]

Both Applications get the same real Update objects (bot/local_chat.py builds them) through
`process_update`, and both answer into the same in-process Bot API (bot/local_api.py), so
the harness costs the same on both sides. Ours does what a member's free-text question
does in production: the user and the question are recorded, the matcher runs, the answer is
rendered in the user's language with its buttons. echo_ratio = our median / echo's median.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path
from time import perf_counter
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from telegram import Update  # noqa: E402
from telegram.ext import (  # noqa: E402
    Application,
    ApplicationBuilder,
    ContextTypes,
    MessageHandler,
    filters,
)

from bench.bench_matching import questions  # noqa: E402
from bot.app import LOCAL_TOKEN, build_application  # noqa: E402
from bot.config import Config  # noqa: E402
from bot.local.bot_api import LocalBotApi  # noqa: E402
from bot.local.chat import LocalChat, LocalUser  # noqa: E402
from bot.local.runtime import running  # noqa: E402

App = Application[Any, Any, Any, Any, Any, Any]
USERS = 20  # questions come from this many members, round robin


async def _echo(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    if update.effective_message and update.effective_message.text:
        await update.effective_message.reply_text(update.effective_message.text)


def echo_app(api: LocalBotApi) -> App:
    app = ApplicationBuilder().token(LOCAL_TOKEN).request(api).get_updates_request(api).build()
    app.add_handler(MessageHandler(filters.TEXT & ~filters.COMMAND, _echo))
    return app


async def _members(app: App, api: LocalBotApi, items: Sequence[dict[str, str]]) -> list[LocalChat]:
    """USERS members who said /start (not timed), as real members have."""
    chats = [
        LocalChat(app, api, LocalUser(200_000 + i, "Bench", items[i % len(items)]["lang"]))
        for i in range(USERS)
    ]
    for chat in chats:
        await chat.send("/start")
    return chats


async def _ask(chats: list[LocalChat], items: Sequence[dict[str, str]], first: int) -> list[float]:
    """Seconds per update for these questions, round robin over the members."""
    times = []
    for i, item in enumerate(items, start=first):
        started = perf_counter()
        calls = await chats[i % USERS].send(item["text"])
        times.append(perf_counter() - started)
        if not calls:
            raise RuntimeError(f"no answer to {item['text']!r}")
    return times


async def measure(n: int = 1000, chunk: int = 50) -> dict[str, float]:
    """Both bots run side by side and take the questions in alternate chunks, so a busy
    moment of the machine falls on both alike."""
    items = questions(n)
    with tempfile.TemporaryDirectory() as tmp:
        config = Config(database_path=Path(tmp) / "bench.sqlite3", pseudonym_secret="bench")
        our_api, echo_api = LocalBotApi(), LocalBotApi()
        our_app, bare = build_application(config, request=our_api), echo_app(echo_api)
        async with running(our_app), running(bare):
            ours_chats = await _members(our_app, our_api, items)
            echo_chats = await _members(bare, echo_api, items)
            ours: list[float] = []
            echo: list[float] = []
            for start in range(0, n, chunk):
                ours += await _ask(ours_chats, items[start : start + chunk], start)
                echo += await _ask(echo_chats, items[start : start + chunk], start)
                our_api.calls.clear()
                echo_api.calls.clear()
    ours_ms, echo_ms = statistics.median(ours) * 1000, statistics.median(echo) * 1000
    return {"echo_ratio": ours_ms / echo_ms, "update_ms": ours_ms, "echo_update_ms": echo_ms}


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=1000, help="questions per bot")
    figures = asyncio.run(measure(parser.parse_args().n))
    print(
        f"per free-text question: ours {figures['update_ms']:.2f} ms, bare echo "
        f"{figures['echo_update_ms']:.2f} ms: echo_ratio {figures['echo_ratio']:.1f}"
    )
