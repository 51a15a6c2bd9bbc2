"""Run every bench and print a table; --json prints one JSON object instead.

    python -m bench [--quick] [--json]

--quick uses smaller loads (under a minute on a 2-core machine); the full run takes a few
minutes. Figures that depend on the machine are printed with the machine they came from.
Each part is also a script of its own in bench/ with more detail.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bench import abuse, bench_matching, bench_reminders, broadcast, echo

ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class Sizes:
    questions: int
    starts: int
    echo_questions: int
    rss_users: int
    broadcast_recipients: int
    broadcast_scenarios: tuple[str, ...]
    reminder_users: int
    reminder_instants: int
    reminder_burst: bool
    # issue 14: one user's flood, and members pressing buttons during a broadcast
    flood_messages: int = 1000
    press_recipients: int = 3000
    press_members: int = 50


FULL = Sizes(1000, 3, 1000, 10_000, 3000, ("clean", "flaky", "kill"), 5000, 4, True)
QUICK = Sizes(300, 1, 200, 10_000, 900, ("clean", "kill"), 1000, 2, False, 300, 900, 20)

# (key, label, unit, target, True if lower is better); target None: no target, shown only.
ROWS: tuple[tuple[str, str, str, float | None, bool], ...] = (
    ("echo_ratio", "per-update cost / bare PTB echo", "x", None, True),
    ("match_p99_ms", "matcher p99", "ms", 5.0, True),
    ("startup_s", "process start to first answer", "s", 1.0, True),
    ("rss_mb", "resident memory after 10,000 users", "MiB", None, True),
    ("broadcast_rate_ratio", "broadcast rate / configured limit", "", 0.95, False),
    ("broadcast_429", "broadcast 429 answers", "", 0, True),
    ("broadcast_duplicates", "broadcast duplicates (kill -9 included)", "", 1, True),
    ("reminder_rebuild_s", "rebuild reminder jobs, 10,000 subscriptions", "s", 1.0, True),
    ("reminder_lateness_p99_s", "reminder lateness p99", "s", 1.0, True),
    ("reminder_burst_p99_s", "  worst case: all due at one instant, p99", "s", None, True),
    ("flood_other_user_s", "another user's answer during a flood", "s", 2.0, True),
    ("reply_p99_during_broadcast_s", "reply p99 while a broadcast runs", "s", 1.0, True),
    ("reply_429", "  429 answers meanwhile", "", 0, True),
    ("reply_broadcast_share_ratio", "  broadcast rate / its share", "", 0.9, False),
)


def _rss(users: int) -> dict[str, Any]:
    done = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "rss.py"), "--users", str(users)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=True,
    )
    return dict(json.loads(done.stdout.strip().splitlines()[-1]))


def run(sizes: Sizes, say: Callable[[str], None]) -> dict[str, Any]:
    figures: dict[str, Any] = {}
    parts: list[tuple[str, Callable[[], dict[str, Any]]]] = [
        ("matcher and start-up", lambda: bench_matching.measure(sizes.questions, sizes.starts)),
        ("per-update cost", lambda: asyncio.run(echo.measure(sizes.echo_questions))),
        ("memory", lambda: _rss(sizes.rss_users)),
        (
            "broadcast",
            lambda: broadcast.measure(
                sizes.broadcast_recipients, 300.0, sizes.broadcast_scenarios, say
            ),
        ),
        ("flood", lambda: abuse.flood(sizes.flood_messages, say)),
        (
            "replies during a broadcast",
            lambda: abuse.press_during_broadcast(
                sizes.press_recipients, sizes.press_members, 300.0, say
            ),
        ),
        (
            "reminders",
            lambda: asyncio.run(
                bench_reminders.measure(
                    sizes.reminder_users, sizes.reminder_instants, sizes.reminder_burst, say
                )
            ),
        ),
    ]
    for name, part in parts:
        started = time.perf_counter()
        figures.update(part())
        say(f"-- {name}: {time.perf_counter() - started:.1f} s")
    return figures


def machine() -> str:
    return (
        f"{os.cpu_count()} cores, Python {platform.python_version()}, "
        f"{platform.system()} {platform.machine()}"
    )


def table(figures: dict[str, Any]) -> str:
    lines = [f"{'figure':46} {'value':>10}  {'target':>8}  ok", "-" * 72]
    for key, label, unit, target, lower in ROWS:
        if key not in figures:
            continue
        value = figures[key]
        shown = f"{value:.3g}" if isinstance(value, float) else str(value)
        if target is None:
            verdict, goal = "", ""
        else:
            verdict = "yes" if (value <= target if lower else value >= target) else "NO"
            goal = f"{'<=' if lower else '>='} {target:g}"
        lines.append(f"{label:46} {shown + ' ' + unit:>10}  {goal:>8}  {verdict}")
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="smaller loads, under a minute")
    parser.add_argument("--json", action="store_true", help="one JSON object on stdout")
    args = parser.parse_args()
    sizes = QUICK if args.quick else FULL
    say: Callable[[str], None] = (
        (lambda line: print(line, file=sys.stderr)) if args.json else print
    )
    started = time.perf_counter()
    figures = run(sizes, say)
    figures.update(
        quick=args.quick, machine=machine(), seconds=round(time.perf_counter() - started, 1)
    )
    if args.json:
        print(json.dumps(figures, sort_keys=True))
    else:
        print(f"\n{machine()}, {figures['seconds']} s{' (quick)' if args.quick else ''}\n")
        print(table(figures))
    return 0


if __name__ == "__main__":
    sys.exit(main())
