"""Browsing: offices of a topic (t:<topic>) and entry pages (v:<id>)."""

from telegram import Update

from bot.browse import pages as browse
from bot.browse.entry_page import entry_page
from bot.handlers.common import callback_parts, page_links, refuse_button, show
from bot.handlers.context import BotContext


async def show_topic(update: Update, context: BotContext) -> None:
    """List the offices responsible for a topic."""
    parts = callback_parts(update, 2)
    reply = (
        browse.topic_offices(context.t, context.services.knowledge, parts[1]) if parts else None
    )
    if reply is None:
        await refuse_button(update, context)
        return
    await show(update, context, reply)


async def show_entry(update: Update, context: BotContext) -> None:
    """Open an entry's page from a menu and count it as a referral."""
    parts = callback_parts(update, 2)
    services = context.services
    entry = services.knowledge.entries.get(parts[1]) if parts else None
    if entry is None or context.user is None:
        await refuse_button(update, context)
        return
    key = services.user_key(context.user.id)
    await services.db.questions.log_referral(key, entry.id, entry.kind, "browse")
    page = entry_page(entry, context.t, services.knowledge, page_links(context, entry))
    await show(update, context, page)
