"""Dates and reminders for members (menu:dates, /next, /reminders, rm:, remind:, evd:, evi:)
and the reminder jobs: wake-up calls whose source of truth is the database.

misfire_grace_time=None on every reminder job: APScheduler's default (1 s) would silently
skip a job the event loop started late; a late job still runs, and the watermark in the
database decides what it sends.
"""

from __future__ import annotations

from datetime import time

from telegram import InputFile, Update

from bot.core.reply import Reply, esc
from bot.events import (
    EventCalendar,
    EventPage,
    FollowTarget,
    Lead,
    Remind,
    Reminders,
    Unremind,
    menus,
    pages,
)
from bot.events.occurrences import LEADS
from bot.events.service import iso
from bot.handlers.context import BotContext
from bot.handlers.jobs import App, fresh_job_queue
from bot.handlers.messages import alert, refuse_button, reply, send, show
from bot.home import Menu

ICS_NAME = "mo-lotse.ics"
JOB_PREFIX = "reminders@"
CATCH_UP_JOB = "reminders:catch-up"
REPLAN_JOB = "reminders:replan"


async def show_dates(update: Update, context: BotContext, data: Menu) -> None:
    """The main menu's "Dates and networks": upcoming dates, my reminders, the networks."""
    services = context.services
    found = await services.events.upcoming()
    page = menus.dates_page(
        context.t, services.knowledge, services.desk.catalog, found, context.is_coordinator
    )
    await show(update, context, page)


async def show_next(update: Update, context: BotContext) -> None:
    """/next: the upcoming dates of what the user follows."""
    if context.user is None:
        return
    services = context.services
    followed, found = await services.events.my_upcoming(context.user.id)
    page = menus.next_page(context.t, followed, found, services.desk.catalog, services.knowledge)
    await send(update, context, page)


async def show_reminders(update: Update, context: BotContext, data: object = None) -> None:
    """/reminders and rm:home: what the user follows and when they are reminded."""
    if context.user is None:
        return
    services, user_id = context.services, context.user.id
    page = menus.reminders_page(
        context.t,
        services.knowledge,
        services.events.targets(),
        await services.db.events.subscriptions_of(user_id),
        await services.events.leads_of(user_id),
    )
    await reply(update, context, page)


async def toggle_target(update: Update, context: BotContext, data: FollowTarget) -> None:
    """rm:t:<target>: follow or stop following a network, a program or everything."""
    events = context.services.events
    if context.user is None or data.target not in events.targets():
        await refuse_button(update, context)
        return
    await events.toggle(context.user.id, context.locale, data.target)
    wake(context.application)
    await show_reminders(update, context)


async def show_leads(update: Update, context: BotContext, data: Reminders) -> None:
    """rm:leads: choose the reminder times."""
    if context.user is None:
        return
    leads = await context.services.events.leads_of(context.user.id)
    await show(update, context, menus.leads_page(context.t, leads))


async def toggle_lead(update: Update, context: BotContext, data: Lead) -> None:
    """rm:l:<lead>: add or remove a reminder time (at least one stays)."""
    if context.user is None or data.lead not in LEADS:
        await refuse_button(update, context)
        return
    events = context.services.events
    if not await events.toggle_lead(context.user.id, context.locale, data.lead):
        await alert(update, context.t.gettext("At least one reminder time is needed."))
        return
    wake(context.application)
    await show_leads(update, context, data=Reminders("leads"))


async def remind_entry(update: Update, context: BotContext, data: Remind) -> None:
    """remind:<entry_id>: follow the dates of an entry (the program pages' button)."""
    services, events = context.services, context.services.events
    if context.user is None or not services.desk.catalog.for_entry(data.entry):
        await refuse_button(update, context)
        return
    await events.follow(context.user.id, context.locale, data.entry)
    wake(context.application)
    _, found = await events.my_upcoming(context.user.id)
    mine = [o for o in found if o.entry_id == data.entry]
    name = pages.target_name(context.t, data.entry, services.knowledge)
    leads = await events.leads_of(context.user.id)
    if update.callback_query:
        await update.callback_query.answer()
    await send(update, context, menus.remind_done(context.t, name, mine, leads))


async def unremind_entry(update: Update, context: BotContext, data: Unremind) -> None:
    """unremind:<entry_id>: stop following an entry's dates."""
    if context.user is None:
        return
    await context.services.db.events.unsubscribe(context.user.id, data.entry)
    name = pages.target_name(context.t, data.entry, context.services.knowledge)
    text = context.t.gettext("I will no longer remind you of “{title}”.", title=name)
    await show(update, context, Reply(esc(text), ((menus.my_reminders_button(context.t),),)))


async def show_event(update: Update, context: BotContext, data: EventPage) -> None:
    """evd:<event_key>: an event's page with its next dates."""
    services = context.services
    view = await services.events.event_view(data.event)
    if view is None or context.user is None:
        await refuse_button(update, context)
        return
    followed = await services.db.events.subscriptions_of(context.user.id)
    following = "*" in followed or view.entry_id in followed
    page = menus.event_page(context.t, view, services.desk.catalog, services.knowledge, following)
    await show(update, context, page)


async def send_event_calendar(update: Update, context: BotContext, data: EventCalendar) -> None:
    """evi:<event_key>: the .ics of one event."""
    events = context.services.events
    if await events.event_view(data.event) is None:
        await refuse_button(update, context)
        return
    content = await events.calendar_file(context.t, event_key=data.event)
    await _send_calendar(update, context, content)


async def send_my_calendar(update: Update, context: BotContext, data: Reminders) -> None:
    """rm:ics: the .ics of everything the user follows."""
    if context.user is None:
        return
    content = await context.services.events.calendar_file(context.t, user_id=context.user.id)
    await _send_calendar(update, context, content)


async def _send_calendar(update: Update, context: BotContext, content: bytes) -> None:
    chat = update.effective_chat
    if update.callback_query:
        await update.callback_query.answer()
    if chat is None:
        return
    caption = context.t.gettext("Calendar file: open it to add the dates to your calendar.")
    await context.bot.send_document(
        chat.id, InputFile(content, filename=ICS_NAME), caption=esc(caption)
    )


async def rebuild(app: App) -> int:
    """(Re)schedule one wake-up job per distinct due instant; returns how many."""
    jobs, services = app.job_queue, app.bot_data.services
    if jobs is None:
        return 0
    for job in jobs.jobs():
        if job.name and job.name.startswith(JOB_PREFIX):
            job.schedule_removal()
    now = services.desk.clock.now()
    due = await services.events.due_instants()
    for at in due:
        name = f"{JOB_PREFIX}{iso(at)}"
        # relative to the injected clock, so a shifted clock (tests, bench) fires in real time
        jobs.run_once(
            run_reminders,
            when=at - now,
            name=name,
            job_kwargs={"id": name, "replace_existing": True, "misfire_grace_time": None},
        )
    return len(due)


def schedule(app: App) -> None:
    """At start: catch up at once (missed while down), then re-plan every night."""
    jobs = fresh_job_queue(app, CATCH_UP_JOB, REPLAN_JOB)
    if jobs is None:
        return
    # No misfire grace: post_init goes on (command menus over the network) before the
    # scheduler starts, and APScheduler's default 1 s would silently skip the catch-up.
    jobs.run_once(
        run_reminders, when=0, name=CATCH_UP_JOB, job_kwargs={"misfire_grace_time": None}
    )
    jobs.run_daily(
        replan,
        time=time(0, 5),
        name=REPLAN_JOB,
        job_kwargs={"misfire_grace_time": 6 * 3600, "coalesce": True},
    )


def wake(app: App) -> None:
    """After a change: deliver notices now and re-plan (from a handler)."""
    if app.job_queue is not None:
        app.job_queue.run_once(
            replan, when=0, name=REPLAN_JOB + ":now", job_kwargs={"misfire_grace_time": None}
        )


async def run_reminders(context: BotContext) -> None:
    """Job: deliver what is due and pending notices."""
    await context.services.reminders.tick()


async def replan(context: BotContext) -> None:
    """Job: deliver what is due, rebuild the wake-up jobs, forget old delivery records."""
    reminders = context.services.reminders
    await reminders.tick()
    await rebuild(context.application)
    await reminders.forget_old()
