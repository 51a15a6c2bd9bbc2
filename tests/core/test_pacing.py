"""One pacer for everything the bot sends: replies keep their share while a broadcast runs
(issue 14, finding 10). Simulated on a virtual clock: the slots are what is checked."""

from __future__ import annotations

import asyncio
import bisect
import itertools

from bot.core.pacing import SAFETY, Pacer

RATE = 30.0


class VirtualClock:
    def __init__(self) -> None:
        self.now = 0.0

    def monotonic(self) -> float:
        return self.now

    def time(self) -> float:
        return self.now

    async def sleep(self, seconds: float) -> None:
        self.now += max(0.0, seconds)


def _simulate(pacer: Pacer, clock: VirtualClock, presses: list[float], seconds: float):
    """A broadcast books slot after slot for `seconds`; members' replies come at `presses`
    (each to a chat of its own) and book at their turn. Returns the bulk slots, the replies'
    slots and their waits."""
    bulk: list[float] = []
    replies: list[float] = []
    waits: list[float] = []
    pending = sorted(presses)
    turns: list[tuple[float, float, int]] = []
    members = itertools.count(1)
    chat = 10_000
    while clock.now < seconds:
        while pending and pending[0] <= clock.now:
            at, who = pending.pop(0), next(members)
            turns.append((pacer.reply_turn(who), at, who))
        for turn, at, who in [t for t in turns if t[0] <= clock.now]:
            turns.remove((turn, at, who))
            slot = pacer.reply(who)
            replies.append(slot)
            waits.append(slot - at)
        slot = pacer.reserve(chat)
        chat += 1
        bulk.append(slot)
        clock.now = max(clock.now, slot)
    return bulk, replies, waits


def _most_in_a_second(slots: list[float]) -> int:
    slots = sorted(slots)
    return max(bisect.bisect_left(slots, s + 1.0) - i for i, s in enumerate(slots))


def test_replies_never_wait_behind_a_broadcast_and_the_limit_holds():
    clock = VirtualClock()
    pacer = Pacer(RATE, clock, share=0.2)
    presses = [2.0 + i * 0.25 for i in range(50)]  # 50 members within 12.5 s
    bulk, replies, waits = _simulate(pacer, clock, presses, seconds=20.0)
    assert len(replies) == 50
    assert max(waits) <= 1.0  # nobody waits a second for their reply
    assert _most_in_a_second(bulk + replies) <= RATE  # 0 × 429
    # the broadcast slowed by the replies only: still ≥ 90 % of its share (80 %)
    achieved = (len(bulk) - 1) / (bulk[-1] - bulk[0])
    assert achieved >= 0.9 * 0.8 * RATE


def test_a_burst_of_replies_gets_its_share_at_once_and_the_broadcast_the_rest():
    clock = VirtualClock()
    pacer = Pacer(RATE, clock, share=0.2)
    presses = [3.0] * 20  # twenty members press at the same moment
    bulk, replies, waits = _simulate(pacer, clock, presses, seconds=10.0)
    assert _most_in_a_second(bulk + replies) <= RATE
    # 20 % of 29.1/s is 5.8 replies a second: the last of 20 waits about 3.3 s, not the
    # broadcast's whole remaining run
    assert max(waits) <= 20 / (0.2 * RATE * SAFETY) + 0.01
    during = [s for s in bulk if 3.0 <= s < 6.0]
    assert len(during) >= 0.9 * 0.8 * RATE * 3.0


def test_without_a_broadcast_replies_may_use_the_whole_budget():
    clock = VirtualClock()
    pacer = Pacer(RATE, clock, share=0.2)
    clock.now = 100.0
    turns = [pacer.reply_turn(chat) for chat in range(1, 30)]
    assert turns[-1] - 100.0 <= 29 / (RATE * SAFETY)


async def test_one_chat_gets_one_message_a_second():
    clock = VirtualClock()
    pacer = Pacer(RATE, clock)
    await pacer.wait_reply(5)
    first = clock.now
    await pacer.wait_reply(5)
    assert clock.now - first >= 1.0
    pacer.hold(5, 7.0)
    held = clock.now
    await pacer.wait_reply(5)
    assert clock.now >= held + 7.0


class StoppedClock(VirtualClock):
    """Time stands still; a sleeper sleeps until the test ends."""

    async def sleep(self, seconds: float) -> None:
        if seconds > 0:
            await asyncio.get_running_loop().create_future()


async def test_a_chat_that_must_wait_holds_up_no_one_else():
    """A second message to one chat waits a second; replies and bulk sends to other chats
    go on meanwhile (a status message waiting for the coordinator's chat once moved every
    slot back by a second, replies included)."""
    clock = StoppedClock()
    pacer = Pacer(RATE, clock, share=0.2)
    await pacer.wait(7)  # a status message to the coordinator
    waiting = asyncio.create_task(pacer.wait(7))  # the next one waits for the chat
    await asyncio.sleep(0)
    assert pacer.reserve(10_001) < 0.1  # a broadcast recipient: at once
    assert pacer.reply_turn(5) < 0.1  # a member's reply: at once
    pacer.reply(5)
    assert pacer.reply_turn(5) >= 1.0  # the same member's next message: a second later
    assert pacer.reply_turn(6) < 0.5  # another member: within the replies' lane
    waiting.cancel()


async def test_a_slot_booked_by_the_sender_is_used_once():
    """The broadcast's status message books with `wait` and then sends: that request must
    not book a second slot (it would wait a second for the same chat and stall the worker)."""
    clock = VirtualClock()
    pacer = Pacer(RATE, clock)
    assert not pacer.take_booked(7)
    await pacer.wait(7)
    assert pacer.take_booked(7)
    assert not pacer.take_booked(7)  # once
    await pacer.wait(8)
    clock.now += 5.0
    assert not pacer.take_booked(8)  # a booking left unused is forgotten
