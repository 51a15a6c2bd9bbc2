"""Reminders under load: 10,000 subscriptions. Prints the figures and their ratio to target.

1. start-up rebuild: time to rebuild the wake-up jobs from the database (target <= 1 s);
2. lateness: every reminder falls due at the same instant (the worst case: five meetings at
   the same hour, 10,000 subscriptions), the real JobQueue fires them on a clock shifted to
   just before that instant, and the local Bot API records when each message leaves.
   Lateness = when it left - when it was due (target p99 <= 1 s).

Run: .venv/bin/python bench/bench_reminders.py [--users 5000]
Sending goes to the in-process Bot API, so this measures the bot's own cost; on Telegram the
rate limiter (about 30 messages/s) spreads a burst this large over minutes by design.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bot.app import build_application
from bot.config import Config
from bot.events import reminders
from bot.events.clock import ManualClock, OffsetClock
from bot.events.occurrences import DEFAULT_LEADS
from bot.local_api import LocalBotApi
from bot.runtime import running

TZ = ZoneInfo("Europe/Berlin")
NETWORKS = [
    "ack",
    "ag-integration",
    "ak-katholische-gemeinden",
    "amin",
    "netzwerk-islamische-gemeinden",
]
SERIES = {n: f"{n}-treffen" for n in NETWORKS}
MEETING_DAY = datetime(2027, 6, 16, 18, 0, tzinfo=TZ)
DUE = MEETING_DAY - timedelta(days=7)  # the 7-day reminders of all five meetings


async def _seed(config: Config, users: int) -> int:
    app = build_application(
        config, request=LocalBotApi(), clock=ManualClock(DUE - timedelta(days=30))
    )
    async with running(app):
        db = app.bot_data.services.db
        since = (DUE - timedelta(days=30)).astimezone(UTC).isoformat(timespec="seconds")
        count = 0
        for user_id in range(1, users + 1):
            await db.touch_user(user_id)
            for k in (0, 1):  # two networks each
                network = NETWORKS[(user_id + k) % len(NETWORKS)]
                await db.subscribe(user_id, network, "de", DEFAULT_LEADS, since)
                count += 1
        for network in NETWORKS:
            await db.add_event(
                series=SERIES[network],
                entry_id=network,
                title=None,
                day=MEETING_DAY.date().isoformat(),
                start_time="18:00",
                place=None,
                note=None,
            )
        for i in range(200):  # later dates (none due in the burst): more wake-up jobs to plan
            day = (MEETING_DAY + timedelta(days=1 + i % 30)).date().isoformat()
            network = NETWORKS[i % len(NETWORKS)]
            await db.add_event(
                series=SERIES[network],
                entry_id=network,
                title=None,
                day=day,
                start_time=f"{8 + i % 12:02d}:{(i * 7) % 60:02d}",
                place=None,
                note=None,
            )
        for notice in await db.pending_notices():  # the seed's notices are not the bench
            await db.finish_notice(notice.id)
        await db.set_reminder_watermark(since)
    return count


async def _rebuild(config: Config) -> tuple[float, float, int]:
    clock = ManualClock(DUE - timedelta(days=2))
    started = time.perf_counter()
    app = build_application(config, request=LocalBotApi(), clock=clock)
    async with running(app):
        startup = time.perf_counter() - started
        runs = []
        for _ in range(5):
            t0 = time.perf_counter()
            jobs = await reminders.rebuild(app)
            runs.append(time.perf_counter() - t0)
    return statistics.median(runs), startup, jobs


async def _lateness(config: Config, expected: int) -> list[float]:
    clock = OffsetClock(DUE - timedelta(seconds=2))
    api = LocalBotApi()
    stamps: list[float] = []
    done = asyncio.Event()

    def record(call: object) -> None:
        if getattr(call, "method", "") == "sendMessage":
            stamps.append((clock.now() - DUE).total_seconds())
            if len(stamps) >= expected:
                done.set()

    api.listeners.append(record)
    app = build_application(config, request=api, clock=clock)
    async with running(app):
        with contextlib.suppress(TimeoutError):  # reported below as "only N of M were sent"
            await asyncio.wait_for(done.wait(), timeout=300)
    return stamps


def _pct(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


async def main(users: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        config = Config(database_path=Path(tmp) / "bench.sqlite3", pseudonym_secret="bench")
        t0 = time.perf_counter()
        subscriptions = await _seed(config, users)
        took = time.perf_counter() - t0
        print(f"seeded {subscriptions} subscriptions ({users} users) in {took:.1f} s")
        rebuild, startup, jobs = await _rebuild(config)
        print(
            f"rebuild jobs at start: {rebuild * 1000:.1f} ms for {jobs} wake-up jobs "
            f"(target <= 1 s: ratio {rebuild / 1.0:.3f}); whole start-up {startup:.2f} s"
        )
        stamps = await _lateness(config, subscriptions)
        if len(stamps) < subscriptions:
            print(f"only {len(stamps)} of {subscriptions} reminders were sent")
        if not stamps:
            return
        p50, p99 = _pct(stamps, 50), _pct(stamps, 99)
        print(
            f"burst of {len(stamps)} reminders due at one instant: "
            f"first after {min(stamps):.3f} s, "
            f"p50 {p50:.3f} s, p99 {p99:.3f} s, max {max(stamps):.3f} s "
            f"(target p99 <= 1 s: ratio {p99 / 1.0:.2f}); "
            f"{len(stamps) / max(max(stamps) - min(stamps), 1e-9):.0f} messages/s"
        )
        print(
            f"wake-up lateness (due -> first message): {min(stamps):.3f} s "
            f"(ratio to 1 s: {min(stamps):.3f})"
        )


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--users", type=int, default=5000, help="users, two subscriptions each")
    asyncio.run(main(parser.parse_args().users))
