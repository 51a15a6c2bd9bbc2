"""Reminders under load: 10,000 subscriptions. Prints the figures and their ratio to target.

    python bench/bench_reminders.py [--users 5000] [--instants 4] [--no-burst]

Users follow two of the five networks each (10,000 subscriptions for 5,000 users, nine
languages, the default lead times of 7 days and 1 day). Measured:

1. start-up rebuild: time to rebuild the wake-up jobs from the database (target <= 1 s);
2. reminder lateness on the calendar: each network has four meetings, so a due instant carries
   the reminders of one network's subscribers (2,000 here). For the first `--instants` due
   instants the clock jumps to one second before, the real JobQueue fires, and the local Bot
   API notes when each message leaves. Lateness = when it left - when it was due, for every
   reminder (target p99 <= 1 s);
3. the worst case, reported beside it: all five networks meet at the same hour, so all
   10,000 reminders fall due at one instant.

What the target can mean: Telegram accepts about 30 messages a second from a bot, so a burst
of 10,000 needs 333 s on Telegram whatever the bot does. The bench sends to the in-process
Bot API (no network, no rate limit) and so measures the bot's own cost: the scheduler firing
on time and how fast the bot hands reminders out. The burst figure shows that rate.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import statistics
import sys
import tempfile
from collections.abc import Callable
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from time import perf_counter
from typing import Any
from zoneinfo import ZoneInfo

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bot.app import build_application
from bot.config import Config
from bot.core.clock import ManualClock, OffsetClock
from bot.db import Database
from bot.events.occurrences import DEFAULT_LEADS
from bot.handlers.events import rebuild
from bot.i18n.languages import LANGUAGES
from bot.local.bot_api import LocalBotApi
from bot.local.runtime import running

TZ = ZoneInfo("Europe/Berlin")
NETWORKS = (
    "ack",
    "ag-integration",
    "ak-katholische-gemeinden",
    "amin",
    "netzwerk-islamische-gemeinden",
)
FIRST_DAY = date(2027, 6, 16)
START = datetime(2027, 5, 1, 12, 0, tzinfo=TZ)  # subscriptions exist from here on


def _meetings(burst: bool) -> list[tuple[str, date, str]]:
    """(network, day, start time): four per network on the calendar, or all at one hour."""
    if burst:
        return [(n, FIRST_DAY, "18:00") for n in NETWORKS]
    return [
        (n, FIRST_DAY + timedelta(days=14 * k + 2 * j), f"{16 + j}:00")
        for j, n in enumerate(NETWORKS)
        for k in range(4)
    ]


def _due(meetings: list[tuple[str, date, str]]) -> list[tuple[datetime, str]]:
    """Every (due instant, network) of the default lead times, in order."""
    out = set()
    for network, day, at in meetings:
        for days in (7, 1):
            wall = datetime.combine(day - timedelta(days=days), time.fromisoformat(at))
            out.add((wall.replace(tzinfo=TZ), network))
    return sorted(out)


async def _seed(config: Config, users: int, burst: bool) -> dict[str, int]:
    """Subscribers and meetings straight into the database; subscribers per network."""
    db = await Database.open(config.database_path)
    since = START.astimezone(UTC).isoformat(timespec="seconds")
    per_network = dict.fromkeys(NETWORKS, 0)
    try:
        for user_id in range(1, users + 1):
            await db.users.touch_user(user_id)
            for k in (0, 1):
                network = NETWORKS[(user_id + k) % len(NETWORKS)]
                lang = LANGUAGES[user_id % len(LANGUAGES)]
                await db.events.subscribe(user_id, network, lang, DEFAULT_LEADS, since)
                per_network[network] += 1
        meetings = _meetings(burst)
        if burst:  # later dates (none due in the burst): more wake-up jobs to plan
            meetings += [
                (NETWORKS[i % 5], FIRST_DAY + timedelta(days=1 + i % 30), f"{8 + i % 12:02d}:00")
                for i in range(200)
            ]
        for network, day, at in meetings:
            await db.events.add_event(
                series=f"{network}-treffen",
                entry_id=network,
                title=None,
                day=day.isoformat(),
                start_time=at,
                place=None,
                note=None,
            )
        for notice in await db.events.pending_notices():  # the seed's notices are not the bench
            await db.events.finish_notice(notice.id)
        await db.events.set_reminder_watermark(since)
    finally:
        await db.close()
    return per_network


async def _rebuild(config: Config) -> tuple[float, float, int]:
    clock = ManualClock(START + timedelta(days=14))
    started = perf_counter()
    app = build_application(config, request=LocalBotApi(), clock=clock)
    async with running(app):
        startup = perf_counter() - started
        runs = []
        for _ in range(5):
            t0 = perf_counter()
            jobs = await rebuild(app)
            runs.append(perf_counter() - t0)
    return statistics.median(runs), startup, jobs


async def _lateness(config: Config, instants: list[tuple[datetime, int]]) -> list[list[float]]:
    """Per due instant (and how many it owes): seconds from due to each message leaving."""
    first = instants[0][0]
    clock = OffsetClock(first - timedelta(seconds=1))
    api = LocalBotApi()
    stamps: list[list[float]] = []
    due: list[datetime] = [first]
    arrived = asyncio.Event()
    expected = [0]

    def record(call: object) -> None:
        if getattr(call, "method", "") == "sendMessage":
            stamps[-1].append((clock.now() - due[0]).total_seconds())
            if len(stamps[-1]) >= expected[0]:
                arrived.set()

    api.listeners.append(record)
    app = build_application(config, request=api, clock=clock)
    async with running(app):
        for at, owed in instants:
            stamps.append([])
            due[0], expected[0] = at, owed
            arrived.clear()
            clock.set(at - timedelta(seconds=1))
            await rebuild(app)  # as the nightly re-plan would after the jump
            with contextlib.suppress(TimeoutError):  # reported as "only N of M were sent"
                await asyncio.wait_for(arrived.wait(), timeout=120)
    return stamps


def pct(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


async def _scenario(
    users: int, burst: bool, instants: int, say: Callable[[str], None]
) -> dict[str, Any]:
    with tempfile.TemporaryDirectory() as tmp:
        config = Config(database_path=Path(tmp) / "bench.sqlite3", pseudonym_secret="bench")
        t0 = perf_counter()
        per_network = await _seed(config, users, burst)
        subscriptions = sum(per_network.values())
        say(f"seeded {subscriptions} subscriptions ({users} users) in {perf_counter() - t0:.1f} s")
        out: dict[str, Any] = {"subscriptions": subscriptions}
        if not burst:
            rebuild, startup, jobs = await _rebuild(config)
            say(
                f"rebuild jobs at start: {rebuild * 1000:.1f} ms for {jobs} wake-up jobs "
                f"(target <= 1 s: ratio {rebuild:.3f}); whole start-up {startup:.2f} s"
            )
            out.update(rebuild_s=rebuild, wakeup_jobs=jobs)
        if burst:
            chosen = [(_due(_meetings(True))[0][0], subscriptions)]
        else:
            chosen = [(at, per_network[n]) for at, n in _due(_meetings(False))[:instants]]
        runs = await _lateness(config, chosen)
        flat = [s for run in runs for s in run]
        owed = sum(n for _, n in chosen)
        if len(flat) < owed:
            say(f"only {len(flat)} of {owed} reminders were sent")
        out.update(
            sent=len(flat),
            owed=owed,
            p50_s=pct(flat, 50),
            p99_s=pct(flat, 99),
            max_s=max(flat),
            first_s=statistics.median(min(run) for run in runs),
            per_second=statistics.median(
                len(run) / max(max(run) - min(run), 1e-9) for run in runs
            ),
        )
        return out


async def measure(
    users: int = 5000, instants: int = 4, burst: bool = True, say: Callable[[str], None] = print
) -> dict[str, Any]:
    """The figures for `python -m bench`; `say` gets the human-readable lines."""
    cal = await _scenario(users, False, instants, say)
    say(
        f"calendar: {cal['sent']} reminders at {instants} due instants "
        f"(~{cal['sent'] // max(instants, 1)} each): lateness p50 {cal['p50_s']:.3f} s, "
        f"p99 {cal['p99_s']:.3f} s, max {cal['max_s']:.3f} s (target p99 <= 1 s: ratio "
        f"{cal['p99_s']:.2f}); due -> first message {cal['first_s']:.3f} s; "
        f"{cal['per_second']:.0f} messages/s"
    )
    result = {
        "reminder_rebuild_s": cal["rebuild_s"],
        "reminder_lateness_p99_s": cal["p99_s"],
        "reminder_first_s": cal["first_s"],
        "reminder_subscriptions": cal["subscriptions"],
    }
    if burst:
        worst = await _scenario(users, True, 1, say)
        say(
            f"worst case, {worst['sent']} due at one instant: p50 {worst['p50_s']:.3f} s, "
            f"p99 {worst['p99_s']:.3f} s, max {worst['max_s']:.3f} s; "
            f"{worst['per_second']:.0f} messages/s "
            f"({worst['per_second'] / 30:.0f} x Telegram's 30/s)"
        )
        result.update(
            reminder_burst_p99_s=worst["p99_s"], reminder_burst_per_s=worst["per_second"]
        )
    return result


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--users", type=int, default=5000, help="users, two subscriptions each")
    parser.add_argument("--instants", type=int, default=4, help="due instants to measure")
    parser.add_argument("--no-burst", action="store_true", help="skip the worst case")
    args = parser.parse_args()
    asyncio.run(measure(args.users, args.instants, not args.no_burst))
