"""Introductions: matches, double opt-in, passing on contacts, the cooperation follow-up.

A member whose entry says they want to network asks for suggestions: organisations that
want to network too and share a topic (optionally in the same district), never one they
were introduced to before. A coordinator can propose two organisations, or an organisation
and an office of the knowledge base. Every side asked accepts (choosing what may be passed
on: their Telegram contact, or only the organisation's name) or declines; only when all
sides accepted does each get the other's name and what it chose to share. An office is not
asked: the coordinator who proposed it hears the organisation's answer and passes it on.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from bot.cooperations import pages
from bot.core.reply import Reply
from bot.core.sending import Sender
from bot.db import Database
from bot.db.cooperations import Introduction, NewSide
from bot.db.directory import Organisation
from bot.i18n import Catalogs, Translator
from bot.i18n.locale import decide_locale
from bot.knowledge import Knowledge

log = logging.getLogger(__name__)
SUGGESTIONS = 5
OFFICE = "o."  # the prefix of an office id in a coordinator's choice

Render = Callable[[Translator], Reply]


def iso(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat(timespec="seconds")


def shared_topic(a: Organisation, topics: tuple[str, ...]) -> str | None:
    return next((x for x in a.topics if x in topics), None)


@dataclass(frozen=True)
class Cooperations:
    db: Database
    knowledge: Knowledge
    catalogs: Catalogs
    sender: Sender
    followup_days: int  # INTRODUCTION_FOLLOWUP_DAYS
    default_language: str

    async def own(self, user_id: int) -> Organisation | None:
        return await self.db.directory.organisation_of(user_id)

    async def suggestions(self, org: Organisation, same_district: bool) -> list[Organisation]:
        """Organisations that want to network and share a topic with `org`, never met
        before; those of its district and with more topics in common first."""
        met = await self.db.cooperations.partners_of(org.id)
        found = [
            o
            for o in await self.db.directory.organisations()
            if o.id != org.id
            and o.networking
            and o.id not in met
            and set(o.topics) & set(org.topics)
            and (not same_district or o.district == org.district)
        ]
        found.sort(
            key=lambda o: (o.district != org.district, -len(set(o.topics) & set(org.topics)), o.id)
        )
        return found[:SUGGESTIONS]

    async def pairs(self, limit: int = 8) -> list[tuple[Organisation, Organisation, str]]:
        """For coordinators: pairs that want to network and share a topic, not yet
        introduced; same district first."""
        orgs = [o for o in await self.db.directory.organisations() if o.networking]
        done = await self.db.cooperations.introduced_pairs()
        found = []
        for i, a in enumerate(orgs):
            for b in orgs[i + 1 :]:
                topic = shared_topic(a, b.topics)
                if topic and frozenset((a.id, b.id)) not in done:
                    found.append((a.district != b.district, a.id, b.id, a, b, topic))
        found.sort(key=lambda x: x[:3])
        return [(a, b, topic) for _, _, _, a, b, topic in found[:limit]]

    async def request(
        self, user_id: int, other_id: int, share: str, contact: str
    ) -> Introduction | None:
        """A member asks to be introduced to a suggested organisation; the other side is
        asked at once. None if it is no suggestion of theirs."""
        org = await self.own(user_id)
        if org is None or not org.networking:
            return None
        other = next((o for o in await self.suggestions(org, False) if o.id == other_id), None)
        if other is None:
            return None
        sides = [
            NewSide("a", org.id, user_id, "accepted", share, contact),
            NewSide("b", other.id, other.owner_id),
        ]
        topic = shared_topic(org, other.topics)
        intro_id = await self.db.cooperations.create_introduction(
            "member", None, topic, None, sides
        )
        return await self._ask(intro_id, ["b"])

    async def propose(self, coordinator_id: int, a_id: int, b: str) -> Introduction | None:
        """A coordinator proposes organisation a to organisation b or to office "o.<id>";
        the organisations are asked at once. None if one is unknown or they met before."""
        orgs = {o.id: o for o in await self.db.directory.organisations()}
        a = orgs.get(a_id)
        if a is None:
            return None
        if b.startswith(OFFICE):
            office = self.knowledge.entries.get(b.removeprefix(OFFICE))
            if office is None or office.kind != "office":
                return None
            if await self.db.cooperations.introduced(a.id, office.id):
                return None
            sides = [NewSide("a", a.id, a.owner_id)]
            topic = shared_topic(a, office.topics)
            intro_id = await self.db.cooperations.create_introduction(
                "coordinator", coordinator_id, topic, office.id, sides
            )
            return await self._ask(intro_id, ["a"])
        other = orgs.get(int(b)) if b.isascii() and b.isdigit() else None
        if (
            other is None
            or other.id == a.id
            or await self.db.cooperations.introduced(a.id, other.id)
        ):
            return None
        sides = [NewSide("a", a.id, a.owner_id), NewSide("b", other.id, other.owner_id)]
        intro_id = await self.db.cooperations.create_introduction(
            "coordinator", coordinator_id, shared_topic(a, other.topics), None, sides
        )
        return await self._ask(intro_id, ["a", "b"])

    async def _ask(self, intro_id: int, sides: list[str]) -> Introduction | None:
        intro = await self.db.cooperations.get_introduction(intro_id)
        if intro is None:
            return None
        orgs = {o.id: o for o in await self.db.directory.organisations()}
        for name in sides:
            side = intro.sides[name]
            other = intro.other(side)
            partner = orgs.get(other.org_id) if other else None
            office = self.knowledge.entries.get(intro.office_id) if intro.office_id else None
            await self._send(
                side.user_id,
                lambda t, p=partner, o=office: pages.proposal(t, self.knowledge, intro, p, o),
            )
        return intro

    async def answer(self, user_id: int, intro_id: int, answer: str, contact: str) -> str | None:
        """A side's answer; "accepted", "connected", "declined", or None (not theirs, or
        answered before, or the introduction is closed)."""
        db = self.db.cooperations
        share = None if answer == "no" else answer
        recorded = "declined" if answer == "no" else "accepted"
        if not await db.answer(intro_id, user_id, recorded, share, contact if share else None):
            return None
        intro = await db.get_introduction(intro_id)
        assert intro is not None
        if recorded == "declined":
            await db.close(intro_id, "declined")
            await self._declined(intro, user_id)
            return "declined"
        if intro.all_accepted and await db.close(intro_id, "connected"):
            await self._connect(intro)
            return "connected"
        return "accepted"

    async def _declined(self, intro: Introduction, user_id: int) -> None:
        """Tell a side that had accepted, and the coordinator who proposed it (no names)."""
        for side in intro.sides.values():
            if side.user_id != user_id and side.answer == "accepted" and side.user_id:
                await self._send(side.user_id, pages.declined_notice)
        if intro.coordinator_id:
            await self._send(intro.coordinator_id, lambda t: pages.outcome(t, intro, "declined"))

    async def _connect(self, intro: Introduction) -> None:
        """Both agreed: each side gets the other's name and what it chose to share."""
        orgs = {o.id: o for o in await self.db.directory.organisations()}
        office = self.knowledge.entries.get(intro.office_id) if intro.office_id else None
        for side in intro.sides.values():
            other = intro.other(side)
            partner = orgs.get(other.org_id) if other else None
            await self._send(
                side.user_id,
                lambda t, p=partner, o=other: pages.connected(t, self.knowledge, p, o, office),
            )
        if intro.coordinator_id:
            a = intro.sides["a"]
            await self._send(
                intro.coordinator_id,
                lambda t: pages.outcome(t, intro, "connected", orgs.get(a.org_id), a, office),
            )

    async def send_followups(self, now: datetime) -> int:
        """Ask each side once, INTRODUCTION_FOLLOWUP_DAYS after it was connected, whether a
        cooperation came of it; the row is marked before sending. How many were sent."""
        db = self.db.cooperations
        before = iso(now - timedelta(days=self.followup_days))
        sent = 0
        orgs = {o.id: o for o in await self.db.directory.organisations()}
        for intro_id, name, user_id in await db.due_followups(before):
            if not await db.claim_followup(intro_id, name):
                continue
            intro = await db.get_introduction(intro_id)
            if intro is None:
                continue
            other = intro.other(intro.sides[name])
            partner = orgs.get(other.org_id) if other else None
            office = self.knowledge.entries.get(intro.office_id) if intro.office_id else None
            if await self._send(
                user_id, lambda t, i=intro, p=partner, o=office: pages.followup(t, i, p, o)
            ):
                sent += 1
        return sent

    async def answer_followup(self, user_id: int, intro_id: int, cooperation: bool) -> bool:
        return await self.db.cooperations.answer_cooperation(intro_id, user_id, cooperation)

    async def _send(self, user_id: int | None, render: Render) -> bool:
        if user_id is None:
            return False
        stored, telegram = await self.db.users.languages_of(user_id)
        t = self.catalogs.get(decide_locale(stored, telegram, self.default_language))
        outcome = await self.sender.deliver(user_id, render(t))
        if not outcome.sent:
            log.warning("an introduction message could not be sent (%s)", outcome.kind)
        return outcome.sent
