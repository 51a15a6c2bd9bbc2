"""Introductions: a member's suggestions (itm:, itp:, itq:), answers (ita:), the follow-up
(itf:) and its job, and the coordinators' /introduce (itc:)."""

from __future__ import annotations

import logging

from telegram import Update

from bot.cooperations import (
    CooperationAnswer,
    IntroAnswer,
    IntroDesk,
    Propose,
    ProposeShare,
    desk_pages,
)
from bot.cooperations import pages as intro
from bot.directory import FindPartner
from bot.handlers.context import BotContext
from bot.handlers.jobs import App, ask_hourly_in_daytime
from bot.handlers.messages import refuse_button, reply, show

log = logging.getLogger(__name__)
JOB = "introductions"


def _contact(update: Update) -> str:
    """What "my Telegram contact" is: the @username, else the first name (a mention link)."""
    person = update.effective_user
    if person is None:
        return ""
    return f"@{person.username}" if person.username else person.first_name[:64]


async def find_partners(update: Update, context: BotContext, data: FindPartner) -> None:
    """itm:any|same: organisations to be introduced to, without names."""
    service, t = context.services.cooperations, context.t
    org = await service.own(context.user.id) if context.user else None
    if org is None:
        await refuse_button(update, context)
        return
    if not org.networking:
        await show(update, context, intro.not_networking(t))
        return
    found = await service.suggestions(org, data.scope == "same")
    page = intro.suggestions(t, context.services.knowledge, found, data.scope == "same")
    await show(update, context, page)


async def pick_partner(update: Update, context: BotContext, data: Propose) -> None:
    """itp:<org>: what may be passed on?"""
    await show(update, context, intro.share_choice(context.t, data.org))


async def request_introduction(update: Update, context: BotContext, data: ProposeShare) -> None:
    """itq:<org>:<share>: ask the other organisation."""
    service = context.services.cooperations
    done = None
    if context.user is not None:
        done = await service.request(context.user.id, data.org, data.share, _contact(update))
    if done is None:
        await refuse_button(update, context)
        return
    await show(update, context, intro.requested(context.t))


async def answer_introduction(update: Update, context: BotContext, data: IntroAnswer) -> None:
    """ita:<id>:telegram|name|no: a side's answer; contacts go out when all agreed."""
    service = context.services.cooperations
    outcome = None
    if context.user is not None:
        outcome = await service.answer(
            context.user.id, data.introduction, data.answer, _contact(update)
        )
    if outcome is None:
        await refuse_button(update, context)
        return
    await show(update, context, intro.answered(context.t, outcome))


async def answer_cooperation(update: Update, context: BotContext, data: CooperationAnswer) -> None:
    """itf:<id>:y|n: whether a cooperation came of the introduction."""
    service = context.services.cooperations
    if context.user is None or not await service.answer_followup(
        context.user.id, data.introduction, data.answer == "y"
    ):
        await refuse_button(update, context)
        return
    await show(update, context, intro.thanks(context.t))


async def show_desk(update: Update, context: BotContext, data: object = None) -> None:
    """/introduce and itc:menu: suggested pairs, and choosing oneself."""
    service = context.services.cooperations
    counts = await context.services.db.cooperations.counts()
    page = desk_pages.desk(context.t, context.services.knowledge, await service.pairs(), counts)
    await reply(update, context, page)


async def desk_step(update: Update, context: BotContext, data: IntroDesk) -> None:
    """itc:pair|go|om|oo|ma|mb: choose, confirm, propose."""
    services, t = context.services, context.t
    orgs = {o.id: o for o in await services.db.directory.organisations()}
    if data.action == "menu":
        await show_desk(update, context)
    elif data.action in ("om", "ma", "mb") and (data.a in orgs or data.action != "mb"):
        action = {"om": "oo", "ma": "mb", "mb": "pair"}[data.action]
        await show(update, context, desk_pages.pick_org(t, list(orgs.values()), action, data.a))
    elif data.action == "oo" and data.a in orgs:
        await show(update, context, desk_pages.pick_office(t, services.knowledge, data.a))
    elif data.action == "pair" and data.a in orgs and (name := _name(context, orgs, data.b)):
        await show(update, context, desk_pages.confirm(t, orgs[data.a], name, data.b))
    elif data.action == "go" and context.user is not None:
        made = await services.cooperations.propose(context.user.id, data.a, data.b)
        page = desk_pages.proposed(t, made.id) if made else desk_pages.not_possible(t)
        await show(update, context, page)
    else:
        await refuse_button(update, context)


def _name(context: BotContext, orgs: dict[int, object], b: str) -> str | None:
    """The name of side b: an organisation's number or "o.<office id>"."""
    if b.startswith("o."):
        entry = context.services.knowledge.entries.get(b[2:])
        return entry.text(context.locale).title if entry and entry.kind == "office" else None
    org = orgs.get(int(b)) if b.isascii() and b.isdigit() else None
    return str(getattr(org, "name", "")) or None


def schedule(app: App) -> None:
    """Whether a cooperation came of an introduction: asked hourly, in the daytime."""
    ask_hourly_in_daytime(app, JOB, lambda s, now: s.cooperations.send_followups(now), first=90)
