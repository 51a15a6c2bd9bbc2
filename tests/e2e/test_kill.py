"""kill -9 in the middle of sending, a restart on the same database, and what users got.

The work is queued in the database before the start (a broadcast; reminders already due),
so the process begins sending at once, exactly as after a restart. The fake delays each
request a little on its way in: a request still on its way when the process dies never
arrives, as on a real network.
"""

import sqlite3
import time
from collections import Counter
from datetime import UTC, datetime, timedelta

from bot.broadcast.service import Audience
from bot.events.occurrences import DEFAULT_LEADS
from bot.events.reminders import IN_FLIGHT
from tests.e2e.fake_bot_api import FakeBotApi
from tests.e2e.fake_bot_api_faults import Faults
from tests.e2e.helpers import (
    BERLIN,
    COORDINATOR,
    BotProcess,
    add_members,
    seed,
    t,
    wait_finished,
)

MEMBERS = {800000 + i: ("de", "tr")[i % 2] for i in range(40)}
TEXTS = {"": "Einladung zum Netzwerktreffen", "tr": "Ağ toplantısına davet"}
ACK = "Treffen der ACK Wiesbaden"


def _delivered(api: FakeBotApi, chats: dict[int, str], test=lambda text: True) -> Counter[int]:
    return Counter(
        r.chat_id
        for r in api.sent()
        if r.chat_id in chats and r.method == "sendMessage" and test(r.text)
    )


def _wait_count(api: FakeBotApi, count, at_least: int) -> None:
    api.wait_until(lambda: True if len(count()) >= at_least else None, 60, f"{at_least} sent")


def on_the_way(api: FakeBotApi) -> None:
    """Wait until requests set out anew (none, then some on their way): the kill's moment."""
    api.wait_until(lambda: True if not api.in_transit else None, 60, "a pause")
    api.wait_until(lambda: True if api.in_transit else None, 60, "a request on its way")


def test_a_broadcast_killed_midway_reaches_everybody_after_the_restart(tmp_path):
    async def queue(db):
        await add_members(db, {**MEMBERS, COORDINATOR: "en"})
        people = [(uid, lang) for uid, lang in MEMBERS.items()]
        await db.outbox.create_broadcast(
            COORDINATOR, Audience("all").to_json(), TEXTS, None, people
        )

    with FakeBotApi() as api:
        api.faults = Faults(latency=0.05, methods={"sendMessage"})
        bot = BotProcess(api, tmp_path, BROADCAST_RATE="20")
        seed(bot.db_path, queue)
        bot.start()
        _wait_count(api, lambda: _delivered(api, MEMBERS), 12)
        on_the_way(api)
        bot.kill()
        before = sum(_delivered(api, MEMBERS).values())
        restart = api.mark()
        bot.start()
        try:
            wait_finished(api, restart)
            _wait_count(api, lambda: _delivered(api, MEMBERS), len(MEMBERS))
        finally:
            bot.stop()
    got = _delivered(api, MEMBERS)
    assert before < len(MEMBERS)  # it was killed in the middle
    assert set(got) == set(MEMBERS)  # everybody got it
    assert sum(got.values()) - len(MEMBERS) <= 1  # at most the one in flight, twice
    for member, lang in MEMBERS.items():
        assert set(api.texts(member)) == {TEXTS.get(lang) or TEXTS[""]}


SUBSCRIBERS = {810000 + i: "de" for i in range(40)}
HEADING = t("de").gettext("Reminder: {title}", title=ACK)


def _iso(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat(timespec="seconds")


def _reminders_due_now(db_path) -> datetime:
    """The subscribers follow the ACK network, whose meeting tomorrow has its "1 day
    before" reminder due at the last full minute (reminder times are whole minutes)."""
    due = datetime.now(BERLIN).replace(second=0, microsecond=0)
    meeting = due + timedelta(days=1)

    async def plan(db):
        await add_members(db, SUBSCRIBERS)
        for user_id in SUBSCRIBERS:
            await db.events.subscribe(
                user_id, "ack", "de", DEFAULT_LEADS, _iso(due - timedelta(days=1))
            )
        await db.events.add_event(
            series="ack-treffen",
            entry_id="ack",
            title=None,
            day=meeting.date().isoformat(),
            start_time=meeting.strftime("%H:%M"),
            place=None,
            note=None,
        )
        for notice in await db.events.pending_notices():  # not what these tests are about
            await db.events.finish_notice(notice.id)
        await db.events.set_reminder_watermark(_iso(due - timedelta(seconds=1)))

    seed(db_path, plan)
    return due


def _reminded(api: FakeBotApi) -> Counter[int]:
    return _delivered(api, SUBSCRIBERS, lambda text: text.startswith(HEADING))


def _wait_checked(bot: BotProcess, due: datetime) -> None:
    """Until the database says reminders were checked past `due`, or the log says the
    check was skipped."""
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and "was missed by" not in bot.log():
        with sqlite3.connect(f"file:{bot.db_path}?mode=ro", uri=True, timeout=10) as conn:
            row = conn.execute(
                "SELECT value FROM settings WHERE key = 'reminders_checked_until'"
            ).fetchone()
        if row is not None and row[0] > _iso(due):
            return
        time.sleep(0.2)  # the bot's own database is the only witness of "nothing more"


def test_reminders_killed_while_being_sent_are_never_repeated(tmp_path):
    """At most once (the issue's rule; Telegram has no idempotency key): the batch in
    flight at the kill is recorded 'unknown' and logged, everybody else gets it once."""
    with FakeBotApi() as api:
        api.faults = Faults(latency=0.4, methods={"sendMessage"})
        bot = BotProcess(api, tmp_path)
        due = _reminders_due_now(bot.db_path)
        bot.start()
        _wait_count(api, lambda: _reminded(api), 10)
        on_the_way(api)  # the next batch
        bot.kill()
        before = sum(_reminded(api).values())
        api.faults = Faults()
        bot.start()
        try:
            _wait_checked(bot, due)
        finally:
            bot.stop()
        log = bot.log()
    got = _reminded(api)
    with sqlite3.connect(f"file:{bot.db_path}?mode=ro", uri=True) as conn:
        states = dict(conn.execute("SELECT user_id, state FROM reminder_deliveries"))
    cut_off = {uid for uid in SUBSCRIBERS if states[uid] == "unknown"}
    assert before < len(SUBSCRIBERS)  # it was killed in the middle
    assert all(n == 1 for n in got.values())  # nobody twice
    assert set(got) | cut_off == set(SUBSCRIBERS)  # nobody silently lost
    assert 0 < len(cut_off) <= IN_FLIGHT
    assert {uid for uid in SUBSCRIBERS if states[uid] == "sent"} == set(got) - cut_off
    assert f"{len(cut_off)} reminder(s) were in flight at a stop; not repeated" in log


def test_reminders_due_at_start_go_out_when_the_bot_api_answers_slowly(tmp_path):
    with FakeBotApi() as api:
        # 150 ms per call on the way in, as to a distant server: the menus take ~1.6 s
        api.faults = Faults(latency=0.15, methods={"setMyCommands", "setChatMenuButton"})
        bot = BotProcess(api, tmp_path)
        due = _reminders_due_now(bot.db_path)
        bot.start()
        try:
            _wait_checked(bot, due)
        finally:
            bot.stop()
    assert set(_reminded(api)) == set(SUBSCRIBERS)
