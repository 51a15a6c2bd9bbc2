"""Abuse and load against the real bot process and a fake Bot API with Telegram's limits.

python bench/abuse.py [--flood 1000] [--recipients 3000] [--members 50]

flood: one user sends --flood messages at once (the fake enforces one message a second per
chat and 30 a second in all, as Telegram does); right after them another user asks a
question. `flood_other_user_s` is how long that user waits for the answer (target ≤ 2 s).

press: a broadcast to --recipients runs at the limit (300 a second in the fake, so that it
runs long enough to press into); meanwhile --members members press a button, one every
0.1 s. `reply_p99_during_broadcast_s` is the 99th percentile of press → the member's reply
delivered (target ≤ 1 s), with 0 × 429, and the broadcast must still reach ≥ 90 % of its
share of the limit (the share left after INTERACTIVE_SHARE, 20 % by default).
"""

from __future__ import annotations

import argparse
import asyncio
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.broadcast import (  # noqa: E402
    outbox_state,
    prepare,
    recipient_sends,
    start_bot,
    wait_done,
)
from tests.e2e.fake_bot_api import FakeBotApi  # noqa: E402

FLOODER, OTHER, WARM = 5_000_001, 5_000_002, 5_000_003
FIRST_MEMBER = 6_000_000  # below the broadcast's recipients (bench/broadcast.py)
SHARE = 20  # INTERACTIVE_SHARE, percent
QUESTION = "Wo bekommen wir Geld für unser Sommerfest?"
DEFAULT_RATE = 30.0  # BROADCAST_RATE's default: Telegram's overall limit


def _stop(proc: subprocess.Popen) -> None:
    proc.send_signal(signal.SIGTERM)
    try:
        proc.wait(timeout=30)
    except subprocess.TimeoutExpired:
        proc.kill()


def flood(messages: int = 1000, say: Callable[[str], None] = print) -> dict[str, Any]:
    """One user floods; how long another user waits for the answer to a question."""
    with tempfile.TemporaryDirectory() as tmp, FakeBotApi() as api:
        workdir = Path(tmp)
        api.limits.overall = 30.0
        api.limits.per_chat = 1.0
        proc = start_bot(api, workdir / "bench.sqlite3", DEFAULT_RATE, workdir)
        try:
            api.user_sends("/start", user_id=WARM)
            api.wait_sent(WARM, timeout=60)  # the bot is up and polling
            started = time.monotonic()
            for i in range(messages):
                api.user_sends(f"{QUESTION} ({i})", user_id=FLOODER)
            mark = api.mark()
            asked = time.monotonic()
            api.user_sends(QUESTION, user_id=OTHER)
            answer = api.wait_sent(OTHER, since=mark, timeout=1200)
            waited = answer.at - asked
            time.sleep(3.0)  # what the flooder gets in the seconds after
            flooder = len(api.sent(FLOODER))
            too_many = api.too_many
        finally:
            _stop(proc)
    say(f"== flood: {messages} messages from one user, then another user's question")
    say(f"   the other user's answer after {waited:.2f} s (flood sent in {asked - started:.2f} s)")
    say(f"   the flooder got {flooder} messages; 429 answers: {too_many}")
    return {
        "flood_other_user_s": round(waited, 3),
        "flood_messages": messages,
        "flood_flooder_answers": flooder,
        "flood_429": too_many,
    }


def _menu_message(api: FakeBotApi, user_id: int) -> None:
    """A main menu in the member's chat, as /start left it before the broadcast began."""
    message_id = 900_000 + user_id % 100_000
    api.messages[(user_id, message_id)] = {
        "message_id": message_id,
        "date": int(time.time()) - 600,
        "chat": {"id": user_id, "type": "private", "first_name": "M"},
        "from": {"id": 1, "is_bot": True, "first_name": "MO-Lotse", "username": "mo_lotse_bot"},
        "text": "Hauptmenü",
        "reply_markup": {
            "inline_keyboard": [[{"text": "Förderprogramme", "callback_data": "menu:programs"}]]
        },
    }


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def press_during_broadcast(
    recipients: int = 3000,
    members: int = 50,
    rate: float = 300.0,
    say: Callable[[str], None] = print,
) -> dict[str, Any]:
    """Members press a button while a broadcast runs at the limit."""
    with tempfile.TemporaryDirectory() as tmp, FakeBotApi() as api:
        workdir = Path(tmp)
        db_path = workdir / "bench.sqlite3"
        asyncio.run(prepare(db_path, recipients))
        api.limits.overall = rate
        api.limits.per_chat = 1.0
        api.limits.group_per_minute = 20
        pressers = [FIRST_MEMBER + i for i in range(members)]
        for user_id in pressers:
            _menu_message(api, user_id)
        proc = start_bot(api, db_path, rate, workdir, INTERACTIVE_SHARE=str(SHARE))
        latencies: list[float] = []
        answered: list[float] = []  # the button's spinner stops (answerCallbackQuery)
        try:
            deadline = time.monotonic() + 120
            while len(recipient_sends(api)) < recipients // 10:  # the broadcast is under way
                if proc.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError("the broadcast did not start; see the bot's log")
                time.sleep(0.01)
            pressed: list[tuple[int, float, int, str]] = []
            for user_id in pressers:
                mark = api.mark()
                at = time.monotonic()
                query = api.press("menu:programs", user_id=user_id)
                pressed.append((user_id, at, mark, query))
                time.sleep(0.1)
            during = len(recipient_sends(api)) < recipients
            for user_id, at, mark, query in pressed:
                reply = api.wait_sent(user_id, since=mark, timeout=120)
                latencies.append(reply.at - at)
                answered.append(api.wait_answered(query).at - at)
            wait_done(db_path, recipients, timeout=max(60.0, 4 * recipients / rate))
            state = outbox_state(db_path)
        finally:
            _stop(proc)
        sends = recipient_sends(api)  # the broadcast's recipients (the members are others)
        firsts = sorted({int(r.params["chat_id"]): r.at for r in sends}.values())
        span = firsts[-1] - firsts[0]
        achieved = (len([r for r in sends if r.at <= firsts[-1]]) - 1) / span if span else 0.0
        share_rate = rate * (100 - SHARE) / 100
    p50, p99 = _percentile(latencies, 0.5), _percentile(latencies, 0.99)
    say(
        f"== {members} members press a button during a broadcast to {recipients} "
        f"(limit {rate:g}/s, {SHARE} % kept for replies)"
    )
    say(f"   reply p50 {p50:.3f} s, p99 {p99:.3f} s, worst {max(latencies):.3f} s")
    say(f"   the button answered: p50 {_percentile(answered, 0.5):.3f} s")
    say(f"   all pressed while the broadcast ran: {during}; outbox: {dict(state)}")
    say(
        f"   broadcast {achieved:.1f}/s = {achieved / share_rate:.1%} of its share "
        f"({share_rate:g}/s), {achieved / rate:.1%} of the limit; 429 answers: {api.too_many}"
    )
    return {
        "reply_p50_during_broadcast_s": round(p50, 3),
        "reply_p99_during_broadcast_s": round(p99, 3),
        "reply_429": api.too_many,
        "reply_broadcast_share_ratio": round(achieved / share_rate, 3),
        "reply_pressed_during_broadcast": during,
    }


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--flood", type=int, default=1000)
    p.add_argument("--recipients", type=int, default=3000)
    p.add_argument("--members", type=int, default=50)
    args = p.parse_args()
    figures = flood(args.flood)
    figures.update(press_during_broadcast(args.recipients, args.members))
    ok = (
        figures["flood_other_user_s"] <= 2.0
        and figures["reply_p99_during_broadcast_s"] <= 1.0
        and figures["reply_429"] == 0
        and figures["reply_broadcast_share_ratio"] >= 0.9
    )
    print("OK" if ok else "FAILED")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
