"""The outbox against Telegram's failure answers, a crash mid-way, and the pacer's limits."""

import asyncio
import itertools
from dataclasses import replace

import pytest

from bot.app import build_application
from bot.broadcast.outbox import MAX_ATTEMPTS
from bot.broadcast.service import Audience
from bot.core.pacing import CATCH_UP_SECONDS, SAFETY, Pacer
from bot.local.runtime import running
from tests.broadcast.helpers import FakeClock, FlakyApi, desk, outbox, sends_to
from tests.conftest import COORDINATOR_ID, Harness

USERS = [3001, 3002, 3003, 3004, 3005]
FORBIDDEN = (403, "Forbidden: bot was blocked by the user", {})
TOO_MANY = (429, "Too Many Requests: retry after 7", {"parameters": {"retry_after": 7}})
SERVER = (500, "Internal Server Error", {})


@pytest.fixture
async def flaky(config, knowledge):
    api = FlakyApi()
    app = build_application(config, request=api, knowledge=knowledge)
    async with running(app):
        yield Harness(app, api)


async def _queue(h, users=USERS):
    for uid in users:
        await h.chat(uid, language_code="de").send("/start")
    h.api.calls.clear()
    return await h.services.db.outbox.create_broadcast(
        COORDINATOR_ID, Audience("all").to_json(), {"": "Hallo"}, None, [(u, "de") for u in users]
    )


async def test_403_marks_unreachable_until_the_user_writes_again(flaky):
    worker = desk(flaky.app)
    bid = await _queue(flaky)
    flaky.api.plan[3002] = [FORBIDDEN]
    await worker.drain()
    rows = await outbox(flaky.services.db, bid)
    assert rows[3002] == ("blocked", 1, "Forbidden: bot was blocked by the user")
    assert all(rows[u][0] == "sent" for u in USERS if u != 3002)
    db = flaky.services.db
    assert await db.users.is_unreachable(3002)
    assert 3002 not in {u.id for u in await db.users.reachable_users()}  # left out next time
    await flaky.chat(3002, language_code="de").send("/start")
    assert not await db.users.is_unreachable(3002)


async def test_429_pauses_everything_for_retry_after_and_is_not_an_attempt(flaky):
    clock = FakeClock()
    worker = desk(flaky.app, clock)
    bid = await _queue(flaky)
    flaky.api.plan[3001] = [TOO_MANY, TOO_MANY]
    await worker.drain()
    rows = await outbox(flaky.services.db, bid)
    assert rows[3001][:2] == ("sent", 1)
    assert sends_to(flaky.api, 3001) == ["Hallo"]
    assert sum(s >= 6.9 for s in clock.slept) >= 2  # waited Telegram's 7 s, twice


async def test_server_errors_are_retried_with_backoff_and_timeouts_are_not(flaky):
    clock = FakeClock()
    worker = desk(flaky.app, clock)
    # several in flight, so the worker's sleeps are the backoff itself rather than what is
    # left of it after pacing the other recipients one by one
    worker.outbox.max_in_flight = 8
    bid = await _queue(flaky)
    flaky.api.plan[3003] = [SERVER, SERVER]  # answered 5xx: certainly not delivered
    flaky.api.plan[3004] = ["timeout"]  # no answer: it may have arrived
    await worker.drain()
    rows = await outbox(flaky.services.db, bid)
    assert rows[3003][:2] == ("sent", 3)
    assert sends_to(flaky.api, 3003) == ["Hallo"]
    assert any(1.9 < s <= 2.1 for s in clock.slept) and any(3.9 < s <= 4.1 for s in clock.slept)
    assert rows[3004] == ("failed", 1, "may have arrived: TimedOut")  # never twice


async def test_persistent_errors_end_as_failed_with_the_reason(flaky):
    worker = desk(flaky.app)
    bid = await _queue(flaky)
    flaky.api.plan[3004] = [SERVER] * (MAX_ATTEMPTS + 2)
    flaky.api.plan[3005] = [(400, "Bad Request: can't parse entities", {})]
    await worker.drain()
    rows = await outbox(flaky.services.db, bid)
    assert rows[3004] == ("failed", MAX_ATTEMPTS, "Internal Server Error")
    assert rows[3005] == ("failed", 1, "Can't parse entities")  # not retried
    assert sends_to(flaky.api, 3004) == []
    report = sends_to(flaky.api, COORDINATOR_ID)[-1]
    t = flaky.services.catalogs.get(flaky.services.config.default_language)
    assert (
        t.gettext(
            "{label}: {sent} sent · {blocked} blocked · {failed} failed · {pending} pending",
            label=t.gettext("Total"),
            sent=3,
            blocked=0,
            failed=2,
            pending=0,
        )
        in report
    )


async def test_resume_after_a_crash_repeats_only_the_message_in_flight(config, knowledge):
    api = FlakyApi()
    app = build_application(config, request=api, knowledge=knowledge)
    async with running(app):
        worker = desk(app)
        worker.outbox.max_in_flight = 1
        bid = await _queue(Harness(app, api))
        api.plan[3003] = ["hang"]  # delivered, then the process dies before it hears back
        task = asyncio.create_task(worker.drain())
        await api.hanging.wait()
        task.cancel()  # the crash: nothing after this point of the run happens
        with pytest.raises(asyncio.CancelledError):
            await task
        rows = await outbox(app.bot_data.services.db, bid)
        assert [rows[u][0] for u in USERS] == ["sent", "sent", "sending", "pending", "pending"]
    app = build_application(config, request=api, knowledge=knowledge)  # the restart
    async with running(app):
        await desk(app).drain()
        rows = await outbox(app.bot_data.services.db, bid)
    assert {s for s, _, _ in rows.values()} == {"sent"}
    assert [len(sends_to(api, u)) for u in USERS] == [1, 1, 2, 1, 1]


async def test_background_worker_resumes_by_itself_after_restart(config, knowledge):
    """No test hook: post_init's watchdog starts the worker, which finds the queued rows."""
    config = replace(config, broadcast_rate=200.0)
    api = FlakyApi()
    app = build_application(config, request=api, knowledge=knowledge)
    async with running(app):
        bid = await _queue(Harness(app, api))
        for _ in range(100):
            b = await app.bot_data.services.db.outbox.get_broadcast(bid)
            if b.status == "done":
                break
            await asyncio.sleep(0.05)
    assert b.status == "done"
    assert [len(sends_to(api, u)) for u in USERS] == [1] * 5


def test_pacer_spaces_sends_evenly_from_the_start():
    clock = FakeClock()
    pacer = Pacer(30, clock)
    slots = [pacer.reserve(chat) for chat in range(1, 61)]
    gaps = [b - a for a, b in itertools.pairwise(slots)]
    assert slots[0] == clock.monotonic()  # no waiting for the first one
    assert all(abs(g - 1 / (30 * SAFETY)) < 1e-9 for g in gaps)  # and no burst either
    assert 59 / 30 < slots[-1] - slots[0] < 59 / 29


def test_pacer_keeps_one_second_per_chat_and_twenty_a_minute_per_group():
    clock = FakeClock()
    pacer = Pacer(1000, clock)
    same = [pacer.reserve(42) for _ in range(3)]
    assert [b - a for a, b in itertools.pairwise(same)] == pytest.approx([1.0, 1.0])
    group = [pacer.reserve(-100) for _ in range(41)]
    assert group[20] - group[0] >= 60.0 and group[19] - group[0] < 60.0
    assert group[40] - group[20] >= 60.0


def test_pacer_catches_up_a_little_after_a_late_wake_up_but_never_bursts():
    clock = FakeClock()
    pacer = Pacer(100, clock)
    pacer.reserve(1)
    clock.mono += 1.0  # the sender was busy for a second
    slots = [pacer.reserve(chat) for chat in range(2, 12)]
    assert slots[0] == pytest.approx(clock.mono - CATCH_UP_SECONDS)
    caught_up = [s for s in slots if s <= clock.mono]
    assert len(caught_up) == 2  # 20 ms at 97 a second: two slots already past, no more


def test_pacer_pause_holds_everything_back():
    clock = FakeClock()
    pacer = Pacer(30, clock)
    pacer.reserve(1)
    pacer.pause(5)
    assert pacer.reserve(2) >= clock.monotonic() + 5
