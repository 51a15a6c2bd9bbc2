"""Dates and reminders: menu:dates, /next, /reminders (rm:), remind:/unremind:, evd:/evi:."""

from __future__ import annotations

from telegram import InputFile, Update

from bot.core.reply import Reply, esc
from bot.events import menus, pages, reminders, subscriptions
from bot.events.occurrences import LEADS
from bot.handlers.common import callback_parts, refuse_button, send, show
from bot.handlers.context import BotContext

ICS_NAME = "mo-lotse.ics"


async def show_dates(update: Update, context: BotContext) -> None:
    """The main menu's "Dates and networks": upcoming dates, my reminders, the networks."""
    services = context.services
    found = await reminders.upcoming(services)
    desk = services.events
    reply = menus.dates_page(
        context.t, services.knowledge, desk.catalog, found, context.is_coordinator
    )
    await show(update, context, reply)


async def show_next(update: Update, context: BotContext) -> None:
    """/next: the upcoming dates of what the user follows."""
    if context.user is None:
        return
    services = context.services
    followed, found = await subscriptions.my_upcoming(services, context.user.id)
    reply = menus.next_page(
        context.t, followed, found, services.events.catalog, services.knowledge
    )
    await send(update, context, reply)


async def show_reminders(update: Update, context: BotContext) -> None:
    """/reminders and rm:home: what the user follows and when they are reminded."""
    if context.user is None:
        return
    services, user_id = context.services, context.user.id
    reply = menus.reminders_page(
        context.t,
        services.knowledge,
        subscriptions.targets(services),
        await services.db.events.subscriptions_of(user_id),
        await subscriptions.leads_of(services, user_id),
    )
    await (show if update.callback_query else send)(update, context, reply)


async def toggle_target(update: Update, context: BotContext) -> None:
    """rm:t:<target>: follow or stop following a network, a program or everything."""
    parts = callback_parts(update, 3)
    services = context.services
    if parts is None or context.user is None or parts[2] not in subscriptions.targets(services):
        await refuse_button(update, context)
        return
    await subscriptions.toggle(services, context.user.id, context.locale, parts[2])
    reminders.wake(context.application)
    await show_reminders(update, context)


async def show_leads(update: Update, context: BotContext) -> None:
    """rm:leads: choose the reminder times."""
    if context.user is None:
        return
    leads = await subscriptions.leads_of(context.services, context.user.id)
    await show(update, context, menus.leads_page(context.t, leads))


async def toggle_lead(update: Update, context: BotContext) -> None:
    """rm:l:<lead>: add or remove a reminder time (at least one stays)."""
    parts = callback_parts(update, 3)
    if parts is None or context.user is None or parts[2] not in LEADS:
        await refuse_button(update, context)
        return
    services = context.services
    if not await subscriptions.toggle_lead(services, context.user.id, context.locale, parts[2]):
        text = context.t.gettext("At least one reminder time is needed.")
        if update.callback_query:
            await update.callback_query.answer(text, show_alert=True)
        return
    reminders.wake(context.application)
    await show_leads(update, context)


async def remind_entry(update: Update, context: BotContext) -> None:
    """remind:<entry_id>: follow the dates of an entry (the program pages' button)."""
    parts = callback_parts(update, 2)
    services = context.services
    if parts is None or context.user is None or not services.events.catalog.for_entry(parts[1]):
        await refuse_button(update, context)
        return
    await subscriptions.follow(services, context.user.id, context.locale, parts[1])
    reminders.wake(context.application)
    _, found = await subscriptions.my_upcoming(services, context.user.id)
    mine = [o for o in found if o.entry_id == parts[1]]
    name = pages.target_name(context.t, parts[1], services.knowledge)
    leads = await subscriptions.leads_of(services, context.user.id)
    if update.callback_query:
        await update.callback_query.answer()
    await send(update, context, menus.remind_done(context.t, name, mine, leads))


async def unremind_entry(update: Update, context: BotContext) -> None:
    """unremind:<entry_id>: stop following an entry's dates."""
    parts = callback_parts(update, 2)
    if parts is None or context.user is None:
        await refuse_button(update, context)
        return
    await context.services.db.events.unsubscribe(context.user.id, parts[1])
    name = pages.target_name(context.t, parts[1], context.services.knowledge)
    text = context.t.gettext("I will no longer remind you of “{title}”.", title=name)
    await show(update, context, Reply(esc(text), ((menus.my_reminders_button(context.t),),)))


async def show_event(update: Update, context: BotContext) -> None:
    """evd:<event_key>: an event's page with its next dates."""
    parts = callback_parts(update, 2)
    services = context.services
    view = await subscriptions.event_view(services, parts[1]) if parts else None
    if view is None or context.user is None:
        await refuse_button(update, context)
        return
    followed = await services.db.events.subscriptions_of(context.user.id)
    following = "*" in followed or view.entry_id in followed
    desk = services.events
    reply = menus.event_page(context.t, view, desk.catalog, services.knowledge, following)
    await show(update, context, reply)


async def send_event_calendar(update: Update, context: BotContext) -> None:
    """evi:<event_key>: the .ics of one event."""
    parts = callback_parts(update, 2)
    services = context.services
    if parts is None or await subscriptions.event_view(services, parts[1]) is None:
        await refuse_button(update, context)
        return
    data = await subscriptions.calendar_file(services, context.t, event_key=parts[1])
    await _send_calendar(update, context, data)


async def send_my_calendar(update: Update, context: BotContext) -> None:
    """rm:ics: the .ics of everything the user follows."""
    if context.user is None:
        return
    data = await subscriptions.calendar_file(context.services, context.t, user_id=context.user.id)
    await _send_calendar(update, context, data)


async def _send_calendar(update: Update, context: BotContext, data: bytes) -> None:
    chat = update.effective_chat
    if update.callback_query:
        await update.callback_query.answer()
    if chat is None:
        return
    caption = context.t.gettext("Calendar file: open it to add the dates to your calendar.")
    await context.bot.send_document(
        chat.id, InputFile(data, filename=ICS_NAME), caption=esc(caption)
    )
