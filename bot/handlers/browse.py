"""Browsing: the menus of programs, offices and networks, the offices of a topic, entry pages."""

from __future__ import annotations

from telegram import Update

from bot.ask.service import next_deadline
from bot.browse import More, Page, Topic, View, ViewIn
from bot.browse import pages as browse
from bot.browse.details import details_page
from bot.browse.entry import FACETS, PageLinks, PageView, entry_page
from bot.core.reply import Reply
from bot.events import Remind
from bot.handlers.context import BotContext
from bot.handlers.messages import refuse_button, reply, send, show
from bot.i18n import Translator
from bot.i18n.languages import LANGUAGES
from bot.upkeep import Fix


def page_links(context: BotContext, entry_id: str) -> PageLinks:
    """Share needs the bot's username; "remind me" needs deadlines reminders can follow."""
    deadlines = context.services.desk.catalog.deadline_events_for(entry_id)
    remind = Remind(entry_id).data() if deadlines else None
    fix = Fix(entry_id).data() if context.is_coordinator else None  # quick fixes (issue 15)
    return PageLinks(bot_username=context.bot.username, remind=remind, fix=fix)


def menu_page(context: BotContext, item: str) -> Reply | None:
    """The main menu's lists: ask, programs, offices (by topic), dates (the networks)."""
    t, knowledge = context.t, context.services.knowledge
    pages = {
        "ask": lambda: browse.ask_prompt(t),
        "programs": lambda: browse.programs(t, knowledge),
        "offices": lambda: browse.topics(t, knowledge),
    }
    build = pages.get(item)
    return build() if build else None


async def open_entry(
    update: Update,
    context: BotContext,
    entry_id: str,
    how: str | None,
    *,
    keep: bool = False,
    t: Translator | None = None,
) -> None:
    """Show an entry's page; `how` (e.g. browse) counts it as a referral, None: counted already.

    A pressed menu button is replaced by the page; with `keep` (an answer's "Also: …") the
    page comes as a new message below what the member already has. `t`: another language
    than the member's (the one their question was answered in).
    """
    services = context.services
    if how is not None and context.user is not None:
        await services.ask.log_view(context.user.id, entry_id, how)
    entry = services.knowledge.entries[entry_id]
    deadline = await next_deadline(services.events, entry_id)
    view = PageView(entry, t or context.t, services.knowledge, deadline=deadline)
    page = entry_page(view, page_links(context, entry_id))
    if keep:
        if update.callback_query:
            await update.callback_query.answer()
        await send(update, context, page)
    else:
        await reply(update, context, page)


async def show_topic(update: Update, context: BotContext, data: Topic) -> None:
    """List the offices responsible for a topic."""
    found = browse.topic_offices(context.t, context.services.knowledge, data.topic)
    if found is None:
        await refuse_button(update, context)
        return
    await show(update, context, found)


async def show_entry(update: Update, context: BotContext, data: View) -> None:
    """Open an entry's page from a menu and count it as a referral."""
    if data.entry not in context.services.knowledge.entries or context.user is None:
        await refuse_button(update, context)
        return
    await open_entry(update, context, data.entry, "browse")


async def show_entry_in(update: Update, context: BotContext, data: ViewIn) -> None:
    """vl:<entry>:<lang>: an office or word named on a page, in that page's language;
    counted as a referral like any page opened from a button."""
    if (
        data.entry not in context.services.knowledge.entries
        or data.lang not in LANGUAGES
        or context.user is None
    ):
        await refuse_button(update, context)
        return
    t = context.services.catalogs.get(data.lang)
    await open_entry(update, context, data.entry, "browse", t=t)


async def show_more(update: Update, context: BotContext, data: More) -> None:
    """mo:<entry>:<lang>:<facet>: the rest of a page, as a new message in the page's language."""
    services = context.services
    entry = services.knowledge.entries.get(data.entry)
    facet = data.facet if data.facet in FACETS else None
    if entry is None or data.lang not in LANGUAGES or (facet is None and data.facet != "x"):
        await refuse_button(update, context)
        return
    deadline = await next_deadline(services.events, entry.id)
    t = services.catalogs.get(data.lang)
    view = PageView(entry, t, services.knowledge, facet, deadline)
    if update.callback_query:
        await update.callback_query.answer()
    await send(update, context, details_page(view))


async def show_page(update: Update, context: BotContext, data: Page) -> None:
    """pg:<entry>:<lang>: an entry's page in another language (the German text), as a new
    message; not counted again (the member already had the page)."""
    if data.entry not in context.services.knowledge.entries or data.lang not in LANGUAGES:
        await refuse_button(update, context)
        return
    t = context.services.catalogs.get(data.lang)
    await open_entry(update, context, data.entry, None, keep=True, t=t)
