"""Memory of the bot process after N members have talked to it.

    python bench/rss.py [--users 10000] [--questions]

Runs in a process of its own (python -m bench starts it so), so the figure is the bot's
alone: the Application on the shipped knowledge, a fresh database, then every member sends
/start (first contact: privacy notice, welcome) and, with --questions, one question. Prints
one JSON line: resident memory after start-up and after the members, in MiB.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import resource
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.bench_matching import questions  # noqa: E402
from bot.app import build_application  # noqa: E402
from bot.config import Config  # noqa: E402
from bot.i18n.languages import LANGUAGES  # noqa: E402
from bot.local.bot_api import LocalBotApi  # noqa: E402
from bot.local.chat import LocalChat, LocalUser  # noqa: E402
from bot.local.runtime import running  # noqa: E402


def rss_mb() -> float:
    """Resident set size now (Linux /proc), else the peak so far (getrusage)."""
    status = Path("/proc/self/status")
    if status.exists():
        for line in status.read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024 if sys.platform == "darwin" else 1024)


async def measure(users: int, ask: bool) -> dict[str, float]:
    items = questions(users) if ask else []
    with tempfile.TemporaryDirectory() as tmp:
        config = Config(database_path=Path(tmp) / "bench.sqlite3", pseudonym_secret="bench")
        api = LocalBotApi()
        app = build_application(config, request=api)
        async with running(app):
            started = rss_mb()
            for i in range(users):
                user = LocalUser(300_000 + i, "Bench", LANGUAGES[i % len(LANGUAGES)])
                chat = LocalChat(app, api, user)
                await chat.send("/start")
                if ask:
                    await chat.send(items[i]["text"])
                api.calls.clear()  # the harness's record of calls is not the bot's memory
            after = rss_mb()
    return {"rss_start_mb": started, "rss_mb": after, "rss_users": users}


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--users", type=int, default=10_000)
    parser.add_argument("--questions", action="store_true", help="each also asks a question")
    args = parser.parse_args()
    print(json.dumps(asyncio.run(measure(args.users, args.questions))))
