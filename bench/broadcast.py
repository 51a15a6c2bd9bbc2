"""A broadcast to N recipients by the real bot process against a fake Bot API with limits.

python bench/broadcast.py [--recipients 3000] [--rate 300] [--scenario all|clean|flaky|kill]

The fake (tests/e2e/fake_bot_api.py, no PTB inside) enforces the overall limit (sliding 1 s
window), one message a second per chat and 20 a minute per group, answering 429 above them.
The bot runs as `python -m bot run` with BROADCAST_RATE=--rate; the broadcast is queued in
its database beforehand, so the process resumes it on start-up exactly as after a restart.
Scenarios: clean; 5 % transient 500 answers; kill -9 half-way, then a restart.
Prints the achieved request rate / limit, 429 answers, duplicates and missing recipients.
"""

from __future__ import annotations

import argparse
import asyncio
import itertools
import os
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.broadcast.service import Audience  # noqa: E402
from bot.db import Database  # noqa: E402
from tests.e2e.fake_bot_api import FakeBotApi  # noqa: E402

TOKEN = "123456:AAH-abcdefghijklmnopqrstuvwxyz012345"
COORDINATOR = 999_999
FIRST_USER = 10_000_000
TEXTS = {"": "<b>Einladung</b> zum Netzwerktreffen", "tr": "<b>Davet</b>: ağ toplantısı"}
LANGS = ("de", "tr", "ar", "en")


async def prepare(db_path: Path, n: int) -> None:
    db = await Database.open(db_path)
    users = [(FIRST_USER + i, LANGS[i % len(LANGS)]) for i in range(n)]
    async with db.transaction():
        for uid, lang in users:
            await db.users.touch_user(uid)
            await db.users.note_seen_language(uid, lang)
        await db.users.touch_user(COORDINATOR)
    await db.outbox.create_broadcast(COORDINATOR, Audience("all").to_json(), TEXTS, None, users)
    await db.close()


def outbox_state(db_path: Path) -> Counter[str]:
    with sqlite3.connect(f"file:{db_path}?mode=ro", uri=True, timeout=10) as conn:
        return Counter(dict(conn.execute("SELECT status, COUNT(*) FROM outbox GROUP BY status")))


def start_bot(
    api: FakeBotApi, db_path: Path, rate: float, workdir: Path, **env_extra: str
) -> subprocess.Popen:
    """`python -m bot run` against the fake, its output in workdir/bot.log."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("TELEGRAM_", "WEBHOOK_"))}
    env.update(
        TELEGRAM_BOT_TOKEN=TOKEN,
        TELEGRAM_BASE_URL=api.base_url,
        DATABASE_PATH=str(db_path),
        BROADCAST_RATE=str(rate),
        COORDINATOR_IDS=str(COORDINATOR),
        PYTHONUNBUFFERED="1",
        **env_extra,
    )
    log = (workdir / "bot.log").open("a")
    return subprocess.Popen(
        [sys.executable, "-m", "bot", "run"],
        cwd=ROOT,
        env=env,
        stdin=subprocess.DEVNULL,
        stdout=log,
        stderr=subprocess.STDOUT,
    )


def recipient_sends(api: FakeBotApi) -> list:
    return [
        r
        for r in list(api.requests)
        if r.method == "sendMessage" and int(r.params["chat_id"]) >= FIRST_USER
    ]


def wait_done(db_path: Path, n: int, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        state = outbox_state(db_path)
        if state["pending"] + state["sending"] == 0 and sum(state.values()) == n:
            return
        time.sleep(0.2)
    raise TimeoutError(f"broadcast not finished after {timeout}s: {dict(outbox_state(db_path))}")


def scenario(
    name: str,
    n: int,
    rate: float,
    transient: float,
    kill: bool,
    say: Callable[[str], None] = print,
) -> dict[str, Any]:
    """One run; prints its figures through `say` and returns them."""
    with tempfile.TemporaryDirectory() as tmp, FakeBotApi() as api:
        workdir = Path(tmp)
        db_path = workdir / "bench.sqlite3"
        asyncio.run(prepare(db_path, n))
        api.limits.overall = rate
        api.limits.per_chat = 1.0
        api.limits.group_per_minute = 20
        api.limits.transient = transient
        proc = start_bot(api, db_path, rate, workdir)
        killed_after = None
        try:
            if kill:
                while len([r for r in recipient_sends(api) if r.status == 200]) < n // 2:
                    if proc.poll() is not None:
                        raise RuntimeError("the bot ended early; see its log")
                    time.sleep(0.005)
                proc.send_signal(signal.SIGKILL)
                proc.wait()
                killed_after = len([r for r in recipient_sends(api) if r.status == 200])
                in_flight = outbox_state(db_path)["sending"]
                proc = start_bot(api, db_path, rate, workdir)
            try:
                wait_done(db_path, n, timeout=max(60.0, 4 * n / rate))
            except TimeoutError:
                say((workdir / "bot.log").read_text()[-3000:])
                raise
        finally:
            proc.send_signal(signal.SIGINT)
            try:
                proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                proc.kill()
        sends = recipient_sends(api)
        delivered = Counter(int(r.params["chat_id"]) for r in sends if r.status == 200)
        # The rate the pacer achieved: all recipient requests (retries included) over the
        # bulk phase, from the first request to the last first attempt.
        first_attempts: dict[int, float] = {}
        for r in sends:
            first_attempts.setdefault(int(r.params["chat_id"]), r.at)
        start, end = min(first_attempts.values()), max(first_attempts.values())
        bulk = [r for r in sends if r.at <= end]
        if kill:  # the restart's start-up time is not the pacer's
            gap = max((b.at - a.at, i) for i, (a, b) in enumerate(itertools.pairwise(bulk)))
            span = (end - start) - gap[0]
        else:
            span = end - start
        achieved = (len(bulk) - 1) / span if span > 0 else 0.0
        dupes = sum(1 for c in delivered.values() if c > 1)
        missing = n - len(delivered)
        state = outbox_state(db_path)
        say(f"== broadcast {name}: {n} recipients, limit {rate:g}/s, errors {transient:.0%}")
        say(f"   achieved {achieved:.1f} requests/s = {achieved / rate:.1%} of the limit")
        say(f"   429 answers: {api.too_many}   duplicates: {dupes}   missing: {missing}")
        say(
            f"   requests: {len(sends)}, delivered: {sum(delivered.values())}, "
            f"outbox: {dict(state)}"
        )
        if kill:
            say(
                f"   killed (-9) after {killed_after} deliveries with {in_flight} row(s) "
                "in flight; restarted and resumed"
            )
        ok = achieved >= 0.95 * rate and api.too_many == 0 and missing == 0
        ok = ok and dupes <= (in_flight if kill else 0) and state["failed"] == 0
        say("   OK" if ok else "   FAILED (see above)")
        if not ok:
            say((workdir / "bot.log").read_text()[-3000:])
        return {
            "rate_ratio": achieved / rate,
            "too_many": api.too_many,
            "duplicates": dupes,
            "missing": missing,
            "ok": ok,
        }


SCENARIOS = {"clean": (0.0, False), "flaky": (0.05, False), "kill": (0.0, True)}


def measure(
    recipients: int = 3000,
    rate: float = 300.0,
    names: tuple[str, ...] = tuple(SCENARIOS),
    say: Callable[[str], None] = print,
) -> dict[str, Any]:
    """The figures for `python -m bench`: the clean run's rate, 429s and duplicates of all."""
    runs = {n: scenario(n, recipients, rate, *SCENARIOS[n], say=say) for n in names}
    return {
        "broadcast_rate_ratio": min(r["rate_ratio"] for r in runs.values()),
        "broadcast_429": sum(r["too_many"] for r in runs.values()),
        "broadcast_duplicates": sum(r["duplicates"] for r in runs.values()),
        "broadcast_missing": sum(r["missing"] for r in runs.values()),
        "broadcast_ok": all(r["ok"] for r in runs.values()),
    }


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--recipients", type=int, default=3000)
    p.add_argument("--rate", type=float, default=300.0)
    p.add_argument("--scenario", choices=["all", *SCENARIOS], default="all")
    args = p.parse_args()
    names = tuple(SCENARIOS) if args.scenario == "all" else (args.scenario,)
    return 0 if measure(args.recipients, args.rate, names)["broadcast_ok"] else 1


if __name__ == "__main__":
    sys.exit(main())
