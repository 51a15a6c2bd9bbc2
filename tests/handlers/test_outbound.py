"""The one sender: a block marks the member unreachable everywhere, RetryAfter is honoured,
a timeout is never repeated."""

from datetime import UTC, datetime, timedelta

import pytest

from bot.app import build_application
from bot.broadcast.service import Audience, recipients
from bot.core.reply import Reply
from bot.handlers.outbound import Outbound
from bot.local.runtime import running
from tests.broadcast.helpers import FlakyApi
from tests.conftest import COORDINATOR_ID, Harness, texts

MEMBER, OTHER = 4401, 4402
FORBIDDEN = (403, "Forbidden: bot was blocked by the user", {})
TOO_MANY = (429, "Too Many Requests: retry after 3", {"parameters": {"retry_after": 3}})


@pytest.fixture
async def flaky(config, knowledge):
    api = FlakyApi()
    app = build_application(config, request=api, knowledge=knowledge)
    async with running(app):
        yield Harness(app, api)


async def _hand_over(h: Harness, user_id: int) -> None:
    member = h.chat(user_id, language_code="en")
    calls = await member.send("xyzzy quux frobnicate")  # nothing in the knowledge base
    ho = next(b["callback_data"] for b in calls[-1].buttons if b["callback_data"][:3] == "ho:")
    await member.press(ho)
    await member.press(f"hn:{ho[3:]}:0")


async def test_a_block_met_anywhere_leaves_the_member_out_everywhere_until_they_write(flaky):
    db = flaky.services.db
    for user in (MEMBER, OTHER):
        await flaky.chat(user, language_code="en").press("rm:t:*")  # follows every date
    await _hand_over(flaky, MEMBER)
    await flaky.services.db.questions.log_referral(
        flaky.services.user_key(MEMBER), "kulturamt", "office", "browse"
    )

    # The office answers; the member has blocked the bot meanwhile.
    flaky.api.plan[MEMBER] = [FORBIDDEN]
    coord = flaky.chat(COORDINATOR_ID, language_code="en")
    [note] = texts(await coord.send("/answer 1 Please come on Monday."))
    assert "has blocked the bot" in note
    assert await db.users.is_unreachable(MEMBER)

    # … so no broadcast, reminder or follow-up is addressed to them any more
    people = await recipients(db, "de", Audience("all"))
    assert MEMBER not in dict(people) and OTHER in dict(people)
    claimed = await db.events.claim_reminders(
        ["ack"], "1d", "2030-01-01T00:00:00+00:00", "x", "pending"
    )
    assert [r.user_id for r in claimed] == [OTHER]
    later = datetime.now(UTC) + timedelta(days=14.1)
    assert await flaky.services.followups.send_due(later) == 0
    [row] = await db.fetch_all("SELECT status FROM followups")
    assert row["status"] == "unreachable"
    # … while what they chose is kept (a reminder's 403 used to delete their subscriptions).
    assert await db.events.subscriptions_of(MEMBER) == {"*"}

    await flaky.chat(MEMBER, language_code="en").send("/start")  # they write again
    assert not await db.users.is_unreachable(MEMBER)
    claimed = await db.events.claim_reminders(
        ["ack"], "1d", "2030-01-01T00:00:00+00:00", "y", "pending"
    )
    assert sorted(r.user_id for r in claimed) == [MEMBER, OTHER]


async def test_retry_after_is_honoured_once_and_a_timeout_is_never_repeated(flaky):
    slept: list[float] = []

    async def sleep(seconds: float) -> None:
        slept.append(seconds)

    sender = Outbound(flaky.app.bot, flaky.services.db.users, sleep)
    await flaky.chat(MEMBER).send("/start")

    flaky.api.plan[MEMBER] = [TOO_MANY]
    flaky.api.calls.clear()
    outcome = await sender.deliver(MEMBER, Reply("Hallo"))
    assert outcome.sent and slept == [3.0]
    assert flaky.api.plan[MEMBER] == []  # refused once (the fake records only what it sends) …
    assert [c.method for c in flaky.api.calls] == ["sendMessage"]  # … then sent

    flaky.api.plan[MEMBER] = ["timeout"]
    flaky.api.calls.clear()
    outcome = await sender.deliver(MEMBER, Reply("Hallo"))
    assert outcome.kind == "failed" and "may have arrived" in (outcome.reason or "")
    assert len([c for c in flaky.api.calls if c.method == "sendMessage"]) <= 1  # tried once
    assert not await flaky.services.db.users.is_unreachable(MEMBER)
